/**
 * What the three report screens (Rapport, Årsrapport, Samlerapport) share: one request at a time,
 * its refusal on the status line, and what the status line says after «Skriv ut» and «Lagre som …»
 * (the buttons: OutputButtons.tsx).
 */
import { useCallback, useState } from 'react';
import type { Result } from '../../shared/api';
import type { StatusMessage } from '../grid/cellSaver';
import { sizeText } from '../safety/sizeText';

export type Run = <T>(work: () => Promise<Result<T>>, done: (value: T) => void) => Promise<void>;

/** `run(work, done)`: busy while it runs; a refusal's Norwegian message goes to the status line. */
export function useRun(setMessage: (message: StatusMessage | null) => void): { busy: boolean; run: Run } {
  const [busy, setBusy] = useState(false);
  const run = useCallback<Run>(
    async (work, done) => {
      setBusy(true);
      try {
        const result = await work();
        if (result.ok) done(result.value);
        else setMessage({ tone: 'error', text: result.error.message });
      } finally {
        setBusy(false);
      }
    },
    [setMessage],
  );
  return { busy, run };
}

const fileNameOf = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** «Lagret rapport-2021-10.pdf (84 kB).», or «Ikke lagret.» when the save dialog was closed. */
export function savedMessage(saved: { saved: boolean; path: string | null; bytes: number }): StatusMessage {
  return saved.saved && saved.path
    ? { tone: 'ok', text: `Lagret ${fileNameOf(saved.path)} (${sizeText(saved.bytes)}).` }
    : { tone: 'info', text: 'Ikke lagret.' };
}

export function printedMessage(result: { printed: boolean }): StatusMessage {
  return result.printed
    ? { tone: 'ok', text: 'Sendt til skriveren.' }
    : { tone: 'info', text: 'Utskriften ble avbrutt.' };
}
