/**
 * Excel's fill handle: the small square on the selection's bottom-right corner (sheet.css draws it
 * on the corner cell). Dragged down or right, the block grows over the cells it passes (as a
 * preview); on release those cells are filled by repeating the block (fillBlock.ts `fillTo`:
 * validated by the store, one transaction, one undo step). Esc while dragging, or releasing inside
 * the block, fills nothing.
 */
import { type RefObject, useEffect, useRef } from 'react';
import type { Block, CellPos } from './selection';
import type { Row, SheetOptions } from './sheetTypes';

/** How near the cell's bottom-right corner (px) a press takes the handle. */
const GRIP = 10;

export function useFillHandle<R extends Row>(
  opts: RefObject<SheetOptions<R>>,
  fill: (source: Block, to: CellPos) => Promise<void>,
): void {
  const latest = useRef(fill);
  latest.current = fill;

  useEffect(() => {
    let drag: { source: Block; to: CellPos | null } | null = null;

    const cellUnder = (x: number, y: number): CellPos | null => {
      const cell = document.elementFromPoint(x, y)?.closest('.ag-cell');
      const colId = cell?.getAttribute('col-id');
      const index = cell?.closest('.ag-row')?.getAttribute('row-index');
      if (!cell || !colId || index == null || !opts.current.container.current?.contains(cell)) return null;
      return { rowIndex: Number(index), colId };
    };

    /** Shows the block as it would be after the fill: grown down or right, whichever the pointer went further. */
    const preview = (source: Block, at: CellPos | null): CellPos | null => {
      const { api, selection } = opts.current;
      const grid = api();
      if (!grid) return null;
      const shown = grid.getAllDisplayedColumns();
      const left = shown.indexOf(source.columns[0]!);
      const right = left + source.columns.length - 1;
      const col = at ? shown.findIndex((c) => c.getColId() === at.colId) : -1;
      const down = at ? at.rowIndex - source.bottom : 0;
      const across = col - right;
      let to: CellPos | null = null;
      if (at && down > 0 && down >= across) to = { rowIndex: at.rowIndex, colId: shown[right]!.getColId() };
      else if (at && across > 0) to = { rowIndex: source.bottom, colId: at.colId };
      selection.collapse({ rowIndex: source.top, colId: shown[left]!.getColId() });
      selection.extendTo(to ?? { rowIndex: source.bottom, colId: shown[right]!.getColId() });
      return to;
    };

    const onMouseDown = (event: MouseEvent) => {
      if (event.button !== 0 || event.shiftKey) return;
      const cell = (event.target as Element | null)?.closest?.('.ag-cell');
      const { api, selection, container } = opts.current;
      const grid = api();
      if (!cell || !grid || !container.current?.contains(cell) || !isCorner(cell)) return;
      const rect = cell.getBoundingClientRect();
      if (rect.right - event.clientX > GRIP || rect.bottom - event.clientY > GRIP) return;
      if (grid.getEditingCells().length > 0) return;
      const source = selection.block();
      if (!source) return;
      // The grid must not take this press as a click (focus, editing, a new selection).
      event.preventDefault();
      event.stopImmediatePropagation();
      drag = { source, to: null };
      document.body.classList.add('fill-dragging');
    };

    const onMouseMove = (event: MouseEvent) => {
      if (!drag) return;
      if (event.buttons !== 1) return void end(false);
      // Off the cells (a header, the scrollbar) the preview stays as it was.
      const at = cellUnder(event.clientX, event.clientY);
      if (at) drag.to = preview(drag.source, at);
      scrollNearEdge(event, drag.to);
    };

    /** Near the grid's bottom or right edge, the next row or column comes into view. */
    const scrollNearEdge = (event: MouseEvent, to: CellPos | null) => {
      const grid = opts.current.api();
      const body = opts.current.container.current?.querySelector('.ag-body')?.getBoundingClientRect();
      if (!grid || !body || !to) return;
      if (event.clientY > body.bottom - 24)
        grid.ensureIndexVisible(Math.min(to.rowIndex + 1, grid.getDisplayedRowCount() - 1));
      if (event.clientX > body.right - 24) {
        const shown = grid.getAllDisplayedColumns();
        const next = shown[shown.findIndex((c) => c.getColId() === to.colId) + 1];
        if (next) grid.ensureColumnVisible(next);
      }
    };

    const end = (apply: boolean) => {
      const current = drag;
      drag = null;
      document.body.classList.remove('fill-dragging');
      if (!current) return;
      if (apply && current.to) void latest.current(current.source, current.to);
      else preview(current.source, null);
    };

    const onMouseUp = (event: MouseEvent) => {
      if (!drag) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      end(true);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (drag && event.key === 'Escape') {
        event.preventDefault();
        event.stopImmediatePropagation();
        end(false);
      }
    };

    // On the window, capturing: before the grid and the selection's own mouse handling (sheetInput.ts).
    window.addEventListener('mousedown', onMouseDown, true);
    window.addEventListener('mousemove', onMouseMove, true);
    window.addEventListener('mouseup', onMouseUp, true);
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('mousedown', onMouseDown, true);
      window.removeEventListener('mousemove', onMouseMove, true);
      window.removeEventListener('mouseup', onMouseUp, true);
      window.removeEventListener('keydown', onKeyDown, true);
      document.body.classList.remove('fill-dragging');
    };
  }, [opts]);
}

/** The cell that carries the handle: the block's bottom-right one, or the one selected cell. */
function isCorner(cell: Element): boolean {
  const c = cell.classList;
  if (!c.contains('cell-field') || c.contains('ag-cell-inline-editing')) return false;
  return c.contains('cell-in-range')
    ? c.contains('range-bottom') && c.contains('range-right')
    : c.contains('ag-cell-focus');
}
