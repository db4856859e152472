/**
 * The report as an HTML fragment that prints like the municipality's form. The same markup is shown
 * in the app, printed to PDF by Chromium and written by the CLI, so screen and paper never differ.
 * It is written from the same tables as the CSV and the XLSX (tables.ts): a changed form or section
 * changes all four. What is the paper's own is here: which columns print (the data-quality ids are
 * for the files), the cells' classes, a number printed once for its group, a caption over each
 * block. Classes only, no inline styles (the app's CSP forbids them): the look is resources/report.css.
 * Every text from data is escaped; list values and kull names are typed by users.
 */
import { formatDate } from '../dates';
import { formatCount, formatDecimal, formatPct } from './format';
import type { Report, ReportHeader } from './schema';
import {
  type Block,
  type Cell,
  type HeadCell,
  headerItems,
  REPORT_NOTE,
  type ReportTable,
  reportTables,
} from './tables';
import { SECTIONS, TEMPLATE_TITLE } from './template';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

type HtmlCell = { html: string; className: string; colspan?: number; rowspan?: number; scope?: 'col' | 'colgroup' };

function cellHtml(cell: HtmlCell, tag: 'td' | 'th'): string {
  const attrs = [
    cell.className ? ` class="${cell.className}"` : '',
    cell.colspan && cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '',
    cell.rowspan && cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '',
    cell.scope ? ` scope="${cell.scope}"` : '',
  ].join('');
  return `<${tag}${attrs}>${cell.html}</${tag}>`;
}

/** A cell's value as the paper prints it. */
function printed(cell: Cell): string {
  const { kind, value } = cell;
  if (kind === 'count') return formatCount(value as number);
  if (kind === 'pct') return formatPct(value as number | null);
  if (kind === 'decimal') return formatDecimal(value as number | null);
  if (kind === 'date') return formatDate(value as string | null);
  return value === null ? '' : String(value);
}

/**
 * How one table prints: its class, each printed column's class (the lead columns, then one block's
 * columns; in a stacked section the two in a row), which of the model's columns print, and where a
 * block starts a rule on the page (`every` block's first column, or only the `first` block's in the
 * body, while the head marks every block).
 */
type Layout = {
  className: string;
  lead: readonly string[];
  perBlock: readonly string[];
  /** The model's columns (lead, then per block) that print; all when missing. */
  leadColumns?: readonly number[];
  blockColumns?: readonly number[];
  blockStart: 'every' | 'first' | 'none';
};

function layoutOf(table: ReportTable): Layout {
  switch (table.key) {
    case 'form':
      return {
        className: 'kr-form',
        lead: ['kr-nr', 'kr-label'],
        perBlock: ['kr-num', 'kr-num', 'kr-num', 'kr-num', 'kr-num kr-pct'],
        blockStart: 'every',
      };
    case 'kjonn_alder': {
      const columns = (table.head.at(-1) as readonly HeadCell[]).length;
      return {
        className: 'kr-kjonn-alder',
        lead: ['kr-label'],
        perBlock: new Array(columns - 1).fill('kr-num'),
        blockStart: 'none',
      };
    }
    case 'kull':
      return {
        className: 'kr-kull',
        lead: ['kr-label', 'kr-date', 'kr-date'],
        perBlock: [...SECTIONS.kull.counts.map(() => 'kr-num'), ...SECTIONS.kull.pcts.map(() => 'kr-num kr-pct')],
        blockStart: 'none',
      };
    case 'datakvalitet':
      // The rule key and the deltaker ids are for the files; the paper has the rule and its count.
      return {
        className: 'kr-list',
        lead: ['kr-label'],
        perBlock: ['kr-num'],
        leadColumns: [0],
        blockColumns: [0],
        blockStart: 'first',
      };
    default:
      return { className: 'kr-list', lead: ['kr-label'], perBlock: ['kr-num'], blockStart: 'first' };
  }
}

/** The model's lead and per-block column counts (none per block in a stacked section). */
function shape(table: ReportTable, blocks: number): { lead: number; perBlock: number } {
  const columns = (table.head.at(-1) as readonly HeadCell[]).length;
  return { lead: table.lead, perBlock: (columns - table.lead) / blocks };
}

/** The printed columns of a model row: which model column each is, and its class. */
function printedColumns(table: ReportTable, layout: Layout, blocks: number, where: 'head' | 'body') {
  const { lead, perBlock } = shape(table, blocks);
  const columns: { index: number; className: string }[] = [];
  const leadIndexes = layout.leadColumns ?? [...Array(lead).keys()];
  const allLead = [...layout.lead, ...layout.perBlock];
  leadIndexes.forEach((index, i) => {
    columns.push({ index, className: (perBlock === 0 ? allLead[i] : layout.lead[i]) ?? '' });
  });
  if (perBlock === 0) return columns;
  for (let b = 0; b < blocks; b++) {
    const blockIndexes = layout.blockColumns ?? [...Array(perBlock).keys()];
    blockIndexes.forEach((offset, i) => {
      const start =
        i === 0 && (layout.blockStart === 'every' || (layout.blockStart === 'first' && (b === 0 || where === 'head')));
      const base = layout.perBlock[i] ?? '';
      columns.push({ index: lead + b * perBlock + offset, className: start ? `${base} kr-block-start` : base });
    });
  }
  return columns;
}

const headClass = (className: string) => className.replace(' kr-pct', '');

function headHtml(table: ReportTable, layout: Layout, blocks: number): string {
  const columns = printedColumns(table, layout, blocks, 'head');
  const last = table.head.at(-1) as readonly HeadCell[];
  const labels = columns.map(
    (c): HtmlCell => ({ html: escapeHtml(last[c.index]?.text ?? ''), className: headClass(c.className), scope: 'col' }),
  );
  if (table.head.length === 1) return `<tr>${labels.map((c) => cellHtml(c, 'th')).join('')}</tr>`;
  // Several blocks side by side: the lead headings span both rows, each block's caption its columns.
  const leads = columns.filter((c) => c.index < shape(table, blocks).lead).length;
  const captions = (table.head[0] as readonly HeadCell[])
    .filter((cell) => cell.block)
    .map(
      (cell): HtmlCell => ({
        html: `${escapeHtml(cell.block?.caption ?? '')}<span class="kr-block-period">${escapeHtml(cell.block?.period ?? '')}</span>`,
        className: 'kr-block-caption kr-block-start',
        colspan: (columns.length - leads) / blocks,
        scope: 'colgroup',
      }),
    );
  const first = [...labels.slice(0, leads).map((c) => ({ ...c, rowspan: 2 })), ...captions];
  return [first, labels.slice(leads)].map((row) => `<tr>${row.map((c) => cellHtml(c, 'th')).join('')}</tr>`).join('');
}

const ROW_CLASSES = {
  row: 'kr-row',
  sub: 'kr-row kr-row--sub',
  heading: 'kr-row kr-row--heading',
  total: 'kr-row kr-row--total',
};

/** A short kull name ("Kull 13", "Vår 2026") stays on one line in the narrow name column; a long one may wrap. */
function unbroken(name: string): string {
  return name.length <= 16 ? name.replaceAll(' ', '\u00a0') : name;
}

function tableHtml(table: ReportTable, rows: ReportTable['rows'], blocks: number): string {
  const layout = layoutOf(table);
  const columns = printedColumns(table, layout, blocks, 'body');
  let previousNr = '';
  const body = rows
    .map((row) => {
      const cls = ` class="${ROW_CLASSES[row.style as keyof typeof ROW_CLASSES]}"`;
      if (row.style === 'heading') {
        // Row 13's lead-in: its text over every column after the number.
        const [nrCell, label] = row.cells as [Cell, Cell];
        const nr = printed(nrCell);
        const shownNr = nr === previousNr ? '' : nr;
        previousNr = nr;
        const cells: HtmlCell[] = [
          { html: escapeHtml(shownNr), className: 'kr-nr' },
          { html: escapeHtml(printed(label)), className: 'kr-label', colspan: columns.length - 1 },
        ];
        return `<tr${cls}>${cells.map((c) => cellHtml(c, 'td')).join('')}</tr>`;
      }
      const cells = columns.map(({ index, className }, i): HtmlCell => {
        const cell = row.cells[index] as Cell;
        let shown = printed(cell);
        if (table.key === 'form' && i === 0) {
          // The form prints a number once for its group (row 13's heading, not each sluttårsak line).
          const nr = shown;
          shown = nr === previousNr ? '' : nr;
          previousNr = nr;
        }
        if (table.key === 'kull' && i === 0 && row.style === 'row') shown = unbroken(shown);
        return { html: escapeHtml(shown), className };
      });
      const data = table.key === 'form' && row.key !== undefined ? ` data-row="${escapeHtml(row.key)}"` : '';
      return `<tr${cls}${data}>${cells.map((c) => cellHtml(c, 'td')).join('')}</tr>`;
    })
    .join('');
  return `<table class="kr-table ${layout.className}"><thead>${headHtml(table, layout, blocks)}</thead><tbody>${body}</tbody></table>`;
}

/**
 * A section whose table has one shape per report (kjønn og alder, kull): with several blocks the
 * model has a caption row before each block's rows, printed as a title over a table of its own.
 */
function stackedHtml(table: ReportTable): string {
  const parts: { title: string | null; rows: ReportTable['rows'][number][] }[] = [{ title: null, rows: [] }];
  for (const row of table.rows) {
    if (row.style === 'caption') parts.push({ title: printed(row.cells[0] as Cell), rows: [] });
    else (parts.at(-1) as (typeof parts)[number]).rows.push(row);
  }
  return parts
    .filter((part) => part.title !== null || part.rows.length > 0)
    .map((part) => {
      const title = part.title === null ? '' : `<h3 class="kr-block-title">${escapeHtml(part.title)}</h3>`;
      const [only] = part.rows;
      // A kull section with no kull: its sentence, no table.
      if (table.key === 'kull' && part.rows.length === 1 && only?.cells.length === 1) {
        return `${title}<p class="kr-empty">${escapeHtml(printed(only.cells[0] as Cell))}</p>`;
      }
      return `${title}${tableHtml(table, part.rows, 1)}`;
    })
    .join('');
}

function sectionHtml(table: ReportTable, blocks: number): string {
  const body =
    table.key === 'kjonn_alder' || table.key === 'kull' ? stackedHtml(table) : tableHtml(table, table.rows, blocks);
  return `<section class="kr-section" data-section="${table.key}"><h2 class="kr-section-title">${escapeHtml(table.title)}</h2>${body}</section>`;
}

function headerHtml(header: ReportHeader): string {
  const meta = headerItems(header)
    .map(
      ([label, value]) => `<div class="kr-meta-item"><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`,
    )
    .join('');
  return `<header class="kr-header"><h1 class="kr-title">${escapeHtml(TEMPLATE_TITLE)}</h1><dl class="kr-meta">${meta}</dl></header>`;
}

/**
 * On paper, every page under its running head: the form's name, the tiltak and the period. The
 * report sits in one cell of a layout table whose head Chromium repeats on each printed page
 * (no browser prints CSS running elements); on screen the head is hidden (resources/report.css).
 */
function runningHead(header: ReportHeader): string {
  const items = [TEMPLATE_TITLE, `Tiltak: ${header.tiltak || '–'}`, `Periode: ${header.periodLabel}`];
  return `<thead class="kr-running"><tr><td>${items.map((item) => `<span>${escapeHtml(item)}</span>`).join('')}</td></tr></thead>`;
}

function render(blocks: readonly Block[], header: ReportHeader, variant: string): string {
  const [form, ...tables] = reportTables(blocks);
  const formSection = `<section class="kr-section kr-section--form">${tableHtml(form as ReportTable, (form as ReportTable).rows, blocks.length)}</section>`;
  const sections = tables.map((table) => sectionHtml(table, blocks.length)).join('');
  const body = `${headerHtml(header)}${formSection}${sections}<p class="kr-note">${escapeHtml(REPORT_NOTE)}</p>`;
  return `<article class="kr-report ${variant}" lang="nb"><table class="kr-pages">${runningHead(header)}<tbody><tr><td>${body}</td></tr></tbody></table></article>`;
}

/** The form (rows 1–15) and every section for one period. */
export function renderReportHtml(report: Report, header: ReportHeader): string {
  return render([{ report, caption: null }], header, 'kr-report--single');
}

/** The monthly view: "Måneden" and "Hittil i år" side by side (each Totalt, KVP, ØKS, Andre, %). */
export function renderMonthlyReportHtml(monthReport: Report, yearToDateReport: Report, header: ReportHeader): string {
  return render(
    [
      { report: monthReport, caption: 'Måneden' },
      { report: yearToDateReport, caption: 'Hittil i år' },
    ],
    header,
    'kr-report--monthly',
  );
}

/** A whole HTML page around a fragment, for the CLI's `--format html` and for printing outside the app. */
export function htmlDocument(fragment: string, options: { title: string; css: string }): string {
  return [
    '<!doctype html>',
    '<html lang="nb">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(options.title)}</title>`,
    // The stylesheet is ours, not data; only "</style" could end it early.
    `<style>${options.css.replaceAll('</style', '<\\/style')}</style>`,
    '</head>',
    `<body>${fragment}</body>`,
    '</html>',
    '',
  ].join('\n');
}
