/**
 * The report's handlers: numbers, the printable HTML, files. Saving and printing need what only the
 * app has (a save dialog, a window to print): the Electron glue hands that over with
 * `setReportGlue` (app/print.ts); the CLI and the tests run without it, and then a file's path comes
 * with the call and PDF/printing say they need the app.
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
import type { HandlerMap } from './types';

/** What the app gives the report handlers: it asks where to save, and prints its own window. */
export type ReportGlue = {
  /** The user's choice in a save dialog; null when they cancel. */
  chooseSavePath: (options: { title: string; defaultName: string; format: ExportFormat }) => string | null;
  /** Prints the window showing the Rapport screen to a PDF file (A4, page numbers); returns the bytes. */
  printToPdf: (file: string) => Promise<number>;
  /** Opens the printer dialog for that window; false when the user cancels. */
  print: () => Promise<boolean>;
};

let glue: ReportGlue | null = null;

/** Called once by the Electron glue at start (and by tests that stand in for it). */
export function setReportGlue(next: ReportGlue | null): void {
  glue = next;
}

/** The glue as set now (the samlerapport and the Årsrapport save and print through it too); null outside the app. */
export function currentReportGlue(): ReportGlue | null {
  return glue;
}

export const reportGlue = currentReportGlue;

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

export const NEEDS_APP =
  'PDF og utskrift lages av Kullregister-programmets vindu. Fra kommandolinjen: lag --format html og skriv den ut, eller bruk xlsx.';

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
    if (glue && request.path !== undefined) {
      throw new DomainError('forbidden', 'Programmet spør selv hvor filen skal lagres. Prøv igjen uten filnavn.');
    }
    if (!glue && format === 'pdf') throw new DomainError('needs_app', NEEDS_APP);
    if (!glue && request.path === undefined) {
      throw new DomainError('no_path', 'Oppgi hvor rapporten skal lagres (path).', 'path');
    }
    const file = glue
      ? glue.chooseSavePath({ title: SAVE_TITLES[format], defaultName: defaultFileName(reg, request), format })
      : (request.path as string);
    if (file === null) return { saved: false, path: null, bytes: 0 };
    const saved = (bytes: number) => ({ saved: true, path: file, bytes });
    try {
      // A PDF is the window's print of the Rapport screen, which shows this view (the same HTML as report:html).
      const written =
        format === 'pdf' ? (glue as ReportGlue).printToPdf(file) : writeExport(reg, request, format, file);
      if (typeof written === 'number') return saved(written);
      return written.then(saved, (error: unknown) => {
        throw writeFailed(error);
      });
    } catch (error) {
      throw writeFailed(error);
    }
  },
  'report:print': () => {
    if (!glue) throw new DomainError('needs_app', NEEDS_APP);
    return glue.print().then((printed) => ({ printed }));
  },
} satisfies Partial<HandlerMap>;
