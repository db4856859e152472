/**
 * Deltakere: every participation in one sheet-like grid. Each accepted cell is saved at once (only
 * that field); a refused one keeps the typed text with the reason beside it; rows that break a
 * row rule carry a ⚠ with the rule's text.
 */
import type { CellEditRequestEvent, GridApi, GridOptions, IRowNode } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KullFilter } from '../../shared/api';
import type { EditableListKey } from '../../shared/codes';
import { formatDate } from '../../shared/dates';
import { deltakerField } from '../../shared/fields';
import { rowWarnings } from '../../shared/rules';
import type { CodeLists } from '../../shared/schema/codelist';
import type { Deltaker } from '../../shared/schema/deltaker';
import type { KullRow } from '../../shared/schema/kull';
import { invoke } from '../bridge';
import { CellIssues } from '../grid/cellIssues';
import { CellSaver } from '../grid/cellSaver';
import { clearIssueOnEscape, IssueBubbles } from '../grid/IssueBubbles';
import { makeParseContext, visibleListValues } from '../grid/parseContext';
import { baseGridOptions } from '../grid/theme';
import { useCtrlEnter } from '../grid/useCtrlEnter';
import { useRowCount } from '../grid/useRowCount';
import { focusGridRow, useNavigation } from '../navigation';
import { useConfirm } from '../ui/ConfirmDialog';
import { DetailLine } from '../ui/DetailLine';
import { StatusBar, useStatusMessage } from '../ui/StatusBar';
import { confirmDeleteRequest } from './confirmDelete';
import { deltakerColumns } from './deltakerColumns';
import { Drafts } from './drafts';
import { KullFilterSelect } from './KullFilterSelect';
import { saveDeltakerField } from './saveDeltaker';

const issues = new CellIssues();

export function DeltakereScreen() {
  const [rows, setRows] = useState<Deltaker[] | null>(null);
  const [kull, setKull] = useState<KullRow[]>([]);
  const [lists, setLists] = useState<CodeLists | null>(null);
  const [filter, setFilter] = useState<KullFilter>('alle');
  const [search, setSearch] = useState('');
  const [message, setMessage] = useStatusMessage();
  const navigation = useNavigation();
  const [focusedRowId, setFocusedRowId] = useState<string | null>(null);
  const [, setTick] = useState(0);
  const [count, updateCount] = useRowCount<Deltaker>();
  const [dialog, confirm] = useConfirm();
  const apiRef = useRef<GridApi<Deltaker> | undefined>(undefined);
  const gridBox = useRef<HTMLDivElement>(null);
  const searchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The grid's callbacks read the latest lists through refs; the column definitions never change.
  const kullRef = useRef(kull);
  kullRef.current = kull;
  const listsRef = useRef(lists);
  listsRef.current = lists;
  const filterRef = useRef(filter);
  filterRef.current = filter;

  const saver = useMemo(() => new CellSaver<Deltaker>(() => apiRef.current, issues, setMessage), [setMessage]);
  const drafts = useMemo(() => new Drafts(() => apiRef.current, saver, issues), [saver]);

  const reloadLists = useCallback(async () => {
    const result = await invoke('codes:list', {});
    if (result.ok) setLists(result.value);
  }, []);

  useEffect(() => {
    void Promise.all([
      invoke('deltaker:list', { kull: 'alle' }),
      invoke('kull:list', {}),
      invoke('codes:list', {}),
    ]).then(([deltakere, kullList, codeLists]) => {
      if (kullList.ok) setKull(kullList.value);
      if (codeLists.ok) setLists(codeLists.value);
      if (deltakere.ok) setRows(deltakere.value);
      const failed = [deltakere, kullList, codeLists].find((r) => !r.ok);
      if (failed && !failed.ok) setMessage({ tone: 'error', text: failed.error.message });
    });
    return () => {
      apiRef.current?.stopEditing();
    };
  }, [setMessage]);

  const parseContext = useCallback(() => makeParseContext(kullRef.current, listsRef.current), []);

  const columns = useMemo(
    () =>
      deltakerColumns({
        parseContext,
        kullName: (id) => kullRef.current.find((k) => k.id === id)?.navn ?? `Kull ${id}`,
        issues,
        onError: (text) => setMessage({ tone: 'error', text }),
        listOptions: (key) => visibleListValues(listsRef.current, key as EditableListKey).map((text) => ({ text })),
        kullOptions: () => kullRef.current.map((k) => ({ text: k.navn, hint: `start ${formatDate(k.startdato)}` })),
      }),
    [parseContext, setMessage],
  );

  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<Deltaker>) => {
      const def = deltakerField(event.column.getColId());
      if (!def || !event.node.id) return;
      void saver
        .commit({
          rowId: drafts.currentRowId(event.node.id),
          def,
          text: String(event.newValue ?? ''),
          parseContext: parseContext(),
          send: (row, value) => saveDeltakerField(drafts, row, def.key, value, () => void reloadLists()),
        })
        .then(() => drafts.scheduleSettle());
    },
    [saver, drafts, parseContext, reloadLists],
  );

  const addRow = useCallback(() => {
    const api = apiRef.current;
    if (!api) return;
    api.stopEditing();
    if (api.getEditingCells().length > 0) {
      setMessage({
        tone: 'warning',
        text: 'Rett den røde cellen, eller trykk Esc for å angre den, før du legger til en ny deltaker.',
      });
      return;
    }
    // A new, empty row must not be hidden by the search.
    setSearch('');
    clearTimeout(searchTimer.current);
    api.setGridOption('quickFilterText', '');
    const current = filterRef.current;
    drafts.add(typeof current === 'number' ? current : null);
  }, [drafts, setMessage]);
  useCtrlEnter(addRow);

  const deleteRows = async () => {
    const api = apiRef.current;
    if (!api) return;
    api.stopEditing(true);
    let targets = api.getSelectedRows();
    if (targets.length === 0) {
      const focused = api.getFocusedCell();
      const row = focused ? api.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined;
      if (row) targets = [row];
    }
    if (targets.length === 0) {
      setMessage({
        tone: 'warning',
        text: 'Velg deltakerne du vil slette (kryss av eller klikk på en rad) og prøv igjen.',
      });
      return;
    }
    const yes = await confirm(confirmDeleteRequest(targets));
    if (!yes) return;
    await saver.idle();
    const ids = targets.map((t) => drafts.storedId(t.id)).filter((id): id is number => id !== undefined);
    if (ids.length > 0) {
      const result = await invoke('deltaker:delete', { ids });
      if (!result.ok) {
        setMessage({ tone: 'error', text: result.error.message });
        return;
      }
    }
    for (const t of targets) issues.clearRow(String(t.id));
    apiRef.current?.applyTransaction({ remove: targets });
    setMessage({
      tone: 'ok',
      text:
        targets.length === 1
          ? `${targets[0]?.navn || 'Deltakeren'} er slettet.`
          : `${targets.length} deltakere er slettet.`,
    });
  };

  // Every option the grid gets must keep its identity between renders: a new isExternalFilterPresent
  // makes the grid refilter, and refiltering closes an open editor.
  const gridOptions = useMemo(
    (): GridOptions<Deltaker> => ({
      ...baseGridOptions<Deltaker>(),
      defaultColDef: DEFAULT_COL_DEF,
      getRowId: (p) => String(p.data.id),
      rowSelection: ROW_SELECTION,
      // About twenty columns: render them all, so a row is whole when scrolled sideways (and testable).
      suppressColumnVirtualisation: true,
      // Status and warnings are computed per row; keep them until the row changes (100,000 rows).
      valueCache: true,
      cacheQuickFilter: true,
      selectionColumnDef: SELECTION_COLUMN,
      onGridReady: (event) => {
        apiRef.current = event.api;
      },
      // Opened from the report's data-quality list: show that deltaker's row (all kull, no search on a new screen).
      onFirstDataRendered: (event) => {
        const id = navigation.takeDeltakerRequest();
        if (id !== null && !focusGridRow(event.api, String(id), 'navn')) {
          setMessage({ tone: 'warning', text: `Fant ikke deltaker nr. ${id}. Er den slettet?` });
        }
      },
      onCellEditingStarted: () => drafts.scheduleSettle(),
      onCellEditingStopped: () => drafts.scheduleSettle(),
      onCellKeyDown: (event) => clearIssueOnEscape(issues, event),
      onCellFocused: (event) => {
        const node = event.rowIndex == null ? undefined : event.api.getDisplayedRowAtIndex(event.rowIndex);
        setFocusedRowId(node?.id ?? null);
      },
      onModelUpdated: (event) => {
        updateCount(event.api);
        setTick((t) => t + 1);
      },
      isExternalFilterPresent: () => filterRef.current !== 'alle',
      doesExternalFilterPass: (node: IRowNode<Deltaker>) => passesKullFilter(node.data, filterRef.current),
      noRowsOverlayComponent: EmptyDeltakere,
    }),
    [drafts, updateCount, navigation, setMessage],
  );
  const hasRows = count.total > 0;
  const overlayParams = useMemo(() => ({ filtered: hasRows }), [hasRows]);

  const changeFilter = (next: KullFilter) => {
    filterRef.current = next;
    setFilter(next);
    apiRef.current?.onFilterChanged();
  };

  const focusedRow = focusedRowId ? apiRef.current?.getRowNode(focusedRowId)?.data : undefined;
  const warnings = focusedRow ? rowWarnings(focusedRow) : [];

  return (
    <div className="grid-screen">
      <div className="toolbar">
        <h1 className="screen-title">Deltakere</h1>
        <KullFilterSelect kull={kull} value={filter} onChange={changeFilter} />
        <label className="toolbar-field">
          <span className="toolbar-label">Søk</span>
          <input
            className="text-input search-input"
            type="search"
            value={search}
            placeholder="Navn, sted, veileder …"
            onChange={(event) => {
              const text = event.target.value;
              setSearch(text);
              // Let the typing settle: the first search over 100,000 rows takes about a second.
              clearTimeout(searchTimer.current);
              searchTimer.current = setTimeout(() => apiRef.current?.setGridOption('quickFilterText', text), 200);
            }}
          />
        </label>
        <div className="toolbar-actions">
          <button type="button" className="button button-primary" onClick={addRow} title="Ctrl+Enter">
            Ny deltaker
          </button>
          <button type="button" className="button" onClick={() => void deleteRows()}>
            Slett
          </button>
        </div>
      </div>
      <div className="grid-box" ref={gridBox}>
        {rows && (
          <AgGridReact<Deltaker>
            {...gridOptions}
            rowData={rows}
            columnDefs={columns}
            onCellEditRequest={onCellEditRequest}
            noRowsOverlayComponentParams={overlayParams}
          />
        )}
        <IssueBubbles issues={issues} container={gridBox} />
      </div>
      <DetailLine
        warnings={
          focusedRow ? { name: focusedRow.navn || 'Ny deltaker', messages: warnings.map((w) => w.message) } : null
        }
        newRowLabel="ny deltaker"
      />
      <StatusBar message={message}>
        Viser {count.shown} av {count.total} deltakere
      </StatusBar>
      {dialog}
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
const ROW_SELECTION: GridOptions['rowSelection'] = {
  mode: 'multiRow',
  checkboxes: true,
  headerCheckbox: true,
  enableClickSelection: false,
};
const SELECTION_COLUMN: GridOptions['selectionColumnDef'] = {
  width: 44,
  minWidth: 44,
  maxWidth: 44,
  pinned: 'left',
  suppressMovable: true,
};

function passesKullFilter(row: Deltaker | undefined, filter: KullFilter): boolean {
  if (!row) return false;
  if (filter === 'alle') return true;
  if (filter === 'uten') return row.kull_id === null;
  return row.kull_id === filter;
}

function EmptyDeltakere(props: { filtered: boolean }) {
  return (
    <div className="empty-state">
      {props.filtered
        ? 'Ingen deltakere passer til utvalget.'
        : 'Ingen deltakere ennå. Trykk «Ny deltaker» eller Ctrl+Enter.'}
    </div>
  );
}
