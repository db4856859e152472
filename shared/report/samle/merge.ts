/**
 * The samlerapport: many tiltak's report files merged into the city's form (samlerapport.md,
 * "Merging"). Pure and deterministic. Counts are summed column by column and every percentage is
 * recomputed from the sums by the form's own rule (engine.formRows, template.percent), never
 * averaged; ventetid's mean comes from the summed sum_days and its median from the merged histogram.
 */
import { ROW_RULES } from '../../rules';
import { formRows } from '../engine';
import type { CountItem, KjonnAlderSection, KullLine, KullTotal, ReportRow } from '../schema';
import { meanDays, medianOfHistogram } from '../sections';
import { COUNT_ROWS, percent, SECTIONS, TEMPLATE_ID } from '../template';
import { type CheckedFile, type CountOnlyQuality, type FilePeriod, type FileVentetid, REFUSALS } from './file';

export const DEFAULT_TOTAL_NAME = 'Kommunen totalt';

/** One file given to the merge: its name (no folder) and what reading it gave. */
export type SamleInput = { readonly name: string; readonly checked: CheckedFile };

export type SamleOptions = {
  readonly from: string;
  readonly to: string;
  /** The koordinator's list of tiltak that should have sent a file (Hvem mangler). */
  readonly expected?: readonly string[];
  /** «<kommune> totalt»: the total block's name. */
  readonly totalName?: string;
};

/** A kull line in the total: the tiltak it belongs to goes with it. */
export type SamleKullLine = KullLine & { tiltak: string };

export type SamleSections = Omit<FilePeriod['sections'], 'kull'> & {
  kull: { lines: SamleKullLine[]; total: KullTotal };
};

export type SamleTiltak = {
  tiltak: string;
  avdeling: string;
  kontaktperson: string;
  /** The file's name only, never its folder. */
  file: string;
  made_at: string;
  rows: Record<string, ReportRow>;
  sections: FilePeriod['sections'];
  datakvalitet: CountOnlyQuality;
};

export type Samlerapport = {
  template: typeof TEMPLATE_ID;
  from: string;
  to: string;
  total_name: string;
  tiltak: SamleTiltak[];
  total: { rows: Record<string, ReportRow>; sections: SamleSections; datakvalitet: CountOnlyQuality };
  missing: string[];
  refused: { file: string; reason: string }[];
  replaced: string[];
};

/** How tiltak names and list labels are compared: case and surrounding spaces ignored. */
export function foldLabel(label: string): string {
  return label.trim().toLocaleLowerCase('nb');
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function mergeSamlerapport(inputs: readonly SamleInput[], options: SamleOptions): Samlerapport {
  const { from, to } = options;
  const refused: Samlerapport['refused'] = [];
  const candidates: SamleTiltak[] = [];
  for (const input of inputs) {
    if (!input.checked.ok) {
      refused.push({ file: input.name, reason: input.checked.reason });
      continue;
    }
    const { file } = input.checked;
    const period = file.periods.find((p) => p.from === from && p.to === to);
    if (!period) {
      refused.push({ file: input.name, reason: REFUSALS.period(input.name, { from, to }, file.periods) });
      continue;
    }
    candidates.push({
      tiltak: file.register.tiltak.trim(),
      avdeling: file.register.avdeling,
      kontaktperson: file.register.kontaktperson,
      file: input.name,
      made_at: file.made_at,
      rows: period.rows,
      sections: period.sections,
      datakvalitet: period.datakvalitet,
    });
  }

  // The same tiltak twice: the later made_at is used, the other is listed as replaced.
  const newest = new Map<string, SamleTiltak>();
  const replaced: string[] = [];
  const later = (a: SamleTiltak, b: SamleTiltak) =>
    Date.parse(a.made_at) - Date.parse(b.made_at) || byCodeUnits(a.file, b.file);
  for (const candidate of candidates) {
    const key = foldLabel(candidate.tiltak);
    const seen = newest.get(key);
    if (!seen) newest.set(key, candidate);
    else if (later(candidate, seen) > 0) {
      replaced.push(seen.file);
      newest.set(key, candidate);
    } else replaced.push(candidate.file);
  }
  const tiltak = [...newest.values()].sort(
    (a, b) => a.tiltak.localeCompare(b.tiltak, 'nb') || byCodeUnits(a.tiltak, b.tiltak) || byCodeUnits(a.file, b.file),
  );

  const delivered = new Set(tiltak.map((t) => foldLabel(t.tiltak)));
  const missing: string[] = [];
  const listed = new Set<string>();
  for (const name of options.expected ?? []) {
    const key = foldLabel(name);
    if (key === '' || listed.has(key)) continue;
    listed.add(key);
    if (!delivered.has(key)) missing.push(name.trim());
  }

  return {
    template: TEMPLATE_ID,
    from,
    to,
    total_name: options.totalName?.trim() || DEFAULT_TOTAL_NAME,
    tiltak,
    total: mergeTotal(tiltak),
    missing,
    refused,
    replaced: replaced.sort(byCodeUnits),
  };
}

function mergeTotal(tiltak: readonly SamleTiltak[]): Samlerapport['total'] {
  const counts = new Map<string, number[]>();
  for (const row of COUNT_ROWS) {
    const sum = [0, 0, 0, 0];
    for (const t of tiltak) {
      const r = t.rows[row.key];
      if (!r) continue;
      sum[0] = (sum[0] as number) + r.total;
      sum[1] = (sum[1] as number) + r.kvp;
      sum[2] = (sum[2] as number) + r.oks;
      sum[3] = (sum[3] as number) + r.andre;
    }
    counts.set(row.key, sum);
  }
  const sections = tiltak.map((t) => t.sections);
  return {
    rows: formRows(counts),
    sections: {
      kjonn_alder: mergeKjonnAlder(sections.map((s) => s.kjonn_alder)),
      henvist_fra: mergeByLabel(sections.map((s) => s.henvist_fra)),
      varighet: mergeByLabel(sections.map((s) => s.varighet)),
      dropout_arsak: mergeByLabel(sections.map((s) => s.dropout_arsak)),
      ventetid: mergeVentetid(sections.map((s) => s.ventetid)),
      kull: mergeKull(tiltak),
    },
    datakvalitet: mergeQuality(tiltak.map((t) => t.datakvalitet)),
  };
}

function mergeKjonnAlder(parts: readonly KjonnAlderSection[]): KjonnAlderSection {
  const config = SECTIONS.kjonn_alder;
  const ageGroups = [...config.ageGroups, config.unknownAge].map((g) => ({ key: g.key, label: g.label }));
  const sumCounts = (records: readonly Record<string, number>[]) =>
    Object.fromEntries(ageGroups.map((g) => [g.key, records.reduce((sum, r) => sum + (r[g.key] ?? 0), 0)]));
  const rows = config.kjonn.map((k) => {
    const lines = parts.flatMap((p) => p.rows.filter((row) => row.key === k.code));
    return {
      key: k.code,
      label: k.label,
      counts: sumCounts(lines.map((l) => l.counts)),
      total: lines.reduce((s, l) => s + l.total, 0),
    };
  });
  return {
    age_groups: ageGroups,
    rows,
    total: { counts: sumCounts(parts.map((p) => p.total.counts)), total: parts.reduce((s, p) => s + p.total.total, 0) },
  };
}

/**
 * Lines summed by label, case and surrounding spaces ignored; the first spelling met is printed. In
 * the order first met (the files come sorted by tiltak), with «Ikke oppgitt» (key "") last.
 */
export function mergeByLabel(lists: readonly (readonly CountItem[])[]): CountItem[] {
  const merged = new Map<string, CountItem>();
  const blank: CountItem = { key: '', label: '', count: 0 };
  let hasBlank = false;
  for (const list of lists) {
    for (const item of list) {
      if (item.key.trim() === '') {
        if (!hasBlank) blank.label = item.label;
        hasBlank = true;
        blank.count += item.count;
        continue;
      }
      const key = foldLabel(item.key);
      const seen = merged.get(key);
      if (seen) seen.count += item.count;
      else merged.set(key, { key: item.key.trim(), label: item.label.trim(), count: item.count });
    }
  }
  return hasBlank ? [...merged.values(), blank] : [...merged.values()];
}

function mergeVentetid(parts: readonly FileVentetid[]): FileVentetid {
  const days: Record<string, number> = {};
  for (const part of parts) for (const [d, n] of Object.entries(part.days)) days[d] = (days[d] ?? 0) + n;
  const sorted = Object.fromEntries(Object.entries(days).sort((a, b) => Number(a[0]) - Number(b[0])));
  const sum = (pick: (v: FileVentetid) => number) => parts.reduce((s, p) => s + pick(p), 0);
  const count = sum((v) => v.count);
  const sumDays = sum((v) => v.sum_days);
  return {
    count,
    mean_days: meanDays(sumDays, count),
    median_days: medianOfHistogram(sorted),
    over_6_months: sum((v) => v.over_6_months),
    not_measured: sum((v) => v.not_measured),
    sum_days: sumDays,
    days: sorted,
  };
}

/** Kull lines stay per tiltak (a kull belongs to its tiltak); the total line is summed and its percentages recomputed. */
function mergeKull(tiltak: readonly SamleTiltak[]): SamleSections['kull'] {
  const config = SECTIONS.kull;
  const lines = tiltak.flatMap((t) => t.sections.kull.lines.map((line) => ({ ...line, tiltak: t.tiltak })));
  const named = Object.fromEntries(
    config.counts.map((c) => [c.key, tiltak.reduce((s, t) => s + t.sections.kull.total[c.key], 0)]),
  ) as Record<(typeof config.counts)[number]['key'], number>;
  const pcts = Object.fromEntries(config.pcts.map((p) => [p.key, percent(named[p.of], named[p.per])])) as Record<
    (typeof config.pcts)[number]['key'],
    number | null
  >;
  return { lines, total: { ...named, ...pcts } };
}

/** Per rule, summed; the rules in ROW_RULES order, then any rule a newer file knows, by key. */
function mergeQuality(parts: readonly CountOnlyQuality[]): CountOnlyQuality {
  const sums = new Map<string, number>(ROW_RULES.map((r) => [r.key, 0]));
  for (const part of parts) for (const item of part) sums.set(item.rule, (sums.get(item.rule) ?? 0) + item.count);
  const known = new Set<string>(ROW_RULES.map((r) => r.key));
  const order = [...ROW_RULES.map((r) => r.key as string), ...[...sums.keys()].filter((k) => !known.has(k)).sort()];
  return order.map((rule) => ({ rule, count: sums.get(rule) ?? 0 }));
}

/** Every period the given files hold, most files first, then the latest: what the screen offers. */
export function periodsOffered(inputs: readonly SamleInput[]): { from: string; to: string; files: number }[] {
  const seen = new Map<string, { from: string; to: string; files: number }>();
  for (const input of inputs) {
    if (!input.checked.ok) continue;
    for (const p of input.checked.file.periods) {
      const key = `${p.from}/${p.to}`;
      const entry = seen.get(key) ?? { from: p.from, to: p.to, files: 0 };
      entry.files += 1;
      seen.set(key, entry);
    }
  }
  return [...seen.values()].sort((a, b) => b.files - a.files || byCodeUnits(b.to, a.to) || byCodeUnits(b.from, a.from));
}
