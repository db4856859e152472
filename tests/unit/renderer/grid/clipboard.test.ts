import { describe, expect, it } from 'vitest';
import { copyText, headerRow, planPaste, type SheetGeometry } from '../../../../renderer/grid/clipboard';
import { DELTAKER_FIELDS } from '../../../../shared/fields';
import { parseTsv } from '../../../../shared/tsv';
import { FakeGrid } from '../fakeGrid';

const COLUMNS = [
  { colId: 'ag-Grid-SelectionColumn', editable: false },
  { colId: 'navn' },
  { colId: 'status', editable: false },
  { colId: 'kull_id' },
  { colId: 'fodselsar' },
  { colId: 'kjonn' },
];

// biome-ignore lint/suspicious/noExplicitAny: the fake grid's rows are plain records.
function geometry(grid: FakeGrid): SheetGeometry<any> {
  return {
    api: grid.api(),
    fields: new Map(DELTAKER_FIELDS.map((f) => [f.key, f])),
    storedId: (node) => {
      const id = (node as unknown as { data: { id: number } }).data.id;
      return id > 0 ? id : undefined;
    },
  };
}

const rows = () => [
  { id: 1, navn: 'Kari', fodselsar: '1980', kjonn: 'Kvinne' },
  { id: 2, navn: 'Ola', fodselsar: '1975', kjonn: 'Mann' },
];

describe('where a paste lands', () => {
  it('fills the field columns shown from the focused one, skipping Status, and adds rows past the last', () => {
    const grid = new FakeGrid(rows(), COLUMNS);
    const plan = planPaste(
      geometry(grid),
      parseTsv('Per\t\t1990\r\nLiv\t\t1991\r\nNy\t\t1992\r\n'),
      { rowIndex: 1, colId: 'navn' },
      null,
    );
    expect(plan.columns.map((c) => c.def.key)).toEqual(['navn', 'kull_id', 'fodselsar']);
    expect(plan.rows).toEqual([
      { id: 2, rowId: '2', cells: { navn: 'Per', kull_id: '', fodselsar: '1990' } },
      { id: null, rowId: null, cells: { navn: 'Liv', kull_id: '', fodselsar: '1991' } },
      { id: null, rowId: null, cells: { navn: 'Ny', kull_id: '', fodselsar: '1992' } },
    ]);
  });

  it('starting on Status goes to the next field column, and says what did not fit', () => {
    const grid = new FakeGrid(rows(), COLUMNS);
    const plan = planPaste(geometry(grid), parseTsv('a\tb\tc\td\te'), { rowIndex: 0, colId: 'status' }, null);
    expect(plan.columns.map((c) => c.def.key)).toEqual(['kull_id', 'fodselsar', 'kjonn']);
    expect(plan.columnsLeftOut).toBe(2);
  });

  it('one cell over a selected block fills every cell of it', () => {
    const grid = new FakeGrid(rows(), COLUMNS);
    const api = grid.api();
    const columns = api.getAllDisplayedColumns().slice(4, 6);
    const plan = planPaste(
      geometry(grid),
      parseTsv('X'),
      { rowIndex: 0, colId: 'fodselsar' },
      { top: 0, bottom: 1, columns },
    );
    expect(plan.rows.map((r) => r.cells)).toEqual([
      { fodselsar: 'X', kjonn: 'X' },
      { fodselsar: 'X', kjonn: 'X' },
    ]);
  });
});

describe('what a copy puts on the clipboard', () => {
  it('the block as the cells show it, tab-separated with CRLF', () => {
    const grid = new FakeGrid(rows(), COLUMNS);
    const api = grid.api();
    const block = { top: 0, bottom: 1, columns: api.getAllDisplayedColumns().slice(1) };
    expect(copyText(geometry(grid), block, true)).toBe('Kari\t\t1980\tKvinne\r\nOla\t\t1975\tMann\r\n');
  });

  it('the focused cell when nothing is selected', () => {
    const grid = new FakeGrid(rows(), COLUMNS);
    grid.focused = { rowIndex: 1, colId: 'navn' };
    expect(copyText(geometry(grid), null, false)).toBe('Ola\r\n');
  });
});

describe('a header row at the top of a pasted block', () => {
  it('is recognised by labels and synonyms', () => {
    expect(headerRow(DELTAKER_FIELDS, parseTsv('Navn\tKull\tFødselsår\r\nKari\t\t1980'))).toEqual([
      'Navn',
      'Kull',
      'Fødselsår',
    ]);
    expect(headerRow(DELTAKER_FIELDS, parseTsv('Fullt navn\tKjønn\r\nKari\tKvinne'))).toEqual(['Fullt navn', 'Kjønn']);
    expect(headerRow(DELTAKER_FIELDS, parseTsv('Navn\r\nKari\r\nOla'))).toEqual(['Navn']);
  });

  it('is not seen in data: names, a lone word, or a line with few field names', () => {
    expect(headerRow(DELTAKER_FIELDS, parseTsv('Kari Nordmann\t\t1980'))).toBeNull();
    expect(headerRow(DELTAKER_FIELDS, parseTsv('Navn'))).toBeNull();
    expect(headerRow(DELTAKER_FIELDS, parseTsv('Navn\tKari\tOla\tPer\tLiv\r\nx'))).toBeNull();
    expect(headerRow(DELTAKER_FIELDS, parseTsv(''))).toBeNull();
  });
});
