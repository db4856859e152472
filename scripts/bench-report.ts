/**
 * The report's performance budget (architecture.md): the full report for one period at 100,000
 * deltakere ≤ 300 ms, and within 5× a hand-written SQL GROUP BY over the same data.
 * Builds a ten-year register of 100,000 generated deltakere in a temp file, then times
 * buildReportFromRegister for a month, a year and all ten years. Prints numbers; it is not a test.
 *
 *   npx tsx scripts/bench-report.ts [--engine-only]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DELTAKER_COLUMNS } from '../electron/store/deltakere';
import { openRegister } from '../electron/store/open';
import { buildReportFromRegister } from '../electron/store/report';
import { addMonthsIso, lastDayOfMonth } from '../shared/dates';
import { buildReport, canMatterForPeriod } from '../shared/report/engine';
import type { Deltaker } from '../shared/schema/deltaker';
import { emptyDeltakerFields } from '../shared/schema/deltaker';

const N = 100_000;
const FIRST_YEAR = 2017;
const YEARS = 10;

/** A deterministic register: referrals spread over ten years, most start, most end; some wait for ever. */
function generate(): Deltaker[] {
  let state = 42;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const dayIn = (year: number, month: number) =>
    `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * Number(lastDayOfMonth(year, month).slice(8)))).padStart(2, '0')}`;
  const today = `${FIRST_YEAR + YEARS - 1}-12-31`;
  return Array.from({ length: N }, (_, i): Deltaker => {
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

function time<T>(runs: number, work: () => T): { ms: number; value: T } {
  let value = work(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] as number, value };
}

const deltakere = generate();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kullregister-bench-'));
const reg = openRegister(path.join(dir, 'bench.sqlite'), { create: true, user: 'bench' });
try {
  const insert = reg.db.prepare(
    `INSERT INTO deltaker (id, ${DELTAKER_COLUMNS.join(', ')}) VALUES (@id, ${DELTAKER_COLUMNS.map((c) => `@${c}`).join(', ')})`,
  );
  reg.db.transaction(() => {
    for (const d of deltakere) insert.run({ ...d, ansatt_hos_brukersted: d.ansatt_hos_brukersted ? 1 : 0 });
  })();

  const last = FIRST_YEAR + YEARS - 1;
  const periods = [
    { label: 'one month in a ten-year register', from: `${last}-10-01`, to: `${last}-10-31` },
    { label: 'one year', from: `${last}-01-01`, to: `${last}-12-31` },
    { label: 'all ten years', from: `${FIRST_YEAR}-01-01`, to: `${last}-12-31` },
  ];
  // The hand-written comparison: rows 1, 3, 5, 12 by ytelse in one GROUP BY (no sections, no rules).
  const groupBy = reg.db.prepare(`SELECT CASE WHEN ytelse IN ('KVP','OKS') THEN ytelse ELSE 'ANDRE' END AS col,
      sum(henvist_dato BETWEEN :from AND :to) AS henviste,
      sum(avslutning IS NOT 'UAKT' AND startdato <= :to AND (sluttdato IS NULL OR sluttdato >= :from)) AS innom,
      sum(startdato <= :to AND (sluttdato IS NULL OR sluttdato > :to)) AS aktive,
      sum(avslutning = 'PLAN' AND sluttdato BETWEEN :from AND :to) AS gjennomfort
    FROM deltaker GROUP BY col`);

  console.log(`${N.toLocaleString('en')} deltakere, ${FIRST_YEAR}–${last}, Node ${process.versions.node}`);
  console.log(
    'period                            | in scope | report (SQL + engine) | engine only | SQL GROUP BY | ratio',
  );
  for (const p of periods) {
    const inScope = deltakere.filter((d) => canMatterForPeriod(d, p)).length;
    const full = time(7, () => buildReportFromRegister(reg, p.from, p.to));
    const engine = time(7, () => buildReport({ from: p.from, to: p.to, deltakere, kull: [] }));
    const sql = time(7, () => groupBy.all(p));
    console.log(
      `${p.label.padEnd(33)} | ${String(inScope).padStart(8)} | ${full.ms.toFixed(0).padStart(18)} ms | ${engine.ms.toFixed(0).padStart(8)} ms | ${sql.ms.toFixed(0).padStart(9)} ms | ${(full.ms / sql.ms).toFixed(1)}×`,
    );
  }
} finally {
  reg.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
