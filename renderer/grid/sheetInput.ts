/**
 * The keyboard, clipboard and mouse of a sheet-like grid (see useSheet.tsx): listeners on the
 * window that act only while this grid has the focus and no cell is being edited, so an editor,
 * the search box and dialogs keep their own Ctrl+C, Ctrl+V and Ctrl+Z.
 */
import type { GridApi, IRowNode } from 'ag-grid-community';
import { type RefObject, useEffect, useRef } from 'react';
import { copyText } from './clipboard';
import { isTextEntry, noteUndoKey } from './editCommands';
import { afterEnter, TabRun } from './enterKeys';
import type { BlockAction } from './fillBlock';
import type { CellPos, GridSelection } from './selection';
import type { PasteAt, Row, SheetOptions } from './sheetTypes';

export type SheetKeyActions = {
  pasteText: (text: string, at?: PasteAt) => Promise<void>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  setBlock: (action: BlockAction) => Promise<void>;
};

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** The keyboard, clipboard and mouse listeners: on the window, acting only for this grid. */
export function useSheetInput<R extends Row>(
  opts: RefObject<SheetOptions<R>>,
  focus: FocusFollower,
  actions: SheetKeyActions,
): void {
  const latest = useRef(actions);
  latest.current = actions;

  useEffect(() => {
    /** The grid had the focus last (it may sit on <body> when its focused row scrolled out of view). */
    let inGrid = false;
    let dragging = false;
    /** Ctrl+Shift+V was pressed: the paste event that follows adds new rows. */
    let asNewRows = false;
    /** Where this row's Tabs started: Enter goes back there, one row down (enterKeys.ts). */
    const tabRun = new TabRun();
    /** Counts keys and clicks: Enter's deferred focus fix is dropped when another comes first. */
    let moves = 0;

    const grid = () => opts.current.api();
    const container = () => opts.current.container.current;
    /** The grid's focused cell may have moved by a key the grid handled: the selection follows first. */
    const followGrid = () => {
      const focused = grid()?.getFocusedCell();
      if (focused) focus.follow({ rowIndex: focused.rowIndex, colId: focused.column.getColId() });
    };

    const state = (): 'cell' | 'empty' | null => {
      const box = container();
      const api = grid();
      if (!box?.isConnected || !api || api.isDestroyed()) return null;
      if (document.querySelector('dialog[open]')) return null;
      const active = document.activeElement;
      const onBody = !active || active === document.body;
      if (!onBody && !box.contains(active)) return null;
      if (!onBody && (isTextEntry(active) || active.closest('.ag-popup, .menu-box, .paste-panel'))) return null;
      // Undoing the last rows away may leave the focus on a column header.
      if (api.getDisplayedRowCount() === 0) return 'empty';
      if (!onBody && active.closest('.ag-header')) return null;
      if (onBody && !inGrid) return null;
      return api.getFocusedCell() ? 'cell' : null;
    };

    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as Element | null;
      inGrid = !!target?.closest?.('.ag-root-wrapper') && !!container()?.contains(target);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      moves++;
      const { selection, search } = opts.current;
      const api = grid();
      const mod = (event.ctrlKey || event.metaKey) && !event.altKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'f' && !event.shiftKey && container()?.isConnected && search?.current) {
        if (document.querySelector('dialog[open]')) return;
        event.preventDefault();
        event.stopPropagation();
        api?.stopEditing();
        search.current.focus();
        search.current.select();
        return;
      }
      if (mod && key === 'v') {
        asNewRows = event.shiftKey;
        return;
      }
      if (!mod && !event.altKey && (event.key === 'Tab' || event.key === 'Enter')) enterOrTab(event);
      const where = state();
      if (where === null || !api || api.getEditingCells().length > 0) return;
      followGrid();
      if (ARROWS[event.key]) tabRun.reset();
      let handled = true;
      // An empty grid (everything undone, or nothing yet) still takes Ctrl+Z and Ctrl+Y.
      if (mod && key === 'z' && !event.shiftKey) {
        noteUndoKey();
        void latest.current.undo();
      } else if (mod && (key === 'y' || (key === 'z' && event.shiftKey))) {
        noteUndoKey();
        void latest.current.redo();
      } else if (where === 'empty') handled = false;
      else if (mod && key === 'd' && !event.shiftKey) void latest.current.setBlock('fill');
      else if (mod && key === 'r' && !event.shiftKey) void latest.current.setBlock('fill-right');
      else if (mod && key === 'a' && !event.shiftKey) selection.selectAll();
      else if (event.key === 'ArrowDown' && !mod && !event.shiftKey && !event.altKey && onLastRow(api)) {
        // ↓ on the last row adds one, as in Excel (Deltakere; a kull is made in its form).
        const focused = api.getFocusedCell();
        const row = focused ? api.getDisplayedRowAtIndex(focused.rowIndex)?.id : undefined;
        const red = row !== undefined && opts.current.issues.ofRow(row).length > 0;
        if (opts.current.addRow && focused && !red) opts.current.addRow(focused.column.getColId());
        else handled = false;
      } else if (event.key === 'Delete' && !mod && !event.shiftKey) void latest.current.setBlock('clear');
      else if (event.shiftKey && !event.altKey && ARROWS[event.key]) extend(api, selection, ARROWS[event.key]!, mod);
      else if (event.key === 'Escape' && selection.isBlock()) {
        selection.reset();
        handled = false;
      } else handled = false;
      if (handled) {
        event.preventDefault();
        event.stopPropagation();
      }
    };

    const onLastRow = (api: GridApi<R>) => {
      const focused = api.getFocusedCell();
      return focused != null && !focused.rowPinned && focused.rowIndex >= api.getDisplayedRowCount() - 1;
    };

    /**
     * Tab remembers where the row's run started; Enter in an editor then goes to the next row's cell
     * in that column, or adds a row on the last one. The grid moves (or not) first and hands the
     * edit over in a setTimeout: this corrects the focus after both.
     */
    const enterOrTab = (event: KeyboardEvent) => {
      const api = grid();
      const box = container();
      if (!api || api.isDestroyed() || !box?.contains(document.activeElement)) return;
      const focused = api.getFocusedCell();
      if (!focused || focused.rowPinned) return;
      const from = { rowIndex: focused.rowIndex, colId: focused.column.getColId() };
      if (event.key === 'Tab') {
        tabRun.tab(from);
        return;
      }
      if (event.shiftKey || api.getEditingCells().length === 0) return;
      const target = afterEnter(tabRun, from, api.getDisplayedRowCount() - 1, opts.current.addRow !== undefined);
      const tabStart = tabRun.startColumn(from.rowIndex);
      tabRun.reset();
      if (target === null) return;
      const mine = moves;
      setTimeout(() =>
        setTimeout(() => {
          // ↑ pressed right after Enter (or a click) goes from where the grid's own move left the
          // focus; correcting it now would undo that key.
          if (moves !== mine) return;
          const now = grid();
          if (!now || now.isDestroyed() || now.getEditingCells().length > 0) return;
          if (target === 'add') {
            // Not past a row with a red cell: it is fixed (or given up with Esc) first.
            const left = now.getDisplayedRowAtIndex(from.rowIndex)?.id;
            if (left !== undefined && opts.current.issues.ofRow(left).length > 0) return;
            opts.current.addRow?.(tabStart ?? from.colId);
            return;
          }
          now.ensureIndexVisible(target.rowIndex);
          now.ensureColumnVisible(target.colId);
          now.setFocusedCell(target.rowIndex, target.colId);
          focus.follow(target);
        }),
      );
    };

    /**
     * The block (or ticked rows, or cell) onto the clipboard of a copy or cut event: null when the
     * event is not this grid's, 'failed' when the text did not reach the clipboard.
     */
    const putOnClipboard = (event: ClipboardEvent): { lines: number } | 'failed' | null => {
      const api = grid();
      if (state() !== 'cell' || !api || api.getEditingCells().length > 0) return null;
      followGrid();
      const { selection, fields, storedId } = opts.current;
      const text = copyText(
        {
          api,
          fields: new Map(fields.map((f) => [f.key, f])),
          storedId: (n: IRowNode<R>) => (n.data ? storedId(n.data) : undefined),
        },
        selection.block(),
        selection.isBlock(),
      );
      if (text === null) return null;
      event.preventDefault();
      if (!event.clipboardData) return 'failed';
      event.clipboardData.setData('text/plain', text);
      if (event.clipboardData.getData('text/plain') !== text) return 'failed';
      return { lines: text.split('\r\n').length - 1 };
    };

    const onCopy = (event: ClipboardEvent) => {
      const copied = putOnClipboard(event);
      if (!copied) return;
      const { report, selection } = opts.current;
      if (copied === 'failed') {
        report({ tone: 'error', text: 'Kopieringen mislyktes. Prøv igjen.' });
        return;
      }
      const { lines } = copied;
      report({
        tone: 'info',
        text: lines <= 1 && !selection.isBlock() ? 'Kopiert.' : `Kopierte ${lines} ${lines === 1 ? 'rad' : 'rader'}.`,
      });
    };

    // Ctrl+X (and Rediger → Klipp ut): copy, then empty the cells as Delete does — only once the
    // text is on the clipboard, so a cut that could not copy empties nothing.
    const onCut = (event: ClipboardEvent) => {
      const copied = putOnClipboard(event);
      if (!copied) return;
      if (copied === 'failed') {
        opts.current.report({ tone: 'error', text: 'Kopieringen mislyktes, så ingenting ble klippet ut. Prøv igjen.' });
        return;
      }
      void latest.current.setBlock('cut');
    };

    const onPaste = (event: ClipboardEvent) => {
      const api = grid();
      if (!api || !event.clipboardData) return;
      const text = event.clipboardData.getData('text/plain');
      const newRows = asNewRows;
      asNewRows = false;
      const editing = api.getEditingCells()[0];
      const where = state();
      // A block pasted into an open editor is a block, as in Excel: it goes into the grid from that cell.
      const box = container();
      const inEditor = editing && box?.contains(document.activeElement) && /[\t\n\r]/.test(text.replace(/\r?\n$/, ''));
      if (!inEditor && (where === null || editing)) return;
      event.preventDefault();
      if (!inEditor) followGrid();
      if (inEditor && editing?.column) {
        api.stopEditing(true);
        const pos = { rowIndex: editing.rowIndex, colId: editing.column.getColId() };
        opts.current.selection.collapse(pos);
        void latest.current.pasteText(text, { start: pos, block: null });
        return;
      }
      if (newRows) {
        const anchor = opts.current.selection.getAnchor();
        void latest.current.pasteText(text, { start: anchor, block: null, asNewRows: true });
        return;
      }
      void latest.current.pasteText(text);
    };

    const cellAt = (target: EventTarget | null): CellPos | null => {
      const cell = (target as Element | null)?.closest?.('.ag-cell');
      const row = cell?.closest('.ag-row');
      const colId = cell?.getAttribute('col-id');
      const index = row?.getAttribute('row-index');
      if (!cell || !colId || index == null || !container()?.contains(cell)) return null;
      return { rowIndex: Number(index), colId };
    };
    const onMouseDown = (event: MouseEvent) => {
      moves++;
      const pos = event.button === 0 ? cellAt(event.target) : null;
      dragging = pos !== null && !event.shiftKey;
      if (pos) tabRun.reset();
      if (!pos || grid()?.getEditingCells().length) return;
      // Shift+click reaches from the anchor to the clicked cell; a click starts again there.
      if (event.shiftKey) focus.extendTo(pos);
      else focus.restart(pos);
    };
    const onMouseOver = (event: MouseEvent) => {
      if (!dragging || event.buttons !== 1) return;
      const pos = cellAt(event.target);
      const { selection } = opts.current;
      const head = selection.getHead();
      if (!pos || !selection.getAnchor() || (head && head.rowIndex === pos.rowIndex && head.colId === pos.colId))
        return;
      if (grid()?.getEditingCells().length) return;
      selection.extendTo(pos);
    };
    const onMouseUp = () => {
      dragging = false;
    };

    document.addEventListener('focusin', onFocusIn);
    window.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    document.addEventListener('mousedown', onMouseDown, true);
    document.addEventListener('mouseover', onMouseOver);
    window.addEventListener('mouseup', onMouseUp);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      window.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('mousedown', onMouseDown, true);
      document.removeEventListener('mouseover', onMouseOver);
      window.removeEventListener('mouseup', onMouseUp);
    };
  }, [opts, focus]);
}

/** Shift+arrow moves the block's far corner; with Ctrl, to the edge of the grid (as in Excel). */
function extend(api: GridApi, selection: GridSelection, [dr, dc]: [number, number], toEdge: boolean): void {
  const focused = api.getFocusedCell();
  if (!selection.getAnchor() && focused) {
    selection.collapse({ rowIndex: focused.rowIndex, colId: focused.column.getColId() });
  }
  const head = selection.getHead();
  if (!head) return;
  const columns = api.getAllDisplayedColumns().filter((c) => c.getColId() !== 'ag-Grid-SelectionColumn');
  const at = columns.findIndex((c) => c.getColId() === head.colId);
  const lastRow = api.getDisplayedRowCount() - 1;
  const row = toEdge ? (dr > 0 ? lastRow : dr < 0 ? 0 : head.rowIndex) : clamp(head.rowIndex + dr, 0, lastRow);
  const col = toEdge ? (dc > 0 ? columns.length - 1 : dc < 0 ? 0 : at) : clamp(at + dc, 0, columns.length - 1);
  const column = columns[col];
  if (!column) return;
  selection.extendTo({ rowIndex: row, colId: column.getColId() });
  api.ensureIndexVisible(row);
  api.ensureColumnVisible(column);
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/**
 * Keeps the selection on the grid's focused cell: a new focused cell starts a new selection there,
 * the same one again (AG Grid's late onCellFocused) changes nothing, so a block drawn meanwhile stays.
 */
export class FocusFollower {
  private last: CellPos | null = null;

  constructor(private readonly selection: GridSelection) {}

  follow(pos: CellPos): void {
    if (same(this.last, pos)) return;
    this.last = pos;
    // A block that starts here (a paste just selected what it filled) stays.
    if (!same(this.selection.getAnchor(), pos)) this.selection.collapse(pos);
  }

  /** A plain click: one cell, even the block's own first cell. */
  restart(pos: CellPos): void {
    this.last = pos;
    this.selection.collapse(pos);
  }

  /** Shift+click: the grid will focus the clicked cell; the anchor stays where it was. */
  extendTo(pos: CellPos): void {
    this.last = pos;
    this.selection.extendTo(pos);
  }
}

function same(a: CellPos | null, b: CellPos | null): boolean {
  return a !== null && b !== null && a.rowIndex === b.rowIndex && a.colId === b.colId;
}
