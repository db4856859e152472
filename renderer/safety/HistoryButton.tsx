/**
 * «Historikk» in a grid's toolbar (and Ctrl+Shift+H): the focused row's history in the side panel.
 * All a grid screen adds is this one element.
 */
import type { GridApi } from 'ag-grid-community';
import { useEffect, useRef } from 'react';
import type { HistoryTarget } from './safetyState';
import { useSafety } from './safetyState';

type Row = { id: number; navn: string };

export function HistoryButton<T extends Row>(props: {
  table: HistoryTarget['table'];
  api: () => GridApi<T> | undefined;
  /** The stored id of a row (a new row has a draft id until it is saved); default: the row's id. */
  storedId?: (id: number) => number | undefined;
  /** Where to say that no row is chosen or the row is not saved yet. */
  onHint: (text: string) => void;
}) {
  const { openHistory } = useSafety();
  const openFocused = () => {
    const { table, api, storedId, onHint } = props;
    const grid = api();
    const focused = grid?.getFocusedCell();
    const row = focused ? grid?.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined;
    if (!row) {
      onHint('Klikk på en rad i tabellen først, og trykk «Historikk» igjen.');
      return;
    }
    const id = storedId ? storedId(row.id) : row.id;
    if (id === undefined || id <= 0) {
      onHint('Raden er ikke lagret ennå, så den har ingen historikk.');
      return;
    }
    openHistory({ table, id, name: row.navn });
  };
  // The shortcut always runs the latest render's function (the props may have changed since).
  const open = useRef(openFocused);
  open.current = openFocused;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = event.key.toLowerCase() === 'h' && (event.ctrlKey || event.metaKey) && event.shiftKey;
      if (!shortcut || event.altKey) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      open.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <button type="button" className="button" title="Historikk for raden (Ctrl+Shift+H)" onClick={() => open.current()}>
      Historikk
    </button>
  );
}
