/**
 * The grids' cell selection, which AG Grid Community does not have (cell ranges are Enterprise):
 * the cell where it started (the anchor, normally the focused cell) and the cell it reaches (the
 * head), by Shift+arrow, Shift+click or dragging. The block between them is what Ctrl+C copies,
 * Ctrl+D fills and Delete clears. Cells show it through cellClassRules (selectionClassRules);
 * rows are counted in the grid's display order and columns in display order, so a block means
 * what the user sees after sorting, filtering and moving columns.
 */
import type { CellClassParams, ColDef, Column, GridApi } from 'ag-grid-community';

export type CellPos = { rowIndex: number; colId: string };

export type Block = { top: number; bottom: number; columns: Column[] };

export class GridSelection {
  private anchor: CellPos | null = null;
  private head: CellPos | null = null;
  /** Display position of each column, while a block is drawn (read per cell by the class rules). */
  private order = new Map<string, number>();
  private box: { top: number; bottom: number; left: number; right: number } | null = null;

  constructor(private readonly api: () => GridApi | undefined) {}

  /** The selection shrinks to one cell (a plain click, an arrow key, Tab). */
  collapse(pos: CellPos | null): void {
    const wasBlock = this.isBlock();
    this.anchor = pos;
    this.head = pos;
    this.update(wasBlock);
  }

  /** The block now reaches `pos` from the anchor (Shift+click, Shift+arrow, dragging). */
  extendTo(pos: CellPos): void {
    if (!this.anchor) this.anchor = pos;
    this.head = pos;
    this.update(true);
  }

  /** Every cell from the first to the last row, in every column shown (Ctrl+A). */
  selectAll(): void {
    const api = this.api();
    const columns = api?.getAllDisplayedColumns() ?? [];
    const count = api?.getDisplayedRowCount() ?? 0;
    if (!api || columns.length === 0 || count === 0) return;
    this.anchor = { rowIndex: 0, colId: columns[0]!.getColId() };
    this.head = { rowIndex: count - 1, colId: columns[columns.length - 1]!.getColId() };
    this.update(true);
  }

  getAnchor(): CellPos | null {
    return this.anchor;
  }

  getHead(): CellPos | null {
    return this.head;
  }

  isBlock(): boolean {
    return this.box !== null && (this.box.top !== this.box.bottom || this.box.left !== this.box.right);
  }

  /** The rows and columns of the block (one cell when nothing is extended). */
  block(): Block | null {
    const api = this.api();
    if (!api || !this.anchor || !this.head) return null;
    const columns = api.getAllDisplayedColumns();
    const a = columns.findIndex((c) => c.getColId() === this.anchor!.colId);
    const h = columns.findIndex((c) => c.getColId() === this.head!.colId);
    if (a < 0 || h < 0) return null;
    return {
      top: Math.min(this.anchor.rowIndex, this.head.rowIndex),
      bottom: Math.max(this.anchor.rowIndex, this.head.rowIndex),
      columns: columns.slice(Math.min(a, h), Math.max(a, h) + 1),
    };
  }

  /** Called by the class rules of every rendered cell: keep it cheap. */
  edges(rowIndex: number | null, colId: string): number {
    const box = this.box;
    if (!box || rowIndex === null || rowIndex < box.top || rowIndex > box.bottom) return 0;
    const at = this.order.get(colId);
    if (at === undefined || at < box.left || at > box.right) return 0;
    return (
      IN |
      (rowIndex === box.top ? TOP : 0) |
      (rowIndex === box.bottom ? BOTTOM : 0) |
      (at === box.left ? LEFT : 0) |
      (at === box.right ? RIGHT : 0)
    );
  }

  /** After sorting or filtering the same row numbers hold other rows: start again from the focused cell. */
  reset(): void {
    const focused = this.api()?.getFocusedCell();
    this.collapse(focused ? { rowIndex: focused.rowIndex, colId: focused.column.getColId() } : null);
  }

  private update(redraw: boolean): void {
    const api = this.api();
    const block = this.block();
    if (!api || !block || (block.top === block.bottom && block.columns.length === 1)) {
      this.box = null;
      this.order.clear();
    } else {
      const columns = api.getAllDisplayedColumns();
      this.order = new Map(columns.map((c, index) => [c.getColId(), index]));
      const first = this.order.get(block.columns[0]!.getColId())!;
      this.box = { top: block.top, bottom: block.bottom, left: first, right: first + block.columns.length - 1 };
    }
    // Only the rendered cells are asked again; a single cell needs no drawing of its own.
    if (redraw && api && !api.isDestroyed()) api.refreshCells();
  }
}

const IN = 1;
const TOP = 2;
const BOTTOM = 4;
const LEFT = 8;
const RIGHT = 16;

/** Adds the block's highlight (and its outline) to a column's own class rules. */
export function withSelectionClasses<T>(column: ColDef<T>, selection: GridSelection): ColDef<T> {
  const at = (p: CellClassParams<T>) => selection.edges(p.node?.rowIndex ?? null, p.column.getColId());
  return {
    ...column,
    cellClassRules: {
      ...column.cellClassRules,
      'cell-in-range': (p) => (at(p) & IN) !== 0,
      'range-top': (p) => (at(p) & TOP) !== 0,
      'range-bottom': (p) => (at(p) & BOTTOM) !== 0,
      'range-left': (p) => (at(p) & LEFT) !== 0,
      'range-right': (p) => (at(p) & RIGHT) !== 0,
    },
  };
}
