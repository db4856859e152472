import { describe, expect, it } from 'vitest';
import { afterEnter, TabRun } from '../../../../renderer/grid/enterKeys';

describe('Enter after a Tab run (as Excel)', () => {
  it('goes to the next row in the column where the Tabs started', () => {
    const run = new TabRun();
    run.tab({ rowIndex: 2, colId: 'fodselsar' });
    run.tab({ rowIndex: 2, colId: 'kjonn' });
    expect(afterEnter(run, { rowIndex: 2, colId: 'landbakgrunn' }, 9, true)).toEqual({
      rowIndex: 3,
      colId: 'fodselsar',
    });
  });

  it('goes straight down without a run, or when the run was on another row', () => {
    const run = new TabRun();
    expect(afterEnter(run, { rowIndex: 0, colId: 'navn' }, 9, true)).toEqual({ rowIndex: 1, colId: 'navn' });
    run.tab({ rowIndex: 4, colId: 'navn' });
    expect(afterEnter(run, { rowIndex: 5, colId: 'kjonn' }, 9, true)).toEqual({ rowIndex: 6, colId: 'kjonn' });
  });

  it('a run starts again on a new row, and ends with reset', () => {
    const run = new TabRun();
    run.tab({ rowIndex: 1, colId: 'navn' });
    run.tab({ rowIndex: 2, colId: 'kjonn' });
    expect(run.startColumn(2)).toBe('kjonn');
    expect(run.startColumn(1)).toBeNull();
    run.reset();
    expect(run.startColumn(2)).toBeNull();
  });

  it('on the last row: a new row where one can be added, else nowhere', () => {
    const run = new TabRun();
    expect(afterEnter(run, { rowIndex: 9, colId: 'navn' }, 9, true)).toBe('add');
    expect(afterEnter(run, { rowIndex: 9, colId: 'navn' }, 9, false)).toBeNull();
  });
});
