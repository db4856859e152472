/**
 * The import wizard's channels (Fil → Importer): pick a CSV or XLSX file, choose the sheet, map its
 * columns to fields, preview each row's problems, import the valid rows in one transaction while the
 * screen shows progress, and save a summary. The Node side holds the chosen file between the steps
 * (electron/api/import.ts); the page never names a path in the app. The rules are the CLI's
 * (electron/io/import.ts): the same parsing, the same duplicate check, the same transaction.
 */
import { z } from 'zod';
import { editableListKey } from '../schema/codelist';
import type { ChannelTable } from './channel';
import { backupInfo } from './safety';

export const importKind = z.enum(['deltakere', 'kull']);

/** A field key per file column, or null: «Ikke importer». Checked against the fields on the Node side. */
const mapping = z
  .array(z.string().max(60).nullable())
  .max(500, { message: 'Filen har for mange kolonner (over 500).' });

const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One cell that cannot be stored as it is: the line in the file, the field, and what to do. */
export const importProblem = z.object({
  line: z.number().int(),
  field: z.string(),
  fieldLabel: z.string(),
  value: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblem>;

const newListValue = z.object({ list: editableListKey, listLabel: z.string(), verdi: z.string() });

/**
 * Deltakere whose kull is not in the register: leave the lines out (the default), create the kull
 * first («Opprett kullene»), or import them without kull.
 */
export const missingKullChoice = z.enum(['refuse', 'create', 'without']);
export type MissingKullChoice = z.infer<typeof missingKullChoice>;

/** At most this many problems travel to the screen; the saved summary has all of them. */
export const PROBLEMS_SHOWN = 500;

const counts = {
  kind: importKind,
  /** Data rows in the file (blank rows not counted). */
  rows: z.number().int(),
  /** Lines with at least one problem: not imported. */
  rejectedLines: z.number().int(),
  /** Lines equal to a row the register (or an earlier line) has: skipped. */
  duplicates: z.number().int(),
  duplicateLines: z.array(z.number().int()),
  /** Problems other than a missing kull (those are grouped in `missingKull`); the first 500. */
  problems: z.array(importProblem),
  problemsTotal: z.number().int(),
  /** Kull the file names that the register lacks: one line each, with how many rows name it. */
  missingKull: z.array(z.object({ navn: z.string(), rows: z.number().int(), startdato: z.string() })),
  missingKullChoice,
  /** Values the editable lists will get (the lists are open: domain.md). */
  newListValues: z.array(newListValue),
};

const mappedRequest = z.object({ kind: importKind, mapping, missingKull: missingKullChoice.optional() });

export const importChannels = {
  /**
   * Choose the file. In the app a file dialog asks (a path from the page is refused); from Node
   * (tests, the CLI's way) `path` says which file. For XLSX the sheets come back to choose from.
   */
  'import:open': {
    writes: false,
    undoable: false,
    async: true,
    returnsNames: false,
    input: z.object({ path: z.string().min(1).optional() }),
    result: z.object({
      opened: z.boolean(),
      fileName: z.string().nullable(),
      format: z.enum(['xlsx', 'csv']).nullable(),
      /** In tab order; `hidden` sheets are marked in the wizard and never chosen unasked. */
      sheets: z.array(z.object({ name: z.string(), rows: z.number().int(), hidden: z.boolean() })),
    }),
  },
  /** Read the chosen sheet's header and suggest a field for each column (by name, label or synonym). */
  'import:columns': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: true,
    input: z.object({ kind: importKind, sheet: z.string().max(200).nullable().optional() }),
    result: z.object({
      sheet: z.string().nullable(),
      headers: z.array(z.string()),
      rows: z.number().int(),
      /** Up to three values from each column, so the user sees what the column holds. */
      samples: z.array(z.array(z.string())),
      mapping: z.array(z.string().nullable()),
      notes: z.array(
        z.object({
          column: z.number().int(),
          header: z.string(),
          reason: z.enum(['unknown', 'duplicate']),
          field: z.string().nullable(),
          message: z.string(),
        }),
      ),
    }),
  },
  /** Check every row with the chosen mapping; writes nothing. */
  'import:preview': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: true,
    input: mappedRequest,
    result: z.object({
      ...counts,
      /** Rows that will be imported. */
      valid: z.number().int(),
      /** The first rows as they will be stored, to see that dates and codes read right. */
      sample: z.array(
        z.object({
          line: z.number().int(),
          fields: z.record(z.string(), fieldValue),
          /** The kull the import will create for the row («Opprett kullene»). */
          newKull: z.string().optional(),
        }),
      ),
    }),
  },
  /** Import the valid rows in one transaction (all or none); `import:progress` tells how far it is. */
  'import:commit': {
    writes: true,
    undoable: false,
    async: true,
    returnsNames: true,
    input: mappedRequest,
    result: z.object({
      ...counts,
      inserted: z.number().int(),
      /** The first row imported, to show it in its grid. */
      firstId: z.number().int().nullable(),
      /** Kull created by the import («Opprett kullene»). */
      createdKull: z.array(z.string()),
      /** The backup taken just before the import (kind «Før import»); null with no session (tests, CLI). */
      backup: backupInfo.nullable(),
      fileName: z.string(),
      sheet: z.string().nullable(),
    }),
  },
  /** How far a running import is (polled by the screen while `import:commit` works). */
  'import:progress': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({}),
    result: z.object({ running: z.boolean(), done: z.number().int(), total: z.number().int() }),
  },
  /** Stop a running import (everything is rolled back), or forget the chosen file. */
  'import:cancel': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({}),
    result: z.object({ stopping: z.boolean() }),
  },
  /** Save the last import's summary as CSV: counts and every line not imported, with the reason. */
  'import:saveSummary': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({ path: z.string().min(1).optional() }),
    result: z.object({ saved: z.boolean(), path: z.string().nullable(), bytes: z.number().int() }),
  },
} as const satisfies ChannelTable;
