/**
 * The sections after the form. Each collector is fed, during the engine's one pass, every deltaker
 * who counts in some row of the period, together with the rows that counted them (`matched`, indexed
 * like the template's count rows); `finish` gives the section's JSON.
 */
import { daysBetween, isAfterMonthsFrom, wholeMonthsBetween, yearOf } from '../dates';
import { ROW_RULES } from '../rules';
import type { Deltaker } from '../schema/deltaker';
import type { Kull } from '../schema/kull';
import type {
  CountItem,
  DatakvalitetItem,
  KjonnAlderSection,
  KullLine,
  KullSection,
  KullTotal,
  VentetidSection,
} from './schema';
import { countRowIndex, isInPeriod, type MonthBucket, type Period, percent, SECTIONS } from './template';

export type SectionCollector<T> = { add: (d: Deltaker, matched: Uint8Array) => void; finish: () => T };

/** Whether any of the rows at `indexes` counted the deltaker. A plain loop: it runs for every deltaker. */
function anyMatched(matched: Uint8Array, indexes: readonly number[]): boolean {
  for (let i = 0; i < indexes.length; i++) if (matched[indexes[i] as number] === 1) return true;
  return false;
}

/** Upper-bounded groups: the first whose `upTo` holds the value, else the open last one. */
function groupIndex(groups: readonly { upTo: number | null }[], value: number): number {
  const index = groups.findIndex((group) => group.upTo !== null && value <= group.upTo);
  return index < 0 ? groups.length - 1 : index;
}

export function kjonnAlderCollector(period: Period): SectionCollector<KjonnAlderSection> {
  const config = SECTIONS.kjonn_alder;
  const row = countRowIndex(config.row);
  const year = yearOf(period.to);
  const ageGroups = [...config.ageGroups, config.unknownAge];
  const unknownAge = ageGroups.length - 1;
  const kjonnIndex = new Map<string, number>(config.kjonn.map((k, i) => [k.code, i]));
  const blankKjonn = kjonnIndex.get(config.blankKjonn) ?? config.kjonn.length - 1;
  const counts = config.kjonn.map(() => new Array<number>(ageGroups.length).fill(0));

  const byAgeGroup = (values: readonly number[]) =>
    Object.fromEntries(ageGroups.map((g, i) => [g.key, values[i] ?? 0]));
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  return {
    add(d, matched) {
      if (matched[row] !== 1) return;
      const k = (d.kjonn === null ? undefined : kjonnIndex.get(d.kjonn)) ?? blankKjonn;
      const age = d.fodselsar === null ? null : year - d.fodselsar;
      const group = age === null ? unknownAge : groupIndex(config.ageGroups, age);
      const line = counts[k] as number[];
      line[group] = (line[group] as number) + 1;
    },
    finish() {
      const columnTotals = ageGroups.map((_, g) => sum(counts.map((line) => line[g] as number)));
      return {
        age_groups: ageGroups.map((g) => ({ key: g.key, label: g.label })),
        rows: config.kjonn.map((k, i) => {
          const line = counts[i] as number[];
          return { key: k.code, label: k.label, counts: byAgeGroup(line), total: sum(line) };
        }),
        total: { counts: byAgeGroup(columnTotals), total: sum(columnTotals) },
      };
    },
  };
}

type ValueListConfig = {
  readonly row: string;
  readonly field: 'henvist_fra' | 'dropout_arsak';
  readonly defaultList: readonly string[];
  readonly blankLabel: string;
};

/**
 * A row broken down by an editable list's value: the list's values first, in the list's order and
 * with zeros (so the form has the same lines every month), then values not in the list in
 * alphabetical order, then blank. A value matches a list entry without regard to case or surrounding
 * spaces; values not in the list are kept as spelled (merging them would depend on the input order).
 */
export function valueListCollector(
  config: ValueListConfig,
  list: readonly string[] | undefined,
): SectionCollector<CountItem[]> {
  const row = countRowIndex(config.row);
  const counts = new Map<string, number>();
  return {
    add(d, matched) {
      if (matched[row] !== 1) return;
      const value = (d[config.field] ?? '').trim();
      counts.set(value, (counts.get(value) ?? 0) + 1);
    },
    finish() {
      const fold = (value: string) => value.toLocaleLowerCase('nb');
      const listed = new Map<string, CountItem>();
      for (const entry of list ?? config.defaultList) {
        const value = entry.trim();
        if (value !== '' && !listed.has(fold(value))) listed.set(fold(value), { key: value, label: value, count: 0 });
      }
      const others: CountItem[] = [];
      for (const [value, count] of counts) {
        if (value === '') continue;
        const item = listed.get(fold(value));
        if (item) item.count += count;
        else others.push({ key: value, label: value, count });
      }
      others.sort((a, b) => a.label.localeCompare(b.label, 'nb') || byCodeUnits(a.key, b.key));
      const result = [...listed.values(), ...others];
      const blank = counts.get('') ?? 0;
      if (blank > 0) result.push({ key: '', label: config.blankLabel, count: blank });
      return result;
    },
  };
}

/** A total order on strings that does not depend on the machine's locale data. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function varighetCollector(): SectionCollector<CountItem[]> {
  const config = SECTIONS.varighet;
  const rows = config.rows.map(countRowIndex);
  const buckets: readonly MonthBucket[] = config.buckets;
  const counts = new Array<number>(buckets.length).fill(0);
  return {
    add(d, matched) {
      if (d.startdato === null || d.sluttdato === null || !anyMatched(matched, rows)) return;
      // wholeMonthsBetween is never negative: a sluttdato before startdato lands in the first bucket (and in Datakvalitet).
      const bucket = groupIndex(buckets, wholeMonthsBetween(d.startdato, d.sluttdato));
      counts[bucket] = (counts[bucket] as number) + 1;
    },
    finish: () => buckets.map((b, i) => ({ key: b.key, label: b.label, count: counts[i] ?? 0 })),
  };
}

/** The waits behind the ventetid section: their sum (the mean's numerator) and histogram `{ "<days>": count }`. */
export type VentetidDetail = { sum_days: number; days: Record<string, number> };

/** The mean of `n` waits adding up to `sum`: one decimal, rounded half up, in integers (floor(10·sum/n + ½)). */
export function meanDays(sum: number, n: number): number | null {
  return n === 0 ? null : Math.floor((20 * sum + n) / (2 * n)) / 10;
}

/** The median of the waits a histogram holds: the middle value, or the mean of the two middle ones. */
export function medianOfHistogram(days: Readonly<Record<string, number>>): number | null {
  const values = Object.entries(days)
    .map(([d, count]) => [Number(d), count] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => a[0] - b[0]);
  const n = values.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return null;
  // The value at 0-based position i in the sorted waits.
  const at = (i: number): number => {
    let seen = 0;
    for (const [value, count] of values) {
      seen += count;
      if (i < seen) return value;
    }
    return (values.at(-1) as readonly [number, number])[0];
  };
  const middle = n >> 1;
  return n % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

export function ventetidCollector(): SectionCollector<VentetidSection> & { detail: () => VentetidDetail } {
  const config = SECTIONS.ventetid;
  const row = countRowIndex(config.row);
  const waits: number[] = [];
  let overLimit = 0;
  let notMeasured = 0;
  return {
    add(d, matched) {
      if (matched[row] !== 1 || d.startdato === null) return;
      if (d.henvist_dato === null || d.henvist_dato > d.startdato) {
        notMeasured++;
        return;
      }
      waits.push(daysBetween(d.henvist_dato, d.startdato));
      // The same test as the row rule ventetid_over_6_mnd: started after the day six months on.
      if (isAfterMonthsFrom(d.startdato, d.henvist_dato, config.longWaitMonths)) overLimit++;
    },
    finish() {
      const sorted = Int32Array.from(waits).sort();
      const n = sorted.length;
      const total = waits.reduce((a, b) => a + b, 0);
      const middle = n >> 1;
      const median =
        n === 0
          ? null
          : n % 2 === 1
            ? sorted[middle]
            : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
      return {
        count: n,
        mean_days: meanDays(total, n),
        median_days: median ?? null,
        over_6_months: overLimit,
        not_measured: notMeasured,
      };
    },
    detail() {
      const days: Record<string, number> = {};
      for (const wait of Int32Array.from(waits).sort()) days[String(wait)] = (days[String(wait)] ?? 0) + 1;
      return { sum_days: waits.reduce((a, b) => a + b, 0), days };
    },
  };
}

/**
 * One line per kull that overlaps the period: its planned span [startdato, planlagt_sluttdato] meets
 * the period, or it starts in the period, or one of its deltakere is innom (a kull that ran past its
 * planned end). A kull without planlagt_sluttdato is shown only by the last two. The line's counts are
 * the form's rows for that kull's deltakere, so they add up to the form (less deltakere without kull).
 */
export function kullCollector(period: Period, kull: readonly Kull[]): SectionCollector<KullSection> {
  const config = SECTIONS.kull;
  const columns = config.counts.map((column) => ({ key: column.key, rows: column.rows.map(countRowIndex) }));
  const deltakereColumn = columns.findIndex((column) => column.key === 'deltakere');
  const byId = new Map(kull.map((k) => [k.id, k]));
  const perKull = new Map<number, number[]>();

  const figures = (values: readonly number[]): KullTotal => {
    const named = Object.fromEntries(columns.map((column, i) => [column.key, values[i] ?? 0])) as Record<
      (typeof config.counts)[number]['key'],
      number
    >;
    const pcts = Object.fromEntries(config.pcts.map((p) => [p.key, percent(named[p.of], named[p.per])])) as Record<
      (typeof config.pcts)[number]['key'],
      number | null
    >;
    return { ...named, ...pcts };
  };
  const overlaps = (k: Kull, values: readonly number[] | undefined): boolean =>
    (k.planlagt_sluttdato !== null && k.startdato <= period.to && k.planlagt_sluttdato >= period.from) ||
    isInPeriod(k.startdato, period) ||
    (values?.[deltakereColumn] ?? 0) > 0;

  return {
    add(d, matched) {
      if (d.kull_id === null || !byId.has(d.kull_id)) return;
      let values = perKull.get(d.kull_id);
      if (values === undefined) {
        values = new Array<number>(columns.length).fill(0);
        perKull.set(d.kull_id, values);
      }
      for (let c = 0; c < columns.length; c++) {
        if (anyMatched(matched, (columns[c] as (typeof columns)[number]).rows)) values[c] = (values[c] as number) + 1;
      }
    },
    finish() {
      const shown = kull
        .filter((k) => overlaps(k, perKull.get(k.id)))
        .sort((a, b) => byCodeUnits(a.startdato, b.startdato) || a.navn.localeCompare(b.navn, 'nb') || a.id - b.id);
      const totals = new Array<number>(columns.length).fill(0);
      const lines: KullLine[] = shown.map((k) => {
        const values = perKull.get(k.id) ?? [];
        for (let c = 0; c < columns.length; c++) totals[c] = (totals[c] as number) + (values[c] ?? 0);
        return {
          kull_id: k.id,
          navn: k.navn,
          startdato: k.startdato,
          planlagt_sluttdato: k.planlagt_sluttdato,
          ...figures(values),
        };
      });
      return { lines, total: figures(totals) };
    },
  };
}

export type DatakvalitetCollector = { add: (d: Deltaker) => void; finish: () => DatakvalitetItem[] };

/** Every row-level rule, in ROW_RULES order, with the deltakere of the period who break it. */
export function datakvalitetCollector(): DatakvalitetCollector {
  const ids = ROW_RULES.map(() => [] as number[]);
  return {
    add(d) {
      for (let r = 0; r < ROW_RULES.length; r++) {
        if ((ROW_RULES[r] as (typeof ROW_RULES)[number]).breaks(d)) (ids[r] as number[]).push(d.id);
      }
    },
    finish: () =>
      ROW_RULES.map((rule, r) => {
        const broken = [...(ids[r] as number[])].sort((a, b) => a - b);
        return { rule: rule.key, count: broken.length, deltaker_ids: broken };
      }),
  };
}
