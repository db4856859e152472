/**
 * New rows. The store needs a name to create a deltaker, so «Ny deltaker» first adds a draft row
 * (a negative id) with the cursor in its Navn cell; committing the name creates the deltaker, and
 * the row's further edits go to that id. The draft row is swapped for the stored one (its real
 * row-id) only when no editor is open and no save for it is on its way, so typing is never cut off.
 */
import type { GridApi } from 'ag-grid-community';
import { type Deltaker, emptyDeltakerFields } from '../../shared/schema/deltaker';
import type { CellIssues } from '../grid/cellIssues';
import type { CellSaver } from '../grid/cellSaver';

export class Drafts {
  private lastTempId = 0;
  /** Draft rows still in the grid under their draft id. */
  private readonly open = new Set<number>();
  /** Draft id → the stored deltaker's id, once created. */
  private readonly stored = new Map<number, number>();
  /** Draft rows already replaced by their stored row: late grid events for them are redirected. */
  private readonly replaced = new Map<string, string>();

  constructor(
    private readonly api: () => GridApi<Deltaker> | undefined,
    private readonly saver: CellSaver<Deltaker>,
    private readonly issues: CellIssues,
  ) {}

  /**
   * Adds an empty row at the end and opens its Navn cell; with `focusOnly` (Enter or ↓ on the last
   * row, as in Excel) the cursor goes to that column of the new row without opening it, and the
   * empty row goes away again once the cursor leaves it.
   */
  add(kullId: number | null, focusOnly?: string): void {
    const api = this.api();
    if (!api) return;
    const id = --this.lastTempId;
    this.open.add(id);
    api.applyTransaction({ add: [{ ...emptyDeltakerFields(), kull_id: kullId, id }] });
    const node = api.getRowNode(String(id));
    if (node?.rowIndex == null) return;
    const column = focusOnly ?? 'navn';
    this.kept = focusOnly === undefined ? null : String(id);
    api.ensureIndexVisible(node.rowIndex, 'bottom');
    api.ensureColumnVisible(column);
    api.setFocusedCell(node.rowIndex, column);
    if (focusOnly === undefined) api.startEditingCell({ rowIndex: node.rowIndex, colKey: 'navn' });
  }

  storedId(id: number): number | undefined {
    return id > 0 ? id : this.stored.get(id);
  }

  /** The grid's row id for a stored deltaker: a new row keeps its draft id until it settles. */
  rowIdOf(storedId: number): string {
    for (const [draftId, id] of this.stored) if (id === storedId && this.open.has(draftId)) return String(draftId);
    return String(storedId);
  }

  created(draftId: number, storedId: number): void {
    this.stored.set(draftId, storedId);
  }

  /**
   * The row-id to use for a grid event. The grid hands over a cell edit a moment after the editor
   * closed, so an edit may arrive for a draft row that has just been replaced by its stored row.
   */
  currentRowId(rowId: string): string {
    return this.replaced.get(rowId) ?? rowId;
  }

  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** The empty row Enter or ↓ added, kept while the cursor is in it (not counted as a deltaker). */
  private kept: string | null = null;

  /** The cursor is now in this row: an empty row it left goes away at the next settle. */
  focused(rowId: string | null): void {
    if (this.kept !== null && rowId !== this.kept) this.kept = null;
    this.scheduleSettle();
  }

  /** Whether this is the empty row the cursor was put in (the footer does not count it). */
  isKept(rowId: string | undefined): boolean {
    return rowId !== undefined && rowId === this.kept;
  }

  /**
   * Settles once the grid has been quiet for a moment. The grid hands its edit events to the app
   * asynchronously, so "no editor open" alone does not mean "no edit on its way".
   */
  scheduleSettle(): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.settle(), 300);
  }

  /** The grid is going away: no settle may run on it later (issue 16). */
  dispose(): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
  }

  /** Puts stored rows in place of their drafts, and drops drafts that never got a name. */
  settle(): void {
    const api = this.api();
    if (!api || api.isDestroyed()) return;
    // Never while any cell is being edited: replacing a row re-renders the grid's rows, and an
    // editor open at that moment could lose the keys typed meanwhile.
    if (this.open.size === 0 || api.getEditingCells().some((cell) => cell.state === 'editing')) return;
    for (const id of [...this.open]) {
      const rowId = String(id);
      const node = api.getRowNode(rowId);
      const draft = node?.data;
      if (!draft) {
        this.open.delete(id);
        continue;
      }
      if (this.saver.hasPending(rowId)) continue;
      const storedId = this.stored.get(draft.id);
      if (storedId === undefined) {
        // An empty row the cursor is still in stays (Enter or ↓ put it there); leaving it removes it.
        if (draft.navn === '' && !this.issues.get(rowId, 'navn') && rowId !== this.kept) {
          api.applyTransaction({ remove: [draft] });
          this.open.delete(id);
        }
        continue;
      }
      this.swap(api, draft, storedId);
    }
  }

  private swap(api: GridApi<Deltaker>, draft: Deltaker, storedId: number): void {
    const oldNode = api.getRowNode(String(draft.id));
    const focused = api.getFocusedCell();
    const active = document.activeElement;
    const gridHasFocus = active === document.body || active?.closest('.ag-root-wrapper') != null;
    const hadFocus = gridHasFocus && focused != null && oldNode?.rowIndex === focused.rowIndex && !focused.rowPinned;
    const selected = oldNode?.isSelected() ?? false;
    // Same place in the row data, so no row moves and index-based focus stays where it was.
    const at = oldNode?.sourceRowIndex ?? -1;
    api.applyTransaction({ remove: [draft], add: [{ ...draft, id: storedId }], ...(at >= 0 ? { addIndex: at } : {}) });
    this.stored.delete(draft.id);
    this.open.delete(draft.id);
    this.replaced.set(String(draft.id), String(storedId));
    for (const issue of this.issues.all()) {
      if (issue.rowId === String(draft.id)) {
        this.issues.clear(issue.rowId, issue.colId);
        this.issues.set({ ...issue, rowId: String(storedId) });
      }
    }
    const node = api.getRowNode(String(storedId));
    if (node?.rowIndex == null) return;
    if (selected) node.setSelected(true);
    if (hadFocus && focused) api.setFocusedCell(node.rowIndex, focused.column);
  }
}
