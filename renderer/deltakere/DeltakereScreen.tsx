/**
 * Deltakere: every participation in one sheet-like grid. Each accepted cell is saved at once (only
 * that field); a refused one keeps the typed text with the reason beside it; rows that break a
 * row rule carry a ⚠ with the rule's text. Paste, copy, fill, clear, undo and export work as in
 * Excel (grid/useSheet.tsx); rows load a page at a time (useDeltakerPages.ts); the toolbar, grid
 * box and status line are the grid screens' shell (grid/GridScreen.tsx).
 */
import type { GridOptions, IRowNode } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KullFilter } from '../../shared/api';
import type { EditableListKey } from '../../shared/codes';
import { formatDate } from '../../shared/dates';
import { DELTAKER_FIELDS, deltakerField } from '../../shared/fields';
import { ruleTitle } from '../../shared/rules';
import type { CodeLists } from '../../shared/schema/codelist';
import type { Deltaker } from '../../shared/schema/deltaker';
import type { KullRow } from '../../shared/schema/kull';
import { invoke } from '../bridge';
import { afterFirstScreen } from '../firstScreen';
import { useCellIssues } from '../grid/cellIssues';
import { GridScreen, useGridScreen } from '../grid/GridScreen';
import { clearIssueOnEscape } from '../grid/IssueBubbles';
import { makeParseContext, visibleListValues } from '../grid/parseContext';
import { withSelectionClasses } from '../grid/selection';
import { useCtrlEnter } from '../grid/useCtrlEnter';
import { useSheet } from '../grid/useSheet';
import { type DeltakerRequest, focusGridRow, useNavigation } from '../navigation';
import { DetailLine } from '../ui/DetailLine';
import { rowMarkerMessages } from './cells';
import { deleteDeltakere } from './confirmDelete';
import { deltakerColumns } from './deltakerColumns';
import { EmptyDeltakere, passesKullFilter, ROW_SELECTION, SELECTION_COLUMN } from './deltakerGrid';
import { Drafts } from './drafts';
import { KullFilterSelect } from './KullFilterSelect';
import { JumpMark, RULE_FIELD } from './ruleJump';
import { saveDeltakerField } from './saveDeltaker';
import { SearchIndex } from './searchIndex';
import { useDeltakerPages } from './useDeltakerPages';

export function DeltakereScreen() {
  const draftsRef = useRef<Drafts | null>(null);
  const parts = useGridScreen<Deltaker>('deltaker', (rowId) => draftsRef.current?.isKept(rowId) ?? false);
  const { apiRef, issues, saver, selection, setMessage, count } = parts;
  const [kull, setKull] = useState<KullRow[]>([]);
  const [lists, setLists] = useState<CodeLists | null>(null);
  // «Løpende opptak» with no kull: no Kull column, no kull selector, Tab does not stop there.
  const [opptak, setOpptak] = useState<'kull' | 'lopende' | null>(null);
  const withoutKull = opptak === 'lopende' && kull.length === 0;
  const [filter, setFilter] = useState<KullFilter>('alle');
  const [search, setSearch] = useState('');
  const navigation = useNavigation();
  const [focusedRowId, setFocusedRowId] = useState<string | null>(null);
  const [, setTick] = useState(0);
  const searchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The grid's callbacks read the latest lists through refs; the column definitions never change.
  const kullRef = useRef(kull);
  kullRef.current = kull;
  const listsRef = useRef(lists);
  listsRef.current = lists;
  const filterRef = useRef(filter);
  filterRef.current = filter;

  const drafts = useMemo(() => new Drafts(() => apiRef.current, saver, issues), [apiRef, saver, issues]);
  draftsRef.current = drafts;
  const kullName = useCallback((id: number) => kullRef.current.find((k) => k.id === id)?.navn ?? `Kull ${id}`, []);
  const searchIndex = useMemo(() => new SearchIndex(kullName), [kullName]);

  // Opened from the report's data-quality list: that deltaker's row, once it has loaded, at the
  // field the rule is about, marked (ruleJump.ts).
  const wantedRow = useRef<DeltakerRequest | null | undefined>(undefined);
  const jump = useMemo(() => new JumpMark(), []);
  const showWantedRow = useCallback(
    (final: boolean) => {
      const api = apiRef.current;
      if (!api) return;
      if (wantedRow.current === undefined) wantedRow.current = navigation.takeDeltakerRequest();
      const asked = wantedRow.current;
      if (asked === null) return;
      const field = asked.rule ? RULE_FIELD[asked.rule] : 'navn';
      if (focusGridRow(api, String(asked.id), field)) {
        wantedRow.current = null;
        if (!asked.rule) return;
        jump.set(String(asked.id), field);
        const node = api.getRowNode(String(asked.id));
        if (node) api.refreshCells({ rowNodes: [node], columns: [field], force: true });
        const name = node?.data?.navn || `Deltaker nr. ${asked.id}`;
        setMessage({
          tone: 'warning',
          text: `${name}: ${ruleTitle(asked.rule)}. Se feltet «${deltakerField(field)?.label ?? field}».`,
        });
      } else if (final) {
        wantedRow.current = null;
        setMessage({ tone: 'warning', text: `Fant ikke deltaker nr. ${asked.id}. Er den slettet?` });
      }
    },
    [apiRef, setMessage, navigation, jump],
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
  }, [apiRef, loadingDone, showWantedRow]);

  const reloadLists = useCallback(async () => {
    const result = await invoke('codes:list', {});
    if (result.ok) setLists(result.value);
  }, []);

  // The grid waits for the opptak setting (its columns), so that is not held up by the code lists.
  useEffect(() => {
    void Promise.all([invoke('kull:list', {}), invoke('settings:get', {})]).then(([kullList, settings]) => {
      if (kullList.ok) setKull(kullList.value);
      setOpptak(settings.ok ? settings.value.opptak : 'kull');
      if (!kullList.ok) setMessage({ tone: 'error', text: kullList.error.message });
    });
    return () => drafts.dispose();
  }, [setMessage, drafts]);

  // The code lists after the first rows are painted: their use counts read every deltaker (≈70 ms at
  // 100,000, more while the window draws), and the main process answers one call at a time.
  const firstShown = pages.first !== null;
  useEffect(() => {
    if (!firstShown) return;
    void afterFirstScreen().then(async () => {
      const codeLists = await invoke('codes:list', {});
      if (codeLists.ok) setLists(codeLists.value);
      else setMessage({ tone: 'error', text: codeLists.error.message });
    });
  }, [firstShown, setMessage]);

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
  }, [apiRef, kull, searchIndex]);

  const columns = useMemo(
    () =>
      deltakerColumns({
        parseContext,
        kullName,
        issues,
        onError: (text) => setMessage({ tone: 'error', text }),
        listOptions: (key) => visibleListValues(listsRef.current, key as EditableListKey).map((text) => ({ text })),
        kullOptions: () => kullRef.current.map((k) => ({ text: k.navn, hint: `start ${formatDate(k.startdato)}` })),
      })
        .filter((column) => !(withoutKull && column.colId === 'kull_id'))
        .map((column) => jump.withMark(withSelectionClasses(column, selection))),
    [parseContext, kullName, setMessage, selection, issues, jump, withoutKull],
  );

  const sheet = useSheet<Deltaker>({
    table: 'deltaker',
    fields: DELTAKER_FIELDS,
    api: parts.api,
    container: parts.gridBox,
    selection,
    issues,
    saver,
    layout: parts.layout,
    report: setMessage,
    storedId: (row) => drafts.storedId(row.id),
    gridRowId: (id) => drafts.rowIdOf(id),
    kullName,
    rowName: (row) => row.navn,
    newRowKull: () => (typeof filterRef.current === 'number' ? filterRef.current : null),
    addRow: (colId) => addRow(colId),
    menuItems: () => [
      'separator',
      { label: 'Ny deltaker', keys: 'Ctrl+Enter', run: () => addRow() },
      { label: 'Slett deltakeren …', run: () => void deleteRows(), danger: true },
    ],
    onListsChanged: () => void reloadLists(),
    search: parts.searchBox,
    exportWhat: { title: 'deltakerne', holdsNames: true },
  });

  const commitCell = useCallback(
    (rowId: string, colId: string, text: string) => {
      const def = deltakerField(colId);
      if (!def) return;
      void saver
        .commit({
          rowId: drafts.currentRowId(rowId),
          def,
          text,
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
    [apiRef, searchIndex],
  );

  const clearSearch = useCallback(() => {
    setSearch('');
    clearTimeout(searchTimer.current);
    runSearch('');
  }, [runSearch]);

  const addRow = useCallback(
    (focusOnly?: string) => {
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
      drafts.add(typeof current === 'number' ? current : null, focusOnly);
    },
    [apiRef, drafts, setMessage, clearSearch],
  );
  useCtrlEnter(useCallback(() => addRow(), [addRow]));

  const deleteRows = async () => {
    const said = await deleteDeltakere({
      api: apiRef.current,
      confirm: parts.confirm,
      saver,
      issues,
      storedId: (id) => drafts.storedId(id),
    });
    if (said) setMessage(said);
  };

  // The shell adds what both grids share (grid/GridScreen.tsx); these keep their identity, since a
  // new isExternalFilterPresent makes the grid refilter, and refiltering closes an open editor.
  const { gridReady } = pages;
  const options = useMemo(
    (): GridOptions<Deltaker> => ({
      rowSelection: ROW_SELECTION,
      // Only the columns in view are drawn (AG Grid's default column virtualisation): all 24 made
      // each wheel scroll draw 900 cells, long tasks of 100–500 ms at 100,000 (issue 16 item 4).
      // Copy, paste, fill and the selection read the grid's api, never the DOM.
      // Status and warnings are computed per row; keep them until the row changes (100,000 rows).
      valueCache: true,
      selectionColumnDef: SELECTION_COLUMN,
      onGridReady: (event) => {
        gridReady();
        // The kull list may have arrived before the grid could be told (the effect above).
        event.api.refreshCells({ columns: ['kull_id'], force: true });
      },
      onFirstDataRendered: (event) => {
        event.api.refreshCells({ columns: ['kull_id'], force: true });
        // A search typed before the grid was ready (runSearch had no grid to tell) applies now.
        if (searchIndex.isActive()) event.api.onFilterChanged();
        showWantedRow(loadingDoneRef.current);
      },
      onCellEditingStarted: () => drafts.scheduleSettle(),
      onCellEditingStopped: () => drafts.scheduleSettle(),
      onCellKeyDown: (event) => {
        // A new row whose refused Navn is given up goes away again.
        if (clearIssueOnEscape(issues, event)) drafts.scheduleSettle();
      },
      onCellFocused: (event) => {
        const node = event.rowIndex == null ? undefined : event.api.getDisplayedRowAtIndex(event.rowIndex);
        // An empty new row the cursor has left goes away (drafts.ts); a jump's mark too.
        drafts.focused(node?.id ?? null);
        const colId = typeof event.column === 'string' ? event.column : (event.column?.getColId() ?? null);
        if (jump.leave(node?.id ?? null, colId)) event.api.refreshCells({ force: true });
        setFocusedRowId(node?.id ?? null);
      },
      onModelUpdated: () => setTick((t) => t + 1),
      // The kull selector and the search box (searchIndex.ts, not AG Grid's quick filter).
      isExternalFilterPresent: () => filterRef.current !== 'alle' || searchIndex.isActive(),
      doesExternalFilterPass: (node: IRowNode<Deltaker>) =>
        passesKullFilter(node.data, filterRef.current) && node.data !== undefined && searchIndex.matches(node.data),
      noRowsOverlayComponent: EmptyDeltakere,
    }),
    [drafts, issues, showWantedRow, gridReady, searchIndex, jump],
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
    <GridScreen
      parts={parts}
      sheet={sheet}
      commitCell={commitCell}
      title="Deltakere"
      filters={withoutKull ? null : <KullFilterSelect kull={kull} value={filter} onChange={changeFilter} />}
      search={{
        value: search,
        placeholder: 'Navn, sted, veileder …',
        onChange: (text) => {
          setSearch(text);
          // Let the typing settle: each search goes through every row (about 30 ms at 100,000).
          clearTimeout(searchTimer.current);
          searchTimer.current = setTimeout(() => runSearch(text), 150);
        },
      }}
      actions={
        <>
          <button type="button" className="button button-primary" onClick={() => addRow()} title="Ctrl+Enter">
            Ny deltaker
          </button>
          <button type="button" className="button" onClick={() => void deleteRows()}>
            Slett
          </button>
        </>
      }
      storedId={(id) => drafts.storedId(id)}
      grid={{ rows: opptak === null ? null : pages.first, columns, options, overlayParams }}
      detail={
        <DetailLine
          warnings={focusedRow ? { name: focusedRow.navn || 'Ny deltaker', messages: warnings } : null}
          newRowLabel="ny deltaker"
        />
      }
      counts={
        <>
          Viser {count.shown.toLocaleString('nb-NO')} av{' '}
          {(loading ? Math.max(loading.total, count.total) : count.total).toLocaleString('nb-NO')} deltakere
          {loading && ` · laster ${Math.round((100 * loading.loaded) / Math.max(1, loading.total))} % …`}
        </>
      }
    />
  );
}
