/**
 * The samlerapport from the command line, as a koordinator or IT runs it: real registers (SQLite
 * files made through the store), `report --format kullrapport|xlsx` in a child process, then
 * `samlerapport` over the files and a folder. Exit 0 / 3 / 1 as samlerapport.md says, and no name
 * from any register in any output.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runSamlerapport } from '../../../electron/cli/samlerapport-command';
import { kullrapportFromRegister, kullrapportText } from '../../../electron/io/kullrapport';
import { openRegister } from '../../../electron/store/open';
import { buildReportFromRegister } from '../../../electron/store/report';
import type { Samlerapport } from '../../../shared/report/samle/merge';
import { expectNorwegianMessage } from '../helpers/messages';
import { tempDir } from '../helpers/register';
import { SECRET_NAMES, tiltakRegister } from './registers';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const run = promisify(execFile);

async function cli(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 20 * 1024 * 1024,
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { status: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const MONTH = ['--from', '2026-10-01', '--to', '2026-10-31'];

function expectNoNames(bytes: Buffer | string, what: string): void {
  const text = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
  for (const name of SECRET_NAMES) expect(text, `${what} must hold no name`).not.toContain(name);
}

async function xlsxText(file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const parts: string[] = [];
  workbook.eachSheet((sheet) => {
    parts.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((cell) => parts.push(String(cell.value))));
  });
  return parts.join('\n');
}

describe('samlerapport on the command line', () => {
  it('four tiltak (three .kullrapport.json, one XLSX) merge into the city form; refusals give 3, nothing 1', async () => {
    const dir = tempDir();
    const inbox = path.join(dir, 'innboks');
    fs.mkdirSync(inbox);
    const names = ['Mat & prat', 'Sykkelvert', 'Ny start', 'Grønt arbeid'];
    const regs = names.map((n, i) => tiltakRegister(dir, n, i));

    // Two files from the CLI itself (a register closed first: the CLI opens it read-only).
    const first = regs[0]!;
    const firstPath = first.path;
    first.close();
    const made = await cli(
      'report',
      '--db',
      firstPath,
      ...MONTH,
      '--format',
      'kullrapport',
      '--out',
      path.join(inbox, 'mat.kullrapport.json'),
    );
    expect(made.status, made.stderr).toBe(0);
    const fourth = regs[3]!;
    const fourthPath = fourth.path;
    fourth.close();
    const xlsx = await cli(
      'report',
      '--db',
      fourthPath,
      ...MONTH,
      '--format',
      'xlsx',
      '--out',
      path.join(inbox, 'gront.xlsx'),
    );
    expect(xlsx.status, xlsx.stderr).toBe(0);
    for (const i of [1, 2]) {
      fs.writeFileSync(
        path.join(inbox, `${i}.kullrapport.json`),
        kullrapportText(kullrapportFromRegister(regs[i]!, '2026-10-01', '2026-10-31')),
      );
    }
    const expect_ = path.join(dir, 'forventet.txt');
    fs.writeFileSync(
      expect_,
      '# tiltak som skal levere\nMat & prat\nsykkelvert\nNy start\nGrønt arbeid\nJobbsjansen\n',
    );

    const out = path.join(dir, 'samle.json');
    const merged = await cli('samlerapport', ...MONTH, '--expect', expect_, '--format', 'json', '--out', out, inbox);
    expect(merged.status, merged.stderr).toBe(0);
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as Samlerapport;
    expect(report.tiltak.map((t) => t.tiltak)).toEqual(['Grønt arbeid', 'Mat & prat', 'Ny start', 'Sykkelvert']);
    expect(report.missing).toEqual(['Jobbsjansen']);
    expect(report.tiltak.map((t) => t.file).sort()).toEqual([
      '1.kullrapport.json',
      '2.kullrapport.json',
      'gront.xlsx',
      'mat.kullrapport.json',
    ]);
    // The total is the sum of what each register itself reports.
    const reportOf = (file: string) => {
      const reg = openRegister(file, { readOnly: true });
      try {
        return buildReportFromRegister(reg, '2026-10-01', '2026-10-31');
      } finally {
        reg.close();
      }
    };
    const own = [
      reportOf(firstPath),
      ...[1, 2].map((i) => buildReportFromRegister(regs[i]!, '2026-10-01', '2026-10-31')),
      reportOf(fourthPath),
    ];
    for (const key of Object.keys(own[0]!.rows)) {
      expect(report.total.rows[key]!.total).toBe(own.reduce((s, r) => s + r.rows[key]!.total, 0));
    }
    expectNoNames(fs.readFileSync(out), 'the JSON');

    // Every format, written and grepped for the names in the registers.
    // (In this process from here on: the same command function, without a child's start-up time.)
    const options = { from: '2026-10-01', to: '2026-10-31', out: '-' };
    for (const format of ['csv', 'html', 'xlsx'] as const) {
      const file = path.join(dir, `samle.${format}`);
      expect(await runSamlerapport({ ...options, format, out: file }, [inbox])).toBe(0);
      expectNoNames(format === 'xlsx' ? await xlsxText(file) : fs.readFileSync(file), format);
      if (format === 'csv') expect(fs.readFileSync(file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      if (format === 'xlsx')
        expect(await xlsxText(file)).toMatch(/Skjema[\s\S]*Kjønn og alder[\s\S]*Datakvalitet[\s\S]*Levering/);
    }
    for (const file of fs.readdirSync(inbox)) {
      expectNoNames(
        file.endsWith('.xlsx') ? await xlsxText(path.join(inbox, file)) : fs.readFileSync(path.join(inbox, file)),
        file,
      );
    }

    // A hand-edited file and a file of another period: 3, with both listed.
    const edited = fs
      .readFileSync(path.join(inbox, '1.kullrapport.json'), 'utf8')
      .replace(/"total": (\d+)/, (_, n) => `"total": ${Number(n) + 1}`);
    fs.writeFileSync(path.join(inbox, '1.kullrapport.json'), edited);
    fs.writeFileSync(
      path.join(inbox, 'sept.kullrapport.json'),
      kullrapportText(kullrapportFromRegister(regs[2]!, '2026-09-01', '2026-09-30')),
    );
    const some = await cli('samlerapport', ...MONTH, '--format', 'json', inbox);
    expect(some.status, some.stderr).toBe(3);
    expect(some.stderr).toMatch(/«1\.kullrapport\.json» er endret etter at den ble laget/);
    expect(some.stderr).toMatch(/«sept\.kullrapport\.json» har ikke perioden oktober 2026/);
    expect((JSON.parse(some.stdout) as Samlerapport).tiltak).toHaveLength(3);
    for (const line of some.stderr.trim().split('\n')) expectNorwegianMessage(line);

    // Nothing merged: 1.
    const none = path.join(dir, 'ingen.json');
    expect(
      await runSamlerapport({ ...options, format: 'json', out: none }, [path.join(inbox, '1.kullrapport.json')]),
    ).toBe(1);
    expect((JSON.parse(fs.readFileSync(none, 'utf8')) as Samlerapport).refused).toHaveLength(1);
  }, 120_000);

  it('refuses bad options with exit 1 and writes nothing', async () => {
    const out = path.join(tempDir(), 'x.json');
    const base = { from: '2026-10-01', to: '2026-10-31', format: 'json', out };
    expect(await runSamlerapport({ ...base, from: '2026-13-01' }, ['x.kullrapport.json'])).toBe(1);
    expect(await runSamlerapport({ ...base, format: 'pdf' }, ['x.kullrapport.json'])).toBe(1);
    expect(await runSamlerapport({ ...base, format: 'xlsx', out: '-' }, ['x.kullrapport.json'])).toBe(1);
    expect(await runSamlerapport(base, [])).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
  });
});
