import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Drafts } from '../../../../renderer/deltakere/drafts';
import { CellIssues } from '../../../../renderer/grid/cellIssues';
import type { CellSaver } from '../../../../renderer/grid/cellSaver';
import type { Deltaker } from '../../../../shared/schema/deltaker';
import { FakeGrid } from '../fakeGrid';

const COLUMNS = [{ colId: 'navn' }, { colId: 'fodselsar' }];

function setup(rows: { id: number; navn: string }[] = [{ id: 1, navn: 'Kari' }]) {
  const grid = new FakeGrid(rows, COLUMNS);
  let api = grid.api();
  const pending = new Set<string>();
  const saver = { hasPending: (rowId: string) => pending.has(rowId) } as unknown as CellSaver<Deltaker>;
  const issues = new CellIssues();
  const drafts = new Drafts(() => api as never, saver, issues);
  return { grid, drafts, issues, pending, replaceApi: (next: typeof api) => (api = next) };
}

describe('new rows (drafts)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // swap() asks where the focus is; there is no page here.
    (globalThis as { document?: unknown }).document = { activeElement: null, body: {} };
  });
  afterEach(() => {
    vi.useRealTimers();
    delete (globalThis as { document?: unknown }).document;
  });

  it('a new row gets a draft id, its Navn open; its stored id replaces it once quiet', () => {
    const { grid, drafts } = setup();
    drafts.add(null);
    const draft = grid.rows.at(-1)!;
    expect(draft.id).toBeLessThan(0);
    expect(grid.editing).toEqual([{ rowIndex: 1, colId: 'navn' }]);
    drafts.created(draft.id, 42);
    expect(drafts.storedId(draft.id)).toBe(42);
    expect(drafts.rowIdOf(42)).toBe(String(draft.id));
    // Not while an editor is open.
    drafts.settle();
    expect(grid.rows.map((r) => r.id)).toEqual([1, draft.id]);
    grid.editing = [];
    drafts.settle();
    expect(grid.rows.map((r) => r.id)).toEqual([1, 42]);
    expect(drafts.currentRowId(String(draft.id))).toBe('42');
  });

  it('a draft left without a name goes away; one with a refused name stays', () => {
    const { grid, drafts, issues } = setup();
    drafts.add(null);
    drafts.add(null);
    const [first, second] = grid.rows.slice(1).map((r) => r.id);
    issues.set({ rowId: String(second), colId: 'navn', text: '', message: 'Navn kan ikke være tomt.' });
    grid.editing = [];
    drafts.settle();
    expect(grid.rows.map((r) => r.id)).toEqual([1, second]);
    expect(first).toBeLessThan(0);
  });

  it('an empty row put under the cursor (Enter or ↓ on the last row) stays until the cursor leaves it', () => {
    const { grid, drafts } = setup();
    drafts.add(null, 'fodselsar');
    const draft = String(grid.rows.at(-1)!.id);
    expect(grid.editing).toEqual([]);
    expect(grid.focused).toEqual({ rowIndex: 1, colId: 'fodselsar' });
    expect(drafts.isKept(draft)).toBe(true);
    drafts.focused(draft);
    vi.advanceTimersByTime(400);
    expect(grid.rows).toHaveLength(2);
    drafts.focused('1');
    expect(drafts.isKept(draft)).toBe(false);
    vi.advanceTimersByTime(400);
    expect(grid.rows).toHaveLength(1);
  });

  it("a settle due after the grid is gone does nothing (issue 16: «reading 'some'»)", () => {
    const { grid, drafts } = setup();
    drafts.add(null);
    grid.editing = [];
    drafts.scheduleSettle();
    grid.destroyed = true;
    expect(() => vi.advanceTimersByTime(400)).not.toThrow();
    drafts.scheduleSettle();
    drafts.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});
