/**
 * What the export and print handlers of the three reports (Rapport, Årsrapport, Samlerapport)
 * share: the answer for a file written (a PDF is the window's print, the rest are written here), a
 * write failure turned into the report's own Norwegian refusal, and printing the window.
 */
import type { DomainError } from '../store/errors';
import { requirePrinter } from './host';

export type Saved = { saved: boolean; path: string | null; bytes: number };

/** The save dialog was closed. */
export const NOT_SAVED: Saved = { saved: false, path: null, bytes: 0 };

/** Runs `write` (synchronous or not) and answers with the file and its size; a failure is `failed(error)`. */
export function savedFile(
  file: string,
  write: () => number | Promise<number>,
  failed: (error: unknown) => DomainError,
): Saved | Promise<Saved> {
  const saved = (bytes: number): Saved => ({ saved: true, path: file, bytes });
  try {
    const written = write();
    if (typeof written === 'number') return saved(written);
    return written.then(saved, (error: unknown) => {
      throw failed(error);
    });
  } catch (error) {
    throw failed(error);
  }
}

/** Prints the window (the report screen shows what prints); without the app, `needsApp` says so. */
export function printWindow(needsApp?: string): Promise<{ printed: boolean }> {
  return requirePrinter(needsApp)
    .print()
    .then((printed) => ({ printed }));
}
