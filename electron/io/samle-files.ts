/**
 * The samlerapport as files: JSON (samlerapport.md, "The samlerapport JSON"), CSV, a whole HTML
 * page, and XLSX (one sheet per section, the total and each tiltak as column blocks, numbers as
 * numbers). Used by the Samlerapport screen's handlers and the CLI. No file holds a name of a
 * person: only what the tiltak's report files held, which were refused if they looked like one.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { formatDate, todayIso } from '../../shared/dates';
import { periodLabel } from '../../shared/report/format';
import { htmlDocument } from '../../shared/report/html';
import { samleToCsv } from '../../shared/report/samle/csv';
import { isWide, renderSamleHtml } from '../../shared/report/samle/html';
import type { Samlerapport } from '../../shared/report/samle/merge';
import { SAMLE_TITLE, samleHeaderItems, samleTables } from '../../shared/report/samle/tables';
import { writeFileAtomic } from './atomic-write';
import { addTableSheet, writeWorkbook } from './report-xlsx';

export const SAMLE_FORMATS = ['json', 'xlsx', 'csv', 'html'] as const;
export type SamleFormat = (typeof SAMLE_FORMATS)[number];

/** Resolved when asked, not at load: a CommonJS bundle of this module (the fault-injection child) has no import.meta. */
const resourcesFolder = (): string => path.resolve(import.meta.dirname, '..', '..', 'resources');

export function samleTitle(report: Samlerapport): string {
  return `${SAMLE_TITLE} – ${report.total_name} – ${periodLabel(report.from, report.to)}`;
}

/** samlerapport-2026-10-01_2026-10-31 (no extension). */
export function samleFileName(report: Pick<Samlerapport, 'from' | 'to'>): string {
  return `samlerapport-${report.from}_${report.to}`;
}

export function samleJson(report: Samlerapport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The stylesheets a whole page needs: the report's, then the samlerapport's (landscape, parts). */
export function samleCss(resources = resourcesFolder()): string {
  return ['report.css', 'samlerapport.css'].map((f) => fs.readFileSync(path.join(resources, f), 'utf8')).join('\n');
}

export function samleHtmlDocument(report: Samlerapport, madeOn = todayIso()): string {
  return htmlDocument(renderSamleHtml(report, madeOn), { title: samleTitle(report), css: samleCss() });
}

export function samleWorkbook(report: Samlerapport, madeOn = todayIso()): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kullregister';
  workbook.title = samleTitle(report);
  const heading = {
    title: `${SAMLE_TITLE} – ${report.total_name}`,
    items: samleHeaderItems(report, madeOn),
    left: report.total_name,
    right: periodLabel(report.from, report.to),
    footer: `${SAMLE_TITLE}, laget ${formatDate(madeOn)}`,
    orientation: isWide(report) ? ('landscape' as const) : ('portrait' as const),
  };
  for (const table of samleTables(report)) addTableSheet(workbook, table, heading);
  return workbook;
}

/** Writes the samlerapport as a file (atomically); returns the bytes written. */
export async function writeSamleFile(report: Samlerapport, format: SamleFormat, file: string): Promise<number> {
  switch (format) {
    case 'json':
      return writeFileAtomic(file, samleJson(report));
    case 'csv':
      return writeFileAtomic(file, samleToCsv(report, todayIso()));
    case 'html':
      return writeFileAtomic(file, samleHtmlDocument(report));
    case 'xlsx':
      return writeWorkbook(samleWorkbook(report), file);
  }
}

/** The samlerapport as text for standard out (every format but XLSX). */
export function samleText(report: Samlerapport, format: Exclude<SamleFormat, 'xlsx'>): string {
  if (format === 'json') return samleJson(report);
  if (format === 'csv') return samleToCsv(report, todayIso());
  return samleHtmlDocument(report);
}
