/**
 * An erasure in every copy of the register the app keeps on disk (docs/safety.md, «An erasure
 * holds»): each backup is copied beside itself, the erasures applied to the copy with
 * `secure_delete`, VACUUMed, checked with `integrity_check`, made 0600 and renamed over the backup —
 * so a backup is at every moment either the old one or the whole cleaned one.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { flush, partialName, restrictToOwner } from '../io/private-files';
import { applyErasure, carryErasures, type ErasureRecord, erasureMatches, hasTable } from '../store/erasure';
import { listBackups } from './backup-files';

export type CopyOutcome = { file: string; cleaned: boolean } | { file: string; failed: string; holdsPerson: boolean };

/** Applies the erasures to one backup file, in place by copy-and-rename. */
export function cleanBackupFile(file: string, records: readonly ErasureRecord[]): CopyOutcome {
  if (!stillHolds(file, records)) return { file, cleaned: false };
  const temp = partialName(file);
  let db: Database.Database | undefined;
  try {
    fs.copyFileSync(file, temp);
    restrictToOwner(temp);
    db = new Database(temp, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
    db.pragma('secure_delete = ON');
    const target = db;
    target.transaction(() => {
      for (const record of records) applyErasure(target, record);
      carryErasures(target, records);
    })();
    target.exec('VACUUM');
    const check = target.pragma('integrity_check', { simple: true });
    target.close();
    db = undefined;
    if (check !== 'ok') throw new Error(`integrity_check: ${String(check)}`);
    flush(temp);
    fs.renameSync(temp, file);
    return { file, cleaned: true };
  } catch (error) {
    try {
      db?.close();
    } catch {
      // Already closed.
    }
    for (const leftover of [temp, `${temp}-journal`]) {
      try {
        fs.rmSync(leftover, { force: true });
      } catch {
        // Not a file we made (or not removable): left for the next open's clean-up.
      }
    }
    return { file, failed: messageOf(error), holdsPerson: true };
  }
}

/** Whether a copy still holds anything the erasures remove (true when it cannot even be read). */
export function stillHolds(file: string, records: readonly ErasureRecord[]): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    if (!hasTable(db, 'deltaker') || !hasTable(db, 'endringslogg')) return false;
    const target = db;
    return records.some((record) => erasureMatches(target, record) > 0);
  } catch {
    return true;
  } finally {
    db?.close();
  }
}

/** Cleans every backup of the register in the folders; returns what happened to each file touched. */
export function cleanBackups(
  folders: readonly string[],
  registerPath: string,
  records: readonly ErasureRecord[],
): { cleaned: string[]; failed: { file: string; reason: string }[] } {
  const cleaned: string[] = [];
  const failed: { file: string; reason: string }[] = [];
  if (records.length === 0) return { cleaned, failed };
  for (const folder of folders) {
    let backups: ReturnType<typeof listBackups>;
    try {
      backups = listBackups(folder, registerPath);
    } catch (error) {
      failed.push({ file: folder, reason: messageOf(error) });
      continue;
    }
    for (const backup of backups) {
      let outcome: CopyOutcome;
      try {
        outcome = cleanBackupFile(backup.file, records);
      } catch (error) {
        outcome = { file: backup.file, failed: messageOf(error), holdsPerson: true };
      }
      if ('failed' in outcome) {
        if (backup.kind === 'skadet' && removeDamagedCopy(backup.file)) {
          cleaned.push(backup.file);
          continue;
        }
        failed.push({ file: backup.file, reason: outcome.failed });
      } else if (outcome.cleaned) {
        cleaned.push(backup.file);
      }
    }
  }
  return { cleaned, failed };
}

/** A damaged register kept aside cannot be cleaned; it holds names, so it goes. */
function removeDamagedCopy(file: string): boolean {
  try {
    fs.rmSync(file);
    return true;
  } catch {
    return false;
  }
}

function messageOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'mappen eller filen er skrivebeskyttet';
  if (code === 'ENOSPC') return 'disken er full';
  return error instanceof Error ? error.message : String(error);
}
