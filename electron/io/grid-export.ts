/**
 * A grid as shown, to a file: the rows the user sees (filter and sort, by id in screen order) and
 * the visible columns in their order, read from the register itself (not from the page) and
 * formatted exactly as the cells show them. Excel gets real dates and numbers; CSV is the
 * Norwegian Excel dialect the report uses (BOM, `;`, CRLF). In CSV, text a spreadsheet would read
 * as a formula gets a leading apostrophe (OWASP "CSV injection"): names and notes are user text. An
 * XLSX string cell is never a formula (exceljs writes it as a shared string), so it is written as
 * typed, with no apostrophe that would come back on re-import.
 * The file holds names; the screen says so before it asks where to save.
 */
import ExcelJS from 'exceljs';
import type { GridExportFormat, GridTable } from '../../shared/contract/grid';
import { daysBetween, formatDate } from '../../shared/dates';
import { formatFieldValue } from '../../shared/display';
import { DELTAKER_FIELDS, type FieldDef, type FieldValue, KULL_FIELDS } from '../../shared/fields';
import { csvCell } from '../../shared/report/csv';
import { rowWarnings } from '../../shared/rules';
import type { Deltaker } from '../../shared/schema/deltaker';
import { deriveStatus } from '../../shared/status';
import type { Register } from '../store/connection';
import { listDeltakere } from '../store/deltakere';
import { DomainError } from '../store/errors';
import { listKull } from '../store/kull';
import { writeFileAtomic } from './atomic-write';

type Row = Record<string, unknown>;
type Kind = 'text' | 'date' | 'integer';
type ExportColumn = { key: string; label: string; kind: Kind; value: (row: Row) => string | number | null };

const EXCEL_EPOCH = '1899-12-30';
const SHEET_NAMES: Record<GridTable, string> = { deltaker: 'Deltakere', kull: 'Kull' };

export type GridExportRequest = {
  table: GridTable;
  format: GridExportFormat;
  columns: readonly string[];
  ids: readonly number[];
};

/** Writes the file; returns its size in bytes and the number of rows. */
export async function writeGridExport(reg: Register, request: GridExportRequest, file: string) {
  const kullNames = new Map(listKull(reg).map((k) => [k.id, k.navn]));
  const columns = request.columns.map((key) => exportColumn(request.table, key, kullNames));
  const byId = new Map<number, Row>(
    (request.table === 'deltaker' ? listDeltakere(reg, 'alle') : listKull(reg)).map((row) => [row.id, row as Row]),
  );
  const rows = request.ids.map((id) => byId.get(id)).filter((row): row is Row => row !== undefined);
  const bytes =
    request.format === 'csv'
      ? writeFileAtomic(file, toCsv(columns, rows), { personal: true })
      : await writeXlsx(columns, rows, SHEET_NAMES[request.table], file);
  return { bytes, rows: rows.length };
}

function exportColumn(table: GridTable, key: string, kullNames: ReadonlyMap<number, string>): ExportColumn {
  const fields: readonly FieldDef<string>[] = table === 'deltaker' ? DELTAKER_FIELDS : KULL_FIELDS;
  const def = fields.find((f) => f.key === key);
  if (def) {
    const kullName = (id: number) => kullNames.get(id) ?? `Kull ${id}`;
    const kind: Kind = def.kind.type === 'date' ? 'date' : def.kind.type === 'integer' ? 'integer' : 'text';
    return {
      key,
      label: def.label,
      kind,
      value: (row) => {
        const value = (row[key] ?? null) as FieldValue;
        if (value === null) return null;
        if (kind === 'date') return String(value);
        if (kind === 'integer') return Number(value);
        return formatFieldValue(def, value, kullName);
      },
    };
  }
  const computed = COMPUTED[table][key];
  if (!computed)
    throw new DomainError('unknown_column', `Ukjent kolonne «${key.slice(0, 50)}». Prøv igjen.`, 'columns');
  return { key, ...computed };
}

const COMPUTED: Record<GridTable, Record<string, Omit<ExportColumn, 'key'>>> = {
  deltaker: {
    status: { label: 'Status', kind: 'text', value: (row) => deriveStatus(row as Deltaker).label },
    varsel: {
      label: 'Varsler',
      kind: 'text',
      value: (row) =>
        rowWarnings(row as Deltaker)
          .map((w) => w.message)
          .join(' ') || null,
    },
  },
  kull: {
    antall_deltakere: { label: 'Deltakere', kind: 'integer', value: (row) => Number(row.antall_deltakere) },
    antall_aktive: { label: 'Aktive', kind: 'integer', value: (row) => Number(row.antall_aktive) },
  },
};

function toCsv(columns: readonly ExportColumn[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => csvCell(c.label)).join(';')];
  for (const row of rows) {
    lines.push(
      columns
        .map((c) => {
          const value = c.value(row);
          if (value === null) return '';
          if (c.kind === 'date') return csvCell(formatDate(String(value)));
          return csvCell(value);
        })
        .join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

async function writeXlsx(columns: readonly ExportColumn[], rows: readonly Row[], sheetName: string, file: string) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kullregister';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    width: c.kind === 'date' ? 12 : c.kind === 'integer' ? 10 : Math.min(40, Math.max(12, c.label.length + 2)),
  }));
  const head = sheet.addRow(columns.map((c) => c.label));
  head.font = { bold: true };
  const dateColumns = columns.flatMap((c, index) => (c.kind === 'date' ? [index + 1] : []));
  for (const row of rows) {
    const added = sheet.addRow(
      columns.map((c) => {
        const value = c.value(row);
        if (value === null) return null;
        if (c.kind === 'date') return daysBetween(EXCEL_EPOCH, String(value));
        return value;
      }),
    );
    for (const column of dateColumns) added.getCell(column).numFmt = 'dd.mm.yyyy';
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return writeFileAtomic(file, buffer, { personal: true });
}
