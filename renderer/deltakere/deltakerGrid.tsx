/** The Deltakere grid's fixed options: the tick column, the kull filter, the empty grid's text. */
import type { GridOptions } from 'ag-grid-community';
import type { KullFilter } from '../../shared/api';
import type { Deltaker } from '../../shared/schema/deltaker';

export const ROW_SELECTION: GridOptions['rowSelection'] = {
  mode: 'multiRow',
  checkboxes: true,
  headerCheckbox: true,
  enableClickSelection: false,
};

export const SELECTION_COLUMN: GridOptions['selectionColumnDef'] = {
  width: 44,
  minWidth: 44,
  maxWidth: 44,
  pinned: 'left',
  suppressMovable: true,
};

export function passesKullFilter(row: Deltaker | undefined, filter: KullFilter): boolean {
  if (!row) return false;
  if (filter === 'alle') return true;
  if (filter === 'uten') return row.kull_id === null;
  return row.kull_id === filter;
}

export function EmptyDeltakere(props: { filtered: boolean }) {
  return (
    <div className="empty-state">
      {props.filtered
        ? 'Ingen deltakere passer til utvalget.'
        : 'Ingen deltakere ennå. Trykk «Ny deltaker» eller Ctrl+Enter. Du kan også lime inn fra Excel med Ctrl+V.'}
    </div>
  );
}
