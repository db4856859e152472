/**
 * Undo and redo of the grids' saved changes. Every user action that writes rows (one edit, a
 * paste, a fill, added or deleted rows) is recorded as one step: each row it touched, before and
 * after. Undoing a step is itself one transaction that writes the rows back, every field in the
 * endringslogg like any change; redo writes the after-state again.
 *
 * A step is undone only while its rows still hold what the step left: a row changed since by
 * something that is not on the stack (another screen, a privacy tool) refuses the undo with a
 * message, so an undo never overwrites newer data. Held in memory per open register (a restart
 * starts with an empty history; issue 5 does not ask for more), per grid, at most 100 steps.
 */
import type { EditableListKey } from '../../shared/codes';
import type { GridTable } from '../../shared/contract/grid';
import { listenToChanges, logChanges } from './changelog';
import { storedSpellings } from './codes';
import type { Register } from './connection';
import { deltakerRows } from './deltakere';
import { DomainError } from './errors';
import { kullRows } from './kull';
import type { RowStore } from './row-store';
import { prepared } from './statements';

type Fields = Record<string, unknown>;

export type RowChange = { id: number; before: Fields | null; after: Fields | null };
export type ListValueAdded = { list: EditableListKey; verdi: string };

export type UndoStep = {
  id: number;
  table: GridTable;
  label: string;
  changes: RowChange[];
  /** Values the step added to the editable lists: gone again on undo when nothing uses them. */
  listValues: ListValueAdded[];
};

type Stacks = { undo: UndoStep[]; redo: UndoStep[] };

const MAX_STEPS = 100;
const histories = new WeakMap<Register, { next: number; stacks: Record<GridTable, Stacks> }>();

function historyOf(reg: Register) {
  let history = histories.get(reg);
  if (!history) {
    history = { next: 1, stacks: { deltaker: { undo: [], redo: [] }, kull: { undo: [], redo: [] } } };
    histories.set(reg, history);
  }
  return history;
}

function storeOf(table: GridTable): RowStore<Fields> {
  return (table === 'deltaker' ? deltakerRows : kullRows) as unknown as RowStore<Fields>;
}

/**
 * Records a finished action as one step (after its transaction committed) and forgets what could
 * be redone. Rows whose before and after are equal are left out; returns the step's id, or null
 * when nothing changed.
 */
function recordStep(
  reg: Register,
  table: GridTable,
  label: string,
  changes: readonly RowChange[],
  listValues: readonly ListValueAdded[] = [],
): number | null {
  const real = changes.filter((c) => !sameRow(c.before, c.after));
  if (real.length === 0) return null;
  const history = historyOf(reg);
  const step: UndoStep = { id: history.next++, table, label, changes: real, listValues: [...listValues] };
  const stacks = history.stacks[table];
  stacks.undo.push(step);
  if (stacks.undo.length > MAX_STEPS) stacks.undo.shift();
  stacks.redo = [];
  return step.id;
}

/**
 * Runs one user action and records what it changed in the grid's table as one undo step: each row
 * as it was before the action's first change to it (every write of a grid's table logs the whole
 * row: store/kull.ts, store/deltakere.ts) and as it is after, and the list values it added. Nothing
 * is recorded when the action throws (its transaction rolled back). The wrapper of the handlers,
 * electron/api/undoable.ts, is the only caller: no handler records steps by hand.
 */
export function recordingStep<T>(
  reg: Register,
  table: GridTable,
  action: () => T,
  label: (value: T) => string,
): { value: T; step: number | null } {
  const before = new Map<number, Fields | null>();
  const listValues: ListValueAdded[] = [];
  const outer = listenToChanges(reg, (changed, rowId, was, now) => {
    outer?.(changed, rowId, was, now);
    if (changed === table && !before.has(rowId)) before.set(rowId, was === null ? null : { ...was });
    if (changed === 'kodeverdi' && was === null && now !== null) {
      const value = { list: now.liste as EditableListKey, verdi: String(now.verdi) };
      if (!listValues.some((v) => v.list === value.list && v.verdi === value.verdi)) listValues.push(value);
    }
  });
  let value: T;
  try {
    value = action();
  } finally {
    listenToChanges(reg, outer);
  }
  const store = storeOf(table);
  const changes = [...before].map(([id, was]) => ({ id, before: was, after: store.read(reg, id) as Fields | null }));
  return { value, step: recordStep(reg, table, label(value), changes, listValues) };
}

/** The labels of what undo and redo would do now. */
export function undoLabels(reg: Register, table: GridTable): { undo: string | null; redo: string | null } {
  const stacks = historyOf(reg).stacks[table];
  return { undo: stacks.undo.at(-1)?.label ?? null, redo: stacks.redo.at(-1)?.label ?? null };
}

/** Forgets every step of the register (e.g. after rows were anonymised: nothing may bring old data back). */
export function forgetUndoHistory(reg: Register): void {
  histories.delete(reg);
}

export type Replayed = { step: UndoStep; upserted: number[]; removed: number[] };

/** Undoes the newest step of the grid in one transaction; null when there is nothing to undo. */
export function undo(reg: Register, table: GridTable): Replayed | null {
  return replay(reg, table, 'undo');
}

/** Redoes the step undone last, in one transaction; null when there is nothing to redo. */
export function redo(reg: Register, table: GridTable): Replayed | null {
  return replay(reg, table, 'redo');
}

function replay(reg: Register, table: GridTable, direction: 'undo' | 'redo'): Replayed | null {
  const stacks = historyOf(reg).stacks[table];
  const from = direction === 'undo' ? stacks.undo : stacks.redo;
  const to = direction === 'undo' ? stacks.redo : stacks.undo;
  const step = from.at(-1);
  if (!step) return null;
  const store = storeOf(table);
  const ordered = direction === 'undo' ? [...step.changes].reverse() : step.changes;
  let outcome: Replayed;
  try {
    outcome = reg.db.transaction(() => {
      const upserted: number[] = [];
      const removed: number[] = [];
      for (const change of ordered) {
        const expected = direction === 'undo' ? change.after : change.before;
        const target = direction === 'undo' ? change.before : change.after;
        const current = store.read(reg, change.id) as Fields | null;
        if (!holds(current, expected, change)) throw conflict(step, direction, store, current, change.id);
        if (target === null) {
          store.remove(reg, change.id);
          removed.push(change.id);
        } else if (current === null) {
          store.insert(reg, change.id, target);
          upserted.push(change.id);
        } else {
          store.update(reg, change.id, changedFields(change, target));
          upserted.push(change.id);
        }
      }
      if (direction === 'undo') dropUnusedListValues(reg, step.listValues);
      else restoreListValues(reg, step.listValues);
      return { step, upserted, removed };
    })();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'conflict') {
      // The step can never be replayed now: forget it, so the next Ctrl+Z goes on to the one before.
      from.pop();
    }
    throw error;
  }
  from.pop();
  to.push(step);
  return outcome;
}

/** The row still holds what the step left: the whole row for an added/deleted row, the step's fields for an edit. */
function holds(current: Fields | null, expected: Fields | null, change: RowChange): boolean {
  if (expected === null || current === null) return current === expected;
  if (change.before === null || change.after === null) return sameRow(current, expected);
  return Object.keys(changedFields(change, expected)).every((key) => same(current[key], expected[key]));
}

/** The fields an edit changed, with their values in `target`. */
function changedFields(change: RowChange, target: Fields): Fields {
  const out: Fields = {};
  const before = change.before ?? {};
  const after = change.after ?? {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!same(before[key], after[key])) out[key] = target[key];
  }
  return out;
}

/** Names the row only as the register holds it now: a row that is gone is named by number, never from memory. */
function conflict(step: UndoStep, direction: 'undo' | 'redo', store: RowStore<Fields>, row: Fields | null, id: number) {
  const who = row ? `«${store.name(row)}»` : `rad nr. ${id}`;
  const verb = direction === 'undo' ? 'angre' : 'gjøre om';
  return new DomainError(
    'conflict',
    `Kan ikke ${verb} «${step.label}»: ${who} er endret på annen måte etterpå. Ingenting ble endret. Rett verdiene for hånd om nødvendig.`,
  );
}

function sameRow(a: Fields | null, b: Fields | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!same(a[key], b[key])) return false;
  return true;
}

function same(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

/** List values a step added go again when undone, unless a deltaker uses them now. */
function dropUnusedListValues(reg: Register, values: readonly ListValueAdded[]): void {
  for (const { list, verdi } of values) {
    if (storedSpellings(reg, list, verdi).length > 0) continue;
    const row = prepared(reg.db, 'SELECT rowid AS id FROM kodeverdi WHERE liste = ? AND verdi = ?').get(list, verdi) as
      | { id: number }
      | undefined;
    if (!row) continue;
    prepared(reg.db, 'DELETE FROM kodeverdi WHERE rowid = ?').run(row.id);
    logChanges(reg, 'kodeverdi', row.id, { liste: list, verdi }, null);
  }
}

function restoreListValues(reg: Register, values: readonly ListValueAdded[]): void {
  for (const { list, verdi } of values) {
    if (prepared(reg.db, 'SELECT 1 FROM kodeverdi WHERE liste = ? AND verdi = ?').get(list, verdi)) continue;
    const next = (
      prepared(reg.db, 'SELECT coalesce(max(rekkefolge), -1) + 1 AS n FROM kodeverdi WHERE liste = ?').get(list) as {
        n: number;
      }
    ).n;
    const { lastInsertRowid } = prepared(
      reg.db,
      'INSERT INTO kodeverdi (liste, verdi, rekkefolge) VALUES (?, ?, ?)',
    ).run(list, verdi, next);
    logChanges(reg, 'kodeverdi', Number(lastInsertRowid), null, { liste: list, verdi });
  }
}
