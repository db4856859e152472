/**
 * An XLSX read with exceljs's streaming reader (WorkbookReader), within bounded memory: the zip's
 * directory is checked before anything is inflated, and rows and cells are counted as they stream
 * (read-limits.ts), so a file past a limit is refused before memory grows (issue 11, item 11).
 * Every sheet is read in one pass; the caller says which sheets' rows to keep.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DomainError } from '../store/errors';
import { unneutralise } from './csv-read';
import { checkFileSize, checkZip, ReadBudget } from './read-limits';
import type { Table } from './table-shape';

export type SheetInfo = { name: string; rows: number; hidden: boolean };

export type WorkbookTables = {
  /** Every sheet in the workbook's tab order, with its number of rows below the header. */
  sheets: SheetInfo[];
  /** The kept sheets' tables, by name (a sheet without a header row has none). */
  tables: Map<string, Table>;
};

type StreamSheet = AsyncIterable<ExcelJS.Row> & { name?: string; state?: string; id?: number };
type StreamReader = AsyncIterable<StreamSheet> & { model?: { sheets?: { name: string; state?: string }[] } };

function unreadable(file: string): DomainError {
  return new DomainError(
    'unreadable',
    `«${path.basename(file)}» kan ikke leses som en Excel-fil (XLSX). Er filen skadet, eller er den en annen filtype? Åpne den i Excel og lagre den på nytt som «Excel-arbeidsbok (.xlsx)».`,
  );
}

/** Reads the workbook; `keep(name)` says whose rows to hold (all by default). */
export async function readWorkbook(
  file: string,
  keep: (sheet: string) => boolean = () => true,
): Promise<WorkbookTables> {
  checkFileSize(file, 'xlsx');
  checkZip(file);
  const budget = new ReadBudget(file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // date cells are told from numbers by their number format
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as StreamReader;
  const found: { name: string; rows: number; hidden: boolean; table: Table | null }[] = [];
  try {
    for await (const sheet of reader) {
      const name = sheet.name ?? `Ark ${sheet.id ?? found.length + 1}`;
      const kept = keep(name);
      let headers: string[] | null = null;
      const rows: Table['rows'] = [];
      let count = 0;
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? (row.values as ExcelJS.CellValue[]) : [];
        const cells: string[] = [];
        for (let col = 1; col < values.length; col++) cells.push(unneutralise(cellText(values[col] ?? null)));
        if (!cells.some((c) => c.trim() !== '')) continue;
        if (!headers) {
          headers = cells.map((c) => c.trim());
          continue;
        }
        budget.row(cells);
        count++;
        if (kept) rows.push({ line: row.number, cells });
      }
      const table = kept && headers ? { headers: headers as string[], rows } : null;
      found.push({ name, rows: count, hidden: sheet.state === 'hidden' || sheet.state === 'veryHidden', table });
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    console.error('Kullregister: XLSX kunne ikke leses', error);
    throw unreadable(file);
  }
  // Tab order is the workbook's list, not the order the sheets lie in the zip.
  const order = (reader.model?.sheets ?? []).map((s) => s.name);
  found.sort((a, b) => rank(order, a.name) - rank(order, b.name));
  if (found.length === 0) throw unreadable(file);
  const tables = new Map<string, Table>();
  for (const f of found) if (f.table) tables.set(f.name, widen(f.table));
  return { sheets: found.map(({ name, rows, hidden }) => ({ name, rows, hidden })), tables };
}

function rank(order: string[], name: string): number {
  const at = order.indexOf(name);
  return at < 0 ? order.length : at;
}

/** Rows as wide as the widest row (or header), as the non-streaming reader gave them. */
function widen(table: Table): Table {
  const width = Math.max(table.headers.length, ...table.rows.map((r) => r.cells.length));
  const pad = (cells: string[]) => {
    while (cells.length < width) cells.push('');
    return cells;
  };
  pad(table.headers);
  for (const row of table.rows) pad(row.cells);
  return table;
}

/** The first sheet a user sees: the first visible one in tab order (a hidden sheet is never imported unasked). */
export function firstVisibleSheet(sheets: readonly SheetInfo[]): SheetInfo | undefined {
  return sheets.find((s) => !s.hidden);
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
