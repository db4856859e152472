/**
 * A grid's remembered layout: column order, widths and hidden columns, and what a paste does when
 * some cells are wrong — kept in the register (grid:layout:*), so the same file looks the same on
 * every PC. Read once before the grid is shown; written a moment after the user stops dragging.
 * A read-only register keeps the layout for this session only.
 */
import type { ColumnState, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  type ColumnLayout,
  DEFAULT_GRID_LAYOUT,
  type GridLayout,
  type GridTable,
  type PasteMode,
} from '../../shared/contract/grid';
import { invoke } from '../bridge';

export type GridLayoutControl = {
  /** Null until read from the register. */
  layout: GridLayout | null;
  /** Puts the remembered columns on a new grid. */
  applyTo: (api: GridApi) => void;
  /** Remembers the grid's columns as they are now (debounced). */
  saveFrom: (api: GridApi) => void;
  pasteMode: PasteMode;
  setPasteMode: (mode: PasteMode) => void;
};

export function useGridLayout(table: GridTable): GridLayoutControl {
  const [layout, setLayout] = useState<GridLayout | null>(null);
  const [pasteMode, setMode] = useState<PasteMode>(DEFAULT_GRID_LAYOUT.pasteMode);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let current = true;
    void invoke('grid:layout:get', { table }).then((result) => {
      if (!current) return;
      const value = result.ok ? result.value : DEFAULT_GRID_LAYOUT;
      setLayout(value);
      setMode(value.pasteMode);
    });
    return () => {
      current = false;
    };
  }, [table]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const applyTo = useCallback(
    (api: GridApi) => {
      if (!layout || layout.columns.length === 0) return;
      const known = new Set(api.getColumns()?.map((c) => c.getColId()));
      const state: ColumnState[] = layout.columns
        .filter((c) => known.has(c.colId))
        .map((c) => ({ colId: c.colId, ...(c.width ? { width: c.width } : {}), hide: c.hide ?? false }));
      api.applyColumnState({ state, applyOrder: true });
    },
    [layout],
  );

  const saveFrom = useCallback(
    (api: GridApi) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        if (api.isDestroyed()) return;
        const columns: ColumnLayout[] = api.getColumnState().map((c) => ({
          colId: c.colId,
          // A flexible column's width follows the window: remember only that it is there.
          ...(c.flex == null && c.width ? { width: Math.round(c.width) } : {}),
          ...(c.hide ? { hide: true } : {}),
        }));
        void invoke('grid:layout:set', { table, layout: { columns } });
      }, 400);
    },
    [table],
  );

  const setPasteMode = useCallback(
    (mode: PasteMode) => {
      setMode(mode);
      void invoke('grid:layout:set', { table, layout: { pasteMode: mode } });
    },
    [table],
  );

  return useMemo(
    () => ({ layout, applyTo, saveFrom, pasteMode, setPasteMode }),
    [layout, applyTo, saveFrom, pasteMode, setPasteMode],
  );
}
