/**
 * Reading a spreadsheet file (CSV or XLSX) into a plain table of strings: a header row and data
 * rows, each with the line number the user sees in Excel. Everything after this is shared with the
 * grid's paste: every cell is text, parsed by shared/fields.ts.
 *
 * Both readers stream and stop at the limits of read-limits.ts (csv-read.ts, xlsx-read.ts); the
 * encoding rules and the limits are in docs/import.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../store/errors';
import { readCsvFile } from './csv-read';
import type { Table } from './table-shape';
import { firstVisibleSheet, readWorkbook } from './xlsx-read';

export { readCsv, readCsvFile } from './csv-read';
export type { Table } from './table-shape';
export { cellText, firstVisibleSheet, readWorkbook, type SheetInfo, type WorkbookTables } from './xlsx-read';

export type ReadOptions = { sheet?: string };

/** The CLI's read: a CSV, or one sheet of a workbook — the named one, else the first VISIBLE one. */
export async function readTable(file: string, options: ReadOptions = {}): Promise<Table> {
  if (tableFormat(file) === 'csv') return readCsvFile(file);
  const wanted = options.sheet;
  let chosen: string | undefined = wanted;
  const book = await readWorkbook(file, (name) => (wanted === undefined ? true : name === wanted));
  if (chosen === undefined) {
    chosen = firstVisibleSheet(book.sheets)?.name;
    if (chosen === undefined) {
      throw new DomainError(
        'empty',
        'Alle arkene i arbeidsboken er skjult. Vis arket du vil importere i Excel, eller oppgi det med --sheet.',
      );
    }
  }
  if (!book.sheets.some((s) => s.name === chosen)) {
    throw new DomainError('not_found', `Finner ikke arket «${chosen}» i arbeidsboken.`);
  }
  const table = book.tables.get(chosen);
  if (!table) throw new DomainError('empty', 'Arket er tomt eller mangler overskriftsrad.');
  return table;
}

export type TableFormat = 'xlsx' | 'csv';

/** Which reader a file needs, by its extension; refuses a missing file or one that is neither. */
export function tableFormat(file: string): TableFormat {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new DomainError('not_found', `Finner ikke filen «${file}». Sjekk navnet og mappen.`);
  }
  if (stat.isDirectory()) {
    throw new DomainError('is_directory', `«${file}» er en mappe, ikke en fil. Velg filen du vil importere.`);
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  throw new DomainError(
    'unsupported',
    `«${path.basename(file)}» er verken CSV eller XLSX. Lagre filen som .csv eller .xlsx.`,
  );
}
