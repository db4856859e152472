/**
 * Cells whose typed text was refused (by the store, or left invalid when the editor closed some
 * other way than Esc). The cell keeps showing what the user typed, with the reason, until they fix
 * it or press Esc. Kept outside React so it survives switching screens.
 */
import { useSyncExternalStore } from 'react';

export type CellIssue = { rowId: string; colId: string; text: string; message: string };

export class CellIssues {
  private issues = new Map<string, CellIssue>();
  private snapshot: readonly CellIssue[] = [];
  private listeners = new Set<() => void>();

  get(rowId: string, colId: string): CellIssue | undefined {
    return this.issues.get(key(rowId, colId));
  }

  set(issue: CellIssue): void {
    this.issues.set(key(issue.rowId, issue.colId), issue);
    this.changed();
  }

  clear(rowId: string, colId: string): boolean {
    const had = this.issues.delete(key(rowId, colId));
    if (had) this.changed();
    return had;
  }

  clearRow(rowId: string): void {
    let changed = false;
    for (const [k, issue] of this.issues) {
      if (issue.rowId === rowId) {
        this.issues.delete(k);
        changed = true;
      }
    }
    if (changed) this.changed();
  }

  /** The refused cells of one row. */
  ofRow(rowId: string): CellIssue[] {
    return this.snapshot.filter((issue) => issue.rowId === rowId);
  }

  all = (): readonly CellIssue[] => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    this.snapshot = [...this.issues.values()];
    for (const listener of this.listeners) listener();
  }
}

function key(rowId: string, colId: string): string {
  return `${rowId}\u0000${colId}`;
}

export function useCellIssues(store: CellIssues): readonly CellIssue[] {
  return useSyncExternalStore(store.subscribe, store.all);
}

/** «3 røde celler» / «1 rød celle». */
export function redCells(n: number): string {
  return n === 1 ? '1 rød celle' : `${n} røde celler`;
}

/** The status line after a typed text was refused: why, how many of the row's cells wait, what to do. */
export function refusedNotice(message: string, inRow: number): string {
  return `${message} Ikke lagret: raden har ${redCells(inRow)}. Rett ${inRow === 1 ? 'den' : 'dem'}, eller trykk Esc på cellen for å angre.`;
}
