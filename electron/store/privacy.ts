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

import { INNSYN_WARNING } from '../../shared/contract/privacy';
import { addMonthsIso, formatDate, todayIso } from '../../shared/dates';
import { DELTAKER_FIELDS } from '../../shared/fields';
import type { LogEntry } from './changelog';
import type { Register } from './connection';
import { getDeltaker } from './deltakere';
import { ANONYMISED_NAME, applyErasure, type ErasureKind, recordErasure } from './erasure';
import { DomainError } from './errors';
import { logHendelse } from './hendelser';
import { rowHistory } from './history';
import { prepared } from './statements';
import { forgetUndoHistory } from './undo';

export { ANONYMISED_NAME, SCRUBBED } from './erasure';

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

export type AnonymiseInRegisterResult = { cutoff: string; anonymised: number; logEntriesScrubbed: number };

/**
 * Anonymises every deltaker whose sluttdato is before the cutoff, in the register (its backups:
 * register/privacy.ts). `expectedCount` is the preview's count: if the register changed since,
 * nothing happens and the user is asked to look again.
 */
export function anonymiseInRegister(
  reg: Register,
  years: number,
  expectedCount?: number,
  today = todayIso(),
  host?: string,
): AnonymiseInRegisterResult {
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
      host,
    );
    return { anonymised: ids.length, scrubbed: effect.logEntries };
  })();
  if (done.anonymised > 0) afterErasure(reg);
  return { cutoff, anonymised: done.anonymised, logEntriesScrubbed: done.scrubbed };
}

/** Records the erasure and applies it to the register (inside the caller's transaction). */
function eraseInRegister(reg: Register, hva: ErasureKind, ids: readonly number[]) {
  const record = recordErasure(reg.db, hva, ids, new Date().toISOString());
  return applyErasure(reg.db, record);
}

/**
 * Deletes one deltaker for good: the row (if the grid has not deleted it already) and every
 * endringslogg entry about it, in the register (its backups: register/privacy.ts).
 */
export function deleteInRegister(reg: Register, id: number, host?: string): { id: number; logEntriesRemoved: number } {
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
      host,
    );
    return effect.logEntries;
  })();
  afterErasure(reg);
  return { id, logEntriesRemoved: removed };
}

/** After an erasure committed: no freed page and no undo step may keep the person (the copies: register/privacy.ts). */
function afterErasure(reg: Register): void {
  compact(reg);
  forgetUndoHistory(reg);
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
