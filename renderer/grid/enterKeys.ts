/**
 * Enter and ↓ as in Excel: Enter after a run of Tabs goes to the next row's cell in the column the
 * run started from (not straight down); Enter or ↓ on the last row adds a row. Kept apart from the
 * listeners (sheetInput.ts) so the rule is tested on its own (tests/unit/renderer/grid).
 */
import type { CellPos } from './selection';

/** Where the Tabs of one row started: Enter goes back to this column, one row down. */
export class TabRun {
  private start: CellPos | null = null;

  /** A Tab (or Shift+Tab) is leaving `from`: a run on another row starts again here. */
  tab(from: CellPos): void {
    if (this.start === null || this.start.rowIndex !== from.rowIndex) this.start = { ...from };
  }

  /** Any other move (an arrow, a click, Enter): the run is over. */
  reset(): void {
    this.start = null;
  }

  /** The column Enter on `row` goes back to, when a Tab run on that row started elsewhere. */
  startColumn(row: number): string | null {
    return this.start !== null && this.start.rowIndex === row ? this.start.colId : null;
  }
}

/**
 * Where Enter in the editor of `from` goes: the next row (in the Tab run's first column, else the
 * same column), or 'add' when `from` is on the last row and a row can be added.
 */
export function afterEnter(run: TabRun, from: CellPos, lastRow: number, canAdd: boolean): CellPos | 'add' | null {
  if (from.rowIndex >= lastRow) return canAdd ? 'add' : null;
  return { rowIndex: from.rowIndex + 1, colId: run.startColumn(from.rowIndex) ?? from.colId };
}
