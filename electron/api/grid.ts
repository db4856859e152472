/**
 * The grids' channels (shared/contract/grid.ts): many cells in one transaction, undo/redo, the
 * remembered layout, export. Saving a file needs the app's save dialog: the Electron glue hands
 * it over with `setGridGlue` (app/grid-export.ts); the tests run without it and pass a path.
 */
import type { ChangedRows, GridExportFormat, GridTable } from '../../shared/contract/grid';
import { writeGridExport } from '../io/grid-export';
import { setCells, setCellsLabel } from '../store/batch';
import { getDeltaker } from '../store/deltakere';
import { DomainError } from '../store/errors';
import { getGridLayout, setGridLayout } from '../store/grid-state';
import { getKull } from '../store/kull';
import type { Register } from '../store/open';
import { type Replayed, redo, undo, undoLabels } from '../store/undo';
import type { HandlerMap } from './types';
import { undoable } from './undoable';

export type GridGlue = {
  /** The user's choice in a save dialog; null when they cancel. */
  chooseSavePath: (options: { title: string; defaultName: string; format: GridExportFormat }) => string | null;
};

let glue: GridGlue | null = null;

export function setGridGlue(next: GridGlue | null): void {
  glue = next;
}

/** Rows as the grid shows them after a change; rows that are gone are listed as removed. */
function changedRows(reg: Register, table: GridTable, ids: readonly number[], removed: readonly number[]): ChangedRows {
  const unique = [...new Set(ids)];
  return table === 'deltaker'
    ? { table, rows: unique.map((id) => getDeltaker(reg, id)), removed: [...removed] }
    : { table, rows: unique.map((id) => getKull(reg, id)), removed: [...removed] };
}

/** What an undo or redo answers: the step replayed (if there was one) and the rows the grid must refresh. */
function stepResult(reg: Register, table: GridTable, done: Replayed | null) {
  return done
    ? {
        done: true,
        label: done.step.label,
        step: done.step.id,
        changed: changedRows(reg, table, done.upserted, done.removed),
      }
    : { done: false, label: null, step: null, changed: changedRows(reg, table, [], []) };
}

const FILE_NAMES: Record<GridTable, string> = { deltaker: 'deltakere', kull: 'kull' };

export const gridHandlers = {
  'grid:setCells': undoable(
    'grid:setCells',
    ({ action }, { changed }) => setCellsLabel(action, changed.rows.length),
    (reg, request) => {
      const outcome = setCells(reg, request);
      return {
        applied: outcome.applied,
        changed: changedRows(reg, request.table, outcome.written, []),
        created: outcome.created,
        rejected: outcome.rejected,
        addedListValues: outcome.addedListValues,
        cellsChanged: outcome.cellsChanged,
        // Filled in by undoable(): the step this call became.
        step: null,
      };
    },
  ),
  'grid:undo': (reg, { table }) => stepResult(reg, table, undo(reg, table)),
  'grid:redo': (reg, { table }) => stepResult(reg, table, redo(reg, table)),
  'grid:history:get': (reg, { table }) => undoLabels(reg, table),
  'grid:layout:get': (reg, { table }) => getGridLayout(reg, table),
  'grid:layout:set': (reg, { table, layout }) => setGridLayout(reg, table, layout),
  'grid:export': (reg, request) => {
    if (glue && request.path !== undefined) {
      throw new DomainError('forbidden', 'Programmet spør selv hvor filen skal lagres. Prøv igjen uten filnavn.');
    }
    if (!glue && request.path === undefined)
      throw new DomainError('no_path', 'Oppgi hvor filen skal lagres (path).', 'path');
    const title = request.format === 'xlsx' ? 'Lagre tabellen som Excel' : 'Lagre tabellen som CSV';
    const file = glue
      ? glue.chooseSavePath({
          title,
          defaultName: `${FILE_NAMES[request.table]}.${request.format}`,
          format: request.format,
        })
      : (request.path as string);
    if (file === null) return { saved: false, path: null, bytes: 0, rows: 0 };
    return writeGridExport(reg, request, file).then(
      ({ bytes, rows }) => ({ saved: true, path: file, bytes, rows }),
      (error: unknown) => {
        if (error instanceof DomainError) throw error;
        const detail = error instanceof Error ? error.message : String(error);
        throw new DomainError(
          'write_failed',
          `Filen kunne ikke lagres (${detail}). Er den åpen i Excel? Lukk den, eller velg et annet filnavn.`,
        );
      },
    );
  },
} satisfies Partial<HandlerMap>;
