/**
 * One årsrapport as the app shows it and as files: the HTML fragment (screen and printer), a whole
 * HTML page (the CLI), CSV, JSON and XLSX. The API and the CLI both go through here. Files hold
 * aggregates only, never names.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatDate } from '../../shared/dates';
import { arsrapportCharts, type ChartModel } from '../../shared/report/arsrapport/charts';
import { arsrapportCsv } from '../../shared/report/arsrapport/csv';
import { renderArsrapportHtml } from '../../shared/report/arsrapport/html';
import type { Arsrapport } from '../../shared/report/arsrapport/schema';
import { ARSRAPPORT_TITLE, type ArsTable, arsrapportTables, spanLabel } from '../../shared/report/arsrapport/tables';
import { periodLabel } from '../../shared/report/format';
import { htmlDocument } from '../../shared/report/html';
import { REPORT_NOTE } from '../../shared/report/tables';
import { type ArsrapportRequest, buildArsrapportFromRegister } from '../store/arsrapport';
import type { Register } from '../store/connection';
import { renderChartSvg } from './arsrapport-charts';
import { type WorkbookHeader, writeArsrapportXlsx } from './arsrapport-xlsx';
import { writeFileAtomic } from './atomic-write';

export const SMALL_NUMBERS_NOTICE =
  'Små tall er skjult: antall fra 1 til 4 i tabellene for landbakgrunn, brukersted og veileder vises som «<5», så ingen kan kjennes igjen i en liten gruppe.';

export const ARSRAPPORT_FOOTNOTE = `Hvert år er rapporteringsskjemaet for 1. januar–31. desember; «Siden oppstart» går fra registerets første dato til slutten av det siste året. ${REPORT_NOTE}`;

export type ArsrapportView = {
  report: Arsrapport;
  tables: ArsTable[];
  charts: ChartModel[];
  header: WorkbookHeader;
  title: string;
  fileName: string;
};

export function loadArsrapportView(reg: Register, request: ArsrapportRequest = {}, today?: string): ArsrapportView {
  const report = buildArsrapportFromRegister(reg, request, today);
  const span = spanLabel(report);
  const kullRegister = report.register.opptak === 'kull' || report.since_start.sections.kull.lines.length > 0;
  const charts = arsrapportCharts(report, { kullRegister });
  const title = `${ARSRAPPORT_TITLE} ${span}`;
  return {
    report,
    charts,
    tables: [...arsrapportTables(report), ...charts.map((c) => c.table)],
    title,
    fileName: `arsrapport-${span.replace('–', '-')}`,
    header: {
      title,
      items: [
        ['Tiltak', report.register.tiltak],
        ['Avdeling', report.register.avdeling],
        ['Kontaktperson', report.register.kontaktperson],
        ['År', span],
        ['Siden oppstart', periodLabel(report.since_start.from, report.since_start.to)],
        ['Laget', formatDate(report.made_on)],
      ],
      notice: report.small_numbers_hidden ? SMALL_NUMBERS_NOTICE : null,
    },
  };
}

/** The fragment the Årsrapport screen shows and the printer prints (charts drawn now, as SVG). */
export function arsrapportViewHtml(view: ArsrapportView): string {
  const tables = arsrapportTables(view.report);
  const charts = view.charts.map((model) => ({ model, svg: renderChartSvg(model) }));
  return renderArsrapportHtml(view.header, tables, charts, ARSRAPPORT_FOOTNOTE);
}

/** Resolved when asked, not at load: a CommonJS bundle of this module has no import.meta. */
const cssFiles = (): string[] =>
  ['report.css', 'arsrapport.css'].map((name) => path.resolve(import.meta.dirname, '..', '..', 'resources', name));

/** A whole HTML page (the CLI's `--format html`) with both print stylesheets inline. */
export function arsrapportDocument(view: ArsrapportView): string {
  const css = cssFiles()
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n');
  return htmlDocument(arsrapportViewHtml(view), { title: view.title, css });
}

export function arsrapportViewJson(view: ArsrapportView): string {
  return `${JSON.stringify(view.report, null, 2)}\n`;
}

export function arsrapportViewCsv(view: ArsrapportView): string {
  return arsrapportCsv(view.header.title, view.header.items, view.header.notice, view.tables);
}

export type ArsFileFormat = 'csv' | 'json' | 'xlsx' | 'html';

export function writeArsrapportFile(
  view: ArsrapportView,
  format: ArsFileFormat,
  file: string,
): number | Promise<number> {
  switch (format) {
    case 'csv':
      return writeFileAtomic(file, arsrapportViewCsv(view));
    case 'json':
      return writeFileAtomic(file, arsrapportViewJson(view));
    case 'html':
      return writeFileAtomic(file, arsrapportDocument(view));
    case 'xlsx':
      return writeArsrapportXlsx(view.header, view.tables, file);
  }
}
