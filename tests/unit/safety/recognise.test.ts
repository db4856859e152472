/**
 * Issue 11, items 8, 9 and 14 (the read-only file): a register is recognised before anything writes
 * to it. Real files, opened through the session as the app opens them; "untouched" is a SHA-256 of
 * the file and a listing of its folder, before and after.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { createBackup, listBackups } from '../../../electron/register/backup-files';
import { DomainError } from '../../../electron/store/errors';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/store/migrations';
import { APPLICATION_ID } from '../../../electron/store/recognise';
import { aDeltaker } from '../helpers/builders';
import { expectNorwegianMessage, expectOk, expectRefused } from '../helpers/messages';
import { fillDisk, mountTmpfs, sha256 } from '../helpers/tmpfs';
import { tempSession } from './helpers';

type Foreign = { name: string; userVersion: number; wal: boolean; applicationId?: number; ourTables?: boolean };

const FOREIGN: Foreign[] = [
  { name: 'user_version 1', userVersion: 1, wal: false },
  { name: 'user_version 2', userVersion: 2, wal: false },
  { name: 'WAL mode', userVersion: 0, wal: true },
  { name: 'WAL mode and user_version 2', userVersion: 2, wal: true },
  {
    name: 'our table names but another program’s application_id',
    userVersion: 2,
    wal: false,
    applicationId: 7,
    ourTables: true,
  },
];

function foreignFile(file: string, f: Foreign): void {
  const db = new Database(file);
  if (f.wal) db.pragma('journal_mode = WAL');
  if (f.ourTables) {
    db.exec(MIGRATIONS[0] as string);
    db.exec(MIGRATIONS[1] as string);
  } else {
    db.exec("CREATE TABLE regnskap (post TEXT, belop INTEGER); INSERT INTO regnskap VALUES ('husleie', 9000);");
  }
  db.pragma(`user_version = ${f.userVersion}`);
  if (f.applicationId !== undefined) db.pragma(`application_id = ${f.applicationId}`);
  db.close();
}

/** A register as version 2 of the app left it: the tables, no application_id. */
function version2Register(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.exec(MIGRATIONS[0] as string);
  db.exec(MIGRATIONS[1] as string);
  db.exec("INSERT INTO deltaker (id, navn, fodselsar) VALUES (1, 'Gammel Versjon', 1980)");
  db.pragma('user_version = 2');
  db.close();
}

function listing(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

describe('a SQLite file of another program (item 8)', () => {
  it.each(FOREIGN)('is refused untouched, with a Norwegian message and no lock left: $name', async (f) => {
    const t = tempSession();
    foreignFile(t.registerPath, f);
    const dir = path.dirname(t.registerPath);
    const hash = sha256(t.registerPath);
    const files = listing(dir);

    for (const create of [false, true]) {
      const error = await t.session.open(t.registerPath, { create }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('not_a_register');
      expectNorwegianMessage((error as DomainError).message);
      expect((error as DomainError).message).not.toMatch(/no such table/);
      expect((error as DomainError).message).toMatch(/ikke endret/);
      expect(sha256(t.registerPath)).toBe(hash);
      expect(listing(dir)).toEqual(files); // no .lock, -journal, -wal or -shm
      expect(fs.existsSync(t.backupFolder) ? listBackups(t.backupFolder, t.registerPath) : []).toEqual([]);
    }
    // A colleague looking read-only (someone else's lock) is refused the same way.
    const error = await t
      .another()
      .open(t.registerPath)
      .catch((e: unknown) => e);
    expect((error as DomainError).code).toBe('not_a_register');
    expect(sha256(t.registerPath)).toBe(hash);
    expect(listing(dir)).toEqual(files);
  });

  it('is told apart from a register of schema 2 made before application_id, which is upgraded and marked', async () => {
    const t = tempSession();
    version2Register(t.registerPath);
    const outcome = await t.session.open(t.registerPath);
    if (outcome.status !== 'open') throw new Error('expected open');
    const db = outcome.register.db;
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT navn FROM deltaker').all()).toEqual([{ navn: 'Gammel Versjon' }]);
    expect(listBackups(t.backupFolder, t.registerPath).map((b) => b.kind)).toContain('for-oppgradering');
  });
});

describe('an existing 0-byte file (item 9)', () => {
  it('is a damaged register: the newest good backup is offered, nothing is adopted or backed up', async () => {
    const t = tempSession();
    const first = await t.session.open(t.registerPath, { create: true });
    if (first.status !== 'open') throw new Error('expected open');
    expectOk(invoke(first.register, 'deltaker:create', aDeltaker({ navn: 'Kari Backup' })));
    await t.session.idle(); // the first open's daily backup
    const good = await createBackup(first.register, t.backupFolder, 'daglig');
    const backups = listBackups(t.backupFolder, t.registerPath).map((b) => b.name);
    t.session.close();
    fs.writeFileSync(t.registerPath, '');

    for (const create of [false, true]) {
      const outcome = await t.session.open(t.registerPath, { create });
      expect(outcome.status).toBe('damaged');
      if (outcome.status !== 'damaged') return;
      expect(outcome.message).toMatch(/0 byte/);
      expectNorwegianMessage(outcome.message);
      expect(outcome.newestGoodBackup?.name).toBe(good.name);
      expect(fs.statSync(t.registerPath).size).toBe(0);
      expect(listing(path.dirname(t.registerPath))).toEqual(['register.sqlite']);
      expect(listBackups(t.backupFolder, t.registerPath).map((b) => b.name)).toEqual(backups);
    }
    const restored = await t.session.restoreDamaged(t.registerPath, good.name);
    if (restored.status !== 'open') throw new Error('expected open');
    expect(restored.register.db.prepare('SELECT navn FROM deltaker').all()).toEqual([{ navn: 'Kari Backup' }]);
  });

  it('is never left by a register creation that fails on a full disk', async (ctx) => {
    const disk = mountTmpfs(256);
    if (!disk) return ctx.skip();
    fillDisk(disk, 8 * 1024);
    const t = tempSession();
    const file = path.join(disk, 'nytt.sqlite');
    const error = await t.session.open(file, { create: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('disk_full');
    expectNorwegianMessage((error as DomainError).message);
    expect((error as DomainError).message).toMatch(/Ingen fil ble laget/);
    expect(listing(disk)).toEqual(['fyll.bin']); // no register, no journal, no lock

    // With room again, the same call makes a whole register.
    fs.rmSync(path.join(disk, 'fyll.bin'));
    const outcome = await t.session.open(file, { create: true });
    expect(outcome.status).toBe('open');
  });
});

describe('a register file marked read-only (item 14)', () => {
  it('opens read-only with the band’s message, takes no lock and is not written', async () => {
    const t = tempSession();
    const first = await t.session.open(t.registerPath, { create: true });
    if (first.status !== 'open') throw new Error('expected open');
    expectOk(invoke(first.register, 'deltaker:create', aDeltaker({ navn: 'Lese Bare' })));
    t.session.close();
    fs.chmodSync(t.registerPath, 0o444);
    const hash = sha256(t.registerPath);

    const outcome = await t.session.open(t.registerPath);
    if (outcome.status !== 'open') throw new Error('expected open');
    const status = t.session.status();
    expect(status.readOnly).toBe(true);
    expect(status.readOnlyReason).toBe('file_read_only');
    expectNorwegianMessage(status.readOnlyMessage ?? '');
    expect(status.readOnlyMessage).toMatch(/skrivebeskyttet/);
    expect(fs.existsSync(`${t.registerPath}.lock`)).toBe(false);
    expectRefused(invoke(outcome.register, 'deltaker:create', aDeltaker()), 'read_only');
    expect(expectOk(invoke(outcome.register, 'deltaker:list', { kull: 'alle' })).map((d) => d.navn)).toEqual([
      'Lese Bare',
    ]);
    t.session.close();
    expect(sha256(t.registerPath)).toBe(hash);
    expect(listing(path.dirname(t.registerPath))).toEqual(['register.sqlite']);
  });
});

describe('a directory where the lock file goes (item 10)', () => {
  it('is refused in Norwegian, saying what to move, and the register is untouched', async () => {
    const t = tempSession();
    const first = await t.session.open(t.registerPath, { create: true });
    if (first.status !== 'open') throw new Error('expected open');
    t.session.close();
    fs.mkdirSync(`${t.registerPath}.lock`);
    const hash = sha256(t.registerPath);
    const error = await t.session.open(t.registerPath).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('lock_is_directory');
    expectNorwegianMessage((error as DomainError).message);
    expect((error as DomainError).message).not.toMatch(/EISDIR/);
    expect((error as DomainError).message).toContain(`${t.registerPath}.lock`);
    expect(sha256(t.registerPath)).toBe(hash);
  });
});
