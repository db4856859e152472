import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listValues } from '../../../electron/store/codes';
import { createDeltaker, listDeltakere } from '../../../electron/store/deltakere';
import { DomainError } from '../../../electron/store/errors';
import { createKull, listKull } from '../../../electron/store/kull';
import { SCHEMA_VERSION } from '../../../electron/store/migrations';
import { openRegister } from '../../../electron/store/open';
import { APPLICATION_ID } from '../../../electron/store/recognise';
import { DEFAULT_LISTS, EDITABLE_LIST_KEYS } from '../../../shared/codes';
import { aDeltaker, aKull } from '../helpers/builders';
import { expectNorwegianMessage } from '../helpers/messages';
import { countRows, fileBytes, TEST_USER, tempDir, tempRegister } from '../helpers/register';

/** Opening must fail with a DomainError of this code and a Norwegian message; returns the error. */
function expectOpenRefused(file: string, code: string): DomainError {
  let caught: unknown;
  try {
    const reg = openRegister(file, { user: TEST_USER });
    reg.close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DomainError);
  const error = caught as DomainError;
  expect(error.code).toBe(code);
  expectNorwegianMessage(error.message);
  return error;
}

/** A SQLite file made by some other program, optionally in WAL mode and with a user_version. */
function foreignSqliteFile(
  file: string,
  options: { wal?: boolean; userVersion?: number; applicationId?: number } = {},
): void {
  const db = new Database(file);
  if (options.applicationId !== undefined) db.pragma(`application_id = ${options.applicationId}`);
  if (options.wal) db.pragma('journal_mode = WAL');
  db.exec("CREATE TABLE regnskap (post TEXT, belop INTEGER); INSERT INTO regnskap VALUES ('husleie', 9000);");
  if (options.userVersion !== undefined) db.pragma(`user_version = ${options.userVersion}`);
  db.close();
}

describe('a new register', () => {
  it('is created when asked to, with the current schema version', () => {
    const { reg, path: file } = tempRegister();
    expect(fs.existsSync(file)).toBe(true);
    expect(reg.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(reg.readOnly).toBe(false);
    expect(reg.user).toBe(TEST_USER);
  });

  it('is opened with the rollback journal, synchronous FULL, foreign keys and a busy timeout', () => {
    const { reg } = tempRegister();
    expect(reg.db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(reg.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(reg.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(reg.db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('has the same pragmas after it is closed and opened again', () => {
    const handle = tempRegister();
    const reg = handle.reopen();
    expect(reg.db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(reg.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(reg.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(reg.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it('has the tables of the schema', () => {
    const { reg } = tempRegister();
    const tables = (
      reg.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'deltaker',
        'endringslogg',
        'hendelse',
        'innstilling',
        'kodeverdi',
        'kull',
        'sletteliste',
      ]),
    );
  });

  it('starts with the default values of the editable lists, in the spec’s order', () => {
    const { reg } = tempRegister();
    for (const list of EDITABLE_LIST_KEYS) {
      expect(listValues(reg, list).map((v) => v.verdi)).toEqual([...DEFAULT_LISTS[list]]);
    }
  });

  it('does not add the default values a second time when it is opened again', () => {
    const handle = tempRegister();
    const before = countRows(handle.reg, 'kodeverdi');
    expect(countRows(handle.reopen(), 'kodeverdi')).toBe(before);
  });

  it('is never made from an existing 0-byte file: that is a damaged register (issue 11, item 9)', () => {
    const file = path.join(tempDir(), 'tom.kullregister');
    fs.writeFileSync(file, '');
    expect(expectOpenRefused(file, 'damaged').message).toMatch(/0 byte/);
    expect(() => openRegister(file, { create: true })).toThrow(/0 byte/);
    expect(fs.statSync(file).size).toBe(0);
  });

  it('is never made from an empty SQLite file another program made (no application_id, no tables)', () => {
    const file = path.join(tempDir(), 'tom.sqlite');
    const db = new Database(file);
    db.exec('VACUUM');
    db.close();
    const before = fileBytes(file);
    expectOpenRefused(file, 'not_a_register');
    expect(fileBytes(file).equals(before)).toBe(true);
  });

  it('carries the application_id in its header', () => {
    const { reg, path: file } = tempRegister();
    expect(reg.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(fs.readFileSync(file).readInt32BE(68)).toBe(APPLICATION_ID);
  });
});

describe('what is saved survives closing the register', () => {
  it('keeps kull, deltakere and their values after close and reopen', () => {
    const handle = tempRegister();
    const kull = createKull(handle.reg, aKull({ navn: 'Vår 2026', kapasitet: 12 }));
    createDeltaker(handle.reg, aDeltaker({ kull_id: kull.id, navn: 'Åse Ødegård', ansatt_hos_brukersted: true }));
    createDeltaker(handle.reg, aDeltaker({ navn: 'Ola', ansatt_hos_brukersted: false, fodselsar: null }));

    const reg = handle.reopen();
    expect(listKull(reg)).toMatchObject([{ navn: 'Vår 2026', kapasitet: 12, planlagt_sluttdato: '2026-06-02' }]);
    const rows = listDeltakere(reg, 'alle');
    expect(rows.map((d) => [d.navn, d.kull_id, d.ansatt_hos_brukersted, d.fodselsar])).toEqual([
      ['Åse Ødegård', kull.id, true, 1990],
      ['Ola', null, false, null],
    ]);
  });

  it('leaves no journal file behind once a change is committed', () => {
    const handle = tempRegister();
    createDeltaker(handle.reg, aDeltaker());
    expect(fs.existsSync(`${handle.path}-journal`)).toBe(false);
    expect(fs.existsSync(`${handle.path}-wal`)).toBe(false);
  });

  it('switches a register that another tool left in WAL mode back to the rollback journal', () => {
    const handle = tempRegister();
    createDeltaker(handle.reg, aDeltaker({ navn: 'Før WAL' }));
    handle.reg.close();
    const raw = new Database(handle.path);
    raw.pragma('journal_mode = WAL');
    raw.close();

    const reg = handle.reopen();
    expect(reg.db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(listDeltakere(reg, 'alle').map((d) => d.navn)).toEqual(['Før WAL']);
  });
});

describe('opening a file that is not a register refuses it and leaves it byte-for-byte unchanged', () => {
  it('refuses a missing file unless asked to create it, and creates nothing', () => {
    const file = path.join(tempDir(), 'finnes-ikke.kullregister');
    expect(expectOpenRefused(file, 'not_found').message).toContain(file);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses a text file', () => {
    const file = path.join(tempDir(), 'deltakere.csv');
    fs.writeFileSync(file, 'Navn;Fødselsår\nKari Nordmann;1990\n'.repeat(50));
    const before = fileBytes(file);
    expectOpenRefused(file, 'not_a_register');
    expect(fileBytes(file).equals(before)).toBe(true);
  });

  it('refuses a file shorter than a SQLite header', () => {
    const file = path.join(tempDir(), 'kort.kullregister');
    fs.writeFileSync(file, 'SQLite');
    const before = fileBytes(file);
    expectOpenRefused(file, 'not_a_register');
    expect(fileBytes(file).equals(before)).toBe(true);
  });

  it('refuses a SQLite file of another program', () => {
    const file = path.join(tempDir(), 'regnskap.sqlite');
    foreignSqliteFile(file);
    const before = fileBytes(file);
    expectOpenRefused(file, 'not_a_register');
    expect(fileBytes(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['regnskap.sqlite']);
  });

  it('refuses a SQLite file of another program that uses WAL mode, without converting it', () => {
    const file = path.join(tempDir(), 'regnskap.sqlite');
    foreignSqliteFile(file, { wal: true });
    const before = fileBytes(file);
    expectOpenRefused(file, 'not_a_register');
    expect(fileBytes(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['regnskap.sqlite']);
  });

  it('refuses a register from a newer version of the app and says to update', () => {
    const file = path.join(tempDir(), 'nyere.kullregister');
    foreignSqliteFile(file, { userVersion: SCHEMA_VERSION + 1, applicationId: APPLICATION_ID });
    const before = fileBytes(file);
    const error = expectOpenRefused(file, 'too_new');
    expect(error.message).toContain(String(SCHEMA_VERSION + 1));
    expect(error.message).toMatch(/Oppdater/);
    expect(fileBytes(file).equals(before)).toBe(true);
  });

  it('refuses a register from a newer version that uses WAL mode, without converting it', () => {
    const file = path.join(tempDir(), 'nyere.kullregister');
    foreignSqliteFile(file, { wal: true, userVersion: SCHEMA_VERSION + 5, applicationId: APPLICATION_ID });
    const before = fileBytes(file);
    expectOpenRefused(file, 'too_new');
    expect(fileBytes(file).equals(before)).toBe(true);
  });

  it('refuses a newer register even when asked to open it read-only', () => {
    const file = path.join(tempDir(), 'nyere.kullregister');
    foreignSqliteFile(file, { userVersion: SCHEMA_VERSION + 1, applicationId: APPLICATION_ID });
    const before = fileBytes(file);
    expect(() => openRegister(file, { readOnly: true })).toThrow(DomainError);
    expect(fileBytes(file).equals(before)).toBe(true);
  });

  it('refuses a damaged register, tells the user to open a backup, and does not write to it', () => {
    const handle = tempRegister();
    for (let i = 0; i < 200; i++) createDeltaker(handle.reg, aDeltaker({ navn: `Deltaker ${i} ${'x'.repeat(80)}` }));
    handle.reg.close();
    const bytes = fileBytes(handle.path);
    const pageSize = 4096;
    bytes.fill(0x55, pageSize * 3, pageSize * 3 + 200);
    fs.writeFileSync(handle.path, bytes);

    const error = expectOpenRefused(handle.path, 'damaged');
    expect(error.message).toMatch(/sikkerhetskopi/);
    expect(fileBytes(handle.path).equals(bytes)).toBe(true);
  });

  it('refuses a file with a SQLite header and garbage after it, in Norwegian', () => {
    const file = path.join(tempDir(), 'rot.kullregister');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\u0000', 'latin1'), Buffer.alloc(4000, 0xab)]));
    const before = fileBytes(file);
    let caught: unknown;
    try {
      openRegister(file).close();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expectNorwegianMessage((caught as Error).message);
    expect(fileBytes(file).equals(before)).toBe(true);
  });
});

describe('a register opened read-only', () => {
  it('can be read but SQLite itself refuses to write to it', () => {
    const handle = tempRegister();
    createDeltaker(handle.reg, aDeltaker({ navn: 'Lest' }));
    handle.reg.close();
    const before = fileBytes(handle.path);

    const reg = handle.reopen({ readOnly: true });
    expect(reg.readOnly).toBe(true);
    expect(listDeltakere(reg, 'alle').map((d) => d.navn)).toEqual(['Lest']);
    expect(() => createDeltaker(reg, aDeltaker())).toThrow();
    reg.close();
    expect(fileBytes(handle.path).equals(before)).toBe(true);
  });
});

describe('opening a folder', () => {
  it('refuses a folder as not a register', () => {
    const dir = tempDir();
    expectOpenRefused(dir, 'not_a_register');
  });
});
