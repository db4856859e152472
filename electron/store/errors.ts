/**
 * What the user is told when something fails. A `DomainError` is a refusal the user can act on:
 * handlers turn it into `{ ok: false, error }`; its message is Norwegian and says what to do.
 *
 * `userError` is the ONE mapping from what SQLite and Node throw (SQLITE_FULL, SQLITE_READONLY_ROLLBACK,
 * ENOSPC, EISDIR, EACCES, EROFS, «Cannot create a string longer than» …) to such a message. Every
 * place that can meet a library's error goes through it: the API's wrapper, the session's open, the
 * importer, the file writers and the CLI. The wording depends on what was being done (`doing`): a
 * write says nothing was saved (every write is one transaction), a read names the file, an open says
 * the register was not changed. Anything it does not know becomes a Norwegian «uventet feil» and
 * the original goes to stderr for IT, never to the user (docs/safety.md, "One mapping of errors").
 */
import path from 'node:path';

export class DomainError extends Error {
  readonly code: string;
  readonly field: string | undefined;

  constructor(code: string, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
  }
}

export type ErrorContext = {
  /** What was being done: saving to the register (default), reading a file, or opening the register. */
  doing?: 'write' | 'read' | 'open';
  /** The file it was done to (named in the message); Node's own `error.path` is used when missing. */
  file?: string;
};

type Known = { code: string; cause: string; advice: string };

const DISK_FULL: Known = {
  code: 'disk_full',
  cause: 'disken er full',
  advice: 'Frigjør plass på disken (eller be IT om mer plass på fellesdisken) og prøv igjen.',
};
const BUSY: Known = {
  code: 'busy',
  cause: 'registeret er opptatt (et annet program bruker filen)',
  advice: 'Vent litt og prøv igjen.',
};
const IO: Known = {
  code: 'io_error',
  cause: 'filen kunne ikke leses eller skrives (kanskje ble forbindelsen til mappen brutt)',
  advice: 'Sjekk tilkoblingen til mappen og prøv igjen.',
};
const TOO_BIG: Known = {
  code: 'too_big',
  cause: 'filen er for stor til å leses',
  advice: 'Del den opp i mindre filer og prøv igjen.',
};
const NETWORK: Known = {
  code: 'network',
  cause: 'forbindelsen til mappen ble brutt',
  advice: 'Sjekk nettverket (eller VPN-forbindelsen) og prøv igjen.',
};

function sqliteKnown(code: string): Known | null {
  if (code === 'SQLITE_FULL') return DISK_FULL;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === 'SQLITE_PROTOCOL') return BUSY;
  if (code === 'SQLITE_READONLY_ROLLBACK') {
    return {
      code: 'hot_journal',
      cause:
        'det ble avbrutt midt i en lagring (Kullregister stoppet hos den som hadde det åpent), og den uferdige lagringen må rulles tilbake før registeret kan leses',
      advice:
        'Be den som har registeret åpent om å åpne det på nytt, eller ta over låsen hvis den er forlatt: da rydder Kullregister opp selv, og ingenting som var lagret, går tapt.',
    };
  }
  if (code === 'SQLITE_READONLY_DBMOVED') {
    return {
      code: 'moved',
      cause: 'registerfilen ble flyttet eller slettet mens den var åpen',
      advice: 'Lukk registeret og åpne det der det ligger nå.',
    };
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return {
      code: 'read_only',
      cause: 'registeret kan ikke skrives til (filen eller mappen er skrivebeskyttet)',
      advice: 'Be IT om skrivetilgang, eller kopier registeret til en mappe du kan skrive i.',
    };
  }
  if (code.startsWith('SQLITE_IOERR')) return IO;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return {
      code: 'damaged',
      cause: 'registeret er skadet',
      advice: 'Lukk programmet og åpne registeret på nytt for å gjenopprette en sikkerhetskopi.',
    };
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return {
      code: 'cant_open',
      cause: 'filen kunne ikke åpnes (mappen finnes ikke, eller du har ikke tilgang til den)',
      advice: 'Sjekk at mappen finnes og at du har tilgang til den.',
    };
  }
  if (code === 'SQLITE_NOMEM') {
    return {
      code: 'out_of_memory',
      cause: 'maskinen har ikke nok minne',
      advice: 'Lukk andre programmer og prøv igjen.',
    };
  }
  if (code === 'SQLITE_TOOBIG') {
    return { code: 'too_big', cause: 'en verdi er for stor', advice: 'Gjør teksten kortere og prøv igjen.' };
  }
  return null;
}

function nodeKnown(code: string, file: string | undefined): Known | null {
  const named = file ? `«${file}»` : 'filen';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return DISK_FULL;
    case 'EACCES':
    case 'EPERM':
      return {
        code: 'no_access',
        cause: `du har ikke tilgang til ${named}`,
        advice: 'Be IT om tilgang, eller velg en annen mappe.',
      };
    case 'EROFS':
      return {
        code: 'read_only',
        cause: `disken der ${named} ligger, er skrivebeskyttet`,
        advice: 'Velg en mappe på en disk du kan skrive til.',
      };
    case 'EISDIR':
      return {
        code: 'is_directory',
        cause: `${named} er en mappe, ikke en fil`,
        advice: 'Velg en fil, eller flytt mappen bort eller gi den et annet navn.',
      };
    case 'ENOTDIR':
      return {
        code: 'not_found',
        cause: `en del av stien til ${named} er en fil, ikke en mappe`,
        advice: 'Sjekk stien og prøv igjen.',
      };
    case 'ENOENT':
      return { code: 'not_found', cause: `${named} finnes ikke`, advice: 'Sjekk navnet og mappen.' };
    case 'EEXIST':
      return { code: 'exists', cause: `${named} finnes allerede`, advice: 'Velg et annet navn.' };
    case 'EBUSY':
    case 'ETXTBSY':
      return {
        code: 'file_busy',
        cause: `${named} er i bruk av et annet program (kanskje Excel)`,
        advice: 'Lukk den der og prøv igjen.',
      };
    case 'EMFILE':
    case 'ENFILE':
      return { code: 'busy', cause: 'for mange filer er åpne', advice: 'Lukk noen programmer og prøv igjen.' };
    case 'ENAMETOOLONG':
      return {
        code: 'name_too_long',
        cause: 'filnavnet eller stien er for lang',
        advice: 'Velg et kortere navn eller en mappe med kortere sti.',
      };
    case 'EIO':
      return IO;
    case 'ETIMEDOUT':
    case 'ECONNRESET':
    case 'ECONNABORTED':
    case 'EHOSTDOWN':
    case 'EHOSTUNREACH':
    case 'ENETDOWN':
    case 'ENETUNREACH':
    case 'ESTALE':
      return NETWORK;
    case 'ERR_FS_FILE_TOO_LARGE':
    case 'ERR_STRING_TOO_LONG':
      return TOO_BIG;
    default:
      return null;
  }
}

function known(error: unknown, file: string | undefined): Known | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  const given = file ?? ((error as NodeJS.ErrnoException).path as string | undefined);
  if (typeof code === 'string') {
    const found = code.startsWith('SQLITE_') ? sqliteKnown(code) : nodeKnown(code, given);
    if (found) return found;
  }
  // V8's limits on one string or buffer (a huge file read whole), and SQLite's English when a code is missing.
  if (/Cannot create a string longer than|Invalid string length|Array buffer allocation failed/i.test(error.message)) {
    return TOO_BIG;
  }
  if (/database or disk is full/i.test(error.message)) return DISK_FULL;
  if (/database connection is not open/i.test(error.message)) {
    return {
      code: 'not_open',
      cause: 'registeret er lukket',
      advice: 'Åpne registeret igjen (Fil → Åpne) og prøv på nytt.',
    };
  }
  if (/database is locked/i.test(error.message)) return BUSY;
  return null;
}

function sentence(k: Known, context: ErrorContext): string {
  const doing = context.doing ?? 'write';
  if (doing === 'read') {
    const name = context.file ? `«${path.basename(context.file)}»` : 'Filen';
    return `${name} kunne ikke leses: ${k.cause}. ${k.advice}`;
  }
  if (doing === 'open') return `Registeret kunne ikke åpnes: ${k.cause}. Registeret er ikke endret. ${k.advice}`;
  return `${capitalise(k.cause)}, så ingenting ble lagret. ${k.advice}`;
}

/** A DomainError as it is; a known SQLite or Node error as a DomainError; anything else unchanged. */
export function asKnownError(error: unknown, context: ErrorContext = {}): unknown {
  if (error instanceof DomainError) return error;
  const k = known(error, context.file);
  return k ? new DomainError(k.code, sentence(k, context)) : error;
}

/** Always a DomainError with a Norwegian message; an error no one foresaw is logged for IT and said plainly. */
export function userError(error: unknown, context: ErrorContext = {}): DomainError {
  const mapped = asKnownError(error, context);
  if (mapped instanceof DomainError) return mapped;
  console.error('Kullregister: uventet feil', error);
  const doing = context.doing ?? 'write';
  const tail =
    doing === 'read'
      ? 'Filen ble ikke lest.'
      : doing === 'open'
        ? 'Registeret er ikke endret.'
        : 'Ingenting ble lagret.';
  return new DomainError(
    'internal',
    `Noe uventet gikk galt. ${tail} Prøv igjen; skjer det igjen, kontakt IT (detaljene er skrevet til programmets logg).`,
  );
}

/**
 * Why something failed, as a Norwegian clause to put inside a longer sentence («Sikkerhetskopien
 * kunne ikke lages: disken er full.»). A DomainError gives its own message.
 */
export function reasonOf(error: unknown, file?: string): string {
  if (error instanceof DomainError) return error.message;
  const k = known(error, file);
  if (k) return `${capitalise(k.cause)}. ${k.advice}`;
  console.error('Kullregister: uventet feil', error);
  return 'Noe uventet gikk galt (detaljene er skrevet til programmets logg).';
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('nb') + text.slice(1);
}
