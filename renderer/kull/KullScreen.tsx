/**
 * Kull: the cohorts, edited like a sheet. «Nytt kull» (or Ctrl+Enter) opens a one-line form above
 * the grid; «Slett kull» removes the focused kull after a confirmation; the store refuses a kull
 * that still has deltakere and says why. Paste, copy, fill, clear, undo and export work as in the
 * Deltakere grid (grid/useSheet.tsx).
 */
import type { CellEditRequestEvent, GridApi, GridOptions } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { KULL_FIELDS, kullField } from '../../shared/fields';
import type { KullRow } from '../../shared/schema/kull';
import { invoke } from '../bridge';
import { CellIssues } from '../grid/cellIssues';
import { CellSaver } from '../grid/cellSaver';
import { clearIssueOnEscape, IssueBubbles } from '../grid/IssueBubbles';
import { useGridLayout } from '../grid/layout';
import { useLeaveGuard } from '../grid/leaveGuard';
import { makeParseContext } from '../grid/parseContext';
import { RefusedCount } from '../grid/RefusedCount';
import { SheetActions } from '../grid/SheetActions';
import { GridSelection, withSelectionClasses } from '../grid/selection';
import { baseGridOptions } from '../grid/theme';
import { useCtrlEnter } from '../grid/useCtrlEnter';
import { useRowCount } from '../grid/useRowCount';
import { useSheet } from '../grid/useSheet';
import { HistoryButton } from '../safety/HistoryButton';
import { useConfirm } from '../ui/ConfirmDialog';
import { DetailLine } from '../ui/DetailLine';
import { StatusBar, useStatusMessage } from '../ui/StatusBar';
import { kullColumns } from './kullColumns';
import { NyttKullForm } from './NyttKullForm';

const issues = new CellIssues();

export function KullScreen() {
  const [rows, setRows] = useState<KullRow[] | null>(null);
  const [message, setMessage] = useStatusMessage();
  const [alert, setAlert] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const apiRef = useRef<GridApi<KullRow> | undefined>(undefined);
  const gridBox = useRef<HTMLDivElement>(null);
  const [dialog, confirm] = useConfirm();
  const [count, updateCount] = useRowCount<KullRow>();
  const [search, setSearch] = useState('');
  const searchBox = useRef<HTMLInputElement>(null);
  const layout = useGridLayout('kull');
  const selection = useMemo(() => new GridSelection(() => apiRef.current), []);

  const currentRows = useCallback((): KullRow[] => {
    const out: KullRow[] = [];
    apiRef.current?.forEachNode((node) => node.data && out.push(node.data));
    return out;
  }, []);

  useEffect(() => {
    void invoke('kull:list', {}).then((result) => {
      if (result.ok) setRows(result.value);
      else setAlert(result.error.message);
    });
  }, []);

  const saver = useMemo(() => new CellSaver<KullRow>(() => apiRef.current, issues, setMessage), [setMessage]);

  const columns = useMemo(
    () =>
      kullColumns({
        parseContext: () => makeParseContext([], null),
        kullName: () => '',
        issues,
        onError: (text) => setMessage({ tone: 'error', text }),
        check: (value, rowId) => {
          if (typeof value !== 'string') return null;
          const wanted = value.trim().toLocaleLowerCase('nb');
          const other = currentRows().find(
            (k) => String(k.id) !== rowId && k.navn.trim().toLocaleLowerCase('nb') === wanted,
          );
          return other ? `Det finnes allerede et kull som heter «${value.trim()}». Velg et annet navn.` : null;
        },
      }).map((column) => withSelectionClasses(column, selection)),
    [currentRows, setMessage, selection],
  );

  const sheet = useSheet<KullRow>({
    table: 'kull',
    fields: KULL_FIELDS,
    api: () => apiRef.current,
    container: gridBox,
    selection,
    issues,
    saver,
    layout,
    report: setMessage,
    storedId: (row) => row.id,
    gridRowId: (id) => String(id),
    kullName: () => '',
    rowName: (row) => row.navn,
    search: searchBox,
    exportWhat: { title: 'kullene', holdsNames: false },
  });

  const commitCell = useCallback(
    (rowId: string, colId: string, text: string) => {
      const def = kullField(colId);
      if (!def) return;
      void saver.commit({
        rowId,
        def,
        text,
        parseContext: makeParseContext([], null),
        send: async (row, value) => {
          const result = await invoke('kull:update', { id: row.id, changes: { [def.key]: value } });
          return result.ok ? { ok: true, value: { row: result.value } } : result;
        },
      });
    },
    [saver],
  );
  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<KullRow>) => {
      if (event.node.id) commitCell(event.node.id, event.column.getColId(), String(event.newValue ?? ''));
    },
    [commitCell],
  );
  useLeaveGuard({
    api: () => apiRef.current,
    commit: (edit) => edit.node.id && commitCell(edit.node.id, edit.colId, edit.text),
    idle: () => saver.idle(),
  });

  const { onCellFocused, onViewChanged } = sheet;
  const { applyTo, saveFrom } = layout;
  const gridOptions = useMemo(
    (): GridOptions<KullRow> => ({
      ...baseGridOptions<KullRow>(),
      defaultColDef: DEFAULT_COL_DEF,
      getRowId: (p) => String(p.data.id),
      cacheQuickFilter: true,
      onGridReady: (event) => {
        apiRef.current = event.api;
        applyTo(event.api);
      },
      onCellKeyDown: (event) => clearIssueOnEscape(issues, event),
      onCellFocused,
      onSortChanged: onViewChanged,
      onFilterChanged: onViewChanged,
      onDragStopped: (event) => saveFrom(event.api),
      onModelUpdated: (event) => updateCount(event.api),
      noRowsOverlayComponent: EmptyKull,
    }),
    [updateCount, onCellFocused, onViewChanged, applyTo, saveFrom],
  );

  const openForm = useCallback(() => {
    apiRef.current?.stopEditing();
    setAlert(null);
    setCreating(true);
  }, []);
  useCtrlEnter(openForm);

  const onCreated = (row: KullRow) => {
    setCreating(false);
    const api = apiRef.current;
    if (!api) return;
    api.applyTransaction({ add: [row] });
    const node = api.getRowNode(String(row.id));
    if (node?.rowIndex != null) {
      api.ensureIndexVisible(node.rowIndex);
      api.setFocusedCell(node.rowIndex, 'navn');
    }
    setMessage({ tone: 'ok', text: `Kullet «${row.navn}» er opprettet.` });
  };

  const deleteFocused = async () => {
    const api = apiRef.current;
    if (!api) return;
    const focused = api.getFocusedCell();
    const row = focused ? api.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined;
    if (!row) {
      setMessage({ tone: 'warning', text: 'Velg kullet du vil slette (klikk på en rad) og prøv igjen.' });
      return;
    }
    // Refused before asking (issue 16, item 13): a kull with deltakere cannot be deleted, so no dialog
    // should suggest it can. Counted afresh: the grid's count may be older than the register.
    const fresh = await invoke('kull:list', {});
    const inUse = (fresh.ok ? fresh.value.find((k) => k.id === row.id) : row)?.antall_deltakere ?? 0;
    if (inUse > 0) {
      const text = `«${row.navn}» har ${inUse} ${inUse === 1 ? 'deltaker' : 'deltakere'} og kan ikke slettes. Flytt deltakerne til et annet kull (eller fjern kullet fra dem) under Deltakere først.`;
      setAlert(text);
      setMessage({ tone: 'error', text });
      return;
    }
    const yes = await confirm({
      title: 'Slette kull?',
      body: (
        <p>
          Vil du slette kullet <strong>{row.navn}</strong>? Du kan angre med Ctrl+Z.
        </p>
      ),
      confirmLabel: 'Slett kull',
      danger: true,
    });
    if (!yes) return;
    const result = await invoke('kull:delete', { id: row.id });
    if (!result.ok) {
      setAlert(result.error.message);
      setMessage({ tone: 'error', text: result.error.message });
      return;
    }
    setAlert(null);
    issues.clearRow(String(row.id));
    api.applyTransaction({ remove: [row] });
    setMessage({ tone: 'ok', text: `Kullet «${row.navn}» er slettet.` });
  };

  return (
    <div className="grid-screen">
      <div className="toolbar">
        <h1 className="screen-title">Kull</h1>
        <label className="toolbar-field">
          <span className="toolbar-label">Søk</span>
          <input
            ref={searchBox}
            className="text-input search-input"
            type="search"
            value={search}
            placeholder="Navn, merknad …"
            title="Ctrl+F"
            onChange={(event) => {
              setSearch(event.target.value);
              apiRef.current?.setGridOption('quickFilterText', event.target.value);
            }}
          />
        </label>
        <div className="toolbar-actions">
          <button type="button" className="button button-primary" onClick={openForm} title="Ctrl+Enter">
            Nytt kull
          </button>
          <button type="button" className="button" onClick={() => void deleteFocused()}>
            Slett kull
          </button>
          <HistoryButton
            table="kull"
            api={() => apiRef.current}
            onHint={(text) => setMessage({ tone: 'warning', text })}
          />
          <SheetActions sheet={sheet} api={() => apiRef.current} layout={layout} />
        </div>
      </div>
      {creating && (
        <NyttKullForm existing={rows ? currentRows() : []} onCreated={onCreated} onClose={() => setCreating(false)} />
      )}
      {alert && (
        <div className="alert alert-error" role="alert">
          <span>{alert}</span>
          <button type="button" className="alert-close" aria-label="Lukk meldingen" onClick={() => setAlert(null)}>
            ×
          </button>
        </div>
      )}
      <div className="grid-box" ref={gridBox}>
        {rows && layout.layout && (
          <AgGridReact<KullRow>
            {...gridOptions}
            rowData={rows}
            columnDefs={columns}
            onCellEditRequest={onCellEditRequest}
          />
        )}
        <IssueBubbles issues={issues} container={gridBox} />
      </div>
      {sheet.panel}
      <DetailLine newRowLabel="nytt kull" />
      <StatusBar message={message}>
        Viser {count.shown} av {count.total} kull
        <RefusedCount issues={issues} />
      </StatusBar>
      {dialog}
      {sheet.dialog}
    </div>
  );
}

const DEFAULT_COL_DEF = {
  sortable: true,
  resizable: true,
  suppressHeaderMenuButton: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
};

function EmptyKull() {
  return (
    <div className="empty-state">
      Ingen kull ennå. Trykk «Nytt kull» eller Ctrl+Enter. Du kan også lime inn fra Excel med Ctrl+V.
    </div>
  );
}
