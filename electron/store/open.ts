/**
 * Opening a register file: the pragmas that keep it safe, the integrity check and the migrations.
 */
import fs from 'node:fs';
import os from 'node:os';
import Database from 'better-sqlite3';
import { seedDefaultLists } from './codes';
import type { Register } from './connection';
import { asKnownError, DomainError, reasonOf, userError } from './errors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import {
  checkTables,
  emptyFileError,
  type Header,
  inspectReadOnly,
  judgeHeader,
  openFailure,
  quickCheck,
  readHeader,
} from './recognise';

/** Also here for the tests and scripts that import it with openRegister. */
export type { Register } from './connection';

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
  const stat = statOf(path);
  if (!stat) {
    if (!options.create) {
      throw new DomainError(
        'not_found',
        `Finner ikke registeret «${path}». Sjekk filnavnet, eller lag et nytt register.`,
      );
    }
    createRegisterFile(path, options.user ?? currentUser());
    return openRegister(path, { ...options, create: false });
  }
  if (stat.isDirectory()) {
    throw new DomainError('not_a_register', `«${path}» er en mappe, ikke en registerfil. Velg registerfilen i mappen.`);
  }
  if (stat.size === 0) throw emptyFileError(path);

  // Look before writing anything (recognise.ts): a file we refuse stays byte-for-byte as it was.
  const header = readHeader(path);
  judgeHeader(path, header);
  const known = header as Header;
  const looked = inspectReadOnly(path, known);

  let db: Database.Database;
  try {
    db = new Database(path, { readonly: options.readOnly ?? false, fileMustExist: true });
  } catch (error) {
    throw openFailure(userOpenError(error, path), path);
  }
  try {
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (looked === 'hot_journal') {
      // The writer was killed mid-transaction: this connection rolls its journal back as it reads.
      if (options.readOnly) throw userOpenError(hotJournal(), path);
      checkTables(db, path, known);
      quickCheck(db);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
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
    throw userOpenError(openFailure(error, path), path);
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

/**
 * A new register is made beside its final name and renamed into place only when whole: a create
 * that fails (a full disk, a folder without access) leaves no file, and no one ever sees half a
 * register. The lock (lock.ts) is already held on the final name.
 */
function createRegisterFile(file: string, user: string): void {
  const temp = `${file}.ny-${process.pid}`;
  const cleanUp = () => {
    for (const leftover of [temp, `${temp}-journal`]) fs.rmSync(leftover, { force: true });
  };
  cleanUp();
  let db: Database.Database | null = null;
  try {
    // Personal data: readable by the owner only, before the first byte is written (SQLite gives the
    // journal the register's mode). docs/safety.md, «Permissions».
    fs.writeFileSync(temp, '', { mode: 0o600 });
    restrictToOwner(temp);
    db = new Database(temp);
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, 0);
    const made: Register = { db, path: file, readOnly: false, user, close: () => db?.close() };
    db.transaction(() => seedDefaultLists(made))();
    db.close();
    db = null;
    if (fs.existsSync(file)) throw Object.assign(new Error('exists'), { code: 'EEXIST', path: file });
    fs.renameSync(temp, file);
  } catch (error) {
    db?.close();
    cleanUp();
    throw new DomainError(
      asKnownCode(error),
      `Registeret «${file}» kunne ikke lages. ${reasonOf(error, file)} Ingen fil ble laget.`,
    );
  }
}

function asKnownCode(error: unknown): string {
  const mapped = asKnownError(error);
  return mapped instanceof DomainError ? mapped.code : 'create_failed';
}

function hotJournal(): Error {
  return Object.assign(new Error('hot journal'), { code: 'SQLITE_READONLY_ROLLBACK' });
}

/** A SQLite or Node error while opening, in the words of the one mapping (errors.ts). */
function userOpenError(error: unknown, path: string): unknown {
  if (error instanceof DomainError) return error;
  return asKnownError(error, { doing: 'open', file: path });
}

function statOf(path: string): fs.Stats | null {
  try {
    return fs.statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw userError(error, { doing: 'open', file: path });
  }
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

function migrate(db: Database.Database, from: number): void {
  for (let version = from; version < SCHEMA_VERSION; version++) {
    const sql = MIGRATIONS[version] as string;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'ukjent';
  }
}

/** 0600 where the OS has modes (files with personal data; Windows relies on the profile's ACLs). */
export function restrictToOwner(file: string): void {
  if (process.platform === 'win32') return;
  try {
    fs.chmodSync(file, 0o600);
  } catch {
    // A share that does not keep modes (SMB mounts with fixed file_mode): its own rights apply.
  }
}
