/**
 * A small stand-in for AG Grid's api, enough for the grid logic that only reads rows and columns
 * in display order and applies transactions (clipboard.ts, selection.ts, drafts.ts). It is no
 * renderer: the behaviour of AG Grid itself is tested in the browser (tests/e2e).
 */
import type { GridApi } from 'ag-grid-community';

type Data = { id: number } & Record<string, unknown>;

export type FakeNode = {
  id: string;
  data: Data;
  rowIndex: number;
  sourceRowIndex: number;
  displayed: boolean;
  selected: boolean;
  isSelected: () => boolean;
  setSelected: (on: boolean) => void;
};

export class FakeGrid {
  rows: Data[];
  destroyed = false;
  focused: { rowIndex: number; colId: string } | null = null;
  editing: { rowIndex: number; colId: string }[] = [];
  refreshed = 0;

  constructor(
    rows: Data[],
    readonly columns: { colId: string; editable?: boolean }[],
  ) {
    this.rows = [...rows];
  }

  private node(data: Data, index: number): FakeNode {
    const node: FakeNode = {
      id: String(data.id),
      data,
      rowIndex: index,
      sourceRowIndex: index,
      displayed: true,
      selected: false,
      isSelected: () => node.selected,
      setSelected: (on) => {
        node.selected = on;
      },
    };
    return node;
  }

  private column(colId: string) {
    const def = this.columns.find((c) => c.colId === colId);
    return { getColId: () => colId, getColDef: () => ({ editable: def?.editable ?? true }) };
  }

  // biome-ignore lint/suspicious/noExplicitAny: the grid logic under test takes any row type.
  api(): GridApi<any> {
    const columnCache = new Map(this.columns.map((c) => [c.colId, this.column(c.colId)]));
    const api = {
      isDestroyed: () => this.destroyed,
      getAllDisplayedColumns: () => this.columns.map((c) => columnCache.get(c.colId)),
      getDisplayedRowCount: () => this.rows.length,
      getDisplayedRowAtIndex: (i: number) => (this.rows[i] ? this.node(this.rows[i]!, i) : undefined),
      getRowNode: (id: string) => {
        const i = this.rows.findIndex((r) => String(r.id) === id);
        return i < 0 ? undefined : this.node(this.rows[i]!, i);
      },
      getCellValue: ({ rowNode, colKey }: { rowNode: FakeNode; colKey: { getColId: () => string } }) =>
        rowNode.data[colKey.getColId()] ?? '',
      getFocusedCell: () =>
        this.focused ? { rowIndex: this.focused.rowIndex, column: columnCache.get(this.focused.colId) } : null,
      setFocusedCell: (rowIndex: number, col: string | { getColId: () => string }) => {
        this.focused = { rowIndex, colId: typeof col === 'string' ? col : col.getColId() };
      },
      getEditingCells: () => (this.destroyed ? undefined : this.editing.map((e) => ({ ...e, state: 'editing' }))),
      startEditingCell: ({ rowIndex, colKey }: { rowIndex: number; colKey: string }) => {
        this.editing = [{ rowIndex, colId: colKey }];
      },
      refreshCells: () => {
        this.refreshed += 1;
      },
      ensureIndexVisible: () => {},
      ensureColumnVisible: () => {},
      applyTransaction: ({
        add = [],
        remove = [],
        update = [],
        addIndex,
      }: Record<string, unknown> & {
        add?: Data[];
        remove?: Data[];
        update?: Data[];
        addIndex?: number;
      }) => {
        const gone = new Set(remove.map((r) => r.id));
        this.rows = this.rows.filter((r) => !gone.has(r.id));
        for (const row of update) {
          const i = this.rows.findIndex((r) => r.id === row.id);
          if (i >= 0) this.rows[i] = row;
        }
        if (addIndex === undefined) this.rows.push(...add);
        else this.rows.splice(addIndex, 0, ...add);
      },
    };
    // biome-ignore lint/suspicious/noExplicitAny: as above.
    return api as unknown as GridApi<any>;
  }
}
