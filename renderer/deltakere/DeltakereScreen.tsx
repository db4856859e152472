/**
 * Deltakere: every participation in one sheet-like grid. Each accepted cell is saved at once (only
 * that field); a refused one keeps the typed text with the reason beside it; rows that break a
 * row rule carry a ⚠ with the rule's text. Paste, copy, fill, clear, undo and export work as in
 * Excel (grid/useSheet.tsx); rows load a page at a time (useDeltakerPages.ts).
 */
import type { CellEditRequestEvent, GridApi, GridOptions, IRowNode } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KullFilter } from '../../shared/api';
import type { EditableListKey } from '../../shared/codes';
import { formatDate } from '../../shared/dates';
import { DELTAKER_FIELDS, deltakerField } from '../../shared/fields';
import type { CodeLists } from '../../shared/schema/codelist';
import type { Deltaker } from '../../shared/schema/deltaker';
import type { KullRow } from '../../shared/schema/kull';
import { invoke } from '../bridge';
import { CellIssues, useCellIssues } from '../grid/cellIssues';
import { CellSaver } from '../grid/cellSaver';
import { clearIssueOnEscape, IssueBubbles } from '../grid/IssueBubbles';
import { useGridLayout } from '../grid/layout';
import { makeParseContext, visibleListValues } from '../grid/parseContext';
import { RefusedCount } from '../grid/RefusedCount';
import { SheetActions } from '../grid/SheetActions';
import { GridSelection, withSelectionClasses } from '../grid/selection';
import { baseGridOptions } from '../grid/theme';
import { useCtrlEnter } from '../grid/useCtrlEnter';
import { useRowCount } from '../grid/useRowCount';
import { useSheet } from '../grid/useSheet';
import { focusGridRow, useNavigation } from '../navigation';
import { HistoryButton } from '../safety/HistoryButton';
import { useConfirm } from '../ui/ConfirmDialog';
import { DetailLine } from '../ui/DetailLine';
import { StatusBar, useStatusMessage } from '../ui/StatusBar';
import { rowMarkerMessages } from './cells';
import { confirmDeleteRequest } from './confirmDelete';
import { deltakerColumns } from './deltakerColumns';
import { Drafts } from './drafts';
import { KullFilterSelect } from './KullFilterSelect';
import { saveDeltakerField } from './saveDeltaker';
import { SearchIndex } from './searchIndex';
import { useDeltakerPages } from './useDeltakerPages';

const issues = new CellIssues();

export function DeltakereScreen() {
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
  const searchBox = useRef<HTMLInputElement>(null);
  const searchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const layout = useGridLayout('deltaker');

  // The grid's callbacks read the latest lists through refs; the column definitions never change.
  const kullRef = useRef(kull);
  kullRef.current = kull;
  const listsRef = useRef(lists);
  listsRef.current = lists;
  const filterRef = useRef(filter);
  filterRef.current = filter;

  const saver = useMemo(() => new CellSaver<Deltaker>(() => apiRef.current, issues, setMessage), [setMessage]);
  const drafts = useMemo(() => new Drafts(() => apiRef.current, saver, issues), [saver]);
  const selection = useMemo(() => new GridSelection(() => apiRef.current), []);
  const kullName = useCallback((id: number) => kullRef.current.find((k) => k.id === id)?.navn ?? `Kull ${id}`, []);
  const searchIndex = useMemo(() => new SearchIndex(kullName), [kullName]);

  // Opened from the report's data-quality list: that deltaker's row, once it has loaded.
  const wantedRow = useRef<number | null | undefined>(undefined);
  const showWantedRow = useCallback(
    (final: boolean) => {
      const api = apiRef.current;
      if (!api) return;
      if (wantedRow.current === undefined) wantedRow.current = navigation.takeDeltakerRequest();
      const id = wantedRow.current;
      if (id === null) return;
      if (focusGridRow(api, String(id), 'navn')) wantedRow.current = null;
      else if (final) {
        wantedRow.current = null;
        setMessage({ tone: 'warning', text: `Fant ikke deltaker nr. ${id}. Er den slettet?` });
      }
    },
    [setMessage, navigation],
  );

  const pages = useDeltakerPages({
    api: apiRef,
    has: (api, id) => api.getRowNode(drafts.rowIdOf(id)) !== undefined,
    onError: (text) => setMessage({ tone: 'error', text }),
    onPage: (rows) => {
      searchIndex.add(rows);
      showWantedRow(false);
    },
  });
  const loadingDone = pages.loading === null && pages.first !== null;
  const loadingDoneRef = useRef(loadingDone);
  loadingDoneRef.current = loadingDone;
  useEffect(() => {
    if (loadingDone && apiRef.current) showWantedRow(true);
  }, [loadingDone, showWantedRow]);

  const reloadLists = useCallback(async () => {
    const result = await invoke('codes:list', {});
    if (result.ok) setLists(result.value);
  }, []);

  useEffect(() => {
    void Promise.all([invoke('kull:list', {}), invoke('codes:list', {})]).then(([kullList, codeLists]) => {
      if (kullList.ok) setKull(kullList.value);
      if (codeLists.ok) setLists(codeLists.value);
      const failed = [kullList, codeLists].find((r) => !r.ok);
      if (failed && !failed.ok) setMessage({ tone: 'error', text: failed.error.message });
    });
    return () => {
      apiRef.current?.stopEditing();
    };
  }, [setMessage]);

  const parseContext = useCallback(() => makeParseContext(kullRef.current, listsRef.current), []);

  // The Kull cells and the search texts show kull names: again when the kull list arrives (it may
  // come after the first page of rows).
  useEffect(() => {
    if (kull.length === 0) return;
    apiRef.current?.refreshCells({ columns: ['kull_id'], force: true });
    searchIndex.reset();
    const rows: Deltaker[] = [];
    apiRef.current?.forEachNode((node) => node.data && rows.push(node.data));
    searchIndex.add(rows);
  }, [kull, searchIndex]);

  const columns = useMemo(
    () =>
      deltakerColumns({
        parseContext,
        kullName,
        issues,
        onError: (text) => setMessage({ tone: 'error', text }),
        listOptions: (key) => visibleListValues(listsRef.current, key as EditableListKey).map((text) => ({ text })),
        kullOptions: () => kullRef.current.map((k) => ({ text: k.navn, hint: `start ${formatDate(k.startdato)}` })),
      }).map((column) => withSelectionClasses(column, selection)),
    [parseContext, kullName, setMessage, selection],
  );

  const sheet = useSheet<Deltaker>({
    table: 'deltaker',
    fields: DELTAKER_FIELDS,
    api: () => apiRef.current,
    container: gridBox,
    selection,
    issues,
    saver,
    layout,
    report: setMessage,
    storedId: (row) => drafts.storedId(row.id),
    gridRowId: (id) => drafts.rowIdOf(id),
    kullName,
    rowName: (row) => row.navn,
    newRowKull: () => (typeof filterRef.current === 'number' ? filterRef.current : null),
    onListsChanged: () => void reloadLists(),
    search: searchBox,
    exportWhat: { title: 'deltakerne', holdsNames: true },
  });

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

  const runSearch = useCallback(
    (text: string) => {
      if (searchIndex.setQuery(text)) apiRef.current?.onFilterChanged();
    },
    [searchIndex],
  );

  const clearSearch = useCallback(() => {
    setSearch('');
    clearTimeout(searchTimer.current);
    runSearch('');
  }, [runSearch]);

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
    clearSearch();
    const current = filterRef.current;
    drafts.add(typeof current === 'number' ? current : null);
  }, [drafts, setMessage, clearSearch]);
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
      text: `${
        targets.length === 1
          ? `${targets[0]?.navn || 'Deltakeren'} er slettet.`
          : `${targets.length} deltakere er slettet.`
      } Ctrl+Z angrer.`,
    });
  };

  // Every option the grid gets must keep its identity between renders: a new isExternalFilterPresent
  // makes the grid refilter, and refiltering closes an open editor.
  const { gridReady } = pages;
  const { onCellFocused, onViewChanged } = sheet;
  const { applyTo, saveFrom } = layout;
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
      selectionColumnDef: SELECTION_COLUMN,
      onGridReady: (event) => {
        apiRef.current = event.api;
        applyTo(event.api);
        gridReady();
        // The kull list may have arrived before the grid could be told (the effect above).
        event.api.refreshCells({ columns: ['kull_id'], force: true });
      },
      onFirstDataRendered: (event) => {
        event.api.refreshCells({ columns: ['kull_id'], force: true });
        showWantedRow(loadingDoneRef.current);
      },
      onCellEditingStarted: () => drafts.scheduleSettle(),
      onCellEditingStopped: () => drafts.scheduleSettle(),
      onCellKeyDown: (event) => {
        // A new row whose refused Navn is given up goes away again.
        if (clearIssueOnEscape(issues, event)) drafts.scheduleSettle();
      },
      onCellFocused: (event) => {
        onCellFocused(event);
        const node = event.rowIndex == null ? undefined : event.api.getDisplayedRowAtIndex(event.rowIndex);
        setFocusedRowId(node?.id ?? null);
      },
      onSortChanged: onViewChanged,
      onFilterChanged: onViewChanged,
      onDragStopped: (event) => saveFrom(event.api),
      onModelUpdated: (event) => {
        updateCount(event.api);
        setTick((t) => t + 1);
      },
      // The kull selector and the search box (searchIndex.ts, not AG Grid's quick filter).
      isExternalFilterPresent: () => filterRef.current !== 'alle' || searchIndex.isActive(),
      doesExternalFilterPass: (node: IRowNode<Deltaker>) =>
        passesKullFilter(node.data, filterRef.current) && node.data !== undefined && searchIndex.matches(node.data),
      noRowsOverlayComponent: EmptyDeltakere,
    }),
    [drafts, updateCount, showWantedRow, gridReady, onCellFocused, onViewChanged, applyTo, saveFrom, searchIndex],
  );
  const hasRows = count.total > 0;
  const overlayParams = useMemo(() => ({ filtered: hasRows }), [hasRows]);

  const changeFilter = (next: KullFilter) => {
    filterRef.current = next;
    setFilter(next);
    apiRef.current?.onFilterChanged();
  };

  useCellIssues(issues);
  const focusedRow = focusedRowId ? apiRef.current?.getRowNode(focusedRowId)?.data : undefined;
  const warnings = focusedRow && focusedRowId ? rowMarkerMessages(focusedRow, issues.ofRow(focusedRowId)) : [];
  const loading = pages.loading;

  return (
    <div className="grid-screen">
      <div className="toolbar">
        <h1 className="screen-title">Deltakere</h1>
        <KullFilterSelect kull={kull} value={filter} onChange={changeFilter} />
        <label className="toolbar-field">
          <span className="toolbar-label">Søk</span>
          <input
            ref={searchBox}
            className="text-input search-input"
            type="search"
            value={search}
            placeholder="Navn, sted, veileder …"
            title="Ctrl+F"
            onChange={(event) => {
              const text = event.target.value;
              setSearch(text);
              // Let the typing settle: each search goes through every row (about 30 ms at 100,000).
              clearTimeout(searchTimer.current);
              searchTimer.current = setTimeout(() => runSearch(text), 150);
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
          <HistoryButton
            table="deltaker"
            api={() => apiRef.current}
            storedId={(id) => drafts.storedId(id)}
            onHint={(text) => setMessage({ tone: 'warning', text })}
          />
          <SheetActions sheet={sheet} api={() => apiRef.current} layout={layout} />
        </div>
      </div>
      <div className="grid-box" ref={gridBox}>
        {pages.first && layout.layout && (
          <AgGridReact<Deltaker>
            {...gridOptions}
            rowData={pages.first}
            columnDefs={columns}
            onCellEditRequest={onCellEditRequest}
            noRowsOverlayComponentParams={overlayParams}
          />
        )}
        <IssueBubbles issues={issues} container={gridBox} />
      </div>
      {sheet.panel}
      <DetailLine
        warnings={focusedRow ? { name: focusedRow.navn || 'Ny deltaker', messages: warnings } : null}
        newRowLabel="ny deltaker"
      />
      <StatusBar message={message}>
        Viser {count.shown.toLocaleString('nb-NO')} av{' '}
        {(loading ? Math.max(loading.total, count.total) : count.total).toLocaleString('nb-NO')} deltakere
        {loading && ` · laster ${Math.round((100 * loading.loaded) / Math.max(1, loading.total))} % …`}
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
        : 'Ingen deltakere ennå. Trykk «Ny deltaker» eller Ctrl+Enter. Du kan også lime inn fra Excel med Ctrl+V.'}
    </div>
  );
}
