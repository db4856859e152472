/**
 * The one port for what only the app has: the native open, save and folder dialogs, printing its
 * window, its folders and version, and the session it opens registers through. The Electron glue
 * sets it once at start (electron/app/main.ts, dialogs from electron/app/dialogs.ts); the end-to-end
 * tests set their stand-in (tests/e2e/app-host.ts); the command line and most unit tests run with
 * none, and then a file's path comes with the call (`fileTarget`).
 */
import type { FileKind, RegisterSession } from '../register/session';
import { DomainError } from '../store/errors';

export type { FileKind };

/**
 * The native dialogs, the only ones: the handlers ask them (the register session is handed the
 * answer). Synchronous, so handlers stay synchronous. Null: the user cancelled.
 */
export type HostDialogs = {
  /** The save dialog, `defaultName` suggested in the user's Documents folder. */
  chooseSavePath: (options: { title: string; defaultName: string; kind: FileKind }) => string | null;
  /** A folder to put things in, starting at `defaultPath`. */
  chooseFolder: (options: { title: string; defaultPath: string }) => string | null;
  /** The open dialog: one file, several (`multiple`), or with `folder` one folder. */
  chooseOpenPaths: (options: {
    title: string;
    kinds?: FileKind[];
    multiple?: boolean;
    folder?: boolean;
    defaultPath?: string;
  }) => string[] | null;
};

export type Host = HostDialogs & {
  /** Prints the window showing a report to a PDF file (A4, page numbers); returns the bytes. */
  printToPdf: (file: string) => Promise<number>;
  /** Opens the printer dialog for that window; false when the user cancels. */
  print: () => Promise<boolean>;
  version: string;
  /** Electron, Chromium and Node versions (for «Om»). */
  runtime: string;
  paths: {
    /** The app's user-data folder (Electron's `userData`). */
    dataFolder: string;
    /** The app's settings file on this machine (register/app-config.ts). */
    settingsFile: string;
    /** The register «Lag nytt register» creates unless the user picks a place. */
    defaultRegisterPath: string;
    /** Where the demo CSV files are (resources/demo, or the installed app's resources). */
    demoFolder: string;
  };
  /** The app's session: the register it has open. */
  session: RegisterSession;
  /**
   * Opens a register with the glue's own dialogs for a damaged file or a stale lock (electron/app/
   * open-register.ts); false when the user gave up there. Without it, refusals come back as errors.
   */
  open?: (file: string, options: { create?: boolean }) => Promise<boolean>;
  /** Told after another register was opened (the menu's recent list changes). */
  onRegisterChanged?: () => void;
};

let host: Host | null = null;

/** Called once by the Electron glue at start, and by tests that stand in for it (null: none). */
export function setHost(next: Host | null): void {
  host = next;
}

/** The host, or null outside the app (the command line, the unit tests). */
export function currentHost(): Host | null {
  return host;
}

export function requireHost(): Host {
  if (!host) throw new DomainError('no_app', 'Dette kan bare gjøres i Kullregister-programmet.');
  return host;
}

export const NEEDS_APP =
  'PDF og utskrift lages av Kullregister-programmets vindu. Fra kommandolinjen: lag --format html og skriv den ut, eller bruk xlsx.';

/** The host for a PDF or the printer; refused outside the app. */
export function requirePrinter(message: string = NEEDS_APP): Host {
  if (!host) throw new DomainError('needs_app', message);
  return host;
}

/**
 * Where a file is written or read from: in the app the user is asked (a path in the request is
 * refused: the page never names a path), elsewhere the request's path is used (and must be given).
 * The checks run at once; `save`/`open` ask later, after the handler's own checks.
 */
export function fileTarget(
  given: string | undefined,
  words: { missing: string; forbidden?: string },
): {
  save: (options: { title: string; defaultName: string; kind: FileKind }) => string | null;
  open: (options: { title: string; kinds: FileKind[] }) => string | null;
} {
  const app = host;
  if (app && given !== undefined) {
    throw new DomainError(
      'forbidden',
      words.forbidden ?? 'Programmet spør selv hvor filen skal lagres. Prøv igjen uten filnavn.',
    );
  }
  if (!app && given === undefined) throw new DomainError('no_path', words.missing, 'path');
  return {
    save: (options) => (app ? app.chooseSavePath(options) : (given as string)),
    open: (options) => (app ? (app.chooseOpenPaths(options)?.[0] ?? null) : (given as string)),
  };
}
