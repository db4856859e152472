/**
 * Reading a spreadsheet file (CSV or XLSX) into a plain table of strings: a header row and data
 * rows, each with the line number the user sees in Excel. Everything after this is shared with the
 * grid's paste: every cell is text, parsed by shared/fields.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { DomainError } from '../store/errors';

export type Table = {
  headers: string[];
  /** Data rows; `line` is the row number in the file (header = line 1). */
  rows: { line: number; cells: string[] }[];
};

export type ReadOptions = { sheet?: string };

export async function readTable(file: string, options: ReadOptions = {}): Promise<Table> {
  if (tableFormat(file) === 'xlsx') return sheetTable(await loadWorkbook(file), options.sheet);
  return readCsv(fs.readFileSync(file));
}

export type TableFormat = 'xlsx' | 'csv';

/** Which reader a file needs, by its extension; refuses a missing file or one that is neither. */
export function tableFormat(file: string): TableFormat {
  if (!fs.existsSync(file)) {
    throw new DomainError('not_found', `Finner ikke filen «${file}». Sjekk navnet og mappen.`);
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  throw new DomainError(
    'unsupported',
    `«${path.basename(file)}» er verken CSV eller XLSX. Lagre filen som .csv eller .xlsx.`,
  );
}

/** CSV as Norwegian Excel writes it (`;`, BOM) or as others do (`,`); UTF-8. */
export function readCsv(bytes: Buffer): Table {
  if (bytes.includes(0)) {
    throw new DomainError(
      'unreadable',
      'Filen kan ikke leses som tekst (den ser ut som en binærfil). Lagre den som CSV (UTF-8) eller XLSX.',
    );
  }
  let text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) {
    // Not UTF-8: Excel on Windows may save "CSV" as Windows-1252. Read it as that rather than show garbage.
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  text = text.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter =
    count(firstLine, ';') >= count(firstLine, ',') && count(firstLine, ';') > 0
      ? ';'
      : firstLine.includes('\t')
        ? '\t'
        : ',';
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  if (parsed.errors.some((e) => e.type === 'Quotes')) {
    const bad = parsed.errors.find((e) => e.type === 'Quotes');
    throw new DomainError(
      'unreadable',
      `Filen kan ikke leses: et anførselstegn er ikke lukket (rad ${(bad?.row ?? 0) + 1}).`,
    );
  }
  const [header, ...data] = parsed.data;
  if (!header || header.every((h) => h.trim() === '')) {
    throw new DomainError('empty', 'Filen er tom eller mangler overskriftsrad.');
  }
  return {
    headers: header.map((h) => h.trim()),
    rows: data
      .map((cells, index) => ({ line: index + 2, cells }))
      .filter((row) => row.cells.some((c) => c.trim() !== '')),
  };
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

export async function listSheets(file: string): Promise<string[]> {
  const workbook = await loadWorkbook(file);
  return workbook.worksheets.map((w) => w.name);
}

/** The sheets of a workbook with the number of rows each has below its header, for choosing one. */
export function sheetSummaries(workbook: ExcelJS.Workbook): { name: string; rows: number }[] {
  return workbook.worksheets.map((w) => ({ name: w.name, rows: Math.max(0, w.actualRowCount - 1) }));
}

/** Reads an XLSX once; the import wizard then lists its sheets and reads the one the user picks. */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch {
    throw new DomainError(
      'unreadable',
      `«${path.basename(file)}» kan ikke leses som en Excel-fil (XLSX). Er filen skadet, eller er den en annen filtype?`,
    );
  }
  return workbook;
}

/** One sheet of a loaded workbook as a table (the first sheet when none is named). */
export function sheetTable(workbook: ExcelJS.Workbook, sheetName?: string): Table {
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet) throw new DomainError('not_found', `Finner ikke arket «${sheetName ?? ''}» i arbeidsboken.`);
  const width = sheet.columnCount;
  const rows: { line: number; cells: string[] }[] = [];
  let headers: string[] | undefined;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let col = 1; col <= width; col++) cells.push(cellText(row.getCell(col).value));
    if (!headers) {
      headers = cells.map((c) => c.trim());
      return;
    }
    if (cells.some((c) => c.trim() !== '')) rows.push({ line, cells });
  });
  if (!headers) throw new DomainError('empty', 'Arket er tomt eller mangler overskriftsrad.');
  return { headers, rows };
}

/** An Excel cell as the text a user would have typed: dates as yyyy-mm-dd, formulas as their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel dates have no zone; exceljs hands them over as UTC midnight.
    const y = value.getUTCFullYear();
    const m = String(value.getUTCMonth() + 1).padStart(2, '0');
    const d = String(value.getUTCDate()).padStart(2, '0');
    return `${y}-${m}-${d}`;
  }
  if (typeof value === 'boolean') return value ? 'ja' : 'nei';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}
