/**
 * Schema migrations (architecture.md): a register made by the previous version opens, is backed up,
 * then migrated; a failing migration leaves the file untouched; a newer file is refused untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { listBackups } from '../../../electron/register/backup-files';
import { lockPathOf } from '../../../electron/register/lock';
import { DomainError } from '../../../electron/store/errors';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/store/migrations';
import { APPLICATION_ID } from '../../../electron/store/recognise';
import { aDeltaker } from '../helpers/builders';
import { expectNorwegianMessage, expectOk } from '../helpers/messages';
import { fileBytes } from '../helpers/register';
import { tempSession } from './helpers';

/** A register exactly as schema version 1 of the app left it, with a kull, a deltaker and their log. */
function version1Register(file: string, extraSql = ''): void {
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.exec(MIGRATIONS[0] as string);
  db.exec(`
    INSERT INTO kull (id, navn, startdato) VALUES (1, 'Kull 1', '2025-03-03');
    INSERT INTO deltaker (id, kull_id, navn, fodselsar, kjonn) VALUES (1, 1, 'Ola Gammelversjon', 1988, 'M');
    INSERT INTO endringslogg (tid, bruker, tabell, rad_id, felt, gammel, ny)
      VALUES ('2025-03-01T10:00:00.000Z', 'leder', 'deltaker', 1, 'navn', NULL, 'Ola Gammelversjon');
    INSERT INTO kodeverdi (liste, verdi, rekkefolge) VALUES ('henvist_fra', 'NAV Årstad', 0);
    ${extraSql}`);
  db.pragma('user_version = 1');
  db.close();
}

function userVersion(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

describe('a register from the previous schema version', () => {
  it('is backed up first, then migrated, with its data intact', async () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(3);
    const t = tempSession();
    version1Register(t.registerPath);
    const original = fileBytes(t.registerPath);

    const outcome = await t.session.open(t.registerPath);
    if (outcome.status !== 'open') throw new Error('expected open');
    expect(userVersion(t.registerPath)).toBe(SCHEMA_VERSION);
    expect(t.session.status().migratedFrom).toBe(1);
    expect(outcome.register.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);

    const [before] = listBackups(t.backupFolder, t.registerPath).filter((b) => b.kind === 'for-oppgradering');
    if (!before) throw new Error('expected a backup from before the migration');
    expect(userVersion(before.file)).toBe(1);
    const copy = new Database(before.file, { readonly: true });
    expect(copy.prepare('SELECT navn FROM deltaker').all()).toEqual([{ navn: 'Ola Gammelversjon' }]);
    copy.close();
    expect(original.length).toBeGreaterThan(0);

    const reg = outcome.register;
    expect(expectOk(invoke(reg, 'deltaker:list', { kull: 'alle' }))[0]).toMatchObject({
      navn: 'Ola Gammelversjon',
      kull_id: 1,
      // Migration 003 adds the follow-up fields, blank for rows that were there.
      i_arbeid_etter_12_mnd: null,
      midtevaluering_dato: null,
    });
    expect(expectOk(invoke(reg, 'history:list', { table: 'deltaker', id: 1 }))).toHaveLength(1);
    expectOk(invoke(reg, 'deltaker:create', aDeltaker()));
    expect(expectOk(invoke(reg, 'hendelse:list', {}))).toEqual([]);
  });

  it('is left byte-for-byte as it was when a migration fails, with a Norwegian message', async () => {
    const t = tempSession();
    // Migration 002 creates the table hendelse, then the index hendelse_tid: a name this file already uses.
    version1Register(t.registerPath, 'CREATE TABLE hendelse_tid (x);');
    const before = fileBytes(t.registerPath);

    const error = await t.session.open(t.registerPath).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('migration_failed');
    expectNorwegianMessage((error as DomainError).message);
    expect((error as DomainError).message).toContain('ikke endret');

    expect(fileBytes(t.registerPath).equals(before)).toBe(true);
    expect(fs.existsSync(lockPathOf(t.registerPath))).toBe(false);
    expect(fs.readdirSync(path.dirname(t.registerPath))).toEqual(['register.sqlite']);
    const db = new Database(t.registerPath, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'hendelse'").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('a register from a newer version of the app', () => {
  it('is refused and left byte-for-byte unchanged, with no lock, journal or backup left behind', async () => {
    const t = tempSession();
    version1Register(t.registerPath);
    const db = new Database(t.registerPath);
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.close();
    const before = fileBytes(t.registerPath);

    const error = await t.session.open(t.registerPath).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('too_new');
    expectNorwegianMessage((error as DomainError).message);
    expect(fileBytes(t.registerPath).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(t.registerPath))).toEqual(['register.sqlite']);
    expect(listBackups(t.backupFolder, t.registerPath)).toEqual([]);
  });
});
