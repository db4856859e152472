/**
 * The årsrapport as an Excel workbook: one sheet per table (years as columns, every year in one
 * sheet), the charts' tables as sheets of their own, the header on each sheet. Numbers are numbers
 * (counts whole, percentages as Excel percentages, dates as dates); a hidden small number is the
 * text «<5». No names.
 */
import ExcelJS from 'exceljs';
import { daysBetween } from '../../shared/dates';
import { headLines } from '../../shared/report/arsrapport/csv';
import { type ArsCell, type ArsTable, SMALL } from '../../shared/report/arsrapport/tables';
import { NOTHING, neutraliseFormula } from '../../shared/report/tables';
import { writeFileAtomic } from './atomic-write';
import { NUMBER_FORMATS } from './report-xlsx';

const EXCEL_EPOCH = '1899-12-30';
const A4 = 9 as ExcelJS.PaperSize;
const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF888888' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function excelValue(cell: ArsCell): { value: ExcelJS.CellValue; numFmt?: string; right?: boolean } {
  switch (cell.kind) {
    case 'small':
      return { value: SMALL, right: true };
    case 'text':
      return { value: cell.value === null ? null : neutraliseFormula(String(cell.value)) };
    case 'date':
      return cell.value === null
        ? { value: null }
        : { value: daysBetween(EXCEL_EPOCH, String(cell.value)), numFmt: NUMBER_FORMATS.date };
    default:
      if (cell.value === null) return { value: NOTHING, right: true };
      if (cell.kind === 'pct') return { value: Number(cell.value) / 100, numFmt: NUMBER_FORMATS.pct };
      return { value: Number(cell.value), numFmt: NUMBER_FORMATS[cell.kind] };
  }
}

export type WorkbookHeader = { title: string; items: readonly (readonly [string, string])[]; notice: string | null };

function addSheet(workbook: ExcelJS.Workbook, table: ArsTable, header: WorkbookHeader): void {
  const columnCount = table.lead.length + table.blocks.length * table.blockColumns.length;
  const sheet = workbook.addWorksheet(table.sheet, {
    pageSetup: { paperSize: A4, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = Array.from({ length: columnCount }, (_, i) => ({
    width: i < table.lead.length ? (i === table.lead.length - 1 ? 48 : 11) : 12,
  }));
  sheet.addRow([header.title]).font = { bold: true, size: 14 };
  for (const [label, value] of header.items) sheet.addRow([`${label}: ${neutraliseFormula(value)}`]);
  if (header.notice) sheet.addRow([header.notice]).font = { italic: true };
  sheet.addRow([]);
  sheet.addRow([table.title]).font = { bold: true, size: 12 };
  const headStart = sheet.rowCount + 1;
  for (const line of headLines(table)) {
    const row = sheet.addRow(line.map((v) => (v === null ? null : String(v))));
    for (let c = 1; c <= columnCount; c++) {
      const cell = row.getCell(c);
      cell.font = { bold: true };
      cell.fill = GREY;
      cell.border = BOX;
      cell.alignment = { wrapText: true, vertical: 'bottom', horizontal: c <= table.lead.length ? 'left' : 'center' };
    }
  }
  sheet.pageSetup.printTitlesRow = `${headStart}:${sheet.rowCount}`;
  sheet.views = [{ state: 'frozen', ySplit: sheet.rowCount, xSplit: table.lead.length }];
  for (const tableRow of table.rows) {
    const row = sheet.addRow([]);
    tableRow.cells.forEach((cell, i) => {
      const target = row.getCell(i + 1);
      const { value, numFmt, right } = excelValue(cell);
      target.value =
        table.key === 'form' && i === 0 && typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
      if (numFmt) target.numFmt = numFmt;
      if (right) target.alignment = { horizontal: 'right' };
    });
    if (tableRow.style === 'caption' || tableRow.style === 'total') row.font = { bold: true };
    if (tableRow.style === 'sub') row.getCell(table.lead.length).alignment = { indent: 1 };
    for (let c = 1; c <= columnCount; c++) row.getCell(c).border = BOX;
  }
  if (table.note) sheet.addRow([table.note]).font = { italic: true, size: 9 };
}

export function arsrapportWorkbook(header: WorkbookHeader, tables: readonly ArsTable[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kullregister';
  workbook.title = header.title;
  for (const table of tables) addSheet(workbook, table, header);
  return workbook;
}

export async function writeArsrapportXlsx(
  header: WorkbookHeader,
  tables: readonly ArsTable[],
  file: string,
): Promise<number> {
  return writeFileAtomic(file, Buffer.from(await arsrapportWorkbook(header, tables).xlsx.writeBuffer()));
}
