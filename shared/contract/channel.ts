/**
 * What every channel of the contract declares besides its shapes. The handler wrapper
 * (electron/api/handlers.ts) derives from these what it allows on a read-only register and which
 * calls are one undo step; the endringslogg and names meta-tests (tests/unit/safety/changelog.test.ts,
 * tests/unit/api/names-audit.test.ts) derive what they must cover. Each contract table ends in
 * `as const satisfies ChannelTable`, so a channel that leaves one out does not type-check.
 */
import type { z } from 'zod';

/** The grids whose undo history a channel's call joins (store/undo.ts). */
export type UndoStack = 'deltaker' | 'kull';

export type ChannelSpec = {
  input: z.ZodType;
  result: z.ZodType;
  /**
   * Changes the open register (or how it is kept: its backups, its backup folder): refused while it
   * is read-only, after another user took the lock over, and while an import is writing. False for
   * what only reads, for the steps of a wizard before its commit, and for what lifts read-only mode.
   */
  writes: boolean;
  /**
   * Each call is one step of a grid's undo history (Ctrl+Z): that grid, or `'table'` for the grid
   * the input's `table` names. The handler is then wrapped in `undoable()` (electron/api/undoable.ts),
   * which records the rows the call changed.
   */
  undoable: false | UndoStack | 'table';
  /** The handler may answer with a promise (a file written by exceljs, printing, a dialog, opening a register). */
  async: boolean;
  /**
   * The answer, or a file the call writes, may hold deltakere's names or other personal data.
   * Everything else must not: tests/unit/api/names-audit.test.ts checks it.
   */
  returnsNames: boolean;
};

export type ChannelTable = Record<string, ChannelSpec>;
