/**
 * The samlerapport's budget (issue 13): 100 tiltak's report files read, checked, merged and written
 * as XLSX in ≤ 1 s — beside reading and JSON.parse of the same files, the least any merge must do.
 * The files are made as a register makes them (engine + buildKullrapport), 150 generated deltakere
 * and two kull each, for the month and hittil i år.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readSources, sha256 } from '../electron/io/kullrapport';
import { writeSamleFile } from '../electron/io/samle-files';
import { AVSLUTNING, SLUTTARSAK } from '../shared/codes';
import { buildReportDetail } from '../shared/report/engine';
import { buildKullrapport, filePeriodOf, kullrapportText } from '../shared/report/samle/file';
import { mergeSamlerapport } from '../shared/report/samle/merge';
import { type Deltaker, emptyDeltakerFields } from '../shared/schema/deltaker';
import type { Kull } from '../shared/schema/kull';

export const SAMLE_FILES = 100;
const PER_TILTAK = 150;
const MONTH = { from: '2026-10-01', to: '2026-10-31' };
const HITTIL = { from: '2026-01-01', to: '2026-10-31' };

/** A small deterministic generator (the same files every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function day(n: number): string {
  return new Date(Date.UTC(2025, 6, 1) + n * 86_400_000).toISOString().slice(0, 10);
}

export function writeSamleBenchFiles(dir: string): void {
  for (let t = 0; t < SAMLE_FILES; t++) {
    const next = random(t + 1);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
    const kull: Kull[] = [1, 2].map((k) => ({
      id: k,
      navn: `Kull ${k}`,
      startdato: day(150 + 60 * k),
      planlagt_sluttdato: day(330 + 60 * k),
      kapasitet: 15,
      merknad: null,
    }));
    const deltakere: Deltaker[] = Array.from({ length: PER_TILTAK }, (_, i) => {
      const h = Math.floor(next() * 470);
      const s = next() < 0.8 ? h + Math.floor(next() * 120) : null;
      const e = s !== null && next() < 0.5 ? s + Math.floor(next() * 200) : null;
      return {
        ...emptyDeltakerFields(),
        id: i + 1,
        kull_id: next() < 0.6 ? pick([1, 2]) : null,
        henvist_dato: day(h),
        startdato: s === null ? null : day(s),
        sluttdato: e === null ? null : day(e),
        avslutning: e === null ? null : pick(AVSLUTNING.map((c) => c.code)),
        sluttarsak: e === null ? null : pick(SLUTTARSAK.map((c) => c.code)),
        ytelse: pick(['KVP', 'OKS', 'AAP', null]),
        kjonn: pick(['K', 'M', 'A', null]),
        fodselsar: 1960 + Math.floor(next() * 45),
        // Mostly the default list's values; every tenth tiltak has a local one of its own.
        henvist_fra: pick(['NAV Årstad', 'NAV Bergen Sør', 'Ny sjanse', t % 10 === 0 ? `Lokalt ${t}` : 'NorA']),
        dropout_arsak: pick(['Rus', 'Psykisk helse', null]),
      } as Deltaker;
    });
    const periods = [MONTH, HITTIL].map((p) => {
      const { report, ventetid } = buildReportDetail({ ...p, deltakere, kull });
      return filePeriodOf(report, ventetid);
    });
    const register = { tiltak: `Tiltak ${t + 1}`, avdeling: 'Etat', kontaktperson: '', opptak: 'kull' as const };
    const file = buildKullrapport({ register, madeAt: '2026-11-02T10:00:00+01:00', periods }, sha256);
    fs.writeFileSync(path.join(dir, `Tiltak ${t + 1}.kullrapport.json`), kullrapportText(file));
  }
}

/** Median of `runs` of: read the folder, check every file, merge, write the XLSX. */
export async function benchSamlerapport(
  dir: string,
  runs = 5,
): Promise<{ ms: number; cpuMs: number; baselineMs: number; bytes: number }> {
  const inbox = path.join(dir, 'samle-innboks');
  fs.mkdirSync(inbox, { recursive: true });
  writeSamleBenchFiles(inbox);
  const out = path.join(dir, 'samlerapport.xlsx');
  const times: number[] = [];
  const cpu: number[] = [];
  const baselines: number[] = [];
  let bytes = 0;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const merged = mergeSamlerapport(await readSources([inbox]), MONTH);
    if (merged.tiltak.length !== SAMLE_FILES) throw new Error(`merged ${merged.tiltak.length} files`);
    bytes = await writeSamleFile(merged, 'xlsx', out);
    times.push(performance.now() - start);
    // CPU time as well: on a machine shared with other work the wall clock says more about the others.
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);

    const baselineStart = performance.now();
    for (const name of fs.readdirSync(inbox)) JSON.parse(fs.readFileSync(path.join(inbox, name), 'utf8'));
    baselines.push(performance.now() - baselineStart);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] as number;
  return { ms: median(times), cpuMs: median(cpu), baselineMs: median(baselines), bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = fs.mkdtempSync(path.join((await import('node:os')).tmpdir(), 'kullregister-bench-samle-'));
  try {
    const result = await benchSamlerapport(dir);
    console.log(JSON.stringify({ samlerapport_100_files_xlsx_ms: Math.round(result.ms), ...result }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
