/**
 * Opening a register file: the pragmas that keep it safe, the integrity check and the migrations.
 */
import fs from 'node:fs';
import os from 'node:os';
import Database from 'better-sqlite3';
import { seedDefaultLists } from './codes';
import { DomainError } from './errors';
import { restrictToOwner } from './files';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type Register = {
  db: Database.Database;
  path: string;
  readOnly: boolean;
  /** The OS user written to the change log. */
  user: string;
  close: () => void;
};

export type OpenOptions = {
  /** Create a new, empty register when the file does not exist. Default false. */
  create?: boolean;
  readOnly?: boolean;
  /** For tests: the user name recorded in the change log. */
  user?: string;
  /**
   * Bring an older file up to this app's schema at once. Default true. The app's session passes
   * false, takes a backup, then calls `migrateRegister` (architecture.md: a backup before each migration).
   */
  migrate?: boolean;
  /**
   * One user at a time, for a file on a network path or in a cloud-synced folder (docs/safety.md):
   * SQLite's exclusive locking mode, held from open to close.
   */
  singleUser?: boolean;
};

export function openRegister(path: string, options: OpenOptions = {}): Register {
  const exists = fs.existsSync(path);
  if (!exists && !options.create) {
    throw new DomainError(
      'not_found',
      `Finner ikke registeret «${path}». Sjekk filnavnet, eller lag et nytt register.`,
    );
  }
  if (exists && !looksLikeSqlite(path)) {
    throw new DomainError(
      'not_a_register',
      `«${path}» er ikke et Kullregister-register (ikke en SQLite-fil). Filen er ikke endret.`,
    );
  }

  const db = new Database(path, { readonly: options.readOnly ?? false, fileMustExist: !options.create });
  // Personal data: readable by the owner only, before the first byte is written (SQLite gives the
  // journal the register's mode). docs/safety.md, «Permissions».
  if (!exists) restrictToOwner(path);
  try {
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');

    // Look before writing anything: a file we refuse must stay byte-for-byte as it was (even
    // switching a WAL file's journal mode rewrites its header).
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new DomainError(
        'too_new',
        `Registeret er laget av en nyere versjon av Kullregister (skjema ${version}, denne versjonen kan ${SCHEMA_VERSION}). Oppdater programmet. Filen er ikke endret.`,
      );
    }
    if (exists) {
      if (version === 0 && hasTables(db)) {
        throw new DomainError(
          'not_a_register',
          `«${path}» er en SQLite-fil, men ikke et Kullregister-register. Filen er ikke endret.`,
        );
      }
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') {
        throw new DomainError(
          'damaged',
          `Registeret er skadet (${String(check)}). Det er ikke skrevet til. Åpne siste gode sikkerhetskopi.`,
        );
      }
    }
    if (!options.readOnly) {
      // Rollback journal, never WAL: WAL is unsafe on network shares, where registers often live.
      if (options.singleUser) {
        // In exclusive locking mode SQLite keeps a DELETE-mode journal (old page images, names
        // included) between transactions; TRUNCATE empties it at every commit instead.
        db.pragma('locking_mode = EXCLUSIVE');
        db.pragma('journal_mode = TRUNCATE');
        db.exec('BEGIN EXCLUSIVE; COMMIT');
      } else {
        db.pragma('journal_mode = DELETE');
      }
      // Deleted and overwritten values are zeroed in the file, not left in free space (privacy).
      db.pragma('secure_delete = ON');
      if (options.migrate !== false) migrate(db, version);
    }
  } catch (error) {
    db.close();
    throw asOpenError(error, path);
  }

  const register: Register = {
    db,
    path,
    readOnly: options.readOnly ?? false,
    user: options.user ?? currentUser(),
    close: () => db.close(),
  };
  if (!register.readOnly && options.migrate !== false) db.transaction(() => seedDefaultLists(register))();
  return register;
}

/** The schema version written in the open file (`PRAGMA user_version`). */
export function fileSchemaVersion(reg: Register): number {
  return reg.db.pragma('user_version', { simple: true }) as number;
}

/** Runs the migrations a register opened with `migrate: false` still needs, then seeds the default lists. */
export function migrateRegister(reg: Register): void {
  migrate(reg.db, fileSchemaVersion(reg));
  reg.db.transaction(() => seedDefaultLists(reg))();
}

/** SQLite's own refusals while looking at a file, said the way the user can act on them. */
function asOpenError(error: unknown, path: string): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  if (error.code === 'SQLITE_NOTADB') {
    return new DomainError(
      'not_a_register',
      `«${path}» er ikke et Kullregister-register (ikke en gyldig SQLite-fil). Filen er ikke endret.`,
    );
  }
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

function migrate(db: Database.Database, from: number): void {
  for (let version = from; version < SCHEMA_VERSION; version++) {
    const sql = MIGRATIONS[version] as string;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

function looksLikeSqlite(path: string): boolean {
  const stat = fs.statSync(path);
  if (!stat.isFile()) return false;
  if (stat.size === 0) return true;
  const fd = fs.openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    fs.readSync(fd, header, 0, 16, 0);
    return header.toString('latin1') === 'SQLite format 3\u0000';
  } finally {
    fs.closeSync(fd);
  }
}

function hasTables(db: Database.Database): boolean {
  return (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n > 0;
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'ukjent';
  }
}
