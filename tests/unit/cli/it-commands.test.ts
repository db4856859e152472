/**
 * The command line for IT (architecture.md, «Command line for IT»): `init`, `backup` (`--list`),
 * `restore`, `anonymise`, `erase`, `export-person`, on real files with their own profile folder (XDG)
 * and `--backup-folder`: the commands' functions in this process (fast), and the real `electron/cli.ts`
 * in a child Node process for the entry point's options and exit statuses. Exit 0 on success, 1 with a Norwegian message and nothing changed otherwise;
 * an erasure leaves the name in no byte of the register or its backups.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runAnonymise, runErase, runExportPerson } from '../../../electron/cli/privacy-commands';
import { runBackup, runInit, runRestore } from '../../../electron/cli/register-commands';
import { getSettings } from '../../../electron/store/settings';
import { expectNorwegianMessage } from '../helpers/messages';
import { fileBytes, openForTest, tempDir } from '../helpers/register';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const run = promisify(execFile);

type Outcome = { status: number; stdout: string; stderr: string };

async function cli(profile: string, ...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, XDG_CONFIG_HOME: profile },
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { status: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const NAME = 'Trompelina Gnissbakk';

function holding(dir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => fs.readFileSync(f).includes(needle));
}

let out: string[];
let err: string[];
const savedConfigHome = process.env.XDG_CONFIG_HOME;

beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((text) => {
    out.push(String(text));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
    err.push(String(text));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  if (savedConfigHome === undefined) delete process.env.XDG_CONFIG_HOME;
  else process.env.XDG_CONFIG_HOME = savedConfigHome;
});

/** A register made with `init`, with two deltakere (one ended in 2014) and one backup. */
async function setUp() {
  const dir = tempDir();
  process.env.XDG_CONFIG_HOME = path.join(dir, 'profil');
  const db = path.join(dir, 'data', 'register.sqlite');
  const backupFolder = path.join(dir, 'kopier');
  fs.mkdirSync(path.dirname(db));
  expect(await runInit({ db, tiltak: 'Mat & prat', avdeling: 'Arbeid', opptak: 'lopende' }), err.join('')).toBe(0);
  const reg = openForTest(db);
  reg.db
    .prepare(
      "INSERT INTO deltaker (navn, fodselsar, startdato, sluttdato) VALUES (?, 1960, '2014-01-06', '2014-06-30')",
    )
    .run(NAME);
  reg.db.prepare("INSERT INTO deltaker (navn, startdato) VALUES ('Blir Stående', '2026-01-05')").run();
  reg.close();
  expect(await runBackup({ db, backupFolder }), err.join('')).toBe(0);
  return { dir, db, backupFolder };
}

const lastError = () => err.join('');

describe('the command line for IT, in this process', () => {
  it('init makes a register with the settings, 0600; refuses an existing file and a bad --opptak, creating nothing', async () => {
    const { db, dir } = await setUp();
    const reg = openForTest(db, { readOnly: true });
    expect(getSettings(reg)).toMatchObject({ tiltak: 'Mat & prat', avdeling: 'Arbeid', opptak: 'lopende' });
    reg.close();
    if (process.platform !== 'win32') expect(fs.statSync(db).mode & 0o777).toBe(0o600);
    const before = fileBytes(db);
    expect(await runInit({ db, tiltak: 'X', avdeling: 'Y', opptak: 'kull' })).toBe(1);
    expectNorwegianMessage(lastError());
    expect(fileBytes(db).equals(before)).toBe(true);
    const other = path.join(dir, 'ny.sqlite');
    err = [];
    expect(await runInit({ db: other, tiltak: 'X', avdeling: 'Y', opptak: 'hver-uke' })).toBe(1);
    expect(lastError()).toContain('--opptak');
    expect(fs.existsSync(other)).toBe(false);
  });

  it('backup --list: NAME<TAB>ISO time<TAB>kind, newest first', async () => {
    const { db, backupFolder } = await setUp();
    expect(await runBackup({ db, backupFolder })).toBe(0);
    out = [];
    expect(await runBackup({ db, backupFolder, list: true })).toBe(0);
    const lines = out
      .join('')
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(lines).toHaveLength(2);
    for (const [name, time, kind] of lines) {
      expect(fs.existsSync(path.join(backupFolder, name as string))).toBe(true);
      expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
      expect(kind).toBe('manuell');
    }
    expect((lines[0]?.[1] as string) >= (lines[1]?.[1] as string)).toBe(true);
  });

  it('anonymise --dry-run changes nothing; anonymise removes the name from the register and every backup', async () => {
    const { dir, db, backupFolder } = await setUp();
    const before = fileBytes(db);
    expect(await runAnonymise({ db, years: '5', dryRun: true, backupFolder }), lastError()).toBe(0);
    expect(out.join('')).toContain('1 deltakere');
    expect(fileBytes(db).equals(before)).toBe(true);
    expect(await runAnonymise({ db, years: '5', backupFolder }), lastError()).toBe(0);
    expect(out.join('')).toContain('1 sikkerhetskopier er renset');
    expect(holding(dir, NAME)).toEqual([]);
    expect(await runAnonymise({ db, years: 'fem', backupFolder })).toBe(1);
    expectNorwegianMessage(lastError());
  });

  it('export-person writes the innsyn and its readable page beside it (0600), says it holds names, and logs both', async () => {
    const { dir, db } = await setUp();
    const file = path.join(dir, 'innsyn.json');
    const page = path.join(dir, 'innsyn.html');
    expect(await runExportPerson({ db, id: '1', out: file }), lastError()).toBe(0);
    expect(lastError()).toContain('personopplysninger');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).deltaker.id).toBe(1);
    expect(fs.readFileSync(page, 'utf8')).toContain(NAME);
    expect(out.join('')).toContain('innsyn.html');
    for (const written of [file, page]) {
      if (process.platform !== 'win32') expect(fs.statSync(written).mode & 0o777).toBe(0o600);
    }
    const reg = openForTest(db, { readOnly: true });
    expect(reg.db.prepare('SELECT hva, antall, beskrivelse FROM hendelse').all()).toEqual([
      { hva: 'innsyn', antall: 1, beskrivelse: expect.stringContaining('«innsyn.json» og «innsyn.html»') },
    ]);
  });

  it('restore of a backup from before an erase does not bring the person back; an unknown name changes nothing', async () => {
    const { dir, db, backupFolder } = await setUp();
    out = [];
    await runBackup({ db, backupFolder, list: true });
    const [name] = out.join('').split('\t');
    expect(await runErase({ db, id: '1', backupFolder }), lastError()).toBe(0);
    expect(holding(dir, NAME)).toEqual([]);
    expect(await runErase({ db, id: '1', backupFolder })).toBe(1);
    expectNorwegianMessage(lastError());
    const before = fileBytes(db);
    err = [];
    expect(await runRestore({ db, backup: 'finnes-ikke.sqlite', backupFolder })).toBe(1);
    expectNorwegianMessage(lastError());
    expect(fileBytes(db).equals(before)).toBe(true);
    expect(await runRestore({ db, backup: name as string, backupFolder }), lastError()).toBe(0);
    expect(holding(dir, NAME)).toEqual([]);
    const reg = openForTest(db, { readOnly: true });
    expect(reg.db.prepare('SELECT navn FROM deltaker').all()).toEqual([{ navn: 'Blir Stående' }]);
    expect(reg.db.prepare('SELECT hva FROM hendelse ORDER BY id').all()).toEqual([
      { hva: 'sletting' },
      { hva: 'gjenoppretting' },
    ]);
  });
});

describe('the command line for IT, through electron/cli.ts', { timeout: 120_000 }, () => {
  it('init, backup --list and erase: exit 0; a refused erase: exit 1 with «Feil: …» in Norwegian', async () => {
    const dir = tempDir();
    const profile = path.join(dir, 'profil');
    const db = path.join(dir, 'register.sqlite');
    const init = await cli(
      profile,
      'init',
      '--db',
      db,
      '--tiltak',
      'Sykkelvert',
      '--avdeling',
      'Arbeid',
      '--opptak',
      'kull',
    );
    expect(init.status, init.stderr).toBe(0);
    const backup = await cli(profile, 'backup', '--db', db, '--backup-folder', path.join(dir, 'kopier'));
    expect(backup.status, backup.stderr).toBe(0);
    const list = await cli(profile, 'backup', '--db', db, '--list', '--backup-folder', path.join(dir, 'kopier'));
    expect(list.stdout).toMatch(/^register-[0-9a-f]{8}--\d{8}T\d{6}Z--manuell\.sqlite\t\d{4}-.+Z\tmanuell\n$/);
    const erase = await cli(profile, 'erase', '--db', db, '--id', '7');
    expect(erase.status).toBe(1);
    expect(erase.stderr).toMatch(/^Feil: /);
    expectNorwegianMessage(erase.stderr);
  });
});
