/**
 * The samlerapport as CSV the way Norwegian Excel opens it (UTF-8 with BOM, `;`, CRLF, decimal
 * comma), from the same tables as the HTML and the XLSX: the total first, then a column block per
 * tiltak, block names on the line over the column headings. Formulas are neutralised (csv.ts).
 */
import { formatDate } from '../../dates';
import { csvCell } from '../csv';
import { type Cell, NOTHING } from '../tables';
import type { Samlerapport } from './merge';
import { SAMLE_TITLE, samleHeaderItems, samleTables } from './tables';

type Value = string | number | null;

function value(cell: Cell): Value {
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

export function samleToCsv(report: Samlerapport, madeOn: string): string {
  const lines: Value[][] = [[`${SAMLE_TITLE} – ${report.total_name}`]];
  for (const [label, text] of samleHeaderItems(report, madeOn)) lines.push([label, text]);
  for (const table of samleTables(report)) {
    lines.push([], [table.title]);
    for (const head of table.head)
      lines.push(head.flatMap((c) => [c.text, ...new Array<Value>(c.span - 1).fill(null)]));
    for (const row of table.rows) lines.push(row.cells.map(value));
  }
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
