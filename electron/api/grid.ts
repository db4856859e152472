/**
 * The grids' channels (shared/contract/grid.ts): many cells in one transaction, undo/redo, the
 * remembered layout, export. Saving a file needs the app's save dialog (its host, host.ts); the
 * tests run without one and pass a path.
 */
import path from 'node:path';
import type { ChangedRows, GridExportFormat, GridTable } from '../../shared/contract/grid';
import { writeGridExport } from '../io/grid-export';
import { setCells, setCellsLabel } from '../store/batch';
import type { Register } from '../store/connection';
import { getDeltaker } from '../store/deltakere';
import { DomainError, reasonOf } from '../store/errors';
import { getGridLayout, setGridLayout } from '../store/grid-state';
import { logHendelse } from '../store/hendelser';
import { getKull } from '../store/kull';
import { type Replayed, redo, undo, undoLabels } from '../store/undo';
import { type FileKind, fileTarget } from './host';
import type { HandlerMap } from './types';
import { undoable } from './undoable';

const FILE_KINDS: Record<GridExportFormat, FileKind> = {
  xlsx: { name: 'Excel-arbeidsbok', extensions: ['xlsx'] },
  csv: { name: 'CSV (semikolonseparert)', extensions: ['csv'] },
};

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

/** An export that holds names, in the hendelse log: who, when, what, how many rows, which file. */
function logExport(reg: Register, format: GridExportFormat, file: string, rows: number, columns: number): void {
  logHendelse(
    reg,
    'eksport',
    `Deltakertabellen eksportert som ${format.toUpperCase()} til filen «${path.basename(file)}» (${rows} ${rows === 1 ? 'rad' : 'rader'}, ${columns} ${columns === 1 ? 'kolonne' : 'kolonner'}; filen inneholder navn).`,
    rows,
  );
}

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
    const target = fileTarget(request.path, { missing: 'Oppgi hvor filen skal lagres (path).' });
    if (request.table === 'deltaker' && reg.readOnly) {
      // The hendelse log cannot be written here, and an export with names is never left unrecorded.
      throw new DomainError(
        'read_only',
        'En eksport med navn føres i hendelsesloggen, og det kan ikke gjøres mens registeret er åpnet skrivebeskyttet. Eksporter der registeret er åpent for redigering.',
      );
    }
    const title = request.format === 'xlsx' ? 'Lagre tabellen som Excel' : 'Lagre tabellen som CSV';
    const file = target.save({
      title,
      defaultName: `${FILE_NAMES[request.table]}.${request.format}`,
      kind: FILE_KINDS[request.format],
    });
    if (file === null) return { saved: false, path: null, bytes: 0, rows: 0 };
    return writeGridExport(reg, request, file).then(
      ({ bytes, rows }) => {
        if (request.table === 'deltaker') logExport(reg, request.format, file, rows, request.columns.length);
        return { saved: true, path: file, bytes, rows };
      },
      (error: unknown) => {
        if (error instanceof DomainError) throw error;
        throw new DomainError(
          'write_failed',
          `Filen kunne ikke lagres. ${reasonOf(error, file)} Er den åpen i Excel? Lukk den, eller velg et annet filnavn.`,
        );
      },
    );
  },
} satisfies Partial<HandlerMap>;
