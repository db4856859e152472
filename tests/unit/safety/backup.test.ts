import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import {
  type BackupInfo,
  backupStem,
  checkBackupFile,
  KEEP_DAILY,
  KEEP_MONTHLY,
  listBackups,
  planRetention,
} from '../../../electron/register/backup-files';
import type { Register } from '../../../electron/store/connection';
import { todayIso } from '../../../shared/dates';
import { aDeltaker } from '../helpers/builders';
import { expectOk, expectRefused } from '../helpers/messages';
import { countRows } from '../helpers/register';
import { tempSession } from './helpers';

const DAY = 24 * 60 * 60 * 1000;

async function openWith(t: ReturnType<typeof tempSession>, create = false): Promise<Register> {
  const outcome = await t.session.open(t.registerPath, { create });
  if (outcome.status !== 'open') throw new Error(`expected open, got ${outcome.status}`);
  await t.session.idle(); // the daily backup runs in the background
  return outcome.register;
}

describe('automatic backups', () => {
  it('are made with the online backup API at open, once a day, and listed with date, kind and size', async () => {
    let now = new Date('2026-11-02T09:00:00Z');
    const t = tempSession({ now: () => now });
    const reg = await openWith(t, true);
    expectOk(invoke(reg, 'deltaker:create', aDeltaker({ navn: 'Før kopien' })));
    t.session.close();

    now = new Date('2026-11-02T15:00:00Z');
    await openWith(t);
    expect(listBackups(t.backupFolder, t.registerPath)).toHaveLength(1); // same day: no second one
    t.session.close();

    now = new Date('2026-11-03T09:00:00Z');
    const again = await openWith(t);
    const listed = expectOk(invoke(again, 'backup:list', {}));
    expect(listed.folder).toBe(t.backupFolder);
    expect(listed.isDefault).toBe(true);
    expect(listed.location.kind).toBe('local');
    expect(listed.backups).toHaveLength(2);
    expect(listed.backups[0]).toMatchObject({ kind: 'daglig', kindLabel: 'Daglig', time: '2026-11-03T09:00:00.000Z' });
    expect(listed.backups[0]?.size).toBeGreaterThan(0);
    for (const b of listBackups(t.backupFolder, t.registerPath)) expect(checkBackupFile(b.file).ok).toBe(true);
  });

  it('leave no half-made file behind and are readable by the user only', async () => {
    const t = tempSession();
    await openWith(t, true);
    const names = fs.readdirSync(t.backupFolder);
    // The open made one (a test over no file at all would pass whatever the code did).
    expect(listBackups(t.backupFolder, t.registerPath)).toHaveLength(1);
    expect(names).toHaveLength(1);
    expect(names.every((n) => n.endsWith('.sqlite'))).toBe(true);
    if (process.platform !== 'win32') {
      expect(fs.statSync(t.backupFolder).mode & 0o777).toBe(0o700);
      for (const n of names) expect(fs.statSync(path.join(t.backupFolder, n)).mode & 0o777).toBe(0o600);
    }
  });

  it('keep every backup of the 14 most recent days with one, and the newest of each of the 12 most recent months', () => {
    const end = Date.parse('2026-11-20T10:00:00Z');
    const backups: BackupInfo[] = [];
    for (let i = 0; i < 500; i++) {
      const time = new Date(end - i * DAY).toISOString();
      backups.push({ name: `b${i}`, file: `/x/b${i}`, time, kind: 'daglig', size: 1 });
    }
    const { keep, remove } = planRetention(backups);
    expect(keep.length + remove.length).toBe(500);
    const day = (b: BackupInfo) => todayIso(new Date(Date.parse(b.time)));
    const keptDays = new Set(keep.map(day));
    for (const b of backups.slice(0, KEEP_DAILY)) expect(keptDays.has(day(b))).toBe(true);
    const months = [...new Set(backups.map((b) => day(b).slice(0, 7)))].slice(0, KEEP_MONTHLY);
    for (const month of months) {
      const newest = backups.find((b) => day(b).startsWith(month));
      expect(keep).toContain(newest);
    }
    expect(keep.length).toBeLessThanOrEqual(KEEP_DAILY + KEEP_MONTHLY);
    expect(keep.every((b) => backups.indexOf(b) < KEEP_DAILY || months.includes(day(b).slice(0, 7)))).toBe(true);
  });

  it('are pruned at open by that rule', async () => {
    let now = new Date('2025-01-01T08:00:00Z');
    const t = tempSession({ now: () => now });
    await openWith(t, true);
    t.session.close();
    for (let i = 1; i < 60; i++) {
      now = new Date(Date.parse('2025-01-01T08:00:00Z') + i * 7 * DAY);
      await openWith(t);
      t.session.close();
    }
    const left = listBackups(t.backupFolder, t.registerPath);
    expect(left.length).toBeLessThanOrEqual(KEEP_DAILY + KEEP_MONTHLY);
    expect(left[0]?.time).toBe(now.toISOString());
  });

  it('go to the chosen folder once the user picks one, and the status says where they are', async () => {
    const t = tempSession();
    const reg = await openWith(t, true);
    // Only the app has a folder dialog.
    expectRefused(invoke(reg, 'backup:chooseFolder', {}), 'no_app');
    t.useAppDialogs();
    t.answers.folder = path.join(t.dir, 'valgt mappe');
    const chosen = expectOk(invoke(reg, 'backup:chooseFolder', {}));
    expect(chosen).toMatchObject({ changed: true, folder: { folder: t.answers.folder, isDefault: false } });
    await t.session.idle();
    expect(listBackups(t.answers.folder, t.registerPath)).toHaveLength(1);
    t.answers.folder = null;
    expect(expectOk(invoke(reg, 'backup:chooseFolder', {})).changed).toBe(false);
    const back = expectOk(invoke(reg, 'backup:useDefaultFolder', {}));
    expect(back).toMatchObject({ folder: t.backupFolder, isDefault: true });
  });
});

describe('restore', () => {
  it('puts a backup in place in one call, after backing up the current file', async () => {
    let now = new Date('2026-11-01T09:00:00Z');
    const t = tempSession({ now: () => now });
    const first = await openWith(t, true);
    expectOk(invoke(first, 'deltaker:create', aDeltaker({ navn: 'Fantes i går' })));
    t.session.close();
    now = new Date('2026-11-02T09:00:00Z');
    const reg = await openWith(t); // this morning's backup holds «Fantes i går»
    expectOk(invoke(reg, 'deltaker:create', aDeltaker({ navn: 'Lagt til i dag' })));
    const morning = listBackups(t.backupFolder, t.registerPath).find((b) => b.time.startsWith('2026-11-02'));
    if (!morning) throw new Error('expected this morning’s backup');

    now = new Date('2026-11-02T12:00:00Z');
    const result = expectOk(invoke(reg, 'backup:restore', { name: morning.name }));
    expect(result.restoredFrom.name).toBe(morning.name);
    expect(result.savedCurrentAs.kind).toBe('for-gjenoppretting');

    const restored = t.session.register;
    if (!restored) throw new Error('expected the register to be open');
    const names = expectOk(invoke(restored, 'deltaker:list', { kull: 'alle' })).map((d) => d.navn);
    expect(names).toEqual(['Fantes i går']);
    expect(restored.readOnly).toBe(false);
    expect(expectOk(invoke(restored, 'hendelse:list', {}))[0]?.hva).toBe('gjenoppretting');
    expectOk(invoke(restored, 'deltaker:create', aDeltaker({ navn: 'Etter gjenoppretting' })));

    const saved = listBackups(t.backupFolder, t.registerPath).find((b) => b.name === result.savedCurrentAs.name);
    if (!saved) throw new Error('expected the saved copy');
    const copy = await openCopy(t, saved.file);
    expect(copy).toContain('Lagt til i dag');
  });

  it('refuses a name that is not one of the register’s backups, and changes nothing', async () => {
    const t = tempSession();
    const reg = await openWith(t, true);
    expectOk(invoke(reg, 'deltaker:create', aDeltaker()));
    expectRefused(invoke(reg, 'backup:restore', { name: '../../etc/passwd' }), 'not_found');
    expectRefused(
      invoke(reg, 'backup:restore', { name: `${backupStem(t.registerPath)}--20260101T000000Z--daglig.sqlite` }),
      'not_found',
    );
    expect(countRows(reg, 'deltaker')).toBe(1);
  });

  it('is refused while the register is read-only', async () => {
    const t = tempSession();
    await openWith(t, true);
    const other = t.another();
    const outcome = await other.open(t.registerPath);
    if (outcome.status !== 'open') throw new Error('expected open');
    const [backup] = expectOk(invoke(outcome.register, 'backup:list', {})).backups;
    expectRefused(invoke(outcome.register, 'backup:restore', { name: backup?.name ?? '' }), 'read_only');
  });
});

async function openCopy(t: ReturnType<typeof tempSession>, file: string): Promise<string[]> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT navn FROM deltaker').all() as { navn: string }[]).map((r) => r.navn);
  } finally {
    db.close();
    void t;
  }
}
