/**
 * The report as plain tables: the form and each section as heading rows and typed cells. The CSV
 * (csv.ts), the XLSX (electron/io/report-xlsx.ts) and the printed HTML (html.ts, also the PDF) are
 * all written from these, so they have the same lines in the same order, and a changed section is
 * changed once.
 * Several reports ("Måneden", "Hittil i år") are blocks: side by side in the form and the list
 * sections, one under the other in the wide sections (kjønn og alder, kull), as on paper (html.ts).
 */
import { formatDate } from '../dates';
import { ROW_RULES } from '../rules';
import { periodLabel } from './format';
import type { CountItem, KullTotal, Report, ReportHeader } from './schema';
import {
  FORM_HEADINGS,
  FORM_LINES,
  printedLabel,
  SECTION_ORDER,
  SECTIONS,
  type SectionKey,
  TEMPLATE_TITLE,
} from './template';

/**
 * What a cell holds. `count` whole numbers; `pct` whole percent (null: nothing to take a percentage
 * of, printed "–"); `decimal` one decimal (null printed "–"); `date` an ISO date; `text` anything else.
 */
export type CellKind = 'text' | 'count' | 'pct' | 'decimal' | 'date';
export type Cell = { readonly kind: CellKind; readonly value: string | number | null };

/** `sub`: a "herav" or sluttårsak line; `heading`: row 13's lead-in; `caption`: a block's title in a stacked section. */
export type RowStyle = 'row' | 'sub' | 'heading' | 'total' | 'caption';
export type TableRow = { readonly style: RowStyle; readonly cells: readonly Cell[]; readonly key?: string };
/** A heading cell; a block's caption also carries its parts, for the paper (html.ts) to set apart. */
export type HeadCell = {
  readonly text: string;
  readonly span: number;
  readonly block?: { readonly caption: string; readonly period: string };
};

export type ReportTable = {
  readonly key: 'form' | SectionKey;
  /** A short name for a worksheet (at most 31 characters, none of []:*?/\). */
  readonly sheet: string;
  readonly title: string;
  /** One heading row, or with several blocks side by side a row of block captions over it. */
  readonly head: readonly (readonly HeadCell[])[];
  /** The columns before those repeated per block side by side (all of them in a stacked section). */
  readonly lead: number;
  readonly rows: readonly TableRow[];
};

/** One report in the tables, with its caption when there are several ("Måneden", "Hittil i år"). */
export type Block = { readonly report: Report; readonly caption: string | null };

/** The footnote under the form, on paper and in the spreadsheet. */
export const REPORT_NOTE =
  'Prosent er avrundet til hele prosent. «–» betyr at det ikke er noe å regne prosent av. ' +
  'Rapporten inneholder bare tall, ingen navn.';

/** Printed for a percentage with a zero denominator, and for a mean of nobody. */
export const NOTHING = '–';

const SHEETS: Record<'form' | SectionKey, string> = {
  form: 'Skjema',
  kjonn_alder: 'Kjønn og alder',
  henvist_fra: 'Henvist fra',
  varighet: 'Varighet',
  dropout_arsak: 'Drop-out',
  ventetid: 'Ventetid',
  kull: 'Kulloversikt',
  datakvalitet: 'Datakvalitet',
};

const text = (value: string | null): Cell => ({ kind: 'text', value });
const count = (value: number): Cell => ({ kind: 'count', value });
const pct = (value: number | null): Cell => ({ kind: 'pct', value });
const decimal = (value: number | null): Cell => ({ kind: 'decimal', value });
const date = (value: string | null): Cell => ({ kind: 'date', value });
const heads = (...labels: string[]): HeadCell[] => labels.map((label) => ({ text: label, span: 1 }));

/** The header lines of every output: tiltak, avdeling, kontaktperson, period and the date made. */
export function headerItems(header: ReportHeader): [label: string, value: string][] {
  return [
    ['Tiltak', header.tiltak],
    ['Avdeling', header.avdeling],
    ['Kontaktperson', header.kontaktperson],
    ['Periode', header.periodLabel],
    ['Laget', formatDate(header.madeOn)],
  ];
}

function blockCaption(block: Block): string {
  return `${block.caption ?? ''} (${periodLabel(block.report.from, block.report.to)})`;
}

/** Heading rows for columns repeated per block, under the lead columns. */
function blockHead(lead: readonly string[], blocks: readonly Block[], columns: readonly string[]): HeadCell[][] {
  const perBlock = blocks.flatMap(() => heads(...columns));
  if (blocks.length === 1) return [[...heads(...lead), ...perBlock]];
  return [
    [
      ...heads(...lead.map(() => '')),
      ...blocks.map((b) => ({
        text: blockCaption(b),
        span: columns.length,
        block: { caption: b.caption ?? '', period: periodLabel(b.report.from, b.report.to) },
      })),
    ],
    [...heads(...lead), ...perBlock],
  ];
}

function formTable(blocks: readonly Block[]): ReportTable {
  const rows: TableRow[] = [];
  for (const line of FORM_LINES) {
    if (line.kind === 'heading') {
      rows.push({ style: 'heading', cells: [text(line.nr), text(line.label)] });
      continue;
    }
    const cells: Cell[] = [text(line.nr), text(printedLabel(line))];
    for (const { report } of blocks) {
      const row = report.rows[line.key];
      cells.push(
        count(row?.total ?? 0),
        count(row?.kvp ?? 0),
        count(row?.oks ?? 0),
        count(row?.andre ?? 0),
        line.pct ? pct(row?.pct ?? null) : text(null),
      );
    }
    rows.push({ style: line.indent ? 'sub' : 'row', cells, key: line.key });
  }
  const { nr, label, total, kvp, oks, andre, pct: pctHeading } = FORM_HEADINGS;
  return {
    key: 'form',
    sheet: SHEETS.form,
    title: TEMPLATE_TITLE,
    head: blockHead([nr, label], blocks, [total, kvp, oks, andre, pctHeading]),
    lead: 2,
    rows,
  };
}

/** Items of several blocks by key; the later (wider) blocks first, so hittil i år sets the order. */
function unionItems(lists: readonly (readonly CountItem[])[]): CountItem[] {
  const seen = new Map<string, CountItem>();
  for (const list of [...lists].reverse()) for (const item of list) if (!seen.has(item.key)) seen.set(item.key, item);
  return [...seen.values()];
}

function listRows(blocks: readonly Block[], itemsOf: (r: Report) => readonly CountItem[]): TableRow[] {
  const lists = blocks.map((b) => itemsOf(b.report));
  const counts = lists.map((items) => new Map(items.map((item) => [item.key, item.count])));
  return [
    ...unionItems(lists).map(
      (item): TableRow => ({
        style: 'row',
        key: item.key,
        cells: [text(item.label), ...counts.map((c) => count(c.get(item.key) ?? 0))],
      }),
    ),
    {
      style: 'total',
      cells: [text('Totalt'), ...lists.map((items) => count(items.reduce((sum, item) => sum + item.count, 0)))],
    },
  ];
}

/** A section whose columns do not repeat per block: with several blocks, each under its caption. */
function stackedRows(blocks: readonly Block[], rowsOf: (r: Report) => TableRow[]): TableRow[] {
  if (blocks.length === 1) return rowsOf((blocks[0] as Block).report);
  return blocks.flatMap((b) => [{ style: 'caption' as const, cells: [text(blockCaption(b))] }, ...rowsOf(b.report)]);
}

function kjonnAlderRows(report: Report): TableRow[] {
  const { age_groups, rows, total } = report.sections.kjonn_alder;
  const line = (label: string, counts: Record<string, number>, sum: number, style: RowStyle): TableRow => ({
    style,
    cells: [text(label), ...age_groups.map((g) => count(counts[g.key] ?? 0)), count(sum)],
  });
  return [
    ...rows.map((row) => ({ ...line(row.label, row.counts, row.total, 'row'), key: row.key })),
    line(SECTIONS.kjonn_alder.headings.total, total.counts, total.total, 'total'),
  ];
}

function kullRows(report: Report): TableRow[] {
  const config = SECTIONS.kull;
  const figures = (f: KullTotal): Cell[] => [
    ...config.counts.map((c) => count(f[c.key])),
    ...config.pcts.map((p) => pct(f[p.key])),
  ];
  const { lines, total } = report.sections.kull;
  if (lines.length === 0) return [{ style: 'row', cells: [text(config.emptyText)] }];
  return [
    ...lines.map(
      (line): TableRow => ({
        style: 'row',
        key: String(line.kull_id),
        cells: [text(line.navn), date(line.startdato), date(line.planlagt_sluttdato), ...figures(line)],
      }),
    ),
    { style: 'total', cells: [text(config.headings.total), date(null), date(null), ...figures(total)] },
  ];
}

function sectionTable(key: SectionKey, blocks: readonly Block[]): ReportTable {
  const base = { key, sheet: SHEETS[key], title: SECTIONS[key].title };
  switch (key) {
    case 'kjonn_alder': {
      const { age_groups } = (blocks[0] as Block).report.sections.kjonn_alder;
      const { headings } = SECTIONS.kjonn_alder;
      return {
        ...base,
        head: [heads(headings.kjonn, ...age_groups.map((g) => g.label), headings.total)],
        lead: age_groups.length + 2,
        rows: stackedRows(blocks, kjonnAlderRows),
      };
    }
    case 'henvist_fra':
    case 'varighet':
    case 'dropout_arsak': {
      const { headings } = SECTIONS[key];
      return {
        ...base,
        head: blockHead([headings.value], blocks, [headings.count]),
        lead: 1,
        rows: listRows(blocks, (r) => r.sections[key]),
      };
    }
    case 'ventetid': {
      const { labels, headings } = SECTIONS.ventetid;
      const measures: [string, keyof typeof labels, (v: Report['sections']['ventetid']) => Cell][] = [
        [labels.count, 'count', (v) => count(v.count)],
        [labels.mean_days, 'mean_days', (v) => decimal(v.mean_days)],
        [labels.median_days, 'median_days', (v) => decimal(v.median_days)],
        [labels.over_6_months, 'over_6_months', (v) => count(v.over_6_months)],
        [labels.not_measured, 'not_measured', (v) => count(v.not_measured)],
      ];
      return {
        ...base,
        head: blockHead([headings.value], blocks, [headings.count]),
        lead: 1,
        rows: measures.map(([label, measure, cell]) => ({
          style: 'row',
          key: measure,
          cells: [text(label), ...blocks.map((b) => cell(b.report.sections.ventetid))],
        })),
      };
    }
    case 'kull': {
      const config = SECTIONS.kull;
      return {
        ...base,
        head: [
          heads(
            config.headings.navn,
            config.headings.startdato,
            config.headings.planlagt_sluttdato,
            ...config.counts.map((c) => c.label),
            ...config.pcts.map((p) => p.label),
          ),
        ],
        lead: 3 + config.counts.length + config.pcts.length,
        rows: stackedRows(blocks, kullRows),
      };
    }
    case 'datakvalitet': {
      const headings = SECTIONS.datakvalitet.headings;
      // Ids and rule keys only: the names are shown in the app, never written to a file.
      return {
        ...base,
        head: blockHead([headings.rule, 'Regelkode'], blocks, [headings.count, 'Deltaker-id']),
        lead: 2,
        rows: ROW_RULES.map((rule) => ({
          style: 'row',
          key: rule.key,
          cells: [
            text(rule.title),
            text(rule.key),
            ...blocks.flatMap((b) => {
              const item = b.report.datakvalitet.find((d) => d.rule === rule.key);
              return [count(item?.count ?? 0), text(item?.deltaker_ids.join(' ') ?? '')];
            }),
          ],
        })),
      };
    }
  }
}

/** The form, then every section in the spec's order, for one report or several side by side. */
export function reportTables(blocks: readonly Block[]): ReportTable[] {
  if (blocks.length === 0) throw new RangeError('reportTables needs at least one report.');
  return [formTable(blocks), ...SECTION_ORDER.map((key) => sectionTable(key, blocks))];
}

/** The single-period report as tables. */
export function singleReportTables(report: Report): ReportTable[] {
  return reportTables([{ report, caption: null }]);
}

/** The monthly report as tables: «Måneden» and «Hittil i år» side by side. */
export function monthlyReportTables(month: Report, hittilIAr: Report): ReportTable[] {
  return reportTables([
    { report: month, caption: 'Måneden' },
    { report: hittilIAr, caption: 'Hittil i år' },
  ]);
}

/** A cell starting with one of these is a formula to Excel and LibreOffice (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * User text (list values, kull names) that a spreadsheet would read as a formula gets a leading
 * apostrophe: shown as text, never run, also after the user edits the cell.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
