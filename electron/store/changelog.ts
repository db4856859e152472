/**
 * The endringslogg: one line per changed field, written inside the same transaction as the change.
 */
import type { Register } from './connection';
import { prepared } from './statements';

type Row = Record<string, unknown>;

export type LogTable = 'kull' | 'deltaker' | 'kodeverdi' | 'innstilling';

/** Told of every logged row change, inside its transaction (store/undo.ts records undo steps from it). */
export type ChangeListener = (table: LogTable, rowId: number, before: Row | null, after: Row | null) => void;

const listeners = new WeakMap<Register, ChangeListener>();

/** Listens to the register's changes until called with null; returns the listener it replaced. */
export function listenToChanges(reg: Register, listener: ChangeListener | null): ChangeListener | null {
  const previous = listeners.get(reg) ?? null;
  if (listener) listeners.set(reg, listener);
  else listeners.delete(reg);
  return previous;
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'ja' : 'nei';
  return String(value);
}

/** Logs every field whose value differs between `before` and `after` (null for a created or deleted row). */
export function logChanges(reg: Register, table: LogTable, rowId: number, before: Row | null, after: Row | null): void {
  listeners.get(reg)?.(table, rowId, before, after);
  const insert = prepared(
    reg.db,
    'INSERT INTO endringslogg (tid, bruker, tabell, rad_id, felt, gammel, ny) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const time = new Date().toISOString();
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  keys.delete('id');
  for (const key of keys) {
    const old = asText(before?.[key]);
    const now = asText(after?.[key]);
    if (old === now) continue;
    insert.run(time, reg.user, table, rowId, key, old, now);
  }
}

export type LogEntry = {
  tid: string;
  bruker: string;
  tabell: string;
  rad_id: number;
  felt: string;
  gammel: string | null;
  ny: string | null;
};

export function historyOf(reg: Register, table: LogTable, rowId: number): LogEntry[] {
  return prepared(
    reg.db,
    'SELECT tid, bruker, tabell, rad_id, felt, gammel, ny FROM endringslogg WHERE tabell = ? AND rad_id = ? ORDER BY id',
  ).all(table, rowId) as LogEntry[];
}
