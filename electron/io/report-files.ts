/**
 * One report view (a period, or a month beside hittil i år) as the app shows it and as files:
 * HTML (the screen and the printer), CSV, XLSX and JSON. The API (api/report.ts) and the CLI
 * (cli/report-command.ts) both go through here, so a file never differs from the screen.
 * Report files hold aggregates, ids and rule keys only, never names.
 */
import { monthlyReportToCsv, reportToCsv } from '../../shared/report/csv';
import { monthPeriods } from '../../shared/report/engine';
import { renderMonthlyReportHtml, renderReportHtml } from '../../shared/report/html';
import type { KullrapportFile } from '../../shared/report/samle/file';
import type { Report, ReportHeader } from '../../shared/report/schema';
import { TEMPLATE_TITLE } from '../../shared/report/template';
import type { Register } from '../store/connection';
import { buildMonthlyFromRegister, buildReportFromRegister, reportHeader } from '../store/report';
import { writeFileAtomic } from './atomic-write';
import { writeMonthlyReportXlsx, writeReportXlsx } from './report-xlsx';

export type ReportView =
  | { kind: 'period'; from: string; to: string; report: Report; header: ReportHeader }
  | { kind: 'monthly'; from: string; to: string; month: Report; hittilIAr: Report; header: ReportHeader };

export type ViewRequest = { from: string; to: string; monthly?: boolean | undefined };

/** Builds the report(s) for a view. `monthly` needs from–to to be one whole month (the contract checks it). */
export function loadReportView(reg: Register, request: ViewRequest, madeOn?: string): ReportView {
  const { from, to } = request;
  const header = reportHeader(reg, from, to, madeOn);
  if (!request.monthly) return { kind: 'period', from, to, report: buildReportFromRegister(reg, from, to), header };
  const { month, hittilIAr } = buildMonthlyFromRegister(reg, Number(from.slice(0, 4)), Number(from.slice(5, 7)));
  return { kind: 'monthly', from, to, month, hittilIAr, header };
}

/** The HTML fragment the Rapport screen shows and the printer prints. */
export function reportViewHtml(view: ReportView): string {
  return view.kind === 'period'
    ? renderReportHtml(view.report, view.header)
    : renderMonthlyReportHtml(view.month, view.hittilIAr, view.header);
}

export function reportViewTitle(view: ReportView): string {
  return `${TEMPLATE_TITLE} – ${view.header.periodLabel}`;
}

/** A file name without extension: rapport-2026-10, rapport-2026, rapport-2026-01-01_2026-03-15. */
export function reportFileName(view: Pick<ReportView, 'from' | 'to'>): string {
  const { from, to } = view;
  const year = from.slice(0, 4);
  if (from === `${year}-01-01` && to === `${year}-12-31`) return `rapport-${year}`;
  const month = monthPeriods(Number(year), Number(from.slice(5, 7))).month;
  if (from === month.from && to === month.to) return `rapport-${from.slice(0, 7)}`;
  return `rapport-${from}_${to}`;
}

/** The JSON of rapporteringsskjema.md for a period; a month as `{ month, hittilIAr }`. */
export function reportViewJson(view: ReportView): string {
  const value = view.kind === 'period' ? view.report : { month: view.month, hittilIAr: view.hittilIAr };
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function reportViewCsv(view: ReportView): string {
  return view.kind === 'period'
    ? reportToCsv(view.report, view.header)
    : monthlyReportToCsv(view.month, view.hittilIAr, view.header);
}

export type FileFormat = 'csv' | 'json' | 'xlsx';

/**
 * Writes the view as a file; CSV and JSON at once, XLSX (exceljs) asynchronously. Returns the bytes.
 * An XLSX carries `kullrapport` (the samlerapport's report file) in a hidden sheet when given.
 */
export function writeReportViewFile(
  view: ReportView,
  format: FileFormat,
  file: string,
  kullrapport?: KullrapportFile,
): number | Promise<number> {
  switch (format) {
    case 'csv':
      return writeFileAtomic(file, reportViewCsv(view));
    case 'json':
      return writeFileAtomic(file, reportViewJson(view));
    case 'xlsx':
      return view.kind === 'period'
        ? writeReportXlsx(view.report, view.header, file, kullrapport)
        : writeMonthlyReportXlsx(view.month, view.hittilIAr, view.header, file, kullrapport);
  }
}
