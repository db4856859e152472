/**
 * The årsrapport's breakdowns (arsrapport.md «Breakdowns»), fed during the monthly engine's own pass
 * (buildReport's `collectors`), so each one counts exactly the deltakere the form's row counted.
 * `rawBreakdowns` gathers per block; `shapeBreakdowns` lays the lists out in the lines every block
 * shares (chosen over «siden oppstart», so the years line up side by side).
 */
import { daysBetween } from '../../dates';
import type { Deltaker } from '../../schema/deltaker';
import type { Report } from '../schema';
import { type SectionCollector, ventetidCollector } from '../sections';
import { countRowIndex, percent } from '../template';
import type { Breakdowns, BrukerstedLine, LandLine, VeilederLine, VentetidKvp } from './schema';

export const KJONN_KEYS = ['K', 'M', 'A'] as const;
type KjonnKey = (typeof KJONN_KEYS)[number];

const ROW = {
  henviste: countRowIndex('henviste'),
  innom: countRowIndex('innom'),
  startet: countRowIndex('startet'),
  aktive: countRowIndex('aktive_ved_slutt'),
  gjennomfort: countRowIndex('gjennomfort'),
  tilArbeid: countRowIndex('til_arbeid'),
  ansatt: countRowIndex('ansatt_hos_brukersted'),
};

const folded = new Map<string, string>();

/** A value as compared: trimmed and in lower case; blank is "". Remembered: a register has few distinct values. */
export function foldValue(value: string | null): string {
  if (value === null) return '';
  let key = folded.get(value);
  if (key === undefined) {
    key = value.trim().toLocaleLowerCase('nb');
    if (folded.size < 10_000) folded.set(value, key);
  }
  return key;
}

/** Counts per folded value, with the spellings seen (the commonest is printed). */
export type ValueCounts = Map<string, { counts: number[]; spellings: Map<string, number> }>;

/** The entry of a value (made on first sight), its spelling counted once per deltaker. */
function entryOf(map: ValueCounts, raw: string | null, width: number): number[] {
  const key = foldValue(raw);
  let entry = map.get(key);
  if (!entry) {
    entry = { counts: new Array<number>(width).fill(0), spellings: new Map() };
    map.set(key, entry);
  }
  const spelling = raw === null ? '' : raw.trim();
  entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1);
  return entry.counts;
}

export type RawBreakdowns = {
  henviste: Record<KjonnKey, number>;
  gjennomfort: Record<KjonnKey, number>;
  tilArbeid: Record<KjonnKey, number>;
  land: ValueCounts;
  brukersted: ValueCounts;
  veileder: ValueCounts;
  ventetidKvp: VentetidKvp;
};

const kjonnOf = (d: Deltaker): KjonnKey => (d.kjonn === 'K' || d.kjonn === 'M' ? d.kjonn : 'A');
const zeros = (): Record<KjonnKey, number> => ({ K: 0, M: 0, A: 0 });

/** Days in a mean month: how Bergen turns the wait into months (365.25 / 12). */
export const DAYS_PER_MONTH = 30.44;

export function rawBreakdowns(): SectionCollector<RawBreakdowns> {
  const raw: Omit<RawBreakdowns, 'ventetidKvp'> = {
    henviste: zeros(),
    gjennomfort: zeros(),
    tilArbeid: zeros(),
    land: new Map(),
    brukersted: new Map(),
    veileder: new Map(),
  };
  const kvp = ventetidCollector();
  let kvpDays = 0;
  const brukerstedRows = [ROW.innom, ROW.startet, ROW.gjennomfort, ROW.tilArbeid, ROW.ansatt];
  return {
    add(d, matched) {
      const k = kjonnOf(d);
      if (matched[ROW.henviste] === 1) raw.henviste[k]++;
      if (matched[ROW.gjennomfort] === 1) raw.gjennomfort[k]++;
      if (matched[ROW.tilArbeid] === 1) raw.tilArbeid[k]++;
      const innom = matched[ROW.innom] === 1;
      if (innom) {
        const land = entryOf(raw.land, d.landbakgrunn, 1);
        land[0] = (land[0] as number) + 1;
      }
      let places: number[] | null = null;
      for (let column = 0; column < brukerstedRows.length; column++) {
        if (matched[brukerstedRows[column] as number] !== 1) continue;
        places ??= entryOf(raw.brukersted, d.brukersted, brukerstedRows.length);
        places[column] = (places[column] as number) + 1;
      }
      const aktive = matched[ROW.aktive] === 1;
      if (innom || aktive) {
        const veileder = entryOf(raw.veileder, d.veileder, 2);
        if (innom) veileder[0] = (veileder[0] as number) + 1;
        if (aktive) veileder[1] = (veileder[1] as number) + 1;
      }
      if (d.ytelse === 'KVP') {
        kvp.add(d, matched);
        // The same measurable starts as the Ventetid section (sections.ts): henvist_dato not after startdato.
        if (matched[ROW.startet] === 1 && d.startdato && d.henvist_dato && d.henvist_dato <= d.startdato) {
          kvpDays += daysBetween(d.henvist_dato, d.startdato);
        }
      }
    },
    finish() {
      const v = kvp.finish();
      const months = v.count === 0 ? null : Math.floor((kvpDays / v.count / DAYS_PER_MONTH) * 10 + 0.5) / 10;
      return { ...raw, ventetidKvp: { ...v, mean_months: months } };
    },
  };
}

/** The shared lines of a list breakdown: folded key and printed label, in print order. */
export type Lines = readonly { key: string; label: string }[];

export const OTHER_LAND_KEY = '*andre';
export const OTHER_LAND_LABEL = 'Andre land';
export const TOP_LAND = 10;

function commonestSpelling(spellings: Map<string, number>): string {
  return [...spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]?.[0] ?? '';
}

const byLabel = (a: { label: string; key: string }, b: { label: string; key: string }) =>
  a.label.localeCompare(b.label, 'nb') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The ten largest countries (ties alphabetical), then «Andre land», then «Ikke oppgitt», when they hold anyone. */
export function landLines(land: ValueCounts): Lines {
  const named = [...land]
    .filter(([key]) => key !== '')
    .map(([key, e]) => ({ key, label: commonestSpelling(e.spellings), count: e.counts[0] as number }))
    .sort((a, b) => b.count - a.count || byLabel(a, b));
  const lines: { key: string; label: string }[] = named.slice(0, TOP_LAND).map(({ key, label }) => ({ key, label }));
  if (named.length > TOP_LAND) lines.push({ key: OTHER_LAND_KEY, label: OTHER_LAND_LABEL });
  if (land.has('')) lines.push({ key: '', label: '' });
  return lines;
}

/** The register's list in its order (visible values), then other values seen, alphabetically, then blank. */
export function listLines(values: ValueCounts, list: readonly string[]): Lines {
  const lines: { key: string; label: string }[] = [];
  const seen = new Set<string>();
  for (const entry of list) {
    const key = foldValue(entry);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    lines.push({ key, label: entry.trim() });
  }
  const others = [...values]
    .filter(([key]) => key !== '' && !seen.has(key))
    .map(([key, e]) => ({ key, label: commonestSpelling(e.spellings) }))
    .sort(byLabel);
  lines.push(...others);
  if (values.has('')) lines.push({ key: '', label: '' });
  return lines;
}

/** Whether a file prints this count as «<5». */
export function isSmall(count: number, hidden: boolean): boolean {
  return hidden && count >= 1 && count <= 4;
}

export type SharedLines = { land: Lines; brukersted: Lines; veileder: Lines };

export function shapeBreakdowns(
  raw: RawBreakdowns,
  report: Pick<Report, 'rows'>,
  lines: SharedLines,
  hidden: boolean,
): Breakdowns {
  const total = (key: string) => report.rows[key]?.total ?? 0;
  const gjennomfort = total('gjennomfort');
  const arbeidEllerUtdanning = ['A', 'AD', 'UT', 'GS'].reduce((sum, code) => sum + total(`sluttarsak.${code}`), 0);
  const countsOf = (map: ValueCounts, key: string, width: number) =>
    map.get(key)?.counts ?? new Array<number>(width).fill(0);

  const land: LandLine[] = lines.land.map(({ key, label }) => {
    const count =
      key === OTHER_LAND_KEY
        ? [...raw.land].reduce(
            (sum, [k, e]) => (k === '' || lines.land.some((l) => l.key === k) ? sum : sum + (e.counts[0] as number)),
            0,
          )
        : (countsOf(raw.land, key, 1)[0] as number);
    return { key, label, count, suppressed: isSmall(count, hidden) };
  });
  const brukersted: BrukerstedLine[] = lines.brukersted.map(({ key, label }) => {
    const [innom = 0, startet = 0, gjennomfortHere = 0, tilArbeid = 0, ansatt = 0] = countsOf(raw.brukersted, key, 5);
    return {
      key,
      label,
      innom,
      startet,
      gjennomfort: gjennomfortHere,
      til_arbeid: tilArbeid,
      ansatt_hos_brukersted: ansatt,
      suppressed: {
        innom: isSmall(innom, hidden),
        startet: isSmall(startet, hidden),
        gjennomfort: isSmall(gjennomfortHere, hidden),
        til_arbeid: isSmall(tilArbeid, hidden),
        ansatt_hos_brukersted: isSmall(ansatt, hidden),
      },
    };
  });
  const veileder: VeilederLine[] = lines.veileder.map(({ key, label }) => {
    const [innom = 0, aktive = 0] = countsOf(raw.veileder, key, 2);
    return {
      key,
      label,
      innom,
      aktive_ved_slutt: aktive,
      suppressed: { innom: isSmall(innom, hidden), aktive_ved_slutt: isSmall(aktive, hidden) },
    };
  });
  const resultat = (k: KjonnKey) => ({
    gjennomfort: raw.gjennomfort[k],
    til_arbeid: raw.tilArbeid[k],
    pct: percent(raw.tilArbeid[k], raw.gjennomfort[k]),
  });
  return {
    henviste_kjonn: { ...raw.henviste },
    resultat_kjonn: { K: resultat('K'), M: resultat('M'), A: resultat('A') },
    landbakgrunn: land,
    arbeid_eller_utdanning: { count: arbeidEllerUtdanning, pct: percent(arbeidEllerUtdanning, gjennomfort) },
    arbeid_av_avsluttede: { count: total('til_arbeid'), pct: percent(total('til_arbeid'), total('avsluttet')) },
    brukersted,
    veileder,
    ventetid_kvp: raw.ventetidKvp,
  };
}
