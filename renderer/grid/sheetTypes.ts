/** The shapes useSheet.tsx and its helpers share. */
import type { CellFocusedEvent, GridApi } from 'ag-grid-community';
import type { ReactNode, RefObject } from 'react';
import type { Output } from '../../shared/api';
import type { ChangedRows, GridTable } from '../../shared/contract/grid';
import type { FieldDef } from '../../shared/fields';
import type { CellIssues } from './cellIssues';
import type { CellSaver, StatusMessage } from './cellSaver';
import type { SheetGeometry } from './clipboard';
import type { GridLayoutControl } from './layout';
import type { SheetMenuItem } from './SheetMenu';
import type { CellPos, GridSelection } from './selection';

export type Row = { id: number };

export type SheetOptions<R extends Row> = {
  table: GridTable;
  fields: readonly FieldDef<string>[];
  api: () => GridApi<R> | undefined;
  container: RefObject<HTMLElement | null>;
  selection: GridSelection;
  issues: CellIssues;
  saver: CellSaver<R>;
  layout: GridLayoutControl;
  report: (message: StatusMessage) => void;
  /** The stored id of a grid row; undefined for a new row not stored yet. */
  storedId: (row: R) => number | undefined;
  /** The grid's row id for a stored id (a new row keeps its draft id for a moment). */
  gridRowId: (storedId: number) => string;
  kullName: (id: number) => string;
  rowName: (row: R) => string;
  /** The screen's own items at the end of the right-click menu (a new row, delete). */
  menuItems?: () => SheetMenuItem[];
  /** Enter or ↓ on the last row adds one, the cursor in this column (Deltakere; a kull needs its form). */
  addRow?: (colId: string) => void;
  /** The kull a new deltaker row goes into. */
  newRowKull?: () => number | null;
  onListsChanged?: () => void;
  search?: RefObject<HTMLInputElement | null>;
  /** How the export dialog names the rows, and whether the file holds names. */
  exportWhat: { title: string; holdsNames: boolean };
};

export type Sheet<R> = {
  panel: ReactNode;
  dialog: ReactNode;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  exportGrid: () => Promise<void>;
  onCellFocused: (event: CellFocusedEvent<R>) => void;
  /** After sorting or filtering, row numbers mean other rows: the block starts again. */
  onViewChanged: () => void;
};

/** Where a paste goes when not at the focused cell: a given cell, or new rows after the last. */
export type PasteAt = { start: CellPos | null; block: ReturnType<GridSelection['block']>; asNewRows?: boolean };

/** What the actions of a sheet (paste, fill, clear) share with the hook that holds them. */
export type SheetContext<R extends Row> = {
  options: () => SheetOptions<R>;
  geometry: () => SheetGeometry<R> | null;
  /** Stops editing and waits for the saves on their way; false when a refused text holds the editor open. */
  settle: () => Promise<boolean>;
  /** The rows the store sent back, into the grid (no reload). */
  applyChanged: (changed: ChangedRows) => void;
  /** « Nye verdier i listene: … » for the status line (and the lists are read again). */
  listNotice: (added: Output<'grid:setCells'>['addedListValues']) => string;
  /** One store call at a time: null when another is still running. */
  exclusive: <T>(work: () => Promise<T>) => Promise<T | null>;
};
