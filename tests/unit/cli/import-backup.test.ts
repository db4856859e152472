/**
 * The command line's import takes the backup the app takes before every import (`for-import`,
 * register/backups.ts), through the same session code: an import is undone by restoring it, and
 * when it cannot be made nothing is imported. The command's function in this process (fast), with
 * its own profile folder (XDG) and `--backup-folder`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXIT, runImport } from '../../../electron/cli/import-command';
import { runInit } from '../../../electron/cli/register-commands';
import { listBackups } from '../../../electron/register/backup-files';
import { expectNorwegianMessage } from '../helpers/messages';
import { countRows, fileBytes, openForTest, tempDir } from '../helpers/register';

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

/** A register made with `init`, and a file of two deltakere to import into it. */
async function setUp() {
  const dir = tempDir();
  process.env.XDG_CONFIG_HOME = path.join(dir, 'profil');
  const db = path.join(dir, 'data', 'register.sqlite');
  fs.mkdirSync(path.dirname(db));
  expect(await runInit({ db, tiltak: 'Mat & prat', avdeling: 'Arbeid', opptak: 'lopende' }), err.join('')).toBe(0);
  const csv = path.join(dir, 'deltakere.csv');
  fs.writeFileSync(csv, 'navn;fodselsar\nKari Import;1990\nOla Import;1985\n');
  return { dir, db, csv };
}

function deltakere(file: string): number {
  const reg = openForTest(file, { readOnly: true });
  try {
    return countRows(reg, 'deltaker');
  } finally {
    reg.close();
  }
}

describe('npm run cli -- import, with the backup before it', () => {
  it('backs the register up (kind «for-import») before the rows go in, and says so', async () => {
    const { dir, db, csv } = await setUp();
    const backupFolder = path.join(dir, 'kopier');
    expect(await runImport(db, 'deltakere', csv, undefined, backupFolder), err.join('')).toBe(EXIT.ok);
    const backups = listBackups(backupFolder, db);
    expect(backups.map((b) => b.kind)).toEqual(['for-import']);
    const [backup] = backups;
    expect(out.join('')).toContain(`Sikkerhetskopi tatt før importen: ${backup?.name}`);
    // The copy is of the register as it was: restoring it undoes the import.
    expect(deltakere(backup?.file as string)).toBe(0);
    expect(deltakere(db)).toBe(2);
  });

  it('imports nothing when the backup cannot be made, and says why in Norwegian', async () => {
    const { dir, db, csv } = await setUp();
    // A file where the backup folder should be: no backup can be written there.
    const backupFolder = path.join(dir, 'kopier');
    fs.writeFileSync(backupFolder, '');
    const before = fileBytes(db);
    expect(await runImport(db, 'deltakere', csv, undefined, backupFolder)).toBe(EXIT.nothingWritten);
    const message = err.join('');
    expect(message).toContain(
      'Sikkerhetskopien som tas før hver import, kunne ikke lages, så ingenting ble importert.',
    );
    expectNorwegianMessage(message);
    expect(fileBytes(db).equals(before)).toBe(true);
    expect(deltakere(db)).toBe(0);
  });
});
