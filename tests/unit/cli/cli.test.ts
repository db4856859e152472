/**
 * The command line as a user runs it: the real `electron/cli.ts` in a child Node process (tsx, no
 * Electron), on real files in a temp folder. Exit statuses and messages as rapporteringsskjema.md's
 * "Command line" says; the report's JSON equals the engine's on the same register.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { listValues } from '../../../electron/store/codes';
import { listDeltakere } from '../../../electron/store/deltakere';
import { listKull } from '../../../electron/store/kull';
import { openRegister } from '../../../electron/store/open';
import { buildReportFromRegister } from '../../../electron/store/report';
import { buildReport } from '../../../shared/report/engine';
import { expectNorwegianMessage } from '../helpers/messages';
import { countRows, tempDir } from '../helpers/register';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const run = promisify(execFile);

type Outcome = { status: number; stdout: string; stderr: string };

/**
 * `npm run cli -- …` without npm's own chatter: the same entry point under tsx, in plain Node, with a
 * profile folder of its own (XDG), so the backups an import takes stay out of the user's.
 */
async function cli(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 20 * 1024 * 1024,
      env: { ...process.env, XDG_CONFIG_HOME: tempDir() },
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { status: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const KULL_CSV = '\uFEFFnavn;startdato;planlagt_sluttdato;kapasitet\r\nKull 1;01.03.2021;01.06.2021;12\r\n';
const HEADER =
  'kull;navn;fodselsar;kjonn;ytelse;henvist_dato;startdato;sluttdato;avslutning;sluttarsak;ansatt_hos_brukersted';
const ROWS = [
  'Kull 1;Kari Nordmann;1990;K;KVP;05.01.2021;01.03.2021;01.06.2021;PLAN;A;ja',
  'Kull 1;Ola Nordmann;1985;M;OKS;05.01.2021;01.03.2021;01.06.2021;Planmessig avsluttet;Utdanning;nei',
  ';Siri Venter;1999;K;;2021-11-02;;;;;',
];

function write(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

function counts(db: string): { kull: number; deltaker: number } {
  const reg = openRegister(db, { readOnly: true });
  try {
    return { kull: countRows(reg, 'kull'), deltaker: countRows(reg, 'deltaker') };
  } finally {
    reg.close();
  }
}

/** A register with the kull and the three good rows, imported through the CLI. */
async function imported(dir: string): Promise<string> {
  const db = path.join(dir, 'register.sqlite');
  expect((await cli('import', '--db', db, '--kind', 'kull', write(dir, 'kull.csv', KULL_CSV))).status).toBe(0);
  const deltakere = write(dir, 'deltakere.csv', `${[HEADER, ...ROWS].join('\r\n')}\r\n`);
  expect((await cli('import', '--db', db, '--kind', 'deltakere', deltakere)).status).toBe(0);
  return db;
}

describe('npm run cli -- import', { timeout: 180_000 }, () => {
  it('a missing file: exit 1, a Norwegian message, and no register is created', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'register.sqlite');
    const result = await cli('import', '--db', db, '--kind', 'deltakere', path.join(dir, 'finnes-ikke.csv'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Finner ikke filen «.*finnes-ikke\.csv»/);
    expectNorwegianMessage(result.stderr);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('a file that cannot be read (binary garbage, as CSV and as XLSX): exit 1, nothing written', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'register.sqlite');
    const garbage = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 97 + 13) % 256));
    for (const name of ['søppel.csv', 'søppel.xlsx']) {
      const result = await cli('import', '--db', db, '--kind', 'deltakere', write(dir, name, garbage));
      expect(result.status, name).toBe(1);
      expect(result.stderr).toMatch(/kan ikke leses/);
      expect(result.stderr).toContain('Ingenting ble skrevet');
      expectNorwegianMessage(result.stderr);
    }
    expect(fs.existsSync(db)).toBe(false);
  });

  it('an unknown column: exit 1, the message names the column, no row is written', async () => {
    const dir = tempDir();
    const db = await imported(dir);
    const file = write(dir, 'ukjent.csv', `navn;skostørrelse;fodselsar\r\nNy Person;42;1990\r\n`);
    const result = await cli('import', '--db', db, '--kind', 'deltakere', file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('«skostørrelse»');
    expectNorwegianMessage(result.stderr);
    expect(counts(db).deltaker).toBe(3);
  });

  it('a bad value: exit 3, "linje N, field: reason" for each, and the valid rows go in', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'register.sqlite');
    const file = write(
      dir,
      'blandet.csv',
      `${[HEADER.replace('kull;', ''), 'God Rad;1990;K;KVP;05.01.2021;;;;;', 'Feil År;18x0;K;;;;;;;', 'Feil Dato;1990;K;;31.02.2021;;;;;'].join('\n')}\n`,
    );
    const result = await cli('import', '--db', db, '--kind', 'deltakere', file);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/^linje 3, fodselsar: .+/m);
    expect(result.stderr).toMatch(/^linje 4, henvist_dato: .*31\.02\.2021/m);
    expectNorwegianMessage(result.stderr);
    expect(result.stdout).toContain('Importerte 1 deltakere');
    expect(result.stdout).toContain('2 rader ble ikke importert');
    expect(counts(db).deltaker).toBe(1);
  });

  it('every row ok: exit 0; importing the same files again adds no duplicates (exit 0, says so)', async () => {
    const dir = tempDir();
    const db = await imported(dir);
    expect(counts(db)).toEqual({ kull: 1, deltaker: 3 });
    const again = await cli('import', '--db', db, '--kind', 'deltakere', path.join(dir, 'deltakere.csv'));
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('Importerte 0 deltakere');
    expect(again.stdout).toContain('3 rader fantes fra før');
    expect((await cli('import', '--db', db, '--kind', 'kull', path.join(dir, 'kull.csv'))).status).toBe(0);
    expect(counts(db)).toEqual({ kull: 1, deltaker: 3 });
  });
});

describe('npm run cli -- report', { timeout: 180_000 }, () => {
  it('a --db that does not exist: exit 1, a Norwegian message, and no file is created', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'mangler.sqlite');
    const out = path.join(dir, 'rapport.json');
    const result = await cli('report', '--db', db, '--from', '2021-01-01', '--to', '2021-12-31', '--out', out);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Finner ikke registeret/);
    expectNorwegianMessage(result.stderr);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a bad date, a period the wrong way round and an unknown format: exit 1, nothing written', async () => {
    const dir = tempDir();
    const db = await imported(dir);
    const out = path.join(dir, 'rapport.txt');
    for (const [from, to, format, pattern] of [
      ['2021-02-30', '2021-12-31', 'json', /--from «2021-02-30» er ikke en gyldig dato/],
      ['2021-12-31', '2021-01-01', 'json', /--from kan ikke være etter --to/],
      ['2021-01-01', '2021-12-31', 'pdf', /Ukjent format «pdf»/],
    ] as const) {
      const result = await cli('report', '--db', db, '--from', from, '--to', to, '--format', format, '--out', out);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(pattern);
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  it('prints the JSON contract, equal to the engine’s report on the same register, whether narrowed in SQL or not', async () => {
    const dir = tempDir();
    const db = await imported(dir);
    const result = await cli(
      'report',
      '--db',
      db,
      '--from',
      '2021-01-01',
      '--to',
      '2021-12-31',
      '--format',
      'json',
      '--out',
      '-',
    );
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout);
    const reg = openRegister(db, { readOnly: true });
    try {
      expect(printed).toEqual(buildReportFromRegister(reg, '2021-01-01', '2021-12-31'));
      const lists = {
        henvist_fra: listValues(reg, 'henvist_fra').map((v) => v.verdi),
        dropout_arsak: listValues(reg, 'dropout_arsak').map((v) => v.verdi),
      };
      const everyone = buildReport({
        from: '2021-01-01',
        to: '2021-12-31',
        deltakere: listDeltakere(reg, 'alle'),
        kull: listKull(reg),
        lists,
      });
      expect(printed).toEqual(everyone);
    } finally {
      reg.close();
    }
    expect(printed.rows.gjennomfort).toMatchObject({ total: 2, kvp: 1, oks: 1, andre: 0, pct: 100 });
    expect(printed.rows.ventende.total).toBe(1);
    expect(result.stdout).not.toContain('Nordmann');
  });

  it('writes CSV (BOM, semicolons), XLSX (the same numbers) and HTML (a whole page with the print stylesheet)', async () => {
    const dir = tempDir();
    const db = await imported(dir);
    const period = ['--from', '2021-01-01', '--to', '2021-12-31'];
    for (const format of ['csv', 'xlsx', 'html']) {
      const out = path.join(dir, `rapport.${format}`);
      const result = await cli('report', '--db', db, ...period, '--format', format, '--out', out);
      expect(result.status, result.stderr).toBe(0);
    }
    const csv = fs.readFileSync(path.join(dir, 'rapport.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFRapporteringsskjema til Etat for sosiale tjenester\r\n')).toBe(true);
    expect(csv).toContain('Nr;Tekst;Totalt;KVP;ØKS;Andre;%\r\n');
    expect(csv).toContain('\r\n15;– herav ansatt hos brukerstedet;1;1;0;0;50\r\n');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'rapport.xlsx'));
    let row15: ExcelJS.CellValue[] = [];
    workbook.getWorksheet('Skjema')?.eachRow((row) => {
      if (row.getCell(2).value === '– herav ansatt hos brukerstedet')
        row15 = [2, 3, 4, 5, 6, 7].map((c) => row.getCell(c).value);
    });
    expect(row15).toEqual(['– herav ansatt hos brukerstedet', 1, 1, 0, 0, 0.5]);

    const html = fs.readFileSync(path.join(dir, 'rapport.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('@page');
    expect(html).toContain('<article class="kr-report kr-report--single"');
    for (const file of ['rapport.csv', 'rapport.html'])
      expect(fs.readFileSync(path.join(dir, file), 'utf8')).not.toContain('Nordmann');
  });

  it('writes XLSX only to a file: --out - is refused', async () => {
    const dir = tempDir();
    const db = await imported(dir);
    const result = await cli(
      'report',
      '--db',
      db,
      '--from',
      '2021-01-01',
      '--to',
      '2021-12-31',
      '--format',
      'xlsx',
      '--out',
      '-',
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/XLSX kan ikke skrives til standard ut/);
  });
});

describe('npm run demo -- --db FILE', { timeout: 120_000 }, () => {
  it('builds Sykkelvert’s register through the import: 13 kull, 238 deltakere, 45 hired at the nursing home', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'demo.sqlite');
    const demo = await cli('demo', '--db', db);
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.stdout).toContain('Importerte 13 kull');
    expect(demo.stdout).toContain('Importerte 238 deltakere');
    expect(counts(db)).toEqual({ kull: 13, deltaker: 238 });

    const result = await cli('report', '--db', db, '--from', '2018-01-01', '--to', '2022-12-31');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.rows.henviste.total).toBe(238);
    expect(report.rows.innom.total).toBe(238);
    expect(report.rows.gjennomfort.total).toBe(205);
    expect(report.rows.ansatt_hos_brukersted.total).toBe(45);
    // Sykkelvert's headline: 45 of 238 deltakere (18.9 %) got paid work at the nursing home.
    expect(report.sections.kull.lines).toHaveLength(13);
    expect(report.sections.kull.total).toMatchObject({
      deltakere: 238,
      ansatt_hos_brukersted: 45,
      pct_ansatt_hos_brukersted: 19,
    });

    // Running the demo again on the same file adds nothing.
    expect((await cli('demo', '--db', db)).status).toBe(0);
    expect(counts(db)).toEqual({ kull: 13, deltaker: 238 });
  });
});
