/**
 * The canary: a made-up name that exists nowhere else is written, edited, then deleted (or
 * anonymised). Afterwards its bytes are nowhere in the register file, its journal or the change log
 * — in normal mode and in single-user mode (where SQLite keeps the journal open between writes).
 * Backups, partials, restores and undo are covered by erasure.test.ts and fault-injection.test.ts
 * (docs/safety.md, «Privacy tools: an erasure holds»).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import type { LocationProbe } from '../../../electron/register/location';
import type { Register } from '../../../electron/store/connection';
import { aDeltaker, aDeltakerInWork } from '../helpers/builders';
import { expectOk } from '../helpers/messages';
import { tempDir } from '../helpers/register';
import { tempSession } from './helpers';

const CANARY = 'Qwyzzelbrunn Taxivørnæs';
const SURNAME = 'Taxivørnæs';

const networkShare: LocationProbe = { platform: 'linux', env: {}, realpath: (d) => d, fsType: () => 0x517b };

/** Every file beside the register that SQLite or the app may have written (register, journal, lock). */
function registerFiles(registerPath: string): string[] {
  const dir = path.dirname(registerPath);
  return fs
    .readdirSync(dir)
    .filter((n) => n.startsWith(path.basename(registerPath)))
    .map((n) => path.join(dir, n));
}

function filesHolding(files: readonly string[], text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  return files.filter((f) => fs.readFileSync(f).includes(needle));
}

function logRowsHolding(reg: Register, text: string): number {
  const like = `%${text}%`;
  return (
    reg.db
      .prepare('SELECT count(*) AS n FROM endringslogg WHERE gammel LIKE ? OR ny LIKE ? OR felt LIKE ?')
      .get(like, like, like) as { n: number }
  ).n;
}

/** Writes the canary and edits it a few times, with other deltakere around it. */
function writeCanary(reg: Register, options: { ended?: boolean } = {}): number {
  for (let i = 0; i < 30; i++) expectOk(invoke(reg, 'deltaker:create', aDeltaker({ navn: `Annen deltaker ${i}` })));
  const fields = options.ended
    ? aDeltakerInWork({ navn: CANARY, startdato: '2012-02-01', henvist_dato: '2012-01-10', sluttdato: '2012-05-02' })
    : aDeltaker({ navn: CANARY });
  const { deltaker } = expectOk(invoke(reg, 'deltaker:create', { ...fields, merknad: `Mor til ${CANARY} ringte` }));
  expectOk(invoke(reg, 'deltaker:update', { id: deltaker.id, changes: { navn: `${CANARY} Jr` } }));
  expectOk(invoke(reg, 'deltaker:update', { id: deltaker.id, changes: { navn: CANARY, fodselsar: 1991 } }));
  for (let i = 30; i < 60; i++) expectOk(invoke(reg, 'deltaker:create', aDeltaker({ navn: `Annen deltaker ${i}` })));
  return deltaker.id;
}

describe.each([
  ['a local register', undefined],
  ['a single-user register (network share)', networkShare],
])('the canary in %s', (_label, probe) => {
  it('is gone from the file, its journal and the change log after deleting the person for good', async () => {
    const t = tempSession(probe ? { probe } : {});
    const outcome = await t.session.open(t.registerPath, { create: true });
    if (outcome.status !== 'open') throw new Error('expected open');
    const reg = outcome.register;
    expect(t.session.status().singleUser).toBe(probe !== undefined);
    const id = writeCanary(reg);
    expect(filesHolding(registerFiles(t.registerPath), SURNAME).length).toBeGreaterThan(0);

    expectOk(invoke(reg, 'privacy:deletePerson', { id }));
    // Looked at while the register is still open (single-user mode keeps its journal file) …
    expect(filesHolding(registerFiles(t.registerPath), SURNAME)).toEqual([]);
    expect(logRowsHolding(reg, SURNAME)).toBe(0);
    // … and after it is closed.
    t.session.close();
    expect(filesHolding(registerFiles(t.registerPath), SURNAME)).toEqual([]);
  });

  it('is gone from the file, its journal and the change log after anonymising', async () => {
    const t = tempSession(probe ? { probe } : {});
    const outcome = await t.session.open(t.registerPath, { create: true });
    if (outcome.status !== 'open') throw new Error('expected open');
    const reg = outcome.register;
    writeCanary(reg, { ended: true });
    const { count } = expectOk(invoke(reg, 'privacy:anonymisePreview', { years: 10 }));
    expect(count).toBe(1);
    expectOk(invoke(reg, 'privacy:anonymise', { years: 10, expectedCount: 1 }));
    expect(filesHolding(registerFiles(t.registerPath), SURNAME)).toEqual([]);
    expect(logRowsHolding(reg, SURNAME)).toBe(0);
    t.session.close();
    expect(filesHolding(registerFiles(t.registerPath), SURNAME)).toEqual([]);
  });
});

describe('the canary check itself', () => {
  it('finds a name that a plain DELETE leaves in the file’s free space (so the tests above can fail)', () => {
    const file = path.join(tempDir(), 'plain.sqlite');
    const db = new Database(file);
    db.pragma('secure_delete = OFF');
    db.exec('CREATE TABLE t (navn TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 50; i++) insert.run(`Annen ${i}`);
    insert.run(CANARY);
    db.prepare('DELETE FROM t WHERE navn = ?').run(CANARY);
    db.close();
    expect(filesHolding([file], SURNAME)).toEqual([file]);
  });
});
