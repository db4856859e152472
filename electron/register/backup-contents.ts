/**
 * What a register file holds, in the few numbers a leder can compare before a restore: deltakere,
 * kull, and when it was last changed. Read from the open register, or from a backup file through a
 * read-only connection of its own (nothing is written to the backup).
 */
import Database from 'better-sqlite3';
import { DomainError } from '../store/errors';

export type RegisterContents = {
  deltakere: number;
  kull: number;
  /** The newest endringslogg time (ISO), or null when nothing was ever logged. */
  lastChange: string | null;
  /** The newest endringslogg id: the exact point a later change is counted from (times tie within a second). */
  lastChangeId: number;
};

export function registerContents(db: Database.Database): RegisterContents {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const last = db.prepare('SELECT max(tid) AS tid, coalesce(max(id), 0) AS id FROM endringslogg').get() as {
    tid: string | null;
    id: number;
  };
  return { deltakere: count('deltaker'), kull: count('kull'), lastChange: last.tid, lastChangeId: last.id };
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

/**
 * Endringslogg entries in the open register after the backup's newest one (`afterId`): what a restore
 * would undo. By id, not by time: a change in the same second as the backup is not counted twice.
 */
export function changesSince(db: Database.Database, afterId: number): { entries: number; rowsAdded: number } {
  const entries = db.prepare('SELECT count(*) AS n FROM endringslogg WHERE id > ?').get(afterId) as { n: number };
  const added = db
    .prepare(
      "SELECT count(*) AS n FROM endringslogg WHERE id > ? AND felt = 'navn' AND gammel IS NULL AND tabell IN ('deltaker', 'kull')",
    )
    .get(afterId) as { n: number };
  return { entries: entries.n, rowsAdded: added.n };
}
