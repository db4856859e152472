/**
 * The årsrapport's handlers. Saving and printing go through the same app glue as the Rapport screen
 * (api/report.ts): a save dialog, and printing the window that shows the Årsrapport screen. From
 * Node (CLI, tests) a file's path comes with the call and PDF says it needs the app.
 */
import { yearOf } from '../../shared/dates';
import { arsrapportViewHtml, loadArsrapportView, writeArsrapportFile } from '../io/arsrapport-files';
import { buildArsrapportFromRegister, firstRegisterDate } from '../store/arsrapport';
import { DomainError } from '../store/errors';
import { NEEDS_APP, reportGlue, writeFailed } from './report';
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
    const glue = reportGlue();
    const { format } = request;
    if (glue && request.path !== undefined) {
      throw new DomainError('forbidden', 'Programmet spør selv hvor filen skal lagres. Prøv igjen uten filnavn.');
    }
    if (!glue && format === 'pdf') throw new DomainError('needs_app', NEEDS_APP);
    if (!glue && request.path === undefined) {
      throw new DomainError('no_path', 'Oppgi hvor årsrapporten skal lagres (path).', 'path');
    }
    const view = refusingSpan(() => loadArsrapportView(reg, request));
    const file = glue
      ? glue.chooseSavePath({ title: SAVE_TITLES[format], defaultName: `${view.fileName}.${format}`, format })
      : (request.path as string);
    if (file === null) return { saved: false, path: null, bytes: 0 };
    const saved = (bytes: number) => ({ saved: true, path: file, bytes });
    try {
      const written =
        format === 'pdf' && glue
          ? glue.printToPdf(file)
          : writeArsrapportFile(view, format as Exclude<typeof format, 'pdf'>, file);
      if (typeof written === 'number') return saved(written);
      return written.then(saved, (error: unknown) => {
        throw writeFailed(error);
      });
    } catch (error) {
      throw writeFailed(error);
    }
  },
  'arsrapport:print': () => {
    const glue = reportGlue();
    if (!glue) throw new DomainError('needs_app', NEEDS_APP);
    return glue.print().then((printed) => ({ printed }));
  },
} satisfies Partial<HandlerMap>;
