/**
 * The årsrapport's handlers. Saving and printing go through the same app glue as the Rapport screen
 * (api/report.ts): a save dialog, and printing the window that shows the Årsrapport screen. From
 * Node (CLI, tests) a file's path comes with the call and PDF says it needs the app.
 */
import { yearOf } from '../../shared/dates';
import { arsrapportViewHtml, loadArsrapportView, writeArsrapportFile } from '../io/arsrapport-files';
import { buildArsrapportFromRegister, firstRegisterDate } from '../store/arsrapport';
import { DomainError } from '../store/errors';
import { fileTarget, requirePrinter } from './host';
import { FILE_KINDS, writeFailed } from './report';
import { NOT_SAVED, printWindow, savedFile } from './report-output';
import type { HandlerMap } from './types';

const SAVE_TITLES = {
  pdf: 'Lagre årsrapporten som PDF',
  xlsx: 'Lagre årsrapporten som Excel',
  csv: 'Lagre årsrapporten som CSV',
  json: 'Lagre årsrapporten som JSON',
} as const;

/** A span the engine refuses (more than ten years) is the user's to fix: a Norwegian refusal. */
function refusingSpan<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RangeError) throw new DomainError('invalid_input', error.message, 'last');
    throw error;
  }
}

export const arsrapportHandlers = {
  'arsrapport:build': (reg, span) => refusingSpan(() => buildArsrapportFromRegister(reg, span)),
  'arsrapport:html': (reg, span) =>
    refusingSpan(() => {
      const view = loadArsrapportView(reg, span);
      const first = firstRegisterDate(reg);
      return {
        html: arsrapportViewHtml(view),
        title: view.title,
        fileName: view.fileName,
        first: view.report.years[0]?.year ?? 0,
        last: view.report.years.at(-1)?.year ?? 0,
        registerFirstYear: first === null ? null : yearOf(first),
        smallNumbersHidden: view.report.small_numbers_hidden,
      };
    }),
  'arsrapport:export': (reg, request) => {
    const { format } = request;
    const printer = format === 'pdf' ? requirePrinter() : null;
    const target = fileTarget(request.path, { missing: 'Oppgi hvor årsrapporten skal lagres (path).' });
    const view = refusingSpan(() => loadArsrapportView(reg, request));
    const file = target.save({
      title: SAVE_TITLES[format],
      defaultName: `${view.fileName}.${format}`,
      kind: FILE_KINDS[format],
    });
    if (file === null) return NOT_SAVED;
    return savedFile(
      file,
      () =>
        printer ? printer.printToPdf(file) : writeArsrapportFile(view, format as Exclude<typeof format, 'pdf'>, file),
      writeFailed,
    );
  },
  'arsrapport:print': () => printWindow(),
} satisfies Partial<HandlerMap>;
