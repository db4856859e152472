/**
 * Deltakere looked up by id, and which changed since a mark of the endringslogg (every change made
 * through the API is logged there, in the same transaction: store/changelog.ts).
 */
import { randomUUID } from 'node:crypto';
import { DELTAKER_PAGE_COLUMNS, type DeltakerPage } from '../../shared/contract/deltaker';
import { LOOKUP_MAX_IDS } from '../../shared/contract/lookup';
import type { Register } from './open';
import { prepared } from './statements';

/** One id per opened register: a mark means nothing in another connection (a restore, a take-over). */
const openedAs = new WeakMap<Register, string>();

function registerId(reg: Register): string {
  let key = openedAs.get(reg);
  if (!key) {
    key = randomUUID();
    openedAs.set(reg, key);
  }
  return key;
}

/** The ids as a JSON array parameter: one statement whatever their number. */
const IN_IDS = 'id IN (SELECT value FROM json_each(@ids))';

export function deltakerNames(reg: Register, ids: readonly number[]): { id: number; navn: string }[] {
  if (ids.length === 0) return [];
  return prepared(reg.db, `SELECT id, navn FROM deltaker WHERE ${IN_IDS} ORDER BY id`).all({
    ids: JSON.stringify(ids),
  }) as { id: number; navn: string }[];
}

const ANSATT_INDEX = DELTAKER_PAGE_COLUMNS.indexOf('ansatt_hos_brukersted');

export function deltakerRows(reg: Register, ids: readonly number[]): DeltakerPage {
  const rows =
    ids.length === 0
      ? []
      : (prepared(reg.db, `SELECT ${DELTAKER_PAGE_COLUMNS.join(', ')} FROM deltaker WHERE ${IN_IDS} ORDER BY id`)
          .raw(true)
          .all({ ids: JSON.stringify(ids) }) as (string | number | boolean | null)[][]);
  for (const row of rows) {
    const ansatt = row[ANSATT_INDEX];
    if (ansatt !== null && ansatt !== undefined) row[ANSATT_INDEX] = ansatt === 1;
  }
  return { columns: [...DELTAKER_PAGE_COLUMNS], rows, total: rows.length, next: null };
}

export function deltakerChanges(
  reg: Register,
  since: number | null,
): { register: string; mark: number; total: number; ids: number[] | null } {
  const mark = (prepared(reg.db, 'SELECT coalesce(max(id), 0) AS m FROM endringslogg').get() as { m: number }).m;
  const total = (prepared(reg.db, 'SELECT count(*) AS n FROM deltaker').get() as { n: number }).n;
  let ids: number[] | null = null;
  if (since !== null && since <= mark) {
    const changed = prepared(
      reg.db,
      "SELECT DISTINCT rad_id FROM endringslogg WHERE tabell = 'deltaker' AND id > ? ORDER BY rad_id LIMIT ?",
    )
      .pluck()
      .all(since, LOOKUP_MAX_IDS + 1) as number[];
    ids = changed.length > LOOKUP_MAX_IDS ? null : changed;
  }
  return { register: registerId(reg), mark, total, ids };
}
