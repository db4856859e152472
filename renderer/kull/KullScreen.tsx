/**
 * Kull: the cohorts, edited like a sheet. «Nytt kull» (or Ctrl+Enter) opens a one-line form above
 * the grid; «Slett kull» removes the focused kull after a confirmation; the store refuses a kull
 * that still has deltakere and says why. Paste, copy, fill, clear, undo and export work as in the
 * Deltakere grid (grid/useSheet.tsx); the toolbar, grid box and status line are the grid screens'
 * shell (grid/GridScreen.tsx).
 */
import type { GridOptions } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { KULL_FIELDS, kullField } from '../../shared/fields';
import type { KullRow } from '../../shared/schema/kull';
import { invoke } from '../bridge';
import { GridScreen, useGridScreen } from '../grid/GridScreen';
import { clearIssueOnEscape } from '../grid/IssueBubbles';
import { makeParseContext } from '../grid/parseContext';
import { withSelectionClasses } from '../grid/selection';
import { useCtrlEnter } from '../grid/useCtrlEnter';
import { useSheet } from '../grid/useSheet';
import { DetailLine } from '../ui/DetailLine';
import { kullColumns } from './kullColumns';
import { NyttKullForm } from './NyttKullForm';

export function KullScreen() {
  const parts = useGridScreen<KullRow>('kull');
  const { apiRef, issues, saver, selection, setMessage, confirm, count } = parts;
  const [rows, setRows] = useState<KullRow[] | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState('');

  const currentRows = useCallback((): KullRow[] => {
    const out: KullRow[] = [];
    apiRef.current?.forEachNode((node) => node.data && out.push(node.data));
    return out;
  }, [apiRef]);

  useEffect(() => {
    void invoke('kull:list', {}).then((result) => {
      if (result.ok) setRows(result.value);
      else setAlert(result.error.message);
    });
  }, []);

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
    [currentRows, setMessage, selection, issues],
  );

  const sheet = useSheet<KullRow>({
    table: 'kull',
    fields: KULL_FIELDS,
    api: parts.api,
    container: parts.gridBox,
    selection,
    issues,
    saver,
    layout: parts.layout,
    report: setMessage,
    storedId: (row) => row.id,
    gridRowId: (id) => String(id),
    kullName: () => '',
    rowName: (row) => row.navn,
    search: parts.searchBox,
    exportWhat: { title: 'kullene', holdsNames: false },
    menuItems: () => [
      'separator',
      { label: 'Nytt kull', keys: 'Ctrl+Enter', run: () => openForm() },
      { label: 'Slett kullet …', run: () => void deleteFocused(), danger: true },
    ],
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

  const options = useMemo(
    (): GridOptions<KullRow> => ({
      cacheQuickFilter: true,
      onCellKeyDown: (event) => clearIssueOnEscape(issues, event),
      noRowsOverlayComponent: EmptyKull,
    }),
    [issues],
  );

  const openForm = useCallback(() => {
    apiRef.current?.stopEditing();
    setAlert(null);
    setCreating(true);
  }, [apiRef]);
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
    <GridScreen
      parts={parts}
      sheet={sheet}
      commitCell={commitCell}
      title="Kull"
      search={{
        value: search,
        placeholder: 'Navn, merknad …',
        onChange: (text) => {
          setSearch(text);
          apiRef.current?.setGridOption('quickFilterText', text);
        },
      }}
      actions={
        <>
          <button type="button" className="button button-primary" onClick={openForm} title="Ctrl+Enter">
            Nytt kull
          </button>
          <button type="button" className="button" onClick={() => void deleteFocused()}>
            Slett kull
          </button>
        </>
      }
      above={
        <>
          {creating && (
            <NyttKullForm
              existing={rows ? currentRows() : []}
              onCreated={onCreated}
              onClose={() => setCreating(false)}
            />
          )}
          {alert && (
            <div className="alert alert-error" role="alert">
              <span>{alert}</span>
              <button type="button" className="alert-close" aria-label="Lukk meldingen" onClick={() => setAlert(null)}>
                ×
              </button>
            </div>
          )}
        </>
      }
      grid={{ rows, columns, options }}
      detail={<DetailLine newRowLabel="nytt kull" />}
      counts={`Viser ${count.shown} av ${count.total} kull`}
    />
  );
}

function EmptyKull() {
  return (
    <div className="empty-state">
      Ingen kull ennå. Trykk «Nytt kull» eller Ctrl+Enter. Du kan også lime inn fra Excel med Ctrl+V.
    </div>
  );
}
