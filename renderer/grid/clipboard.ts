/**
 * What a copy puts on the clipboard and where a paste, a fill or a clear lands, worked out from
 * the grid as the user sees it. Only the field columns take part (not Status, ⚠ or the row
 * checkboxes): a block copied here and pasted back lands exactly where it came from, and a block
 * from Excel fills the columns shown, left to right, from the focused one.
 */
import type { Column, GridApi, IRowNode } from 'ag-grid-community';
import { type FieldDef, matchHeader } from '../../shared/fields';
import { type CellBlock, toTsv } from '../../shared/tsv';
import type { Block, CellPos } from './selection';

export type DataColumn = { column: Column; def: FieldDef<string> };

/** A request row for grid:setCells, and the grid row it is meant for (null: a row to add). */
export type TargetRow = { id: number | null; rowId: string | null; cells: Record<string, string> };

export type SheetGeometry<R> = {
  api: GridApi<R>;
  fields: ReadonlyMap<string, FieldDef<string>>;
  /** The stored id of a grid row; undefined for a new row not stored yet. */
  storedId: (node: IRowNode<R>) => number | undefined;
};

/** The field columns shown, in display order. */
export function dataColumns<R>(geo: SheetGeometry<R>, columns = geo.api.getAllDisplayedColumns()): DataColumn[] {
  const out: DataColumn[] = [];
  for (const column of columns) {
    const def = geo.fields.get(column.getColId());
    if (def && column.getColDef().editable !== false) out.push({ column, def });
  }
  return out;
}

/** The cell as shown: the stored value formatted, or the refused text the cell keeps. */
function shownText<R>(api: GridApi<R>, node: IRowNode<R>, column: Column): string {
  return String(api.getCellValue({ rowNode: node, colKey: column, useFormatter: true }) ?? '');
}

/**
 * The text Ctrl+C copies: the selected block's field columns; else the rows ticked in the
 * checkbox column, with every field column shown; else the focused cell.
 */
export function copyText<R>(geo: SheetGeometry<R>, block: Block | null, isBlock: boolean): string | null {
  const { api } = geo;
  if (block && isBlock) {
    const columns = dataColumns(geo, block.columns);
    if (columns.length === 0) return null;
    const rows: string[][] = [];
    for (let r = block.top; r <= block.bottom; r++) {
      const node = api.getDisplayedRowAtIndex(r);
      if (node) rows.push(columns.map((c) => shownText(api, node, c.column)));
    }
    return toTsv(rows);
  }
  const ticked = api.getSelectedNodes?.() ?? [];
  if (ticked.length > 0) {
    const columns = dataColumns(geo);
    const nodes = ticked.filter((n) => n.displayed).sort((a, b) => (a.rowIndex ?? 0) - (b.rowIndex ?? 0));
    return toTsv(nodes.map((node) => columns.map((c) => shownText(api, node, c.column))));
  }
  const focused = api.getFocusedCell();
  const node = focused ? api.getDisplayedRowAtIndex(focused.rowIndex) : undefined;
  if (!focused || !node) return null;
  return toTsv([[shownText(api, node, focused.column)]]);
}

export type PastePlan = { rows: TargetRow[]; columnsLeftOut: number; columns: DataColumn[] };

/**
 * Where a pasted block goes: from the anchor cell rightwards over the field columns shown and
 * downwards over the rows shown, adding rows past the last. One copied cell pasted over a selected
 * block fills every cell of it, as in Excel.
 */
export function planPaste<R>(geo: SheetGeometry<R>, cells: CellBlock, start: CellPos, block: Block | null): PastePlan {
  const { api } = geo;
  const all = dataColumns(geo);
  const displayed = api.getAllDisplayedColumns();
  const startAt = displayed.findIndex((c) => c.getColId() === start.colId);
  // Pasting on Status or ⚠ starts in the next field column to the right.
  const first = all.findIndex((c) => displayed.indexOf(c.column) >= startAt);
  if (first < 0) return { rows: [], columnsLeftOut: 0, columns: [] };

  const single = cells.length === 1 && cells[0]!.length === 1;
  if (single && block && (block.top !== block.bottom || block.columns.length > 1)) {
    const columns = dataColumns(geo, block.columns);
    const text = cells[0]![0]!;
    const rows: TargetRow[] = [];
    for (let r = block.top; r <= block.bottom; r++) {
      const node = api.getDisplayedRowAtIndex(r);
      if (node) rows.push(targetOf(geo, node, Object.fromEntries(columns.map((c) => [c.def.key, text]))));
    }
    return { rows, columnsLeftOut: 0, columns };
  }

  const width = Math.max(...cells.map((row) => row.length));
  const columns = all.slice(first, first + width);
  const rows: TargetRow[] = [];
  const shown = api.getDisplayedRowCount();
  cells.forEach((line, i) => {
    const values: Record<string, string> = {};
    line.forEach((text, j) => {
      const column = columns[j];
      if (column) values[column.def.key] = text;
    });
    const index = start.rowIndex + i;
    const node = index < shown ? api.getDisplayedRowAtIndex(index) : undefined;
    rows.push(node ? targetOf(geo, node, values) : { id: null, rowId: null, cells: values });
  });
  return { rows, columnsLeftOut: Math.max(0, width - columns.length), columns };
}

/** The block's cells, row by row, for a fill or a clear: every field column of the block. */
export function blockTargets<R>(
  geo: SheetGeometry<R>,
  block: Block,
  rows: readonly number[],
  text: (column: DataColumn) => string,
): TargetRow[] {
  const columns = dataColumns(geo, block.columns);
  if (columns.length === 0) return [];
  const out: TargetRow[] = [];
  for (const r of rows) {
    const node = geo.api.getDisplayedRowAtIndex(r);
    if (!node) continue;
    const target = targetOf(geo, node, Object.fromEntries(columns.map((c) => [c.def.key, text(c)])));
    // A new row that has no name yet cannot be filled or cleared: it is not stored.
    if (target.id !== null) out.push(target);
  }
  return out;
}

function targetOf<R>(geo: SheetGeometry<R>, node: IRowNode<R>, cells: Record<string, string>): TargetRow {
  return { id: geo.storedId(node) ?? null, rowId: node.id ?? null, cells };
}

/**
 * A pasted block whose first line is a header row (Navn, Kull, Fødselsår … as a sheet starts):
 * the texts of that line that name a field, or null when it reads as data. At least half of the
 * line's filled cells must name a field, and two of them — or the only one, above other lines.
 */
export function headerRow(fields: readonly FieldDef<string>[], cells: CellBlock): string[] | null {
  const first = (cells[0] ?? []).map((c) => c.trim()).filter((c) => c !== '');
  if (first.length === 0) return null;
  const named = first.filter((c) => matchHeader(fields, c) !== undefined);
  const enough = named.length >= 2 || (named.length === 1 && first.length === 1 && cells.length > 1);
  return enough && named.length * 2 >= first.length ? named : null;
}
