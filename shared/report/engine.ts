/**
 * Builds the report for one period from the register: one pass over the deltakere, walking the
 * template's rows (template.ts) and feeding the sections. Pure and deterministic: the same input
 * gives the same JSON, byte for byte. Decisions the spec left open are in docs/report.md.
 */
import { isIsoDate, lastDayOfMonth } from '../dates';
import type { Deltaker } from '../schema/deltaker';
import type { Kull } from '../schema/kull';
import type { Report, ReportRow } from './schema';
import {
  type DatakvalitetCollector,
  datakvalitetCollector,
  kjonnAlderCollector,
  kullCollector,
  type SectionCollector,
  type VentetidDetail,
  valueListCollector,
  varighetCollector,
  ventetidCollector,
} from './sections';
import {
  COUNT_ROWS,
  type CountRow,
  countRowIndex,
  FORM_ROWS,
  type Period,
  percent,
  SECTIONS,
  TEMPLATE_ID,
  YTELSE_COLUMNS,
} from './template';

export type { VentetidDetail } from './sections';
export type { Period } from './template';
export { percent } from './template';

/** The order of the editable lists as the register keeps them; a section lists its values in this order. */
export type ListOrder = { readonly henvist_fra?: readonly string[]; readonly dropout_arsak?: readonly string[] };

export type ReportInput = {
  readonly from: string;
  readonly to: string;
  /** Read once, in order (the register streams its rows: 100,000 kept at once cost a tenth more). */
  readonly deltakere: Iterable<Deltaker>;
  readonly kull: readonly Kull[];
  /** Defaults to the lists of domain.md. */
  readonly lists?: ListOrder;
  /**
   * More collectors fed in the same pass, like the sections (the årsrapport's breakdowns): each gets
   * every deltaker who counts in some row, with the rows that counted them.
   */
  readonly collectors?: readonly SectionCollector<unknown>[];
  /** False leaves the data-quality rules unchecked (an empty list): the årsrapport prints none. */
  readonly datakvalitet?: boolean;
};

/** The month and the year up to the month's end: the two blocks of the monthly report. */
export function monthPeriods(year: number, month: number): { month: Period; hittilIAr: Period } {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Ugyldig måned: ${year}-${month}.`);
  }
  const yyyy = String(year).padStart(4, '0');
  const mm = String(month).padStart(2, '0');
  const to = lastDayOfMonth(year, month);
  return { month: { from: `${yyyy}-${mm}-01`, to }, hittilIAr: { from: `${yyyy}-01-01`, to } };
}

/**
 * Whether a deltaker can count in any row (and so in any section) of the period. Everyone else can be
 * left out before the report is built, with the same result. It is the union of the rows' conditions,
 * widened a little to stay simple (it may let through someone who counts nowhere, never the reverse):
 *
 *   henvist_dato in the period                                          row 1
 *   or sluttdato in the period                                          rows 7–15
 *   or startdato ≤ to and (sluttdato blank or sluttdato ≥ from)         rows 3, 4, 5
 *   or henvist_dato ≤ to and (startdato blank or startdato > to)
 *      and (avslutning blank or sluttdato blank or sluttdato > to)      row 6
 *
 * CAN_MATTER_SQL (electron/store/report.ts) is the same condition for the store's WHERE clause.
 */
export function canMatterForPeriod(d: Deltaker, period: Period): boolean {
  const { from, to } = period;
  const h = d.henvist_dato;
  const s = d.startdato;
  const e = d.sluttdato;
  return (
    (h !== null && h >= from && h <= to) ||
    (e !== null && e >= from && e <= to) ||
    (s !== null && s <= to && (e === null || e >= from)) ||
    (h !== null && h <= to && (s === null || s > to) && (d.avslutning === null || e === null || e > to))
  );
}

/** A "herav" row is only asked about deltakere its parent counted, so the parent must come first. */
const PARENT_INDEX: readonly number[] = COUNT_ROWS.map((row, i) => {
  if (row.within === undefined) return -1;
  const parent = countRowIndex(row.within);
  if (parent >= i) throw new Error(`Row "${row.key}" must come after the row it is within ("${row.within}").`);
  return parent;
});

const MATCHERS = COUNT_ROWS.map((row) => row.matches);

/** Column 0 is Totalt; then the benefit columns in YTELSE_COLUMNS order. */
const COLUMNS = 1 + YTELSE_COLUMNS.length;
const COLUMN_OF_YTELSE: ReadonlyMap<string, number> = new Map(
  YTELSE_COLUMNS.flatMap((column, i) => (column.ytelse === null ? [] : [[column.ytelse, 1 + i] as const])),
);
const OTHER_COLUMN = 1 + YTELSE_COLUMNS.findIndex((column) => column.ytelse === null);

function assertPeriod(from: string, to: string): void {
  if (!isIsoDate(from) || !isIsoDate(to)) throw new RangeError(`Ugyldig periode: ${from}–${to}.`);
  if (from > to) throw new RangeError('Fra-datoen kan ikke være etter til-datoen.');
}

export function buildReport(input: ReportInput): Report {
  return build(input).report;
}

/**
 * The report and what the samlerapport needs besides it to compute the city's ventetid exactly: the
 * sum of the measured waits (the mean is made from it) and their histogram (for the median).
 */
export function buildReportDetail(input: ReportInput): { report: Report; ventetid: VentetidDetail } {
  const { report, ventetid } = build(input);
  return { report, ventetid: ventetid.detail() };
}

/** The report, and its ventetid collector for the detail (made only when asked: it sorts every wait again). */
function build(input: ReportInput): { report: Report; ventetid: ReturnType<typeof ventetidCollector> } {
  const { from, to } = input;
  assertPeriod(from, to);
  const period: Period = { from, to };

  const rowCount = COUNT_ROWS.length;
  const counts = new Uint32Array(rowCount * COLUMNS);
  const matched = new Uint8Array(rowCount);
  const sections = {
    kjonn_alder: kjonnAlderCollector(period),
    henvist_fra: valueListCollector(SECTIONS.henvist_fra, input.lists?.henvist_fra),
    varighet: varighetCollector(),
    dropout_arsak: valueListCollector(SECTIONS.dropout_arsak, input.lists?.dropout_arsak),
    ventetid: ventetidCollector(),
    kull: kullCollector(period, input.kull),
  } satisfies Record<string, SectionCollector<unknown>>;
  const collectors: readonly SectionCollector<unknown>[] = [...Object.values(sections), ...(input.collectors ?? [])];
  const datakvalitet: DatakvalitetCollector = datakvalitetCollector();
  const checkRules = input.datakvalitet !== false;

  for (const d of input.deltakere) {
    if (!canMatterForPeriod(d, period)) continue;
    const column = (d.ytelse === null ? undefined : COLUMN_OF_YTELSE.get(d.ytelse)) ?? OTHER_COLUMN;
    let countsSomewhere = false;
    for (let i = 0; i < rowCount; i++) {
      const parent = PARENT_INDEX[i] as number;
      const hit = (parent < 0 || matched[parent] === 1) && (MATCHERS[i] as CountRow['matches'])(d, period);
      matched[i] = hit ? 1 : 0;
      if (!hit) continue;
      countsSomewhere = true;
      const at = i * COLUMNS;
      counts[at] = (counts[at] as number) + 1;
      counts[at + column] = (counts[at + column] as number) + 1;
    }
    if (!countsSomewhere) continue;
    for (const collector of collectors) collector.add(d, matched);
    if (checkRules) datakvalitet.add(d);
  }

  const report: Report = {
    template: TEMPLATE_ID,
    from,
    to,
    rows: formRows(countColumns(counts)),
    sections: {
      kjonn_alder: sections.kjonn_alder.finish(),
      henvist_fra: sections.henvist_fra.finish(),
      varighet: sections.varighet.finish(),
      dropout_arsak: sections.dropout_arsak.finish(),
      ventetid: sections.ventetid.finish(),
      kull: sections.kull.finish(),
    },
    datakvalitet: checkRules ? datakvalitet.finish() : [],
  };
  return { report, ventetid: sections.ventetid };
}

/** The per-column counts of every count row, by key: Totalt, then YTELSE_COLUMNS' order. */
function countColumns(counts: Uint32Array): Map<string, number[]> {
  return new Map(
    COUNT_ROWS.map((row, i) => [row.key, Array.from(counts.subarray(i * COLUMNS, (i + 1) * COLUMNS))] as const),
  );
}

/**
 * Every form row from the per-column counts of the count rows (Totalt, KVP, ØKS, Andre): the sum rows
 * added up, then the percentages by the form's rule. The samlerapport builds the city's rows from
 * summed counts with this same function, so a percentage is never averaged.
 */
export function formRows(counts: ReadonlyMap<string, readonly number[]>): Record<string, ReportRow> {
  const columnsOf = (key: string): number[] => {
    const row = FORM_ROWS.find((r) => r.key === key);
    if (row?.kind === 'sum') {
      const sum = new Array<number>(COLUMNS).fill(0);
      for (const part of row.sumOf) {
        const partColumns = columnsOf(part);
        for (let c = 0; c < COLUMNS; c++) sum[c] = (sum[c] as number) + (partColumns[c] as number);
      }
      return sum;
    }
    countRowIndex(key); // throws for a key that is not a row of the template
    return [...(counts.get(key) ?? new Array<number>(COLUMNS).fill(0))];
  };
  const totals = new Map(FORM_ROWS.map((row) => [row.key, columnsOf(row.key)]));
  const totalOf = (key: string): number => totals.get(key)?.[0] ?? 0;

  const rows: Record<string, ReportRow> = {};
  for (const row of FORM_ROWS) {
    const [total = 0, kvp = 0, oks = 0, andre = 0] = totals.get(row.key) ?? [];
    const pct = row.pct
      ? percent(
          total,
          row.pct.per.reduce((sum, key) => sum + totalOf(key), 0),
        )
      : null;
    rows[row.key] = { nr: row.nr, label: row.label, total, kvp, oks, andre, pct };
  }
  return rows;
}
