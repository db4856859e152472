/**
 * The report as an HTML fragment that prints like the municipality's form. The same markup is shown
 * in the app, printed to PDF by Chromium and written by the CLI, so screen and paper never differ.
 * Classes only, no inline styles (the app's CSP forbids them): the look is resources/report.css.
 * Every text from data is escaped; list values and kull names are typed by users.
 */
import { formatDate } from '../dates';
import { ROW_RULES } from '../rules';
import { formatCount, formatDecimal, formatPct, periodLabel } from './format';
import type { CountItem, KullTotal, Report, ReportHeader } from './schema';
import { headerItems, REPORT_NOTE } from './tables';
import {
  FORM_HEADINGS,
  FORM_LINES,
  printedLabel,
  SECTION_ORDER,
  SECTIONS,
  type SectionKey,
  TEMPLATE_TITLE,
} from './template';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/** A value block: one report, with a caption when there are several side by side. */
type Block = { report: Report; caption: string | null };

type Cell = {
  text: string;
  className?: string;
  colspan?: number;
  rowspan?: number;
  scope?: 'col' | 'colgroup' | 'row';
};

function td(cell: Cell, tag: 'td' | 'th' = 'td'): string {
  const attrs = [
    cell.className ? ` class="${cell.className}"` : '',
    cell.colspan && cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '',
    cell.rowspan && cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '',
    cell.scope ? ` scope="${cell.scope}"` : '',
  ].join('');
  return `<${tag}${attrs}>${cell.text}</${tag}>`;
}

const text = (value: string, className?: string): Cell => ({
  text: escapeHtml(value),
  ...(className ? { className } : {}),
});
const num = (value: string, first = false): Cell => ({
  text: escapeHtml(value),
  className: first ? 'kr-num kr-block-start' : 'kr-num',
});
const th = (value: string, className = 'kr-num'): Cell => ({ text: escapeHtml(value), className, scope: 'col' });

type BodyRow = { cells: Cell[]; className?: string; dataRow?: string };

function table(className: string, head: Cell[][], body: BodyRow[]): string {
  const thead = head.map((row) => `<tr>${row.map((c) => td(c, 'th')).join('')}</tr>`).join('');
  const tbody = body
    .map((row) => {
      const data = row.dataRow === undefined ? '' : ` data-row="${escapeHtml(row.dataRow)}"`;
      const cls = row.className ? ` class="${row.className}"` : '';
      return `<tr${cls}${data}>${row.cells.map((c) => td(c)).join('')}</tr>`;
    })
    .join('');
  return `<table class="kr-table ${className}"><thead>${thead}</thead><tbody>${tbody}</tbody></table>`;
}

/** Header cells for several blocks: a caption row over the per-block column headings. */
function blockHead(lead: Cell[], blocks: readonly Block[], columns: readonly string[]): Cell[][] {
  const perBlock = blocks.flatMap(() =>
    columns.map((label, i) => th(label, i === 0 ? 'kr-num kr-block-start' : 'kr-num')),
  );
  if (blocks.every((b) => b.caption === null)) return [[...lead, ...perBlock]];
  const captions = blocks.map(
    (b): Cell => ({
      text: `${escapeHtml(b.caption ?? '')}<span class="kr-block-period">${escapeHtml(periodLabel(b.report.from, b.report.to))}</span>`,
      className: 'kr-block-caption kr-block-start',
      colspan: columns.length,
      scope: 'colgroup',
    }),
  );
  return [[...lead.map((c) => ({ ...c, rowspan: 2 })), ...captions], perBlock];
}

function formTable(blocks: readonly Block[]): string {
  const lead = [th(FORM_HEADINGS.nr, 'kr-nr'), th(FORM_HEADINGS.label, 'kr-label')];
  const columns = [FORM_HEADINGS.total, FORM_HEADINGS.kvp, FORM_HEADINGS.oks, FORM_HEADINGS.andre, FORM_HEADINGS.pct];
  const body: BodyRow[] = [];
  let previousNr = '';
  for (const line of FORM_LINES) {
    // The form prints a number once for its group (row 13's heading, not each sluttårsak line).
    const nr = line.nr === previousNr ? '' : line.nr;
    previousNr = line.nr;
    if (line.kind === 'heading') {
      body.push({
        className: 'kr-row kr-row--heading',
        cells: [text(nr, 'kr-nr'), { ...text(line.label, 'kr-label'), colspan: 1 + columns.length * blocks.length }],
      });
      continue;
    }
    const cells: Cell[] = [text(nr, 'kr-nr'), text(printedLabel(line), 'kr-label')];
    for (const block of blocks) {
      const row = block.report.rows[line.key];
      cells.push(
        num(row ? formatCount(row.total) : '', true),
        num(row ? formatCount(row.kvp) : ''),
        num(row ? formatCount(row.oks) : ''),
        num(row ? formatCount(row.andre) : ''),
        { ...num(line.pct && row ? formatPct(row.pct) : ''), className: 'kr-num kr-pct' },
      );
    }
    body.push({ className: line.indent ? 'kr-row kr-row--sub' : 'kr-row', dataRow: line.key, cells });
  }
  return table('kr-form', blockHead(lead, blocks, columns), body);
}

/** Items of several blocks by key; the later (wider) blocks first, so hittil i år sets the order. */
function unionKeys(lists: readonly (readonly CountItem[])[]): CountItem[] {
  const seen = new Map<string, CountItem>();
  for (const list of [...lists].reverse()) for (const item of list) if (!seen.has(item.key)) seen.set(item.key, item);
  return [...seen.values()];
}

function listTable(
  blocks: readonly Block[],
  heading: { value: string; count: string },
  itemsOf: (r: Report) => readonly CountItem[],
): string {
  const lists = blocks.map((b) => itemsOf(b.report));
  const counts = lists.map((items) => new Map(items.map((item) => [item.key, item.count])));
  const body: BodyRow[] = unionKeys(lists).map((item) => ({
    className: 'kr-row',
    cells: [text(item.label, 'kr-label'), ...counts.map((c, i) => num(formatCount(c.get(item.key) ?? 0), i === 0))],
  }));
  body.push({
    className: 'kr-row kr-row--total',
    cells: [
      text('Totalt', 'kr-label'),
      ...lists.map((items, i) => num(formatCount(items.reduce((s, x) => s + x.count, 0)), i === 0)),
    ],
  });
  return table('kr-list', blockHead([th(heading.value, 'kr-label')], blocks, [heading.count]), body);
}

function kjonnAlderTable(report: Report): string {
  const { age_groups, rows, total } = report.sections.kjonn_alder;
  const headings = SECTIONS.kjonn_alder.headings;
  const head = [[th(headings.kjonn, 'kr-label'), ...age_groups.map((g) => th(g.label)), th(headings.total)]];
  const line = (label: string, counts: Record<string, number>, sum: number, className: string): BodyRow => ({
    className,
    cells: [
      text(label, 'kr-label'),
      ...age_groups.map((g) => num(formatCount(counts[g.key] ?? 0))),
      num(formatCount(sum)),
    ],
  });
  const body = [
    ...rows.map((row) => line(row.label, row.counts, row.total, 'kr-row')),
    line(headings.total, total.counts, total.total, 'kr-row kr-row--total'),
  ];
  return table('kr-kjonn-alder', head, body);
}

/** A short kull name ("Kull 13", "Vår 2026") stays on one line in the narrow name column; a long one may wrap. */
function unbroken(name: string): string {
  return name.length <= 16 ? name.replaceAll(' ', '\u00a0') : name;
}

function kullTable(report: Report): string {
  const config = SECTIONS.kull;
  const { lines, total } = report.sections.kull;
  if (lines.length === 0) return `<p class="kr-empty">${escapeHtml(config.emptyText)}</p>`;
  const head = [
    [
      th(config.headings.navn, 'kr-label'),
      th(config.headings.startdato, 'kr-date'),
      th(config.headings.planlagt_sluttdato, 'kr-date'),
      ...config.counts.map((c) => th(c.label)),
      ...config.pcts.map((p) => th(p.label)),
    ],
  ];
  const figures = (f: KullTotal): Cell[] => [
    ...config.counts.map((c) => num(formatCount(f[c.key]))),
    ...config.pcts.map((p) => ({ ...num(formatPct(f[p.key])), className: 'kr-num kr-pct' })),
  ];
  const body: BodyRow[] = lines.map((l) => ({
    className: 'kr-row',
    cells: [
      text(unbroken(l.navn), 'kr-label'),
      text(formatDate(l.startdato), 'kr-date'),
      text(formatDate(l.planlagt_sluttdato), 'kr-date'),
      ...figures(l),
    ],
  }));
  body.push({
    className: 'kr-row kr-row--total',
    cells: [text(config.headings.total, 'kr-label'), text('', 'kr-date'), text('', 'kr-date'), ...figures(total)],
  });
  return table('kr-kull', head, body);
}

function ventetidTable(blocks: readonly Block[]): string {
  const { labels, headings } = SECTIONS.ventetid;
  const measures: [string, (r: Report) => string][] = [
    [labels.count, (r) => formatCount(r.sections.ventetid.count)],
    [labels.mean_days, (r) => formatDecimal(r.sections.ventetid.mean_days)],
    [labels.median_days, (r) => formatDecimal(r.sections.ventetid.median_days)],
    [labels.over_6_months, (r) => formatCount(r.sections.ventetid.over_6_months)],
    [labels.not_measured, (r) => formatCount(r.sections.ventetid.not_measured)],
  ];
  const body = measures.map(([label, value]) => ({
    className: 'kr-row',
    cells: [text(label, 'kr-label'), ...blocks.map((b, i) => num(value(b.report), i === 0))],
  }));
  return table('kr-list', blockHead([th(headings.value, 'kr-label')], blocks, [headings.count]), body);
}

function datakvalitetTable(blocks: readonly Block[]): string {
  const headings = SECTIONS.datakvalitet.headings;
  const body = ROW_RULES.map((rule) => ({
    className: 'kr-row',
    cells: [
      text(rule.title, 'kr-label'),
      ...blocks.map((b, i) =>
        num(formatCount(b.report.datakvalitet.find((d) => d.rule === rule.key)?.count ?? 0), i === 0),
      ),
    ],
  }));
  return table('kr-list', blockHead([th(headings.rule, 'kr-label')], blocks, [headings.count]), body);
}

/** Sections whose table has one shape per report: several blocks are printed one under the other. */
function stacked(blocks: readonly Block[], render: (r: Report) => string): string {
  if (blocks.length === 1) return render((blocks[0] as Block).report);
  return blocks
    .map(
      (b) =>
        `<h3 class="kr-block-title">${escapeHtml(`${b.caption ?? ''} (${periodLabel(b.report.from, b.report.to)})`)}</h3>${render(b.report)}`,
    )
    .join('');
}

function sectionHtml(key: SectionKey, blocks: readonly Block[]): string {
  const body = (() => {
    switch (key) {
      case 'kjonn_alder':
        return stacked(blocks, kjonnAlderTable);
      case 'henvist_fra':
      case 'varighet':
      case 'dropout_arsak':
        return listTable(blocks, SECTIONS[key].headings, (r) => r.sections[key]);
      case 'ventetid':
        return ventetidTable(blocks);
      case 'kull':
        return stacked(blocks, kullTable);
      case 'datakvalitet':
        return datakvalitetTable(blocks);
    }
  })();
  return `<section class="kr-section" data-section="${key}"><h2 class="kr-section-title">${escapeHtml(SECTIONS[key].title)}</h2>${body}</section>`;
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
  const formSection = `<section class="kr-section kr-section--form">${formTable(blocks)}</section>`;
  const sections = SECTION_ORDER.map((key) => sectionHtml(key, blocks)).join('');
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
