/** The toolbar buttons both grids share: undo, redo, export, columns. */
import type { GridApi } from 'ag-grid-community';
import { ColumnsMenu } from './ColumnsMenu';
import type { GridLayoutControl } from './layout';
import type { Sheet } from './useSheet';

// Pressing a button must not take the focus out of the grid: Ctrl+Z right after still works there.
const keepFocus = (event: React.MouseEvent) => event.preventDefault();

export function SheetActions<R>(props: { sheet: Sheet<R>; api: () => GridApi | undefined; layout: GridLayoutControl }) {
  const { sheet, api, layout } = props;
  return (
    <div className="toolbar-group">
      <button
        type="button"
        className="button button-icon"
        title="Angre (Ctrl+Z)"
        aria-label="Angre"
        onMouseDown={keepFocus}
        onClick={() => void sheet.undo()}
      >
        <span aria-hidden="true">↶</span>
      </button>
      <button
        type="button"
        className="button button-icon"
        title="Gjør om (Ctrl+Y)"
        aria-label="Gjør om"
        onMouseDown={keepFocus}
        onClick={() => void sheet.redo()}
      >
        <span aria-hidden="true">↷</span>
      </button>
      <button type="button" className="button" onClick={() => void sheet.exportGrid()}>
        Eksporter …
      </button>
      <ColumnsMenu api={api} layout={layout} />
    </div>
  );
}
