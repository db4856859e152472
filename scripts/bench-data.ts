/**
 * The benchmarks' register: 100,000 generated deltakere over ten years, the same every run (a fixed
 * seed), written straight into a temp register file. Shared by `npm run bench` (scripts/bench.ts)
 * and the report's own benchmark (scripts/bench-report.ts).
 */
import { DELTAKER_COLUMNS } from '../electron/store/deltakere';
import type { Register } from '../electron/store/open';
import { addMonthsIso, lastDayOfMonth } from '../shared/dates';
import type { Deltaker } from '../shared/schema/deltaker';
import { emptyDeltakerFields } from '../shared/schema/deltaker';

export const FIRST_YEAR = 2017;
export const YEARS = 10;
export const LAST_YEAR = FIRST_YEAR + YEARS - 1;

const COUNTRIES = [
  'Norge',
  'Somalia',
  'Syria',
  'Eritrea',
  'Polen',
  'Afghanistan',
  'Irak',
  'Sri Lanka',
  'Etiopia',
  'Iran',
  'Litauen',
  'Thailand',
  'Chile',
  'Ukraina',
  'Vietnam',
];

/** A deterministic register: referrals spread over ten years, most start, most end; some wait for ever. */
export function generateDeltakere(count: number): Deltaker[] {
  let state = 42;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const dayIn = (year: number, month: number) =>
    `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * Number(lastDayOfMonth(year, month).slice(8)))).padStart(2, '0')}`;
  const today = `${LAST_YEAR}-12-31`;
  return Array.from({ length: count }, (_, i): Deltaker => {
    const henvist = dayIn(FIRST_YEAR + Math.floor(random() * YEARS), 1 + Math.floor(random() * 12));
    const d: Deltaker = {
      ...emptyDeltakerFields(),
      id: i + 1,
      navn: `Deltaker ${i + 1}`,
      fodselsar: 1950 + Math.floor(random() * 55),
      kjonn: pick(['K', 'M', 'A', null]),
      ytelse: pick(['KVP', 'OKS', 'INT', 'AAP', null]),
      henvist_fra: pick(['NAV Årstad', 'NorA', 'Ny sjanse', 'NAV Bergen Sør', null]),
      henvist_dato: henvist,
      ansatt_hos_brukersted: random() < 0.2,
      // From the index, not the random stream, so the other fields stay as they were before these came.
      landbakgrunn: i % 13 === 0 ? null : (COUNTRIES[(i * 7) % COUNTRIES.length] as string),
      brukersted: `Sykehjem ${1 + ((i * 11) % 19)}`,
      veileder: `Veileder ${1 + ((i * 3) % 10)}`,
    };
    const r = random();
    if (r < 0.05) return d; // waiting, never closed
    if (r < 0.1) return { ...d, sluttdato: addMonthsIso(henvist, 1), avslutning: 'UAKT' };
    if (r < 0.15) return { ...d, sluttdato: addMonthsIso(henvist, 1), avslutning: 'IKKE' };
    const start = addMonthsIso(henvist, Math.floor(random() * 8));
    const end = addMonthsIso(start, 1 + Math.floor(random() * 14));
    if (end > today || r < 0.2) return { ...d, startdato: start };
    if (r < 0.35) return { ...d, startdato: start, sluttdato: end, avslutning: 'DROP', dropout_arsak: 'Rus' };
    if (r < 0.4) return { ...d, startdato: start, sluttdato: end, avslutning: pick(['FLK', 'FLB']) };
    return {
      ...d,
      startdato: start,
      sluttdato: end,
      avslutning: 'PLAN',
      sluttarsak: pick(['A', 'AD', 'UT', 'AS', 'AP', 'SU', 'UK']),
    };
  });
}

/** Writes the rows with plain SQL in one transaction (no change log: this is test data, not user edits). */
export function insertDeltakere(reg: Register, deltakere: readonly Deltaker[]): void {
  const insert = reg.db.prepare(
    `INSERT INTO deltaker (id, ${DELTAKER_COLUMNS.join(', ')}) VALUES (@id, ${DELTAKER_COLUMNS.map((c) => `@${c}`).join(', ')})`,
  );
  reg.db.transaction(() => {
    for (const d of deltakere) insert.run({ ...d, ansatt_hos_brukersted: d.ansatt_hos_brukersted ? 1 : 0 });
  })();
}

/** The hand-written comparison for the report: rows 1, 3, 5, 12 by ytelse in one GROUP BY (no sections, no rules). */
export const REPORT_GROUP_BY_SQL = `SELECT CASE WHEN ytelse IN ('KVP','OKS') THEN ytelse ELSE 'ANDRE' END AS col,
    sum(henvist_dato BETWEEN :from AND :to) AS henviste,
    sum(avslutning IS NOT 'UAKT' AND startdato <= :to AND (sluttdato IS NULL OR sluttdato >= :from)) AS innom,
    sum(startdato <= :to AND (sluttdato IS NULL OR sluttdato > :to)) AS aktive,
    sum(avslutning = 'PLAN' AND sluttdato BETWEEN :from AND :to) AS gjennomfort
  FROM deltaker GROUP BY col`;

/** The periods the report is timed for: a month, a year and all ten years of the register. */
export const REPORT_PERIODS = [
  { label: 'one month in a ten-year register', from: `${LAST_YEAR}-10-01`, to: `${LAST_YEAR}-10-31` },
  { label: 'one year', from: `${LAST_YEAR}-01-01`, to: `${LAST_YEAR}-12-31` },
  { label: 'all ten years', from: `${FIRST_YEAR}-01-01`, to: `${LAST_YEAR}-12-31` },
] as const;

/** The median of `runs` timed calls after one warm-up call. */
export function medianMs<T>(runs: number, work: () => T): { ms: number; value: T } {
  let value = work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] as number, value };
}

/**
 * The hand-written comparison for the årsrapport: for each year, the report's GROUP BY and one
 * GROUP BY of the deltakere innom by landbakgrunn, brukersted and veileder.
 */
export const ARSRAPPORT_BREAKDOWN_SQL = `SELECT landbakgrunn, brukersted, veileder, count(*) AS n FROM deltaker
  WHERE avslutning IS NOT 'UAKT' AND startdato <= :to AND (sluttdato IS NULL OR sluttdato >= :from)
  GROUP BY landbakgrunn, brukersted, veileder`;
