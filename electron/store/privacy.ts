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
import { getDeltaker } from './deltakere';
import { DomainError } from './errors';
import { logHendelse } from './hendelser';
import { rowHistory } from './history';
import type { Register } from './open';
import { prepared } from './statements';

export const ANONYMISED_NAME = 'Anonymisert';
/** What scrubbed old and new values in the endringslogg become. */
export const SCRUBBED = '(fjernet)';
/** The fields that say who a deltaker is; the report uses none of them but fødselsår (age groups). */
const PERSONAL_FIELDS = ['navn', 'fodselsar', 'merknad'] as const;

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

export type AnonymiseResult = { cutoff: string; anonymised: number; logEntriesScrubbed: number };

/**
 * Anonymises every deltaker whose sluttdato is before the cutoff. `expectedCount` is the preview's
 * count: if the register changed since, nothing happens and the user is asked to look again.
 */
export function anonymise(reg: Register, years: number, expectedCount?: number, today = todayIso()): AnonymiseResult {
  const cutoff = anonymiseCutoff(years, today);
  const result = reg.db.transaction(() => {
    const ids = candidates(reg, cutoff);
    if (expectedCount !== undefined && ids.length !== expectedCount) {
      throw new DomainError(
        'changed',
        `Antallet som skal anonymiseres er nå ${ids.length}, ikke ${expectedCount} som forhåndsvisningen viste. Se på forhåndsvisningen igjen.`,
      );
    }
    const update = prepared(reg.db, 'UPDATE deltaker SET navn = ?, fodselsar = NULL, merknad = NULL WHERE id = ?');
    let scrubbed = 0;
    for (const id of ids) {
      update.run(ANONYMISED_NAME, id);
      scrubbed += scrubLog(reg, id);
    }
    if (ids.length > 0) {
      logHendelse(
        reg,
        'anonymisering',
        `${ids.length} ${ids.length === 1 ? 'deltaker' : 'deltakere'} med sluttdato før ${formatDate(cutoff)} anonymisert (navn, fødselsår og merknad fjernet, også i endringsloggen).`,
        ids.length,
      );
    }
    return { cutoff, anonymised: ids.length, logEntriesScrubbed: scrubbed };
  })();
  if (result.anonymised > 0) compact(reg);
  return result;
}

/** Replaces the personal fields' old and new values in the row's endringslogg entries. */
function scrubLog(reg: Register, id: number): number {
  const placeholders = PERSONAL_FIELDS.map(() => '?').join(', ');
  return prepared(
    reg.db,
    `UPDATE endringslogg
        SET gammel = CASE WHEN gammel IS NULL THEN NULL ELSE '${SCRUBBED}' END,
            ny = CASE WHEN ny IS NULL THEN NULL ELSE '${SCRUBBED}' END
      WHERE tabell = 'deltaker' AND rad_id = ? AND felt IN (${placeholders})
        AND (coalesce(gammel, '') <> '${SCRUBBED}' OR coalesce(ny, '') <> '${SCRUBBED}')
        AND (gammel IS NOT NULL OR ny IS NOT NULL)`,
  ).run(id, ...PERSONAL_FIELDS).changes;
}

/** Deletes one deltaker and every endringslogg entry about the row, then compacts the file. */
export function deletePersonForGood(reg: Register, id: number): { id: number; logEntriesRemoved: number } {
  const removed = reg.db.transaction(() => {
    getDeltaker(reg, id); // refuses, in Norwegian, a row that is not there
    prepared(reg.db, 'DELETE FROM deltaker WHERE id = ?').run(id);
    const { changes } = prepared(reg.db, "DELETE FROM endringslogg WHERE tabell = 'deltaker' AND rad_id = ?").run(id);
    logHendelse(
      reg,
      'sletting',
      `Deltaker nr. ${id} slettet for godt på forespørsel, med endringsloggen for raden.`,
      1,
    );
    return changes;
  })();
  compact(reg);
  return { id, logEntriesRemoved: removed };
}

/** Rebuilds the file so that no freed page keeps old values (secure_delete has zeroed them already). */
export function compact(reg: Register): void {
  reg.db.exec('VACUUM');
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
