/**
 * The command line's import opens a register the way the app does (register/session.ts): it refuses a
 * register someone has open in Kullregister, takes a backup before upgrading an older one and
 * before importing, and leaves no lock behind. Its exit statuses and messages are tested in tests/unit/cli.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXIT, runImport } from '../../../electron/cli/import-command';
import { listBackups } from '../../../electron/register/backup-files';
import { defaultBackupFolder, userDataFolder } from '../../../electron/register/location';
import { lockPathOf } from '../../../electron/register/lock';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/store/migrations';
import { expectNorwegianMessage } from '../helpers/messages';
import { fileBytes, tempDir } from '../helpers/register';
import { tempSession } from './helpers';

const CSV = 'navn;fodselsar\nImportert Person;1990\n';

let stderr: string[];
let profile: string;
const savedConfigHome = process.env.XDG_CONFIG_HOME;

beforeEach(() => {
  stderr = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
    stderr.push(String(text));
    return true;
  });
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  // The command line finds the app's settings and backup folder where Electron keeps them (Linux: XDG).
  profile = tempDir();
  process.env.XDG_CONFIG_HOME = profile;
});

afterEach(() => {
  vi.restoreAllMocks();
  if (savedConfigHome === undefined) delete process.env.XDG_CONFIG_HOME;
  else process.env.XDG_CONFIG_HOME = savedConfigHome;
});

function csvFile(dir: string): string {
  const file = path.join(dir, 'deltakere.csv');
  fs.writeFileSync(file, CSV);
  return file;
}

describe.runIf(process.platform === 'linux')('the command line’s import goes through the session', () => {
  it('refuses a register someone has open in Kullregister, says who, and writes nothing', async () => {
    const t = tempSession();
    await t.session.open(t.registerPath, { create: true });
    t.session.close();
    const colleague = t.another();
    await colleague.open(t.registerPath);
    const before = fileBytes(t.registerPath);

    const status = await runImport(t.registerPath, 'deltakere', csvFile(t.dir));

    expect(status).toBe(EXIT.nothingWritten);
    const message = stderr.join('');
    expect(message).toMatch(/åpent i Kullregister hos kollega på PC-KOLLEGA siden \d\d\.\d\d\.\d{4} kl\. \d\d:\d\d/);
    expect(message).toContain('Ingenting ble skrevet');
    expectNorwegianMessage(message);
    expect(fileBytes(t.registerPath).equals(before)).toBe(true);
    expect(JSON.parse(fs.readFileSync(lockPathOf(t.registerPath), 'utf8'))).toMatchObject({ user: 'kollega' });
  });

  it('backs an older register up in the app’s backup folder before upgrading it, then imports and releases its lock', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'gammelt.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = DELETE');
    db.exec(MIGRATIONS[0] as string);
    db.pragma('user_version = 1');
    db.close();

    const status = await runImport(file, 'deltakere', csvFile(dir));

    expect(status, stderr.join('')).toBe(EXIT.ok);
    const folder = defaultBackupFolder(userDataFolder());
    expect(folder.startsWith(profile)).toBe(true);
    const backups = listBackups(folder, file);
    // The one before the upgrade, then the one before every import (as the app takes).
    expect(backups.map((b) => b.kind).sort()).toEqual(['for-import', 'for-oppgradering']);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(after.prepare('SELECT navn FROM deltaker').all()).toEqual([{ navn: 'Importert Person' }]);
    after.close();
    expect(fs.existsSync(lockPathOf(file))).toBe(false);
    // The daily backup and the recent list stay the app's business.
    expect(fs.existsSync(path.join(profile, 'Kullregister', 'innstillinger.json'))).toBe(false);
  });
});

describe('the app’s user-data folder as the command line finds it', () => {
  it('follows Electron: %APPDATA% on Windows, Application Support on macOS, XDG on Linux', () => {
    expect(
      userDataFolder({ platform: 'win32', env: { APPDATA: 'C:\\Users\\kari\\AppData\\Roaming' } }, 'C:\\Users\\kari'),
    ).toBe('C:\\Users\\kari\\AppData\\Roaming\\Kullregister');
    expect(userDataFolder({ platform: 'darwin', env: {} }, '/Users/kari')).toBe(
      '/Users/kari/Library/Application Support/Kullregister',
    );
    expect(userDataFolder({ platform: 'linux', env: {} }, '/home/kari')).toBe('/home/kari/.config/Kullregister');
    expect(userDataFolder({ platform: 'linux', env: { XDG_CONFIG_HOME: '/srv/conf' } }, '/home/kari')).toBe(
      '/srv/conf/Kullregister',
    );
  });
});
