/**
 * An erasure in the register and in every copy of it (docs/safety.md, «An erasure holds»): the
 * register's own tables are erased by store/privacy.ts; here the stale partial files are removed and
 * each backup is cleaned (erasure-files.ts), and an erasure is marked done once every copy is.
 */

import { todayIso } from '../../shared/dates';
import { removeStalePartials } from '../io/private-files';
import type { Register } from '../store/connection';
import { listErasures, markCopiesDone } from '../store/erasure';
import { anonymiseInRegister, deleteInRegister } from '../store/privacy';
import { cleanBackups } from './erasure-files';

/** Where the register's copies are: every backup folder it has used (register/session.ts). None outside a session. */
export type ErasureScope = { folders: readonly string[]; registerPath: string; host?: string };

/** What happened to the copies: backups cleaned, and the files that still hold the person (could not be written). */
export type CopiesOutcome = { backupsCleaned: number; stillHolding: string[]; partialsRemoved: number };

export type AnonymiseResult = { cutoff: string; anonymised: number; logEntriesScrubbed: number } & CopiesOutcome;

/**
 * Anonymises every deltaker whose sluttdato is before the cutoff, in the register and in every
 * backup. `expectedCount` is the preview's count: if the register changed since, nothing happens
 * and the user is asked to look again.
 */
export function anonymise(
  reg: Register,
  years: number,
  expectedCount?: number,
  today = todayIso(),
  scope: ErasureScope | null = null,
): AnonymiseResult {
  const done = anonymiseInRegister(reg, years, expectedCount, today, scope?.host);
  return { ...done, ...finishPendingErasures(reg, scope) };
}

/**
 * Deletes one deltaker for good: the row (if the grid has not deleted it already) and every
 * endringslogg entry about it, in the register and in every backup.
 */
export function deletePersonForGood(
  reg: Register,
  id: number,
  scope: ErasureScope | null = null,
): { id: number; logEntriesRemoved: number } & CopiesOutcome {
  const done = deleteInRegister(reg, id, scope?.host);
  return { ...done, ...finishPendingErasures(reg, scope) };
}

/**
 * Applies every erasure not yet carried to all copies: removes stale partial files and cleans each
 * backup. An erasure is marked done only when no copy failed; the files that still hold someone are
 * named. Also run when a register opens (an erasure interrupted by a crash is finished then).
 */
export function finishPendingErasures(reg: Register, scope: ErasureScope | null): CopiesOutcome {
  if (!scope || reg.readOnly) return { backupsCleaned: 0, stillHolding: [], partialsRemoved: 0 };
  let partialsRemoved = 0;
  try {
    partialsRemoved = removeStalePartials(scope.folders, scope.registerPath).length;
  } catch {
    // A folder that cannot be read: its backups are reported below.
  }
  const pending = listErasures(reg.db).filter((r) => !r.kopierFerdig);
  if (pending.length === 0) return { backupsCleaned: 0, stillHolding: [], partialsRemoved };
  const { cleaned, failed } = cleanBackups(scope.folders, scope.registerPath, pending);
  if (failed.length === 0) {
    reg.db.transaction(() =>
      markCopiesDone(
        reg.db,
        pending.map((r) => r.id),
      ),
    )();
  }
  return { backupsCleaned: cleaned.length, stillHolding: failed.map((f) => f.file), partialsRemoved };
}
