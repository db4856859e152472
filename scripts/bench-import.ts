/**
 * The importer's memory (issue 11, item 11), for `npm run bench`: each import runs in a child
 * process of its own (plain node, the store bundled with esbuild), so its peak RSS is measured alone.
 *
 *   200,000-row CSV, imported through the wizard's channels   budget ≤ 300 MB peak RSS
 *   1,100,000-row XLSX, refused at the row limit              budget ≤ 60 s and ≤ 1 GB
 *
 * A benchmark, not a test: it prints the figures and exits 0.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';

export type ImportMemoryLine = { what: string; budget: string; measured: string; ok: boolean };

type ChildResult = { inserted?: number; refused?: string; message?: string; seconds: number; peakMb: number };

const CSV_ROWS = 200_000;
const XLSX_ROWS = 1_100_000;

function csvFile(dir: string): string {
  const file = path.join(dir, 'import-200000.csv');
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, '\uFEFFFullt navn;Fødselsår;Kjønn;NAV-kontor;Ytelse;Henvist dato;Startdato;Merknad\r\n');
  let chunk = '';
  for (let i = 0; i < CSV_ROWS; i++) {
    chunk += `Importert Person ${i};${1960 + (i % 45)};${i % 2 ? 'K' : 'M'};${i % 3 ? 'NAV Årstad' : 'NAV Fana'};KVP;0${1 + (i % 9)}.02.2026;0${1 + (i % 9)}.03.2026;Fra CSV ${i}\r\n`;
    if (chunk.length > 1_000_000) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  return file;
}

/** Written with exceljs's streaming writer, so making it does not need the memory it would take to hold it. */
async function xlsxFile(dir: string): Promise<string> {
  const file = path.join(dir, 'import-1100000.xlsx');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = writer.addWorksheet('Deltakere');
  sheet.addRow(['Fullt navn', 'Fødselsår', 'Kjønn']).commit();
  for (let i = 0; i < XLSX_ROWS; i++) sheet.addRow([`Person ${i}`, 1960 + (i % 45), i % 2 ? 'K' : 'M']).commit();
  sheet.commit();
  await writer.commit();
  return file;
}

function runChild(script: string, file: string, dir: string, name: string): ChildResult {
  const out = execFileSync(process.execPath, [script, file, path.join(dir, `${name}.sqlite`)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 10 * 60_000,
  });
  return JSON.parse(out.trim().split('\n').at(-1) as string) as ChildResult;
}

export async function benchImportMemory(): Promise<{
  lines: ImportMemoryLine[];
  json: Record<string, number | string>;
}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kullregister-bench-import-'));
  try {
    const script = path.join(dir, 'bench-import-child.mjs');
    await build({
      entryPoints: [path.resolve('scripts/bench-import-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      external: ['better-sqlite3', 'exceljs', 'papaparse'],
      outfile: script,
      logLevel: 'silent',
    });
    // The bundle must find the project's node_modules.
    const runnable = path.join(path.resolve('node_modules'), '.kullregister-bench-import-child.mjs');
    fs.copyFileSync(script, runnable);
    try {
      console.log(
        `Writing a ${CSV_ROWS.toLocaleString('en')}-row CSV and a ${XLSX_ROWS.toLocaleString('en')}-row XLSX …`,
      );
      const csv = csvFile(dir);
      const xlsx = await xlsxFile(dir);
      const a = runChild(runnable, csv, dir, 'csv');
      const b = runChild(runnable, xlsx, dir, 'xlsx');
      const lines: ImportMemoryLine[] = [
        {
          what: `import a ${CSV_ROWS.toLocaleString('en')}-row CSV (wizard, peak RSS)`,
          budget: '≤ 300 MB',
          measured: `${Math.round(a.peakMb)} MB, ${a.seconds.toFixed(1)} s, ${a.inserted ?? 0} rows`,
          ok: a.inserted === CSV_ROWS && a.peakMb <= 300,
        },
        {
          what: `refuse a ${XLSX_ROWS.toLocaleString('en')}-row XLSX (peak RSS)`,
          budget: '≤ 60 s and ≤ 1 GB',
          measured: `${b.seconds.toFixed(1)} s, ${Math.round(b.peakMb)} MB, ${b.refused ?? 'NOT refused'}`,
          ok: b.refused === 'too_big' && b.seconds <= 60 && b.peakMb <= 1024,
        },
      ];
      return {
        lines,
        json: {
          import_csv_200000_peak_mb: Math.round(a.peakMb),
          import_csv_200000_s: Math.round(a.seconds * 10) / 10,
          import_xlsx_1100000_refused: b.refused ?? 'no',
          import_xlsx_1100000_s: Math.round(b.seconds * 10) / 10,
          import_xlsx_1100000_peak_mb: Math.round(b.peakMb),
        },
      };
    } finally {
      fs.rmSync(runnable, { force: true });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// `tsx scripts/bench-import.ts` runs it alone.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('scripts/bench-import.ts')) {
  const { lines, json } = await benchImportMemory();
  for (const l of lines)
    console.log(`${l.what.padEnd(52)}${l.budget.padEnd(22)}${l.measured.padEnd(40)}${l.ok ? 'yes' : 'NO'}`);
  console.log(JSON.stringify(json));
}
