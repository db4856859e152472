/**
 * The årsrapport as an HTML fragment, from the tables of tables.ts and the charts' SVG: the same
 * markup on screen, printed to PDF by Chromium and in the CLI's HTML. Classes only, no inline styles
 * (the app's CSP): the look is resources/report.css and resources/arsrapport.css. Wide tables (a
 * block of several columns per year) are split into parts of at most five year blocks, each part on
 * its own page with the row labels repeated; tables of one column per year keep every year.
 */
import { formatDate } from '../../dates';
import { formatCount, formatDecimal, formatPct } from '../format';
import { escapeHtml } from '../html';
import type { ChartModel } from './charts';
import { type ArsCell, type ArsRow, type ArsTable, SMALL } from './tables';

export const MAX_BLOCKS_PER_PAGE = 5;

export type ArsrapportHeader = {
  title: string;
  items: readonly (readonly [label: string, value: string])[];
  /** Shown under the header when small numbers are hidden. */
  notice: string | null;
};

/** Block indexes in parts of at most `max`, as even as possible (11 → 4, 4, 3). */
export function blockParts(count: number, max: number = MAX_BLOCKS_PER_PAGE): number[][] {
  const parts = Math.max(1, Math.ceil(count / max));
  const result: number[][] = [];
  let next = 0;
  for (let p = 0; p < parts; p++) {
    const size = Math.ceil((count - next) / (parts - p));
    result.push(Array.from({ length: size }, (_, i) => next + i));
    next += size;
  }
  return result;
}

function cellText(cell: ArsCell): string {
  switch (cell.kind) {
    case 'small':
      return SMALL;
    case 'count':
      return cell.value === null ? '' : formatCount(Number(cell.value));
    case 'pct':
      return formatPct(cell.value === null ? null : Number(cell.value));
    case 'decimal':
      return formatDecimal(cell.value === null ? null : Number(cell.value));
    case 'date':
      return formatDate(cell.value === null ? null : String(cell.value));
    case 'text':
      return cell.value === null ? '' : String(cell.value);
  }
}

const numberClass = (cell: ArsCell, first: boolean) =>
  `kr-num${cell.kind === 'pct' ? ' kr-pct' : ''}${cell.kind === 'small' ? ' ars-small' : ''}${first ? ' kr-block-start' : ''}`;

function headHtml(table: ArsTable, blocks: readonly number[]): string {
  const width = table.blockColumns.length;
  const leadCells = (rowspan: number) =>
    table.lead
      .map((label, i) => {
        const cls = table.key === 'form' && i === 0 ? 'kr-nr' : 'kr-label';
        return `<th scope="col" class="${cls}"${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}>${escapeHtml(label)}</th>`;
      })
      .join('');
  const caption = (index: number) => {
    const head = table.blocks[index];
    if (!head) return '';
    const period = head.period ? `<span class="kr-block-period">${escapeHtml(head.period)}</span>` : '';
    return `${escapeHtml(head.caption)}${period}`;
  };
  if (width === 1) {
    const captions = blocks.map((b) => `<th scope="col" class="kr-num kr-block-start">${caption(b)}</th>`).join('');
    return `<tr>${leadCells(1)}${captions}</tr>`;
  }
  const captions = blocks
    .map((b) => `<th scope="colgroup" colspan="${width}" class="kr-block-caption kr-block-start">${caption(b)}</th>`)
    .join('');
  const columns = blocks
    .flatMap(() =>
      (table.blockColumnsShort ?? table.blockColumns).map(
        (c, i) =>
          `<th scope="col" class="kr-num${i === 0 ? ' kr-block-start' : ''}"${c === table.blockColumns[i] ? '' : ` title="${escapeHtml(table.blockColumns[i] ?? '')}"`}>${escapeHtml(c)}</th>`,
      ),
    )
    .join('');
  return `<tr>${leadCells(2)}${captions}</tr><tr>${columns}</tr>`;
}

const ROW_CLASS: Record<ArsRow['style'], string> = {
  row: 'kr-row',
  sub: 'kr-row kr-row--sub',
  heading: 'kr-row kr-row--heading',
  total: 'kr-row kr-row--total',
  caption: 'kr-row ars-row--caption',
};

function bodyHtml(table: ArsTable, blocks: readonly number[]): string {
  const lead = table.lead.length;
  const width = table.blockColumns.length;
  const span = lead + blocks.length * width;
  let previousNr = '';
  return table.rows
    .map((raw) => {
      // The form prints a number once for its group (row 13's heading, not each sluttårsak line).
      let row = raw;
      if (table.key === 'form') {
        const nr = cellText(raw.cells[0] ?? { kind: 'text', value: '' });
        if (nr === previousNr) row = { ...raw, cells: [{ kind: 'text', value: '' }, ...raw.cells.slice(1)] };
        previousNr = nr;
      }
      const data = row.key === undefined ? '' : ` data-row="${escapeHtml(row.key)}"`;
      const open = `<tr class="${ROW_CLASS[row.style]}"${data}>`;
      if (row.style === 'caption') {
        return `${open}<th scope="rowgroup" class="kr-label" colspan="${span}">${escapeHtml(cellText(row.cells[0] ?? { kind: 'text', value: '' }))}</th></tr>`;
      }
      if (row.style === 'heading') {
        const [nr, label] = row.cells;
        return `${open}<td class="kr-nr">${escapeHtml(nr ? cellText(nr) : '')}</td><td class="kr-label" colspan="${span - 1}">${escapeHtml(label ? cellText(label) : '')}</td></tr>`;
      }
      const leadHtml = row.cells
        .slice(0, lead)
        .map((cell, i) => {
          const cls = table.key === 'form' && i === 0 ? 'kr-nr' : cell.kind === 'date' ? 'kr-date' : 'kr-label';
          return i === lead - 1
            ? `<th scope="row" class="${cls}">${escapeHtml(cellText(cell))}</th>`
            : `<td class="${cls}">${escapeHtml(cellText(cell))}</td>`;
        })
        .join('');
      const values = blocks
        .flatMap((b) =>
          Array.from({ length: width }, (_, c) => {
            const cell = row.cells[lead + b * width + c] ?? ({ kind: 'text', value: null } as ArsCell);
            return `<td class="${numberClass(cell, c === 0)}">${escapeHtml(cellText(cell))}</td>`;
          }),
        )
        .join('');
      return `${open}${leadHtml}${values}</tr>`;
    })
    .join('');
}

/** One table, split into parts of at most five year blocks when each block is several columns wide. */
export function arsTableHtml(table: ArsTable): string {
  const all = table.blocks.map((_, i) => i);
  const parts = table.blockColumns.length > 1 ? blockParts(all.length) : [all];
  const wide = parts.length > 1 ? ' ars-part--page' : '';
  const tables = parts
    .map((blocks, i) => {
      const cls = `kr-table ars-table ars-table--${table.blockColumns.length > 1 ? 'blocks' : 'columns'}${i > 0 ? wide : ''}`;
      const part =
        parts.length > 1
          ? `<caption class="ars-part">${escapeHtml(table.title)}, del ${i + 1} av ${parts.length}</caption>`
          : '';
      return `<div class="ars-part-wrap${i > 0 ? wide : ''}"><table class="${cls}" data-part="${i + 1}">${part}<thead>${headHtml(table, blocks)}</thead><tbody>${bodyHtml(table, blocks)}</tbody></table></div>`;
    })
    .join('');
  const note = table.note ? `<p class="ars-table-note">${escapeHtml(table.note)}</p>` : '';
  return `<section class="kr-section ars-section${table.blockColumns.length > 1 ? ' ars-section--wide' : ''}" data-table="${escapeHtml(table.key)}"><h2 class="kr-section-title">${escapeHtml(table.title)}</h2>${tables}${note}</section>`;
}

export type RenderedChart = { model: ChartModel; svg: string };

function chartHtml({ model, svg }: RenderedChart): string {
  return `<figure class="ars-chart" data-chart="${escapeHtml(model.key)}"><figcaption class="ars-chart-title">${escapeHtml(model.title)}</figcaption><div class="ars-chart-body"><div class="ars-chart-drawing">${svg}</div><div class="ars-chart-table">${arsTableHtml(model.table)}</div></div></figure>`;
}

export function renderArsrapportHtml(
  header: ArsrapportHeader,
  tables: readonly ArsTable[],
  charts: readonly RenderedChart[],
  footnote: string,
): string {
  const meta = header.items
    .map(
      ([label, value]) => `<div class="kr-meta-item"><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`,
    )
    .join('');
  const notice = header.notice ? `<p class="ars-notice" role="note">${escapeHtml(header.notice)}</p>` : '';
  const [form, ...rest] = tables;
  const chartSection =
    charts.length === 0
      ? ''
      : `<section class="kr-section ars-charts"><h2 class="kr-section-title">Diagrammer</h2>${charts.map(chartHtml).join('')}</section>`;
  return `<article class="kr-report ars-report" lang="nb"><header class="kr-header"><h1 class="kr-title">${escapeHtml(header.title)}</h1><dl class="kr-meta">${meta}</dl></header>${notice}${form ? arsTableHtml(form) : ''}${chartSection}${rest.map(arsTableHtml).join('')}<p class="kr-note">${escapeHtml(footnote)}</p></article>`;
}
