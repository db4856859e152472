/**
 * The årsrapport's budget alone (arsrapport.md): ten years side by side at 100,000 deltakere
 * ≤ 1.5 s, beside ten years of hand-written GROUP BYs. `npx tsx scripts/bench-arsrapport.ts`.
 * scripts/bench.ts runs the same measurement among the others. Prints numbers; not a test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { arsrapportViewHtml, loadArsrapportView } from '../electron/io/arsrapport-files';
import { buildArsrapportFromRegister } from '../electron/store/arsrapport';
import { openRegister } from '../electron/store/open';
import { buildArsrapport } from '../shared/report/arsrapport/build';
import {
  ARSRAPPORT_BREAKDOWN_SQL,
  FIRST_YEAR,
  generateDeltakere,
  insertDeltakere,
  LAST_YEAR,
  medianMs,
  REPORT_GROUP_BY_SQL,
} from './bench-data';

const N = 100_000;
const deltakere = generateDeltakere(N);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kullregister-bench-'));
const reg = openRegister(path.join(dir, 'bench.sqlite'), { create: true, user: 'bench' });
try {
  insertDeltakere(reg, deltakere);
  const span = { first: FIRST_YEAR, last: LAST_YEAR };
  const full = medianMs(5, () => buildArsrapportFromRegister(reg, span));
  const engine = medianMs(5, () =>
    buildArsrapport({
      deltakere,
      kull: [],
      years: span,
      register: { tiltak: '', avdeling: '', kontaktperson: '', opptak: 'lopende' },
      madeOn: '2026-12-02',
      hideSmallNumbers: true,
    }),
  );
  const html = medianMs(3, () => arsrapportViewHtml(loadArsrapportView(reg, span)));
  const groupBy = reg.db.prepare(REPORT_GROUP_BY_SQL);
  const breakdowns = reg.db.prepare(ARSRAPPORT_BREAKDOWN_SQL);
  const sql = medianMs(5, () => {
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      groupBy.all({ from: `${year}-01-01`, to: `${year}-12-31` });
      breakdowns.all({ from: `${year}-01-01`, to: `${year}-12-31` });
    }
  });
  console.log(`${N.toLocaleString('en')} deltakere, ${FIRST_YEAR}–${LAST_YEAR}, Node ${process.versions.node}`);
  console.log(`årsrapport JSON (SQL + engine)   ${full.ms.toFixed(0)} ms`);
  console.log(`engine only                      ${engine.ms.toFixed(0)} ms`);
  console.log(`HTML with three SVG charts       ${html.ms.toFixed(0)} ms`);
  console.log(`SQL baseline (10 × 2 GROUP BY)   ${sql.ms.toFixed(0)} ms   ratio ${(full.ms / sql.ms).toFixed(1)}×`);
} finally {
  reg.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
