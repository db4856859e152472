/**
 * The privacy tools: anonymise old deltakere, delete one for good, innsyn (store/privacy.ts). An
 * erasure reaches every backup in the folders the register's session knows of (the app's and the
 * command line's sessions alike); a register opened without a session has only itself.
 */
import path from 'node:path';
import { innsynHtml } from '../io/innsyn-html';
import { requireSession, sessionOf } from '../register/session';
import { DomainError, reasonOf } from '../store/errors';
import { writePrivateFile } from '../store/files';
import { anonymise, deletedWithTraces, deletePersonForGood, innsynDocument, previewAnonymise } from '../store/privacy';
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
    const saved = session.exportInnsyn(id, (defaultName) =>
      host.chooseSavePath({
        title: 'Lagre innsyn (inneholder personopplysninger)',
        defaultName,
        kind: { name: 'JSON', extensions: ['json'] },
      }),
    );
    if (!saved.saved || saved.file === null) return { ...saved, htmlFile: null };
    // Beside the JSON, the same content as a page the person can read (Norwegian labels, dd.mm.yyyy).
    const htmlFile = `${saved.file.replace(/\.json$/i, '')}.html`;
    try {
      writePrivateFile(htmlFile, innsynHtml(innsynDocument(reg, id, path.basename(reg.path))));
    } catch (error) {
      throw new DomainError(
        'write_failed',
        `JSON-filen er lagret, men den lesbare utgaven kunne ikke lagres. ${reasonOf(error, htmlFile)} Velg en annen mappe.`,
      );
    }
    return { ...saved, htmlFile };
  },
} satisfies Partial<HandlerMap>;
