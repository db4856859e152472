/** How many rows the grid shows now and holds in all, kept up to date after every change. */
import type { GridApi } from 'ag-grid-community';
import { useCallback, useRef, useState } from 'react';

export type RowCount = { shown: number; total: number };

/** `uncounted`: a row on screen that is no row yet (Deltakere's empty new row under the cursor). */
export function useRowCount<T>(
  uncounted?: (rowId: string | undefined) => boolean,
): [RowCount, (api: GridApi<T>) => void] {
  const [count, setCount] = useState<RowCount>({ shown: 0, total: 0 });
  const skip = useRef(uncounted);
  skip.current = uncounted;
  const update = useCallback((api: GridApi<T>) => {
    let total = 0;
    let left = 0;
    api.forEachNode((node) => {
      if (skip.current?.(node.id)) left += 1;
      else total += 1;
    });
    const shown = api.getDisplayedRowCount() - left;
    setCount((c) => (c.shown === shown && c.total === total ? c : { shown, total }));
  }, []);
  return [count, update];
}
