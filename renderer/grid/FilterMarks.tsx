/**
 * In the status line, while any column is filtered: which columns (each a button that scrolls the
 * grid to it, so a filter is never out of sight, even on a column scrolled away) and
 * «Fjern alle filtre». The column's own header shows the grid's filter mark as well.
 */
import type { GridApi } from 'ag-grid-community';
import { useEffect, useReducer, useRef } from 'react';
import { LOCALE_TEXT } from './locale';
import './filters.css';

export function FilterMarks<R>(props: { api: () => GridApi<R> | undefined }) {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const subscribed = useRef<GridApi<R> | null>(null);
  // The grid comes after the first render: subscribe once it is there.
  useEffect(() => {
    const api = props.api();
    if (!api || subscribed.current === api || api.isDestroyed()) return;
    subscribed.current = api;
    api.addEventListener('filterChanged', redraw);
    api.addEventListener('columnVisible', redraw);
    redraw();
  });
  useEffect(
    () => () => {
      const api = subscribed.current;
      if (api && !api.isDestroyed()) api.removeEventListener('filterChanged', redraw);
    },
    [],
  );
  const api = props.api();
  if (!api || api.isDestroyed()) return null;
  const model = api.getFilterModel();
  const columns = Object.keys(model)
    .map((id) => api.getColumn(id))
    .filter((c) => c !== null);
  if (columns.length === 0) return null;
  return (
    <span className="filter-marks">
      <span className="filter-marks-label">Filter på</span>
      {columns.map((column) => (
        <button
          key={column.getColId()}
          type="button"
          className="filter-mark"
          title="Vis kolonnen"
          onClick={() => api.ensureColumnVisible(column, 'middle')}
        >
          {api.getDisplayNameForColumn(column, 'header') || column.getColId()}
        </button>
      ))}
      <button type="button" className="button button-small filter-clear" onClick={() => api.setFilterModel(null)}>
        {LOCALE_TEXT.clearAllFilters}
      </button>
    </span>
  );
}
