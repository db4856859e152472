/**
 * The privacy tools: anonymise old deltakere, delete one for good, innsyn (store/privacy.ts).
 * Backups older than the anonymisation's cutoff are deleted with it, when the register was opened
 * through the app's session (the command line has no backup folder).
 */
import { anonymise, anonymiseCutoff, deletePersonForGood, previewAnonymise } from '../store/privacy';
import { requireSession, sessionOf } from '../store/session';
import type { HandlerMap } from './types';

export const privacyHandlers = {
  'privacy:anonymisePreview': (reg, { years }) => {
    const { cutoff, count } = previewAnonymise(reg, years);
    return { cutoff, count, backupsToDelete: sessionOf(reg)?.backupsBefore(cutoff).length ?? 0 };
  },
  'privacy:anonymise': (reg, { years, expectedCount }) => {
    const result = anonymise(reg, years, expectedCount);
    const backupsDeleted = sessionOf(reg)?.deleteBackupsBefore(anonymiseCutoff(years)) ?? 0;
    return { ...result, backupsDeleted };
  },
  'privacy:deletePerson': (reg, { id }) => deletePersonForGood(reg, id),
  'privacy:exportPerson': (reg, { id }) => requireSession(reg).exportInnsyn(id),
} satisfies Partial<HandlerMap>;
