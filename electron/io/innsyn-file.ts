/**
 * The innsyn file (architecture.md, "Security and privacy"): the JSON document store/privacy.ts
 * builds, written where the user chose, readable by the user only, and recorded in the hendelse log.
 * Used by the app's session and by the command line's `export-person`.
 */
import path from 'node:path';
import type { Register } from '../store/connection';
import { DomainError, reasonOf } from '../store/errors';
import { writePrivateFile } from '../store/files';
import { logHendelse } from '../store/hendelser';
import type { InnsynDocument } from '../store/privacy';

/** Saves an innsyn document (0600, written whole or not at all) and records it in the hendelse log. */
export function writeInnsyn(reg: Register, id: number, document: InnsynDocument, file: string, host?: string): number {
  const text = `${JSON.stringify(document, null, 2)}\n`;
  let bytes: number;
  try {
    bytes = writePrivateFile(file, text);
  } catch (error) {
    throw new DomainError('write_failed', `Filen kunne ikke lagres. ${reasonOf(error, file)} Velg en annen mappe.`);
  }
  logHendelse(reg, 'innsyn', `Innsyn for deltaker nr. ${id} lagret til filen «${path.basename(file)}».`, 1, host);
  return bytes;
}
