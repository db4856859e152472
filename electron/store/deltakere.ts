/**
 * The deltaker table: one row per participation. Row ↔ domain mapping lives here and nowhere else.
 */

import type { KullFilter } from '../../shared/api';
import { EDITABLE_LIST_KEYS, type EditableListKey } from '../../shared/codes';
import { DELTAKER_PAGE_COLUMNS, type DeltakerPage } from '../../shared/contract/deltaker';
import { type Deltaker, type DeltakerFields, emptyDeltakerFields } from '../../shared/schema/deltaker';
import { logChanges } from './changelog';
import { resolveListValue } from './codes';
import type { Register } from './connection';
import { DomainError } from './errors';
import type { RowStore } from './row-store';
import { prepared } from './statements';

export const DELTAKER_COLUMNS = Object.keys(emptyDeltakerFields()) as (keyof DeltakerFields)[];

type DeltakerDbRow = Omit<Deltaker, 'ansatt_hos_brukersted'> & { ansatt_hos_brukersted: number | null };

const SELECT = `SELECT id, ${DELTAKER_COLUMNS.join(', ')} FROM deltaker`;

export function fromDb(row: DeltakerDbRow): Deltaker {
  return { ...row, ansatt_hos_brukersted: row.ansatt_hos_brukersted === null ? null : row.ansatt_hos_brukersted === 1 };
}

function toDb(fields: DeltakerFields): Record<string, unknown> {
  return {
    ...fields,
    ansatt_hos_brukersted: fields.ansatt_hos_brukersted === null ? null : fields.ansatt_hos_brukersted ? 1 : 0,
  };
}

export function listDeltakere(reg: Register, filter: KullFilter): Deltaker[] {
  const rows =
    filter === 'alle'
      ? prepared(reg.db, `${SELECT} ORDER BY id`).all()
      : filter === 'uten'
        ? prepared(reg.db, `${SELECT} WHERE kull_id IS NULL ORDER BY id`).all()
        : prepared(reg.db, `${SELECT} WHERE kull_id = ? ORDER BY id`).all(filter);
  return (rows as DeltakerDbRow[]).map(fromDb);
}

const PAGE_SELECT = `SELECT ${DELTAKER_PAGE_COLUMNS.join(', ')} FROM deltaker`;
const PAGE_FILTER = { alle: '1', uten: 'kull_id IS NULL', kull: 'kull_id = @kull' } as const;
const ANSATT_INDEX = DELTAKER_PAGE_COLUMNS.indexOf('ansatt_hos_brukersted');

/**
 * One page of deltakere in id order, each row an array of values in DELTAKER_PAGE_COLUMNS order.
 * Read in better-sqlite3's raw mode: no object per row on this side either.
 */
export function listDeltakerPage(reg: Register, filter: KullFilter, after: number, limit: number): DeltakerPage {
  const where = PAGE_FILTER[filter === 'alle' || filter === 'uten' ? filter : 'kull'];
  const kull = typeof filter === 'number' ? { kull: filter } : {};
  // Its own SQL text, so the cached statement is only ever used in raw mode.
  const page = prepared(reg.db, `${PAGE_SELECT} WHERE ${where} AND id > @after ORDER BY id LIMIT @limit`).raw(true);
  const rows = page.all({ ...kull, after, limit: limit + 1 }) as (string | number | boolean | null)[][];
  const more = rows.length > limit;
  if (more) rows.pop();
  for (const row of rows) {
    const ansatt = row[ANSATT_INDEX];
    if (ansatt !== null && ansatt !== undefined) row[ANSATT_INDEX] = ansatt === 1;
  }
  const total = (prepared(reg.db, `SELECT count(*) AS n FROM deltaker WHERE ${where}`).get(kull) as { n: number }).n;
  return {
    columns: [...DELTAKER_PAGE_COLUMNS],
    rows,
    total,
    next: more ? (rows[rows.length - 1]?.[0] as number) : null,
  };
}

export function getDeltaker(reg: Register, id: number): Deltaker {
  const row = prepared(reg.db, `${SELECT} WHERE id = ?`).get(id) as DeltakerDbRow | undefined;
  if (!row) throw new DomainError('not_found', 'Deltakeren finnes ikke lenger. Last listen på nytt.');
  return fromDb(row);
}

export type AddedListValue = { list: EditableListKey; verdi: string };

/**
 * New values of the editable lists become list entries (domain.md: the lists are open); a known
 * value typed in another letter case takes the list's spelling. Returns the fields to store.
 */
function registerListValues<T extends Partial<DeltakerFields>>(
  reg: Register,
  fields: T,
): { fields: T; added: AddedListValue[] } {
  const added: AddedListValue[] = [];
  const resolved = { ...fields };
  for (const list of EDITABLE_LIST_KEYS) {
    const value = fields[list];
    if (typeof value !== 'string') continue;
    if (value.trim() === '') {
      resolved[list] = null as T[typeof list];
      continue;
    }
    const entry = resolveListValue(reg, list, value);
    resolved[list] = entry.verdi as T[typeof list];
    if (entry.added) added.push({ list, verdi: entry.verdi });
  }
  return { fields: resolved, added };
}

function assertKullExists(reg: Register, kullId: number | null | undefined): void {
  if (kullId === null || kullId === undefined) return;
  if (!prepared(reg.db, 'SELECT 1 FROM kull WHERE id = ?').get(kullId)) {
    throw new DomainError('not_found', 'Kullet finnes ikke. Velg et kull fra listen.', 'kull_id');
  }
}

const INSERT = `INSERT INTO deltaker (${DELTAKER_COLUMNS.join(', ')}) VALUES (${DELTAKER_COLUMNS.map((c) => `@${c}`).join(', ')})`;
const UPDATE = `UPDATE deltaker SET ${DELTAKER_COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`;

/** Inserts one deltaker; call inside a transaction. */
export function insertDeltaker(reg: Register, input: Partial<DeltakerFields>): { id: number; added: AddedListValue[] } {
  assertKullExists(reg, input.kull_id);
  const filled: DeltakerFields = { ...emptyDeltakerFields(), ...input, navn: (input.navn ?? '').trim() };
  const { fields, added } = registerListValues(reg, filled);
  const { lastInsertRowid } = prepared(reg.db, INSERT).run(toDb(fields));
  const id = Number(lastInsertRowid);
  logChanges(reg, 'deltaker', id, null, fields);
  return { id, added };
}

/** Applies changes to one deltaker; call inside a transaction. */
export function patchDeltaker(reg: Register, id: number, changes: Partial<DeltakerFields>): AddedListValue[] {
  const before = getDeltaker(reg, id);
  const { id: _id, ...beforeFields } = before;
  if (changes.kull_id !== undefined) assertKullExists(reg, changes.kull_id);
  const { fields: resolved, added } = registerListValues(reg, changes);
  const next: DeltakerFields = { ...beforeFields, ...resolved };
  if (changes.navn !== undefined) next.navn = changes.navn.trim();
  prepared(reg.db, UPDATE).run({ ...toDb(next), id });
  logChanges(reg, 'deltaker', id, beforeFields, next);
  return added;
}

export function createDeltaker(reg: Register, input: Partial<DeltakerFields>) {
  const { id, added } = reg.db.transaction(() => insertDeltaker(reg, input))();
  return { deltaker: getDeltaker(reg, id), addedListValues: added };
}

export function updateDeltaker(reg: Register, id: number, changes: Partial<DeltakerFields>) {
  const added = reg.db.transaction(() => patchDeltaker(reg, id, changes))();
  return { deltaker: getDeltaker(reg, id), addedListValues: added };
}

export function deleteDeltakere(reg: Register, ids: readonly number[]): number {
  return reg.db.transaction(() => {
    let deleted = 0;
    for (const id of ids) {
      const { id: _id, ...before } = getDeltaker(reg, id);
      prepared(reg.db, 'DELETE FROM deltaker WHERE id = ?').run(id);
      logChanges(reg, 'deltaker', id, before, null);
      deleted += 1;
    }
    return deleted;
  })();
}

/** A deltaker's stored fields, or null when the row is gone. */
export function readDeltakerFields(reg: Register, id: number): DeltakerFields | null {
  const row = prepared(reg.db, `${SELECT} WHERE id = ?`).get(id) as DeltakerDbRow | undefined;
  if (!row) return null;
  const { id: _id, ...fields } = fromDb(row);
  return fields;
}

/**
 * Exact writes for undo and redo: a row put back as it was, under its own id, every change in the
 * endringslogg. No list resolving: the values were stored once already.
 */
export const deltakerRows: RowStore<DeltakerFields> = {
  read: readDeltakerFields,
  insert: (reg, id, fields) => {
    prepared(
      reg.db,
      `INSERT INTO deltaker (id, ${DELTAKER_COLUMNS.join(', ')}) VALUES (@id, ${DELTAKER_COLUMNS.map((c) => `@${c}`).join(', ')})`,
    ).run({ ...toDb(fields), id });
    logChanges(reg, 'deltaker', id, null, fields);
  },
  update: (reg, id, changes) => {
    const before = readDeltakerFields(reg, id);
    if (!before) throw new DomainError('not_found', 'Deltakeren finnes ikke lenger.');
    const next = { ...before, ...changes };
    prepared(reg.db, UPDATE).run({ ...toDb(next), id });
    logChanges(reg, 'deltaker', id, before, next);
  },
  remove: (reg, id) => {
    const before = readDeltakerFields(reg, id);
    prepared(reg.db, 'DELETE FROM deltaker WHERE id = ?').run(id);
    logChanges(reg, 'deltaker', id, before, null);
  },
  name: (fields) => fields.navn || 'en deltaker uten navn',
};
