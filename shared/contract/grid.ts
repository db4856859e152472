/**
 * What the two sheet-like grids (Deltakere, Kull) need beyond one-field saves: many cells at once
 * (paste, fill down, clearing a block) in one transaction, undo/redo of saved changes, the
 * remembered column layout, and export of the grid as shown.
 */
import { z } from 'zod';
import { DELTAKER_FIELDS, KULL_FIELDS } from '../fields';
import { editableListKey } from '../schema/codelist';
import { id } from '../schema/common';
import { deltaker } from '../schema/deltaker';
import { kullRow } from '../schema/kull';
import type { ChannelTable } from './channel';

export const GRID_TABLES = ['deltaker', 'kull'] as const;
export const gridTable = z.enum(GRID_TABLES);
export type GridTable = z.infer<typeof gridTable>;

/** What a paste does when some cells cannot be stored: store the rest (the default), or nothing. */
export const PASTE_MODES = ['gyldige', 'alt-eller-ingenting'] as const;
export const pasteMode = z.enum(PASTE_MODES);
export type PasteMode = z.infer<typeof pasteMode>;

const FIELD_KEYS: Record<GridTable, ReadonlySet<string>> = {
  deltaker: new Set(DELTAKER_FIELDS.map((f) => f.key)),
  kull: new Set(KULL_FIELDS.map((f) => f.key)),
};

export function isGridField(table: GridTable, key: string): boolean {
  return FIELD_KEYS[table].has(key);
}

/** A cell as typed or pasted: read by parseFieldInput in the store, exactly as a typed cell. */
const cellText = z.string().max(20_000, { message: 'En celle kan ha høyst 20 000 tegn.' });

const setCellsInput = z
  .object({
    table: gridTable,
    /** What the user did; it names the undo step and the status message. */
    action: z.enum(['paste', 'fill', 'fill-right', 'clear', 'cut']),
    mode: pasteMode.default('gyldige'),
    /** One entry per target row, in the grid's order; `id: null` adds a row after the last. */
    rows: z
      .array(z.object({ id: id.nullable(), cells: z.record(z.string(), cellText) }))
      .min(1, { message: 'Ingen celler å endre.' })
      .max(100_000, { message: 'Høyst 100 000 rader om gangen.' }),
    /** The kull new deltaker rows go into (the kull the grid shows), unless the block names one. */
    newRowKull: id.nullable().optional(),
  })
  .superRefine((input, ctx) => {
    for (const [index, row] of input.rows.entries()) {
      for (const key of Object.keys(row.cells)) {
        if (!isGridField(input.table, key)) {
          ctx.addIssue({
            code: 'custom',
            message: `Ukjent felt «${key.slice(0, 50)}».`,
            path: ['rows', index, 'cells'],
          });
          return;
        }
      }
    }
  });
export type SetCellsInput = z.input<typeof setCellsInput>;

export const rejectedCell = z.object({
  /** Index into the request's rows. */
  row: z.number().int(),
  field: z.string(),
  text: z.string(),
  message: z.string(),
});
export type RejectedCell = z.infer<typeof rejectedCell>;

/** Rows as the grid holds them after a change, and rows that are gone. */
export const changedRows = z.discriminatedUnion('table', [
  z.object({ table: z.literal('deltaker'), rows: z.array(deltaker), removed: z.array(id) }),
  z.object({ table: z.literal('kull'), rows: z.array(kullRow), removed: z.array(id) }),
]);
export type ChangedRows = z.infer<typeof changedRows>;

const undoOutcome = z.object({
  /** False when there was nothing to undo (or redo). */
  done: z.boolean(),
  /** What was undone or redone, e.g. «Lim inn 30 rader». */
  label: z.string().nullable(),
  step: z.number().int().nullable(),
  changed: changedRows,
});
export type UndoOutcome = z.infer<typeof undoOutcome>;

export const columnLayout = z.object({
  colId: z.string().min(1).max(100),
  width: z.number().int().min(20).max(3000).optional(),
  hide: z.boolean().optional(),
});
export type ColumnLayout = z.infer<typeof columnLayout>;

/** A grid's layout as remembered in the register: column order, widths and hidden columns, and the paste mode. */
export const gridLayout = z.object({
  columns: z.array(columnLayout).max(200),
  pasteMode,
});
export type GridLayout = z.infer<typeof gridLayout>;

export const DEFAULT_GRID_LAYOUT: GridLayout = { columns: [], pasteMode: 'gyldige' };

export const GRID_EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type GridExportFormat = (typeof GRID_EXPORT_FORMATS)[number];

export const gridChannels = {
  /**
   * Paste, fill down or clear many cells in one transaction: every cell is read as if typed; cells
   * that cannot be stored are listed with the reason, and the rest are stored — or nothing, in
   * «alt eller ingenting» mode. One undo step.
   */
  'grid:setCells': {
    writes: true,
    undoable: 'table',
    async: false,
    returnsNames: true,
    input: setCellsInput,
    result: z.object({
      /** False when nothing was written (all-or-nothing with a refused cell, or nothing changed). */
      applied: z.boolean(),
      changed: changedRows,
      /** Rows the change added: request row index → the new row's id. */
      created: z.array(z.object({ row: z.number().int(), id })),
      rejected: z.array(rejectedCell),
      addedListValues: z.array(z.object({ list: editableListKey, verdi: z.string() })),
      /** How many cells got a new value. */
      cellsChanged: z.number().int(),
      step: z.number().int().nullable(),
    }),
  },
  /** Undo the latest saved change of this grid (an edit, a paste, a fill, added or deleted rows). */
  'grid:undo': {
    writes: true,
    undoable: false,
    async: false,
    returnsNames: true,
    input: z.object({ table: gridTable }),
    result: undoOutcome,
  },
  /** Redo what was undone last. */
  'grid:redo': {
    writes: true,
    undoable: false,
    async: false,
    returnsNames: true,
    input: z.object({ table: gridTable }),
    result: undoOutcome,
  },
  /** What Ctrl+Z and Ctrl+Y would do now (labels for the buttons' tooltips). */
  'grid:history:get': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({ table: gridTable }),
    result: z.object({ undo: z.string().nullable(), redo: z.string().nullable() }),
  },
  /** The grid's remembered layout in this register. */
  'grid:layout:get': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({ table: gridTable }),
    result: gridLayout,
  },
  /** Remember the grid's layout (column widths, order, hidden columns, paste mode) in this register. */
  'grid:layout:set': {
    writes: true,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({ table: gridTable, layout: gridLayout.partial() }),
    result: gridLayout,
  },
  /**
   * Save the grid as shown — its rows (filter, sort) and visible columns, in order — as Excel or CSV.
   * The file holds names: the screen warns before it asks. In the app the user picks the file in a
   * save dialog (a path from the page is refused); from Node (tests) `path` says where.
   */
  'grid:export': {
    writes: false,
    undoable: false,
    async: true,
    returnsNames: true,
    input: z.object({
      table: gridTable,
      format: z.enum(GRID_EXPORT_FORMATS),
      columns: z.array(z.string().min(1).max(100)).min(1).max(100),
      ids: z.array(id).max(200_000),
      path: z.string().min(1).optional(),
    }),
    result: z.object({
      saved: z.boolean(),
      path: z.string().nullable(),
      bytes: z.number().int(),
      rows: z.number().int(),
    }),
  },
} as const satisfies ChannelTable;
