/**
 * The årsrapport as CSV the way Norwegian Excel opens it (UTF-8 BOM, `;`, CRLF, decimal comma), the
 * same tables as the XLSX with every year in one line: the header, then each table under its title.
 * Numbers are plain; «<5» stays «<5» (the exact count is only in the JSON).
 */
import { formatDate } from '../../dates';
import { csvCell } from '../csv';
import { NOTHING } from '../tables';
import type { ArsCell, ArsTable } from './tables';
import { SMALL } from './tables';

type Value = string | number | null;

function value(cell: ArsCell): Value {
  switch (cell.kind) {
    case 'small':
      return SMALL;
    case 'pct':
    case 'decimal':
      return cell.value ?? NOTHING;
    case 'date':
      return formatDate(cell.value as string | null);
    default:
      return cell.value;
  }
}

/** The heading lines of a table: block captions over the block columns (one line when a block is one column). */
export function headLines(table: ArsTable): Value[][] {
  const width = table.blockColumns.length;
  const captions = table.blocks.map((b) =>
    b.period && b.caption !== b.period ? `${b.caption} (${b.period})` : b.caption,
  );
  if (width === 1) return [[...table.lead, ...captions]];
  return [
    [...table.lead.map(() => null), ...captions.flatMap((c) => [c, ...new Array<Value>(width - 1).fill(null)])],
    [...table.lead, ...table.blocks.flatMap(() => table.blockColumns)],
  ];
}

export function arsrapportCsv(
  title: string,
  header: readonly (readonly [string, string])[],
  notice: string | null,
  tables: readonly ArsTable[],
): string {
  const lines: Value[][] = [[title], ...header.map(([label, v]) => [label, v])];
  if (notice) lines.push([notice]);
  for (const table of tables) {
    lines.push([], [table.title], ...headLines(table), ...table.rows.map((row) => row.cells.map(value)));
    if (table.note) lines.push([table.note]);
  }
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
