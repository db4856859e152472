import { describe, expect, it } from 'vitest';
import { GridSelection } from '../../../../renderer/grid/selection';
import { FakeGrid } from '../fakeGrid';

const COLUMNS = [{ colId: 'navn' }, { colId: 'kull_id' }, { colId: 'fodselsar' }, { colId: 'kjonn' }];
const ROWS = [1, 2, 3, 4].map((id) => ({ id, navn: `P${id}` }));

describe('the cell selection', () => {
  it('a block from the anchor to the head, in display order whichever way it was drawn', () => {
    const grid = new FakeGrid(ROWS, COLUMNS);
    const selection = new GridSelection(() => grid.api());
    selection.collapse({ rowIndex: 2, colId: 'fodselsar' });
    selection.extendTo({ rowIndex: 0, colId: 'kull_id' });
    const block = selection.block()!;
    expect([block.top, block.bottom]).toEqual([0, 2]);
    expect(block.columns.map((c) => c.getColId())).toEqual(['kull_id', 'fodselsar']);
    expect(selection.isBlock()).toBe(true);
  });

  it('marks the block’s cells and edges for the class rules; one cell is no block', () => {
    const grid = new FakeGrid(ROWS, COLUMNS);
    const selection = new GridSelection(() => grid.api());
    selection.collapse({ rowIndex: 1, colId: 'navn' });
    expect(selection.isBlock()).toBe(false);
    expect(selection.edges(1, 'navn')).toBe(0);
    selection.extendTo({ rowIndex: 2, colId: 'kull_id' });
    expect(selection.edges(1, 'navn')).toBe(1 | 2 | 8); // in, top, left
    expect(selection.edges(2, 'kull_id')).toBe(1 | 4 | 16); // in, bottom, right
    expect(selection.edges(3, 'navn')).toBe(0);
    expect(selection.edges(1, 'kjonn')).toBe(0);
    expect(grid.refreshed).toBeGreaterThan(0);
  });

  it('Ctrl+A selects every cell shown; a reset starts again at the focused cell', () => {
    const grid = new FakeGrid(ROWS, COLUMNS);
    const selection = new GridSelection(() => grid.api());
    selection.selectAll();
    const all = selection.block()!;
    expect([all.top, all.bottom, all.columns.length]).toEqual([0, 3, 4]);
    grid.focused = { rowIndex: 3, colId: 'kjonn' };
    selection.reset();
    expect(selection.getAnchor()).toEqual({ rowIndex: 3, colId: 'kjonn' });
    expect(selection.isBlock()).toBe(false);
  });
});
