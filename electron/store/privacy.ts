/**
 * The privacy tools (architecture.md, "Security and privacy"; docs/safety.md):
 * - anonymise deltakere whose sluttdato is more than N years ago: navn, fødselsår and merknad
 *   (free text, which may name anyone) removed; everything the report counts is kept;
 * - delete one deltaker for good, on request;
 * - innsyn: everything stored about one deltaker, as one document.
 *
 * Anonymising and deleting also scrub the person's old values from the endringslogg, and then
 * VACUUM the file. The register runs with `secure_delete = ON` (open.ts), so freed space is zeroed;
 * VACUUM then rebuilds the file without free pages. Both are logged in the hendelse log, which never
 * holds names.
 */

import path from 'node:path';
import { INNSYN_WARNING } from '../../shared/contract/privacy';
import { addMonthsIso, formatDate, todayIso } from '../../shared/dates';
import { DELTAKER_FIELDS } from '../../shared/fields';
import type { LogEntry } from './changelog';
import type { Register } from './connection';
import { getDeltaker } from './deltakere';
import {
  ANONYMISED_NAME,
  applyErasure,
  type ErasureKind,
  listErasures,
  markCopiesDone,
  recordErasure,
} from './erasure';
import { cleanBackups } from './erasure-files';
import { DomainError, reasonOf } from './errors';
import { removeStalePartials } from './files';
import { logHendelse } from './hendelser';
import { rowHistory } from './history';
import { prepared } from './statements';
import { forgetUndoHistory } from './undo';

export { ANONYMISED_NAME, SCRUBBED } from './erasure';

/** Where the register's copies are: every backup folder it has used (register/session.ts). None outside a session. */
export type ErasureScope = { folders: readonly string[]; registerPath: string; host?: string };

/** What happened to the copies: backups cleaned, and the files that still hold the person (could not be written). */
export type CopiesOutcome = { backupsCleaned: number; stillHolding: string[]; partialsRemoved: number };

/** The first day that is kept: sluttdato before it is "more than N years ago". */
export function anonymiseCutoff(years: number, today = todayIso()): string {
  return addMonthsIso(today, -12 * years);
}

function candidates(reg: Register, cutoff: string): number[] {
  return (
    prepared(
      reg.db,
      `SELECT id FROM deltaker WHERE sluttdato IS NOT NULL AND sluttdato < ?
         AND NOT (navn = ? AND fodselsar IS NULL AND merknad IS NULL) ORDER BY id`,
    ).all(cutoff, ANONYMISED_NAME) as { id: number }[]
  ).map((r) => r.id);
}

export function previewAnonymise(reg: Register, years: number, today = todayIso()): { cutoff: string; count: number } {
  const cutoff = anonymiseCutoff(years, today);
  return { cutoff, count: candidates(reg, cutoff).length };
}

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
  const cutoff = anonymiseCutoff(years, today);
  const done = reg.db.transaction(() => {
    const ids = candidates(reg, cutoff);
    if (expectedCount !== undefined && ids.length !== expectedCount) {
      throw new DomainError(
        'changed',
        `Antallet som skal anonymiseres er nå ${ids.length}, ikke ${expectedCount} som forhåndsvisningen viste. Se på forhåndsvisningen igjen.`,
      );
    }
    if (ids.length === 0) return { anonymised: 0, scrubbed: 0 };
    const effect = eraseInRegister(reg, 'anonymisering', ids);
    logHendelse(
      reg,
      'anonymisering',
      `${ids.length} ${ids.length === 1 ? 'deltaker' : 'deltakere'} med sluttdato før ${formatDate(cutoff)} anonymisert (navn, fødselsår og merknad fjernet, også i endringsloggen og i sikkerhetskopiene).`,
      ids.length,
      scope?.host,
    );
    return { anonymised: ids.length, scrubbed: effect.logEntries };
  })();
  const copies = done.anonymised > 0 ? afterErasure(reg, scope) : finishPendingErasures(reg, scope);
  return { cutoff, anonymised: done.anonymised, logEntriesScrubbed: done.scrubbed, ...copies };
}

/** Records the erasure and applies it to the register (inside the caller's transaction). */
function eraseInRegister(reg: Register, hva: ErasureKind, ids: readonly number[]) {
  const record = recordErasure(reg.db, hva, ids, new Date().toISOString());
  return applyErasure(reg.db, record);
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
  const removed = reg.db.transaction(() => {
    const there = prepared(reg.db, 'SELECT 1 FROM deltaker WHERE id = ?').get(id) !== undefined;
    const traces = prepared(reg.db, "SELECT 1 FROM endringslogg WHERE tabell = 'deltaker' AND rad_id = ? LIMIT 1").get(
      id,
    );
    if (!there && !traces) getDeltaker(reg, id); // refuses, in Norwegian, a row the register knows nothing of
    const effect = eraseInRegister(reg, 'sletting', [id]);
    logHendelse(
      reg,
      'sletting',
      `Deltaker nr. ${id} slettet for godt på forespørsel, med endringsloggen for raden${there ? '' : ' (raden var slettet fra før)'}, også i sikkerhetskopiene.`,
      1,
      scope?.host,
    );
    return effect.logEntries;
  })();
  return { id, logEntriesRemoved: removed, ...afterErasure(reg, scope) };
}

/** After an erasure committed: no freed page, no undo step and no copy may keep the person. */
function afterErasure(reg: Register, scope: ErasureScope | null): CopiesOutcome {
  compact(reg);
  forgetUndoHistory(reg);
  return finishPendingErasures(reg, scope);
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

/** Rebuilds the file so that no freed page keeps old values (secure_delete has zeroed them already). */
export function compact(reg: Register): void {
  reg.db.exec('VACUUM');
}

/** Deltakere deleted from the grid whose old values are still in the endringslogg: «Slett for godt» can reach them. */
export function deletedWithTraces(reg: Register): { id: number; navn: string | null; slettet: string }[] {
  return prepared(
    reg.db,
    `SELECT e.rad_id AS id,
            (SELECT coalesce(n.gammel, n.ny) FROM endringslogg n
              WHERE n.tabell = 'deltaker' AND n.rad_id = e.rad_id AND n.felt = 'navn'
              ORDER BY n.id DESC LIMIT 1) AS navn,
            max(e.tid) AS slettet
       FROM endringslogg e
      WHERE e.tabell = 'deltaker' AND NOT EXISTS (SELECT 1 FROM deltaker d WHERE d.id = e.rad_id)
      GROUP BY e.rad_id ORDER BY slettet DESC`,
  ).all() as { id: number; navn: string | null; slettet: string }[];
}

export type InnsynDocument = {
  dokument: string;
  advarsel: string;
  laget: string;
  register: string;
  deltaker: { id: number; opplysninger: { felt: string; etikett: string; verdi: string | number | boolean | null }[] };
  kull: { navn: string; startdato: string; planlagt_sluttdato: string | null } | null;
  endringslogg: Omit<LogEntry, 'tabell' | 'rad_id'>[];
};

/** Everything the register stores about one deltaker (innsyn), with the warning that it holds names. */
export function innsynDocument(reg: Register, id: number, registerName: string, now = new Date()): InnsynDocument {
  const d = getDeltaker(reg, id);
  const kull =
    d.kull_id === null
      ? null
      : ((prepared(reg.db, 'SELECT navn, startdato, planlagt_sluttdato FROM kull WHERE id = ?').get(d.kull_id) as
          | InnsynDocument['kull']
          | undefined) ?? null);
  return {
    dokument: 'Innsyn: alt Kullregister lagrer om én deltaker',
    advarsel: INNSYN_WARNING,
    laget: now.toISOString(),
    register: registerName,
    deltaker: {
      id: d.id,
      opplysninger: DELTAKER_FIELDS.map((f) => ({ felt: f.key, etikett: f.label, verdi: d[f.key] })),
    },
    kull,
    endringslogg: rowHistory(reg, 'deltaker', id).map(({ tid, bruker, felt, gammel, ny }) => ({
      tid,
      bruker,
      felt,
      gammel,
      ny,
    })),
  };
}
