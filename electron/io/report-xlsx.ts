/**
 * The report as an Excel workbook laid out like the form: one sheet per table of
 * shared/report/tables.ts (the form, then each section), the same lines as the CSV. Each sheet
 * starts with the header (tiltak, avdeling, kontaktperson, period, date made) and prints on A4
 * portrait, fitted to the page's width, its column headings repeated on every page.
 * Numbers are numbers: counts as whole numbers, percentages as Excel percentages (0.84 shown
 * "84 %", the form's rounded figure, so a sheet that calculates with them gets what was printed),
 * dates as Excel dates. The report holds no names.
 */
import ExcelJS from 'exceljs';
import { daysBetween } from '../../shared/dates';
import type { KullrapportFile } from '../../shared/report/samle/file';
import type { Report, ReportHeader } from '../../shared/report/schema';
import {
  type Cell,
  headerItems,
  monthlyReportTables,
  NOTHING,
  REPORT_NOTE,
  type ReportTable,
  type RowStyle,
  singleReportTables,
} from '../../shared/report/tables';
import { TEMPLATE_TITLE } from '../../shared/report/template';
import { writeFileAtomic } from './atomic-write';
import { addKullrapportSheet } from './kullrapport';

/** Excel's day 0: a date cell holds the days since 30 December 1899. */
const EXCEL_EPOCH = '1899-12-30';
const A4 = 9 as ExcelJS.PaperSize;

export const NUMBER_FORMATS = {
  count: '#,##0',
  pct: '0 %',
  decimal: '0.0',
  date: 'dd.mm.yyyy',
} as const;

const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF888888' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** What an Excel cell gets for one cell of the tables. */
function excelValue(cell: Cell): { value: ExcelJS.CellValue; numFmt?: string; right?: boolean } {
  const { kind, value } = cell;
  // A string cell is never a formula in XLSX: written as it is, no apostrophe (issue 11, item 13).
  if (kind === 'text') return { value: value === null ? null : String(value) };
  if (kind === 'date') {
    return value === null
      ? { value: null }
      : { value: daysBetween(EXCEL_EPOCH, String(value)), numFmt: NUMBER_FORMATS.date };
  }
  if (value === null) return { value: NOTHING, right: true };
  if (kind === 'pct') return { value: Number(value) / 100, numFmt: NUMBER_FORMATS.pct };
  return { value: Number(value), numFmt: NUMBER_FORMATS[kind] };
}

/** Widths in characters: the widest cell of each column, headings counted as they wrap. */
function columnWidths(table: SheetTable, columnCount: number): number[] {
  const widths = new Array<number>(columnCount).fill(6);
  const widen = (column: number, length: number) => {
    widths[column] = Math.min(60, Math.max(widths[column] as number, length + 2));
  };
  for (const head of table.head) {
    let column = 0;
    for (const cell of head) {
      if (cell.span === 1) widen(column, Math.min(cell.text.length, 14));
      column += cell.span;
    }
  }
  for (const row of table.rows) {
    if (row.style === 'caption' || row.style === 'heading') continue;
    row.cells.forEach((cell, column) => {
      // Numbers get room for "100 000" and "100 %", dates for "dd.mm.yyyy". (exceljs drops a width of
      // exactly 9, its default, so numbers get 10.)
      const length = cell.kind === 'text' ? String(cell.value ?? '').length : cell.kind === 'date' ? 10 : 8;
      widen(column, length);
    });
  }
  return widths;
}

/** Header and footer text: `&` starts a code there, so a literal one is doubled. */
const hf = (text: string) => text.replaceAll('&', '&&');

/** What opens every sheet and runs along its printed pages: by default the report's header. */
export type SheetHeading = {
  title: string;
  items: readonly [label: string, value: string][];
  /** The page header's left and right text, and the footer's left text. */
  left: string;
  right: string;
  footer: string;
  orientation?: 'portrait' | 'landscape';
};

export function reportSheetHeading(header: ReportHeader): SheetHeading {
  return {
    title: TEMPLATE_TITLE,
    items: headerItems(header),
    left: `${header.tiltak}${header.avdeling ? ` – ${header.avdeling}` : ''}`,
    right: header.periodLabel,
    footer: `${TEMPLATE_TITLE}, laget ${headerItems(header).at(-1)?.[1] ?? ''}`,
  };
}

/** A table laid out like the report's (tables.ts); other reports (the samlerapport) bring their own keys. */
export type SheetTable = Omit<ReportTable, 'key'> & { readonly key: string };

export function addTableSheet(workbook: ExcelJS.Workbook, table: SheetTable, heading: SheetHeading): void {
  const columnCount = Math.max(
    ...table.head.map((row) => row.reduce((sum, cell) => sum + cell.span, 0)),
    ...table.rows.map((row) => row.cells.length),
  );
  const sheet = workbook.addWorksheet(table.sheet, {
    pageSetup: {
      paperSize: A4,
      orientation: heading.orientation ?? 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.55, right: 0.55, top: 0.7, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&L&8${hf(heading.left)}&R&8${hf(heading.right)}`,
      oddFooter: `&L&8${hf(heading.footer)}&R&8Side &P av &N`,
    },
  });
  sheet.columns = columnWidths(table, columnCount).map((width) => ({ width }));

  const spanAll = (rowNumber: number) => {
    if (columnCount > 1) sheet.mergeCells(rowNumber, 1, rowNumber, columnCount);
  };
  const title = sheet.addRow([heading.title]);
  title.font = { bold: true, size: 14 };
  spanAll(title.number);
  for (const [label, value] of heading.items) {
    const line = sheet.addRow([`${label}: ${value}`]);
    line.getCell(1).font = { bold: label === 'Periode' };
    spanAll(line.number);
  }
  sheet.addRow([]);
  if (table.key !== 'form') {
    const sectionTitle = sheet.addRow([table.title]);
    sectionTitle.font = { bold: true, size: 12 };
    spanAll(sectionTitle.number);
  }

  const headStart = sheet.rowCount + 1;
  for (const head of table.head) {
    const row = sheet.addRow([]);
    let column = 1;
    for (const cell of head) {
      row.getCell(column).value = cell.text;
      if (cell.span > 1) sheet.mergeCells(row.number, column, row.number, column + cell.span - 1);
      column += cell.span;
    }
    for (let c = 1; c <= columnCount; c++) {
      const headCell = row.getCell(c);
      headCell.font = { bold: true };
      headCell.fill = GREY;
      headCell.border = BOX;
      headCell.alignment = {
        wrapText: true,
        vertical: 'bottom',
        horizontal: c <= 2 && table.key === 'form' ? 'left' : c === 1 ? 'left' : 'center',
      };
    }
  }
  const headEnd = sheet.rowCount;
  sheet.pageSetup.printTitlesRow = `${headStart}:${headEnd}`;
  sheet.views = [{ state: 'frozen', ySplit: headEnd, xSplit: 0 }];

  for (const tableRow of table.rows)
    addBodyRow(sheet, tableRow.style, tableRow.cells, columnCount, table.key === 'form');

  if (table.key === 'form') {
    sheet.addRow([]);
    const note = sheet.addRow([REPORT_NOTE]);
    note.getCell(1).font = { italic: true, size: 9 };
    note.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    note.height = 26;
    spanAll(note.number);
  }
}

/**
 * One style object per distinct look, shared by every cell that has it: exceljs works a style's XML
 * out once per object (a WeakMap), so a wide sheet (the samlerapport's hundred column blocks) is
 * written in a fraction of the time. The objects are never changed once made.
 */
const SHARED_STYLES = new Map<string, Partial<ExcelJS.Style>>();
function sharedStyle(style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  const key = JSON.stringify(style);
  let shared = SHARED_STYLES.get(key);
  if (!shared) {
    shared = style;
    SHARED_STYLES.set(key, shared);
  }
  return shared;
}

const TOTAL_BOX: Partial<ExcelJS.Borders> = { ...BOX, top: { style: 'medium', color: { argb: 'FF000000' } } };

function addBodyRow(
  sheet: ExcelJS.Worksheet,
  style: RowStyle,
  cells: readonly Cell[],
  columnCount: number,
  isForm: boolean,
): void {
  const row = sheet.addRow([]);
  const labelColumn = isForm ? 2 : 1;
  // A caption or row 13's lead-in: one text over the rest of the line, from this column.
  const spanFrom = style === 'caption' ? 1 : style === 'heading' ? labelColumn : null;
  for (let c = 1; c <= columnCount; c++) {
    const target = row.getCell(c);
    const look: Partial<ExcelJS.Style> = { border: style === 'total' ? TOTAL_BOX : BOX };
    if (style === 'total') look.font = { bold: true };
    const cell = cells[c - 1];
    if (cell) {
      const { value, numFmt, right } = excelValue(cell);
      // The form's row numbers are numbers to Excel (no "number stored as text" warnings).
      target.value = isForm && c === 1 && typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
      if (numFmt) look.numFmt = numFmt;
      look.alignment = {
        vertical: 'top',
        wrapText: c === labelColumn,
        ...(c === labelColumn && style === 'sub' ? { indent: 1 } : {}),
        ...(right ? { horizontal: 'right' as const } : {}),
        ...(isForm && c === 1 ? { horizontal: 'center' as const } : {}),
      };
    }
    if (c === spanFrom) {
      look.font = style === 'caption' ? { bold: true } : { italic: true };
      look.alignment = { wrapText: true, vertical: 'top' };
    }
    target.style = sharedStyle(look);
  }
  if (spanFrom !== null && columnCount > spanFrom) sheet.mergeCells(row.number, spanFrom, row.number, columnCount);
}

/** The workbook for tables already laid out (one report, or the monthly two blocks). */
export function reportWorkbook(tables: readonly ReportTable[], header: ReportHeader): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kullregister';
  workbook.title = `${TEMPLATE_TITLE} – ${header.periodLabel}`;
  for (const table of tables) addTableSheet(workbook, table, reportSheetHeading(header));
  return workbook;
}

export async function writeWorkbook(workbook: ExcelJS.Workbook, outPath: string): Promise<number> {
  return writeFileAtomic(outPath, Buffer.from(await workbook.xlsx.writeBuffer()));
}

function withFile(workbook: ExcelJS.Workbook, file: KullrapportFile | undefined): ExcelJS.Workbook {
  if (file) addKullrapportSheet(workbook, file);
  return workbook;
}

/**
 * One period's report as an XLSX file; returns the bytes written. With `file`, the samlerapport's
 * report file goes in a hidden sheet, so the workbook can be merged as it is e-mailed.
 */
export function writeReportXlsx(
  report: Report,
  header: ReportHeader,
  outPath: string,
  file?: KullrapportFile,
): Promise<number> {
  return writeWorkbook(withFile(reportWorkbook(singleReportTables(report), header), file), outPath);
}

/** The monthly report («Måneden» and «Hittil i år» side by side) as an XLSX file; returns the bytes written. */
export function writeMonthlyReportXlsx(
  month: Report,
  hittilIAr: Report,
  header: ReportHeader,
  outPath: string,
  file?: KullrapportFile,
): Promise<number> {
  return writeWorkbook(withFile(reportWorkbook(monthlyReportTables(month, hittilIAr), header), file), outPath);
}
