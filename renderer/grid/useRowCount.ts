/** How many rows the grid shows now and holds in all, kept up to date after every change. */
import type { GridApi } from 'ag-grid-community';
import { useCallback, useState } from 'react';

export type RowCount = { shown: number; total: number };

export function useRowCount<T>(): [RowCount, (api: GridApi<T>) => void] {
  const [count, setCount] = useState<RowCount>({ shown: 0, total: 0 });
  const update = useCallback((api: GridApi<T>) => {
    let total = 0;
    api.forEachNode(() => {
      total += 1;
    });
    const shown = api.getDisplayedRowCount();
    setCount((c) => (c.shown === shown && c.total === total ? c : { shown, total }));
  }, []);
  return [count, update];
}
