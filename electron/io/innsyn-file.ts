/**
 * The innsyn files (architecture.md, "Security and privacy"): the JSON document store/privacy.ts
 * builds, written where the user chose, and in the app the same content as a page the person can
 * read beside it (io/innsyn-html.ts); each readable by the user only, and both recorded in the
 * hendelse log. Used by the app's session and by the command line's `export-person` (JSON only).
 */
import path from 'node:path';
import type { Register } from '../store/connection';
import { DomainError, reasonOf } from '../store/errors';
import { logHendelse } from '../store/hendelser';
import type { InnsynDocument } from '../store/privacy';
import { innsynHtml } from './innsyn-html';
import { writePrivateFile } from './private-files';

/** The readable page's file beside the JSON: «innsyn.json» → «innsyn.html». */
export function innsynHtmlBeside(jsonFile: string): string {
  return `${jsonFile.replace(/\.json$/i, '')}.html`;
}

/**
 * Saves an innsyn document (0600, each file written whole or not at all) and records in the
 * hendelse log every file that holds it. With `htmlFile` the readable page is written after the
 * JSON; if only the JSON could be written, that is recorded and the refusal says which file is
 * saved, which is not, and why. Returns the JSON's size in bytes.
 */
export function writeInnsyn(
  reg: Register,
  id: number,
  document: InnsynDocument,
  file: string,
  options: { host?: string; htmlFile?: string } = {},
): number {
  let bytes: number;
  try {
    bytes = writePrivateFile(file, `${JSON.stringify(document, null, 2)}\n`);
  } catch (error) {
    throw new DomainError('write_failed', `Filen kunne ikke lagres. ${reasonOf(error, file)} Velg en annen mappe.`);
  }
  const json = path.basename(file);
  const { htmlFile, host } = options;
  let htmlError: unknown = null;
  if (htmlFile !== undefined) {
    try {
      writePrivateFile(htmlFile, innsynHtml(document));
    } catch (error) {
      htmlError = error;
    }
  }
  const saved =
    htmlFile === undefined || htmlError !== null
      ? `til filen «${json}»`
      : `til filene «${json}» og «${path.basename(htmlFile)}»`;
  logHendelse(reg, 'innsyn', `Innsyn for deltaker nr. ${id} lagret ${saved}.`, 1, host);
  if (htmlFile !== undefined && htmlError !== null) {
    throw new DomainError(
      'write_failed',
      `Innsynet er lagret i «${file}», men den lesbare siden «${path.basename(htmlFile)}» kunne ikke lagres. ` +
        `${reasonOf(htmlError, htmlFile)} JSON-filen har alt innholdet; lagre innsynet på nytt i en annen mappe for å få siden også.`,
    );
  }
  return bytes;
}
