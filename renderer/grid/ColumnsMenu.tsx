/**
 * «Kolonner»: which columns the grid shows (remembered in the register), back to the standard
 * layout, and what a paste does when some cells are wrong. Columns are moved and widened by
 * dragging their headers, as in Excel.
 */
import type { GridApi } from 'ag-grid-community';
import { useEffect, useId, useRef, useState } from 'react';
import type { PasteMode } from '../../shared/contract/grid';
import type { GridLayoutControl } from './layout';

/** Columns that always stay: the row's name and the checkboxes. */
const FIXED = new Set(['navn', 'ag-Grid-SelectionColumn']);

export function ColumnsMenu(props: { api: () => GridApi | undefined; layout: GridLayoutControl }) {
  const { api, layout } = props;
  const [open, setOpen] = useState(false);
  const [, setTick] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        setOpen(false);
        box.current?.querySelector('button')?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    box.current?.addEventListener('keydown', onKey);
    const element = box.current;
    return () => {
      document.removeEventListener('mousedown', onDown);
      element?.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const grid = api();
  const columns = open && grid ? (grid.getColumns() ?? []).filter((c) => !FIXED.has(c.getColId())) : [];

  const setVisible = (colId: string, visible: boolean) => {
    const g = api();
    if (!g) return;
    g.setColumnsVisible([colId], visible);
    layout.saveFrom(g);
    setTick((t) => t + 1);
  };

  const reset = () => {
    const g = api();
    if (!g) return;
    g.resetColumnState();
    layout.saveFrom(g);
    setTick((t) => t + 1);
  };

  const mode = (value: PasteMode) => () => layout.setPasteMode(value);

  return (
    <div className="menu-box" ref={box}>
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        Kolonner ▾
      </button>
      {open && (
        <div className="menu-popover" id={id}>
          <p className="menu-heading">Vis kolonnene</p>
          <div className="menu-columns">
            {columns.map((column) => (
              <label key={column.getColId()} className="menu-check">
                <input
                  type="checkbox"
                  checked={column.isVisible()}
                  onChange={(event) => setVisible(column.getColId(), event.target.checked)}
                />{' '}
                {column.getColDef().headerName === '⚠' ? '⚠ Varsler' : column.getColDef().headerName}
              </label>
            ))}
          </div>
          <button type="button" className="button button-small" onClick={reset}>
            Standard kolonner
          </button>
          <p className="menu-heading">Når noen innlimte celler er feil</p>
          <label className="menu-check">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={layout.pasteMode === 'gyldige'}
              onChange={mode('gyldige')}
            />{' '}
            lim inn resten
          </label>
          <label className="menu-check">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={layout.pasteMode === 'alt-eller-ingenting'}
              onChange={mode('alt-eller-ingenting')}
            />{' '}
            alt eller ingenting
          </label>
        </div>
      )}
    </div>
  );
}
