/**
 * Nothing typed is lost when a grid screen goes away with a cell editor open (issue 16). The grid
 * hands an edit over a moment late (its events run in a setTimeout), and a grid destroyed in the
 * meantime drops it. So before a screen is left (navigation.ts's leaveScreen) the grid's open
 * editor is taken here at once: its text goes through the screen's own commit — saved when the
 * field takes it, kept red with the reason when not — and the screen waits for the save to arrive.
 */
import type { GridApi, IRowNode } from 'ag-grid-community';
import { useEffect, useRef } from 'react';
import { addLeaveGuard } from '../navigation';

export type OpenEdit<R> = { node: IRowNode<R>; colId: string; text: string };

/** Closes the grid's open editors, returning what they held (empty when none was open). */
export function takeOpenEdits<R>(api: GridApi<R> | undefined): OpenEdit<R>[] {
  if (!api || api.isDestroyed()) return [];
  const edits: OpenEdit<R>[] = [];
  for (const cell of api.getEditingCells()) {
    if (cell.state !== undefined && cell.state !== 'editing') continue;
    const node = cell.rowPinned ? undefined : api.getDisplayedRowAtIndex(cell.rowIndex);
    if (!node) continue;
    const [editor] = api.getCellEditorInstances({ rowNodes: [node], columns: [cell.colId] });
    const value = editor ? editor.getValue() : cell.newValue;
    edits.push({ node, colId: cell.colId, text: value == null ? '' : String(value) });
  }
  // Cancelled, not stopped: the commit below is the only one (a stop would hand it over again, late).
  if (edits.length > 0) api.stopEditing(true);
  return edits;
}

/**
 * While the screen is mounted, leaving it commits the open editor through `commit` and waits for
 * `idle` (the saves on their way).
 */
export function useLeaveGuard<R>(options: {
  api: () => GridApi<R> | undefined;
  commit: (edit: OpenEdit<R>) => void;
  idle: () => Promise<unknown>;
}): void {
  const latest = useRef(options);
  latest.current = options;
  useEffect(
    () =>
      addLeaveGuard(() => {
        const { api, commit, idle } = latest.current;
        for (const edit of takeOpenEdits(api())) commit(edit);
        return idle();
      }),
    [],
  );
}
