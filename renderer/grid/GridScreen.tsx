/**
 * The one shell of the grid screens (Deltakere, Kull): what both hold — the grid's api, its box,
 * the search box, the saver, the selection, the remembered layout, the row count, the status line,
 * the confirm dialog, leaving the screen with an editor open (leaveGuard.ts) — made by
 * `useGridScreen`, and laid out by `<GridScreen>`: toolbar (title, the screen's filters, search,
 * the screen's buttons, Historikk and the sheet's actions), what goes above the grid (a form, an
 * alert), the grid box with its red-cell bubbles, the paste list, the line under the grid and the
 * status line. A screen adds only its columns, its rows and its own buttons.
 *
 * The red cells belong to the open register (gridState.tsx): they survive switching screens and
 * start empty when another register is opened.
 */
import type { CellEditRequestEvent, ColDef, GridApi, GridOptions } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { type ReactNode, type RefObject, useCallback, useMemo, useRef } from 'react';
import type { GridTable } from '../../shared/contract/grid';
import { HistoryButton } from '../safety/HistoryButton';
import { useConfirm } from '../ui/ConfirmDialog';
import { StatusBar, useStatusMessage } from '../ui/StatusBar';
import type { CellIssues } from './cellIssues';
import { CellSaver, type StatusMessage } from './cellSaver';
import { FilterMarks } from './FilterMarks';
import { useGridIssues } from './gridState';
import { IssueBubbles } from './IssueBubbles';
import { type GridLayoutControl, useGridLayout } from './layout';
import { type OpenEdit, useLeaveGuard } from './leaveGuard';
import { RefusedCount } from './RefusedCount';
import { SheetActions } from './SheetActions';
import { GridSelection } from './selection';
import { baseGridOptions } from './theme';
import { type RowCount, useRowCount } from './useRowCount';
import type { Sheet } from './useSheet';

/** Every column of both grids: sortable, resizable, the header text wrapped (no header menu). */
export const DEFAULT_COL_DEF: ColDef = {
  sortable: true,
  resizable: true,
  suppressHeaderMenuButton: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
};

export type GridRow = { id: number; navn: string };

export type GridScreenParts<R extends GridRow> = {
  table: GridTable;
  apiRef: RefObject<GridApi<R> | undefined>;
  api: () => GridApi<R> | undefined;
  gridBox: RefObject<HTMLDivElement | null>;
  searchBox: RefObject<HTMLInputElement | null>;
  issues: CellIssues;
  saver: CellSaver<R>;
  selection: GridSelection;
  layout: GridLayoutControl;
  message: StatusMessage | null;
  setMessage: (message: StatusMessage | null) => void;
  count: RowCount;
  updateCount: (api: GridApi<R>) => void;
  confirmDialog: ReactNode;
  confirm: ReturnType<typeof useConfirm>[1];
};

/** What every grid screen holds. */
export function useGridScreen<R extends GridRow>(
  table: GridTable,
  uncounted?: (rowId: string | undefined) => boolean,
): GridScreenParts<R> {
  const apiRef = useRef<GridApi<R> | undefined>(undefined);
  const api = useCallback(() => apiRef.current, []);
  const gridBox = useRef<HTMLDivElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const issues = useGridIssues(table);
  const [message, setMessage] = useStatusMessage();
  const saver = useMemo(() => new CellSaver<R>(api, issues, setMessage), [api, issues, setMessage]);
  const selection = useMemo(() => new GridSelection(api), [api]);
  const layout = useGridLayout(table);
  const [count, updateCount] = useRowCount<R>(uncounted);
  const [confirmDialog, confirm] = useConfirm();
  return {
    table,
    apiRef,
    api,
    gridBox,
    searchBox,
    issues,
    saver,
    selection,
    layout,
    message,
    setMessage,
    count,
    updateCount,
    confirmDialog,
    confirm,
  };
}

export function GridScreen<R extends GridRow>(props: {
  parts: GridScreenParts<R>;
  sheet: Sheet<R>;
  /** Saves one typed cell: the grid's cell edit request, and the open editor when the screen is left. */
  commitCell: (rowId: string, colId: string, text: string) => void;
  title: string;
  /** Beside the title: the screen's own filters (Deltakere's kull selector). */
  filters?: ReactNode;
  search: { value: string; placeholder: string; onChange: (text: string) => void };
  /** The screen's own buttons, before Historikk. */
  actions: ReactNode;
  /** Historikk: the stored id of a grid row (a new deltaker row keeps its draft id a moment). */
  storedId?: (id: number) => number | undefined;
  /** Between the toolbar and the grid: a form, an alert. */
  above?: ReactNode;
  /** The grid: its rows (null until they are in), columns and the screen's own options (kept stable). */
  grid: { rows: R[] | null; columns: ColDef<R>[]; options: GridOptions<R>; overlayParams?: unknown };
  /** The line under the grid. */
  detail: ReactNode;
  /** The status line's counts (the red-cell count follows them). */
  counts: ReactNode;
}) {
  const { parts, sheet, commitCell, grid } = props;
  const { apiRef, updateCount } = parts;
  const { applyTo, saveFrom } = parts.layout;
  const { onCellFocused, onViewChanged } = sheet;
  const own = grid.options;
  // Every option must keep its identity between renders: a new one can make the grid refilter,
  // and refiltering closes an open editor.
  const options = useMemo(
    (): GridOptions<R> => ({
      ...baseGridOptions<R>(),
      defaultColDef: DEFAULT_COL_DEF,
      getRowId: (p) => String(p.data.id),
      onSortChanged: onViewChanged,
      onFilterChanged: onViewChanged,
      onDragStopped: (event) => saveFrom(event.api),
      ...own,
      onGridReady: (event) => {
        apiRef.current = event.api;
        applyTo(event.api);
        own.onGridReady?.(event);
      },
      onCellFocused: (event) => {
        onCellFocused(event);
        own.onCellFocused?.(event);
      },
      onModelUpdated: (event) => {
        updateCount(event.api);
        own.onModelUpdated?.(event);
      },
    }),
    [own, apiRef, applyTo, saveFrom, updateCount, onCellFocused, onViewChanged],
  );
  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<R>) => {
      if (event.node.id) commitCell(event.node.id, event.column.getColId(), String(event.newValue ?? ''));
    },
    [commitCell],
  );
  useLeaveGuard({
    api: parts.api,
    commit: (edit: OpenEdit<R>) => {
      if (edit.node.id) commitCell(edit.node.id, edit.colId, edit.text);
    },
    idle: () => parts.saver.idle(),
  });
  return (
    <div className="grid-screen">
      <div className="toolbar">
        <h1 className="screen-title">{props.title}</h1>
        {props.filters}
        <label className="toolbar-field">
          <span className="toolbar-label">Søk</span>
          <input
            ref={parts.searchBox}
            className="text-input search-input"
            type="search"
            value={props.search.value}
            placeholder={props.search.placeholder}
            title="Ctrl+F"
            onChange={(event) => props.search.onChange(event.target.value)}
          />
        </label>
        <div className="toolbar-actions">
          {props.actions}
          <HistoryButton
            table={parts.table}
            api={parts.api}
            {...(props.storedId ? { storedId: props.storedId } : {})}
            onHint={(text) => parts.setMessage({ tone: 'warning', text })}
          />
          <SheetActions sheet={sheet} api={parts.api} layout={parts.layout} />
        </div>
      </div>
      {props.above}
      <div className="grid-box" ref={parts.gridBox}>
        {grid.rows && parts.layout.layout && (
          <AgGridReact<R>
            {...options}
            rowData={grid.rows}
            columnDefs={grid.columns}
            onCellEditRequest={onCellEditRequest}
            noRowsOverlayComponentParams={grid.overlayParams}
          />
        )}
        <IssueBubbles issues={parts.issues} container={parts.gridBox} />
      </div>
      {sheet.panel}
      {props.detail}
      <StatusBar message={parts.message}>
        {props.counts}
        <FilterMarks api={parts.api} />
        <RefusedCount issues={parts.issues} />
      </StatusBar>
      {parts.confirmDialog}
      {sheet.dialog}
    </div>
  );
}
