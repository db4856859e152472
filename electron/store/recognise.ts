/**
 * Is this file a register, before anything writes to it (docs/safety.md, "Recognising a register")?
 *
 * 1. The first 100 bytes, read as plain bytes, without SQLite: the magic string, the journal mode
 *    (bytes 18–19: 2 = WAL), `user_version` (offset 60) and `application_id` (offset 68). A register
 *    carries `APPLICATION_ID` from schema 3 on (set at creation and by migration 003).
 * 2. If the header leaves it open (`application_id` 0: a register from before schema 3, or any other
 *    SQLite file), a READ-ONLY connection looks for the register's tables. SQLite in WAL mode would
 *    create `-wal` and `-shm` files even for a read-only connection, so a WAL file that is not marked
 *    as ours is refused from the header alone, never opened.
 * 3. `quick_check`, on the same read-only connection.
 *
 * Only then does `openRegister` open the file for writing. Every refusal leaves the file, and its
 * folder, byte-for-byte as they were (tests/unit/safety/recognise.test.ts).
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { DomainError } from './errors';
import { SCHEMA_VERSION } from './migrations';

/** `PRAGMA application_id` of a register: "KREG" in ASCII. */
export const APPLICATION_ID = 0x4b524547;

/** The tables every register has had since schema 1; `hendelse` came with schema 2. */
const TABLES_SINCE: Record<string, number> = {
  kull: 1,
  deltaker: 1,
  kodeverdi: 1,
  innstilling: 1,
  endringslogg: 1,
  hendelse: 2,
};

export type Header = { wal: boolean; userVersion: number; applicationId: number };

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** The file's SQLite header, or null when it has none (too short, or another kind of file). */
export function readHeader(file: string): Header | null {
  const fd = fs.openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(100);
    const read = fs.readSync(fd, bytes, 0, 100, 0);
    if (read < 100 || bytes.toString('latin1', 0, 16) !== SQLITE_MAGIC) return null;
    return {
      wal: bytes[18] === 2 || bytes[19] === 2,
      userVersion: bytes.readInt32BE(60),
      applicationId: bytes.readInt32BE(68),
    };
  } finally {
    fs.closeSync(fd);
  }
}

function notARegister(file: string, why: string): DomainError {
  return new DomainError(
    'not_a_register',
    `«${file}» er ${why}, ikke et Kullregister-register. Filen er ikke endret. Velg registerfilen (den du laget i Kullregister), eller lag et nytt register.`,
  );
}

function tooNew(version: number): DomainError {
  return new DomainError(
    'too_new',
    `Registeret er laget av en nyere versjon av Kullregister (skjema ${version}, denne versjonen kan ${SCHEMA_VERSION}). Oppdater programmet. Filen er ikke endret.`,
  );
}

/** An existing file of 0 bytes: whatever it held is gone (a crash, a full disk, a failed copy). */
export function emptyFileError(file: string): DomainError {
  return new DomainError(
    'damaged',
    `Registerfilen «${file}» er tom (0 byte): innholdet er borte, kanskje etter et krasj, en full disk eller en kopiering som ble avbrutt. Den er ikke endret. Gjenopprett den nyeste gode sikkerhetskopien. Har filen aldri vært i bruk, kan du slette den og lage et nytt register.`,
  );
}

/**
 * What the header alone says: refuses another program's file or a newer register, and tells the
 * caller whether the tables must be looked at (true unless the file is certainly ours).
 */
export function judgeHeader(file: string, header: Header | null): void {
  if (!header) throw notARegister(file, 'ikke en SQLite-fil');
  const ours = header.applicationId === APPLICATION_ID;
  if (!ours && header.applicationId !== 0) throw notARegister(file, 'en SQLite-fil fra et annet program');
  if (ours && header.userVersion > SCHEMA_VERSION) throw tooNew(header.userVersion);
  // Kullregister never uses WAL; a WAL file is ours only if it says so (and is then switched back).
  if (!ours && header.wal) throw notARegister(file, 'en SQLite-fil fra et annet program');
}

/**
 * Looks at the tables on a read-only connection. Throws a refusal, or returns. For a register with
 * a hot journal (its writer was killed mid-transaction) a read-only connection cannot look: the
 * caller then lets the writable connection roll the journal back, and looks there (`checkTables`).
 */
export function inspectReadOnly(file: string, header: Header): 'ok' | 'hot_journal' {
  let probe: Database.Database;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw openFailure(error, file);
  }
  try {
    checkTables(probe, file, header);
    quickCheck(probe);
    return 'ok';
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_READONLY_ROLLBACK') return 'hot_journal';
    throw openFailure(error, file);
  } finally {
    probe.close();
  }
}

/** The register's tables are there (for the version the file says it has). */
export function checkTables(db: Database.Database, file: string, header: Header): void {
  const names = new Set(
    (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name),
  );
  const ours = header.applicationId === APPLICATION_ID;
  const version = header.userVersion;
  if (version === 0) {
    throw notARegister(file, names.size === 0 ? 'en tom SQLite-fil' : 'en SQLite-fil fra et annet program');
  }
  const missing = Object.entries(TABLES_SINCE).filter(
    ([table, since]) => since <= Math.min(version, SCHEMA_VERSION) && !names.has(table),
  );
  if (missing.length > 0) {
    if (ours) {
      throw new DomainError(
        'damaged',
        'Registeret er skadet (tabeller mangler). Det er ikke skrevet til. Åpne siste gode sikkerhetskopi.',
      );
    }
    throw notARegister(file, 'en SQLite-fil fra et annet program');
  }
  if (version > SCHEMA_VERSION) throw tooNew(version);
}

export function quickCheck(db: Database.Database): void {
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') {
    throw new DomainError(
      'damaged',
      `Registeret er skadet (${String(check)}). Det er ikke skrevet til. Åpne siste gode sikkerhetskopi.`,
    );
  }
}

/** SQLite's refusals while looking at a file, said the way the user can act on them. */
export function openFailure(error: unknown, file: string): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  if (error.code === 'SQLITE_NOTADB') return notARegister(file, 'ikke en gyldig SQLite-fil');
  // A damaged header can also read as a file format SQLite does not know, or as a short read.
  if (
    error.code.startsWith('SQLITE_CORRUPT') ||
    error.code.startsWith('SQLITE_IOERR') ||
    /unsupported file format/i.test(error.message)
  ) {
    return new DomainError('damaged', 'Registeret er skadet. Det er ikke skrevet til. Åpne siste gode sikkerhetskopi.');
  }
  return error;
}
