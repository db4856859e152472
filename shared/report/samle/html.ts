/**
 * The samlerapport as an HTML fragment, rendered from the table model (tables.ts), so the screen,
 * the printer and the CLI's --format html show the same lines as the CSV and the XLSX. A table with
 * more column blocks than fit across a page is cut into parts: each part repeats the row labels and
 * continues with the next tiltak, so every printed page can be read on its own. More than two tiltak
 * print on A4 landscape (resources/samlerapport.css). Classes only; every text from data is escaped.
 */
import { formatDate } from '../../dates';
import { formatCount, formatDecimal, formatPct } from '../format';
import { escapeHtml } from '../html';
import type { Cell, TableRow } from '../tables';
import type { Samlerapport } from './merge';
import { SAMLE_NOTE, SAMLE_TITLE, type SamleTable, samleHeaderItems, samleTables } from './tables';

/** Landscape from three tiltak on (samlerapport.md, "Outputs"). */
export function isWide(report: Samlerapport): boolean {
  return report.tiltak.length > 2;
}

/** How many column blocks fit across one page: the form's blocks are five columns wide, the rest one. */
export function blocksPerPart(table: SamleTable, wide: boolean): number {
  if (table.blockWidth >= 5) return wide ? 4 : 2;
  return wide ? 12 : 6;
}

function cellText(cell: Cell): string {
  const { kind, value } = cell;
  switch (kind) {
    case 'count':
      return formatCount(Number(value));
    case 'pct':
      return formatPct(value as number | null);
    case 'decimal':
      return formatDecimal(value as number | null);
    case 'date':
      return formatDate(value as string | null);
    default:
      return value === null ? '' : String(value);
  }
}

function cellClass(cell: Cell, column: number, table: SamleTable): string {
  const classes: string[] = [];
  if (column < table.lead) {
    if (table.key === 'form' && column === 0) classes.push('kr-nr');
    else if (column === table.lead - 1 || table.blockWidth === 0) classes.push('kr-label');
  } else {
    if (cell.kind !== 'text' && cell.kind !== 'date') classes.push('kr-num');
    if (cell.kind === 'date') classes.push('kr-date');
    if (table.blockWidth > 0 && (column - table.lead) % table.blockWidth === 0) classes.push('kr-block-start');
  }
  return classes.join(' ');
}

const attr = (name: string, value: string | number | undefined) =>
  value === undefined || value === '' || value === 1 ? '' : ` ${name}="${value}"`;

const ROW_CLASS: Record<TableRow['style'], string> = {
  row: 'kr-row',
  sub: 'kr-row kr-row--sub',
  heading: 'kr-row kr-row--heading',
  total: 'kr-row kr-row--total',
  caption: 'kr-row sr-row--caption',
};

/** The columns of one part: the lead, then the blocks from `first` to before `end`. */
function partColumns(table: SamleTable, first: number, end: number): number[] {
  const lead = Array.from({ length: table.lead }, (_, i) => i);
  const blocks: number[] = [];
  for (let b = first; b < end; b++) {
    for (let c = 0; c < table.blockWidth; c++) blocks.push(table.lead + b * table.blockWidth + c);
  }
  return [...lead, ...blocks];
}

function partHtml(table: SamleTable, first: number, end: number, part: number): string {
  const blocked = table.blockWidth > 0;
  const columns = blocked ? partColumns(table, first, end) : null;
  const width = columns?.length ?? Math.max(...table.head.map((h) => h.reduce((s, c) => s + c.span, 0)));
  const head = table.head
    .map((row, r) => {
      const cells =
        blocked && r === 0
          ? [
              ...row.slice(0, table.lead).map(() => '<th scope="col" class="sr-corner"></th>'),
              ...row
                .slice(table.lead + first, table.lead + end)
                .map(
                  (c) =>
                    `<th scope="colgroup" class="kr-block-caption kr-block-start"${attr('colspan', c.span)}>${escapeHtml(c.text)}</th>`,
                ),
            ]
          : (columns ? columns.map((i) => row[i] as (typeof row)[number]) : row).map(
              (c, i) =>
                `<th scope="col" class="${i < table.lead ? 'kr-label' : `kr-num${blocked && (i - table.lead) % table.blockWidth === 0 ? ' kr-block-start' : ''}`}"${attr('colspan', c.span)}>${escapeHtml(c.text)}</th>`,
            );
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  const body = table.rows
    .map((row) => {
      const full = blocked
        ? row.cells.length === table.lead + table.blocks * table.blockWidth
        : row.cells.length >= width;
      const indices = full ? (columns ?? row.cells.map((_, i) => i)) : null;
      const cells = indices?.map((i) => ({ cell: row.cells[i] as Cell, column: i })) ?? null;
      let html: string;
      if (cells) {
        html = cells
          .map(({ cell, column }) => `<td class="${cellClass(cell, column, table)}">${escapeHtml(cellText(cell))}</td>`)
          .join('');
      } else {
        // A line of text over the rest of the row: row 13's lead-in, a group's caption, an empty table's note.
        const lead = row.cells.slice(0, -1);
        const last = row.cells.at(-1) as Cell;
        html =
          lead.map((c, i) => `<td class="${cellClass(c, i, table)}">${escapeHtml(cellText(c))}</td>`).join('') +
          `<td class="kr-label"${attr('colspan', width - lead.length)}>${escapeHtml(cellText(last))}</td>`;
      }
      const data = row.key === undefined ? '' : ` data-row="${escapeHtml(row.key)}"`;
      return `<tr class="${ROW_CLASS[row.style]}"${data}>${html}</tr>`;
    })
    .join('');
  const tableClass = table.key === 'form' ? 'kr-form sr-form' : 'kr-list sr-list';
  const continued = part > 0 ? ' sr-part--continued' : '';
  return `<div class="sr-part${continued}">${part > 0 ? `<p class="sr-continued">${escapeHtml(table.title)} (fortsatt)</p>` : ''}<table class="kr-table ${tableClass}" data-table="${escapeHtml(table.key)}"><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}

export function samleTableHtml(table: SamleTable, wide: boolean): string {
  const parts: string[] = [];
  if (table.blockWidth === 0) parts.push(partHtml(table, 0, 0, 0));
  else {
    const per = blocksPerPart(table, wide);
    for (let first = 0, part = 0; first < table.blocks; first += per, part++) {
      parts.push(partHtml(table, first, Math.min(table.blocks, first + per), part));
    }
  }
  return `<section class="kr-section sr-section" data-section="${escapeHtml(table.key)}"><h2 class="kr-section-title">${escapeHtml(table.title)}</h2>${parts.join('')}</section>`;
}

export function renderSamleHtml(report: Samlerapport, madeOn: string): string {
  const wide = isWide(report);
  const meta = samleHeaderItems(report, madeOn)
    .map(
      ([label, value]) => `<div class="kr-meta-item"><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`,
    )
    .join('');
  const header = `<header class="kr-header"><h1 class="kr-title">${escapeHtml(`${SAMLE_TITLE} – ${report.total_name}`)}</h1><dl class="kr-meta">${meta}</dl></header>`;
  const tables = samleTables(report)
    .map((t) => samleTableHtml(t, wide))
    .join('');
  return `<article class="kr-report sr-report ${wide ? 'sr-report--wide' : 'sr-report--narrow'}" lang="nb">${header}${tables}<p class="kr-note">${escapeHtml(SAMLE_NOTE)}</p></article>`;
}
