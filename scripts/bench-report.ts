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
import { openRegister } from '../electron/store/open';
import { buildReportFromRegister } from '../electron/store/report';
import { buildReport, canMatterForPeriod } from '../shared/report/engine';
import {
  FIRST_YEAR,
  generateDeltakere,
  insertDeltakere,
  LAST_YEAR,
  REPORT_GROUP_BY_SQL,
  REPORT_PERIODS,
  medianMs as time,
} from './bench-data';

const N = 100_000;

const deltakere = generateDeltakere(N);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kullregister-bench-'));
const reg = openRegister(path.join(dir, 'bench.sqlite'), { create: true, user: 'bench' });
try {
  insertDeltakere(reg, deltakere);
  const last = LAST_YEAR;
  const periods = REPORT_PERIODS;
  const groupBy = reg.db.prepare(REPORT_GROUP_BY_SQL);

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
