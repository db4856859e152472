/**
 * Files dropped on the Samlerapport screen: the sandboxed page has no paths, so it reads each file's
 * bytes and sends them (base64) through the API, where they are checked like chosen files.
 */
import { MAX_DROP_BYTES } from '../../shared/contract/samlerapport';

export type Dropped = { ok: true; files: { name: string; data: string }[] } | { ok: false; message: string };

/** Base64 of bytes, in slices (String.fromCharCode takes only so many arguments at once). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}

export async function filesToDrop(files: readonly File[]): Promise<Dropped> {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > MAX_DROP_BYTES) {
    return {
      ok: false,
      message:
        'Filene er for store til å slippes her på én gang. Slipp færre filer om gangen, eller bruk «Velg mappe».',
    };
  }
  const read: { name: string; data: string }[] = [];
  for (const file of files) {
    try {
      read.push({ name: file.name, data: toBase64(new Uint8Array(await file.arrayBuffer())) });
    } catch {
      // A folder dropped, or a file that went away: say so, add nothing.
      return {
        ok: false,
        message: `«${file.name}» kunne ikke leses. En mappe kan ikke slippes her: bruk «Velg mappe», eller slipp filene i den.`,
      };
    }
  }
  return { ok: true, files: read };
}
