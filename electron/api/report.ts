/**
 * The report's handlers: numbers, the printable HTML, files. Saving and printing need what only the
 * app has (a save dialog, a window to print): the Electron glue hands that over with
 * `setReportGlue` (app/print.ts); the CLI and the tests run without it, and then a file's path comes
 * with the call and PDF/printing say they need the app.
 */
import type { ExportFormat } from '../../shared/contract/report';
import {
  loadReportView,
  reportFileName,
  reportViewHtml,
  reportViewTitle,
  writeReportViewFile,
} from '../io/report-files';
import { DomainError } from '../store/errors';
import { buildMonthlyFromRegister, buildReportFromRegister } from '../store/report';
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

/** The glue the app handed over, if any: the Årsrapport's handlers save and print through it too. */
export function reportGlue(): ReportGlue | null {
  return glue;
}

const SAVE_TITLES: Record<ExportFormat, string> = {
  pdf: 'Lagre rapporten som PDF',
  xlsx: 'Lagre rapporten som Excel',
  csv: 'Lagre rapporten som CSV',
  json: 'Lagre rapporten som JSON',
};

export const NEEDS_APP =
  'PDF og utskrift lages av Kullregister-programmets vindu. Fra kommandolinjen: lag --format html og skriv den ut, eller bruk xlsx.';

export function writeFailed(error: unknown): DomainError {
  const detail = error instanceof Error ? error.message : String(error);
  return new DomainError(
    'write_failed',
    `Rapporten kunne ikke lagres (${detail}). Er filen åpen i Excel? Lukk den, eller velg et annet filnavn eller en annen mappe.`,
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
      ? glue.chooseSavePath({ title: SAVE_TITLES[format], defaultName: `${reportFileName(request)}.${format}`, format })
      : (request.path as string);
    if (file === null) return { saved: false, path: null, bytes: 0 };
    const saved = (bytes: number) => ({ saved: true, path: file, bytes });
    try {
      // A PDF is the window's print of the Rapport screen, which shows this view (the same HTML as report:html).
      const written =
        format === 'pdf'
          ? (glue as ReportGlue).printToPdf(file)
          : writeReportViewFile(loadReportView(reg, request), format, file);
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
