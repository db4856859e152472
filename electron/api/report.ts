/**
 * The report's handlers: numbers, the printable HTML, files. Saving and printing need what only the
 * app has (a save dialog, a window to print): the app's host (host.ts); the CLI and the tests run
 * without one, and then a file's path comes with the call and PDF/printing say they need the app.
 */
import type { ExportFormat } from '../../shared/contract/report';
import { kullrapportFileName } from '../../shared/report/samle/file';
import { writeFileAtomic } from '../io/atomic-write';
import { kullrapportForXlsx, kullrapportFromRegister, kullrapportText } from '../io/kullrapport';
import {
  loadReportView,
  reportFileName,
  reportViewHtml,
  reportViewTitle,
  type ViewRequest,
  writeReportViewFile,
} from '../io/report-files';
import type { Register } from '../store/connection';
import { DomainError, reasonOf } from '../store/errors';
import { buildMonthlyFromRegister, buildReportFromRegister } from '../store/report';
import { getSettings } from '../store/settings';
import { type FileKind, fileTarget, requirePrinter } from './host';
import { NOT_SAVED, printWindow, savedFile } from './report-output';
import type { HandlerMap } from './types';

/** The file kind each format's save dialog offers. */
export const FILE_KINDS: Record<ExportFormat, FileKind> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  xlsx: { name: 'Excel-arbeidsbok', extensions: ['xlsx'] },
  csv: { name: 'CSV (semikolonseparert)', extensions: ['csv'] },
  json: { name: 'JSON', extensions: ['json'] },
  kullrapport: { name: 'Rapportfil for samlerapport', extensions: ['json'] },
};

const SAVE_TITLES: Record<ExportFormat, string> = {
  pdf: 'Lagre rapporten som PDF',
  xlsx: 'Lagre rapporten som Excel',
  csv: 'Lagre rapporten som CSV',
  json: 'Lagre rapporten som JSON',
  kullrapport: 'Lagre rapportfil for samlerapporten',
};

/** The file name the save dialog suggests: rapport-2026-10.xlsx, or `Mat & prat 2026-10-01–2026-10-31.kullrapport.json`. */
function defaultFileName(reg: Register, request: { from: string; to: string; format: ExportFormat }): string {
  if (request.format === 'kullrapport') {
    return kullrapportFileName(getSettings(reg).tiltak, request.from, request.to);
  }
  return `${reportFileName(request)}.${request.format}`;
}

/** Writes the file of one format; the XLSX carries the samlerapport's report file in a hidden sheet. */
function writeExport(reg: Register, request: ViewRequest, format: Exclude<ExportFormat, 'pdf'>, file: string) {
  if (format === 'kullrapport') {
    return writeFileAtomic(file, kullrapportText(kullrapportFromRegister(reg, request.from, request.to)));
  }
  const extra = format === 'xlsx' ? kullrapportForXlsx(reg, request.from, request.to) : undefined;
  return writeReportViewFile(loadReportView(reg, request), format, file, extra);
}

export function writeFailed(error: unknown): DomainError {
  // A refusal of our own (no tiltak name for the samlerapport's file) already says what to do.
  if (error instanceof DomainError) return error;
  return new DomainError(
    'write_failed',
    `Rapporten kunne ikke lagres. ${reasonOf(error)} Er filen åpen i Excel? Lukk den, eller velg et annet filnavn eller en annen mappe.`,
  );
}

export const reportHandlers = {
  'report:build': (reg, { from, to }) => buildReportFromRegister(reg, from, to),
  'report:monthly': (reg, { year, month }) => buildMonthlyFromRegister(reg, year, month),
  'report:html': (reg, request) => {
    const view = loadReportView(reg, request);
    return { html: reportViewHtml(view), title: reportViewTitle(view), fileName: reportFileName(view) };
  },
  // Checks and CSV/JSON run at once; only the XLSX writer and printing are asynchronous.
  'report:export': (reg, request) => {
    const { format } = request;
    const printer = format === 'pdf' ? requirePrinter() : null;
    const target = fileTarget(request.path, { missing: 'Oppgi hvor rapporten skal lagres (path).' });
    const file = target.save({
      title: SAVE_TITLES[format],
      defaultName: defaultFileName(reg, request),
      kind: FILE_KINDS[format],
    });
    if (file === null) return NOT_SAVED;
    // A PDF is the window's print of the Rapport screen, which shows this view (the same HTML as report:html).
    return savedFile(
      file,
      () =>
        printer ? printer.printToPdf(file) : writeExport(reg, request, format as Exclude<ExportFormat, 'pdf'>, file),
      writeFailed,
    );
  },
  'report:print': () => printWindow(),
} satisfies Partial<HandlerMap>;
