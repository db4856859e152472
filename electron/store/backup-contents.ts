/**
 * What a register file holds, in the few numbers a leder can compare before a restore: deltakere,
 * kull, and when it was last changed. Read from the open register, or from a backup file through a
 * read-only connection of its own (nothing is written to the backup).
 */
import Database from 'better-sqlite3';
import { DomainError } from './errors';

export type RegisterContents = {
  deltakere: number;
  kull: number;
  /** The newest endringslogg time (ISO), or null when nothing was ever logged. */
  lastChange: string | null;
};

export function registerContents(db: Database.Database): RegisterContents {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const last = db.prepare('SELECT max(tid) AS tid FROM endringslogg').get() as { tid: string | null };
  return { deltakere: count('deltaker'), kull: count('kull'), lastChange: last.tid };
}

export function backupFileContents(file: string): RegisterContents {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return registerContents(db);
  } catch {
    throw new DomainError('damaged', 'Sikkerhetskopien kan ikke leses. Velg en annen.');
  } finally {
    db?.close();
  }
}

/** Endringslogg entries after `time` (ISO) in the open register: what a restore to `time` would undo. */
export function changesSince(db: Database.Database, time: string): { entries: number; rowsAdded: number } {
  const entries = db.prepare('SELECT count(*) AS n FROM endringslogg WHERE tid > ?').get(time) as { n: number };
  const added = db
    .prepare(
      "SELECT count(*) AS n FROM endringslogg WHERE tid > ? AND felt = 'navn' AND gammel IS NULL AND tabell IN ('deltaker', 'kull')",
    )
    .get(time) as { n: number };
  return { entries: entries.n, rowsAdded: added.n };
}
