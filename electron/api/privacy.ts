/**
 * The privacy tools: anonymise old deltakere, delete one for good, innsyn (store/privacy.ts; the
 * copies: register/privacy.ts). An erasure reaches every backup in the folders the register's
 * session knows of (the app's and the command line's sessions alike); a register opened without a
 * session has only itself.
 */

import { anonymise, deletePersonForGood } from '../register/privacy';
import { requireSession, sessionOf } from '../register/session';
import { deletedWithTraces, previewAnonymise } from '../store/privacy';
import { requireHost } from './host';
import type { HandlerMap } from './types';

export const privacyHandlers = {
  'privacy:anonymisePreview': (reg, { years }) => {
    const { cutoff, count } = previewAnonymise(reg, years);
    return { cutoff, count, backupsToClean: sessionOf(reg)?.countBackups() ?? 0 };
  },
  'privacy:anonymise': (reg, { years, expectedCount }) =>
    anonymise(reg, years, expectedCount, undefined, sessionOf(reg)?.erasureScope() ?? null),
  'privacy:deletePerson': (reg, { id }) => deletePersonForGood(reg, id, sessionOf(reg)?.erasureScope() ?? null),
  'privacy:deleted:list': (reg) => deletedWithTraces(reg),
  'privacy:exportPerson': (reg, { id }) => {
    const session = requireSession(reg);
    const host = requireHost();
    // The JSON, and beside it the same content as a page the person can read (io/innsyn-file.ts).
    return session.exportInnsyn(id, (defaultName) =>
      host.chooseSavePath({
        title: 'Lagre innsyn (inneholder personopplysninger)',
        defaultName,
        kind: { name: 'JSON', extensions: ['json'] },
      }),
    );
  },
} satisfies Partial<HandlerMap>;
