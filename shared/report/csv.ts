/**
 * The report as CSV the way Norwegian Excel opens it: UTF-8 with a BOM, `;` between cells, CRLF
 * between lines, decimal comma. Numbers stay plain numbers (no thousands space, no " %"), so the
 * sheet can calculate with them; a row without a percentage has an empty cell, a zero denominator
 * "–" as on the form. The lines are the tables of tables.ts, the same as the XLSX's. The report holds
 * no names; list values and kull names are user text, so every cell that a spreadsheet would read
 * as a formula is neutralised.
 */
import { formatDate } from '../dates';
import { rangeLabel } from './format';
import type { Report, ReportHeader } from './schema';
import {
  type Block,
  type Cell,
  headerItems,
  monthlyReportTables,
  NOTHING,
  neutraliseFormula,
  type ReportTable,
  singleReportTables,
} from './tables';
import { TEMPLATE_TITLE } from './template';

type Value = string | number | null;

const BOM = '\uFEFF';
/** A separator of some dialect, spaces or a quote, then what a spreadsheet reads as a formula. */
const INNER_FORMULA = /([,;\t][\s"]*)(?=[=+\-@])/g;
const CRLF = '\r\n';

/**
 * One cell as CSV text, safe for a reader of ANY common dialect — `;` (Norwegian Excel), `,`
 * (LibreOffice, English Excel) and TAB: formulas neutralised with a leading apostrophe; the same after
 * a separator inside the text, where a reader that splits on another separator than ours starts a
 * cell (`x,=1+1` → `x,'=1+1`: a comma reader, which ignores our quotes in mid-field, would get the
 * live formula `=1+1`); then quoted when it holds any of the separators, a quote or a line break.
 * The importer takes both apostrophes off again (electron/io/csv-read.ts `unneutralise`).
 */
export function csvCell(value: Value): string {
  // A number stays a plain number with its decimal comma (never a formula, and Excel reads it as one).
  if (typeof value === 'number') return String(value).replace('.', ',');
  const text = neutraliseFormula(value ?? '').replace(INNER_FORMULA, "$1'");
  return /[;,\t"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function cellValue(cell: Cell): Value {
  switch (cell.kind) {
    case 'pct':
    case 'decimal':
      return cell.value ?? NOTHING;
    case 'date':
      return formatDate(cell.value as string | null);
    default:
      return cell.value;
  }
}

function tableLines(table: ReportTable): Value[][] {
  const lines: Value[][] = [];
  // The form's title is the file's first line; each section gets its own.
  if (table.key !== 'form') lines.push([table.title]);
  for (const head of table.head) {
    lines.push(head.flatMap((cell) => [cell.text, ...new Array<Value>(cell.span - 1).fill(null)]));
  }
  for (const row of table.rows) lines.push(row.cells.map(cellValue));
  return lines;
}

function toCsv(tables: readonly ReportTable[], blocks: readonly Block[], header?: ReportHeader): string {
  const lines: Value[][] = [[TEMPLATE_TITLE]];
  if (header) for (const [label, value] of headerItems(header)) lines.push([label, value]);
  else for (const { report } of blocks) lines.push(['Periode', rangeLabel(report.from, report.to)]);
  for (const table of tables) lines.push([], ...tableLines(table));
  return BOM + lines.map((cells) => cells.map(csvCell).join(';')).join(CRLF) + CRLF;
}

/** The whole report: the header, the form block (Nr;Tekst;Totalt;KVP;ØKS;Andre;%), then each section under its title. */
export function reportToCsv(report: Report, header?: ReportHeader): string {
  return toCsv(singleReportTables(report), [{ report, caption: null }], header);
}

/** The monthly report: «Måneden» and «Hittil i år» side by side, as on paper. */
export function monthlyReportToCsv(month: Report, hittilIAr: Report, header?: ReportHeader): string {
  return toCsv(
    monthlyReportTables(month, hittilIAr),
    [
      { report: month, caption: 'Måneden' },
      { report: hittilIAr, caption: 'Hittil i år' },
    ],
    header,
  );
}
