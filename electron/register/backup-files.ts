/**
 * Backups of a register (architecture.md, "Storage and reliability"; decisions in docs/safety.md).
 *
 * - Made with SQLite's online backup API (better-sqlite3 `db.backup`) into `<name>.partial`, checked
 *   with quick_check, then renamed: a file that looks like a backup is always a whole one.
 * - Named `<register>-<hash of its path>--<UTC time>--<kind>.sqlite`, so one folder can hold the
 *   backups of several registers and listing needs no index file.
 * - Kept: every backup of the 14 most recent days that have one, and the newest of each of the 12
 *   most recent months.
 * - They hold names: the folder is created for the user only (0700, files 0600 where the OS has modes).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { todayIso } from '../../shared/dates';
import { backupStem } from '../io/backup-names';
import { flush, partialName, removeStalePartials, restoreTempName, restrictToOwner } from '../io/private-files';
import type { Register } from '../store/connection';
import { DomainError, reasonOf } from '../store/errors';
import { SCHEMA_VERSION } from '../store/migrations';

export type BackupKind = 'daglig' | 'manuell' | 'for-import' | 'for-oppgradering' | 'for-gjenoppretting' | 'skadet';

export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  daglig: 'Daglig',
  manuell: 'Tatt for hånd',
  'for-import': 'Før import',
  'for-oppgradering': 'Før oppgradering',
  'for-gjenoppretting': 'Før gjenoppretting',
  skadet: 'Skadet fil (tatt vare på)',
};

export type BackupInfo = {
  /** The file name: what the UI passes back to restore it. */
  name: string;
  file: string;
  /** When it was made (ISO, UTC). */
  time: string;
  kind: BackupKind;
  /** Bytes. */
  size: number;
};

export const KEEP_DAILY = 14;
export const KEEP_MONTHLY = 12;

const KINDS: readonly BackupKind[] = [
  'daglig',
  'manuell',
  'for-import',
  'for-oppgradering',
  'for-gjenoppretting',
  'skadet',
];

export { backupStem };

function stamp(time: Date): string {
  return time
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

function parseStamp(text: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z(?:-\d+)?$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, s));
}

/** The register's backups in `folder`, newest first. A missing folder has none. */
export function listBackups(folder: string, registerPath: string): BackupInfo[] {
  const stem = backupStem(registerPath);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: BackupInfo[] = [];
  for (const name of names) {
    const m = /^(.+)--([0-9TZ-]+)--([a-z-]+)\.sqlite$/.exec(name);
    if (!m || m[1] !== stem) continue;
    const time = parseStamp(m[2] as string);
    const kind = m[3] as BackupKind;
    if (!time || !KINDS.includes(kind)) continue;
    const file = path.join(folder, name);
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      continue;
    }
    found.push({ name, file, time: time.toISOString(), kind, size });
  }
  return found.sort((a, b) => (a.time === b.time ? b.name.localeCompare(a.name) : b.time.localeCompare(a.time)));
}

function newName(folder: string, registerPath: string, kind: BackupKind, now: Date): string {
  const base = `${backupStem(registerPath)}--${stamp(now)}`;
  let name = `${base}--${kind}.sqlite`;
  for (let n = 2; fs.existsSync(path.join(folder, name)); n++) name = `${base}-${n}--${kind}.sqlite`;
  return name;
}

function ensureFolder(folder: string): void {
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch {
    throw new DomainError(
      'backup_folder',
      `Kan ikke lage mappen for sikkerhetskopier («${folder}»). Velg en annen mappe for sikkerhetskopier.`,
    );
  }
}

function finish(temp: string, folder: string, name: string, kind: BackupKind, now: Date): BackupInfo {
  const check = checkBackupFile(temp);
  if (!check.ok) {
    fs.rmSync(temp, { force: true });
    throw new DomainError('backup_failed', `Sikkerhetskopien ble ikke hel (${check.reason}). Den er forkastet.`);
  }
  const file = path.join(folder, name);
  restrictToOwner(temp);
  fs.renameSync(temp, file);
  return {
    name,
    file,
    time: new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString(),
    kind,
    size: fs.statSync(file).size,
  };
}

/** A backup of the open register through SQLite's online backup API; checked before it counts. */
export async function createBackup(
  reg: Register,
  folder: string,
  kind: BackupKind,
  now = new Date(),
): Promise<BackupInfo> {
  ensureFolder(folder);
  removeStalePartials([folder], reg.path);
  const name = newName(folder, reg.path, kind, now);
  const temp = partialName(path.join(folder, name));
  try {
    await reg.db.backup(temp, { progress: () => 2000 });
  } catch (error) {
    fs.rmSync(temp, { force: true });
    fs.rmSync(`${temp}-journal`, { force: true });
    throw new DomainError(
      'backup_failed',
      `Sikkerhetskopien kunne ikke lages i «${folder}». ${reasonOf(error)} Sjekk at det er plass på disken, eller velg en annen mappe.`,
    );
  }
  return finish(temp, folder, name, kind, now);
}

/**
 * A backup made by copying a file that no connection has open (before a restore, the register just
 * closed cleanly; a damaged register, which must not be opened for writing). Not a live database,
 * so a byte copy is a consistent one.
 */
export function copyFileAsBackup(
  source: string,
  folder: string,
  registerPath: string,
  kind: BackupKind,
  now = new Date(),
): BackupInfo {
  ensureFolder(folder);
  removeStalePartials([folder], registerPath);
  const name = newName(folder, registerPath, kind, now);
  const temp = partialName(path.join(folder, name));
  fs.copyFileSync(source, temp);
  restrictToOwner(temp);
  if (kind === 'skadet') {
    const file = path.join(folder, name);
    fs.renameSync(temp, file);
    return {
      name,
      file,
      time: new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString(),
      kind,
      size: fs.statSync(file).size,
    };
  }
  return finish(temp, folder, name, kind, now);
}

export type BackupCheck = { ok: true; schemaVersion: number } | { ok: false; reason: string };

/** Whether a file is a whole, readable register this app can open. Opens it read-only. */
export function checkBackupFile(file: string): BackupCheck {
  let db: Database.Database | undefined;
  try {
    const header = Buffer.alloc(16);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, header, 0, 16, 0);
    } finally {
      fs.closeSync(fd);
    }
    if (header.toString('latin1') !== 'SQLite format 3\u0000') return { ok: false, reason: 'ikke en SQLite-fil' };
    db = new Database(file, { readonly: true, fileMustExist: true });
    const quick = db.pragma('quick_check', { simple: true });
    if (quick !== 'ok') return { ok: false, reason: 'skadet' };
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1) return { ok: false, reason: 'ikke et register' };
    if (version > SCHEMA_VERSION) return { ok: false, reason: 'laget av en nyere versjon' };
    return { ok: true, schemaVersion: version };
  } catch {
    return { ok: false, reason: 'kan ikke leses' };
  } finally {
    db?.close();
  }
}

/** The newest backup that passes `checkBackupFile` (damaged copies kept aside are never offered). */
export function newestGoodBackup(folder: string, registerPath: string): BackupInfo | null {
  for (const backup of listBackups(folder, registerPath)) {
    if (backup.kind === 'skadet') continue;
    if (checkBackupFile(backup.file).ok) return backup;
  }
  return null;
}

/** Which backups the retention rule keeps (input newest first, as `listBackups` gives them). */
export function planRetention(backups: readonly BackupInfo[], daily = KEEP_DAILY, monthly = KEEP_MONTHLY) {
  const dayOf = (b: BackupInfo) => todayIso(new Date(Date.parse(b.time)));
  const days: string[] = [];
  for (const b of backups) {
    const day = dayOf(b);
    if (!days.includes(day)) days.push(day);
  }
  const keptDays = new Set(days.slice(0, daily));
  const monthNewest = new Map<string, BackupInfo>();
  for (const b of backups) {
    if (b.kind === 'skadet') continue;
    const month = dayOf(b).slice(0, 7);
    if (!monthNewest.has(month)) monthNewest.set(month, b);
  }
  const keptMonthly = new Set([...monthNewest.values()].slice(0, monthly));
  const keep = backups.filter((b) => keptDays.has(dayOf(b)) || keptMonthly.has(b));
  const remove = backups.filter((b) => !keep.includes(b));
  return { keep, remove };
}

/** Deletes the backups the retention rule no longer keeps; returns how many. */
export function applyRetention(folder: string, registerPath: string): number {
  const { remove } = planRetention(listBackups(folder, registerPath));
  for (const b of remove) fs.rmSync(b.file, { force: true });
  return remove.length;
}

/**
 * Puts a backup in the register's place: copied beside it, `prepare`d there (the erasures and the
 * hendelse log carried over, store/restore.ts), flushed, then renamed over it, so the register is at
 * every moment either the old file or the whole prepared copy. The register must be closed.
 */
export function replaceRegisterFile(
  backupFile: string,
  registerPath: string,
  prepare: (copy: string) => void = () => {},
): void {
  const journal = `${registerPath}-journal`;
  if (fs.existsSync(journal) && fs.statSync(journal).size > 0) {
    throw new DomainError(
      'busy',
      'Registeret er i bruk av et annet program akkurat nå. Lukk det og prøv igjen. Ingenting er endret.',
    );
  }
  const mode = fs.statSync(registerPath).mode & 0o777;
  const temp = restoreTempName(registerPath);
  try {
    fs.copyFileSync(backupFile, temp);
    fs.chmodSync(temp, mode);
    prepare(temp);
    fs.rmSync(`${temp}-journal`, { force: true });
    flush(temp);
    fs.rmSync(journal, { force: true });
    fs.renameSync(temp, registerPath);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    fs.rmSync(`${temp}-journal`, { force: true });
    if (error instanceof DomainError) throw error;
    throw new DomainError(
      'restore_failed',
      'Registeret kunne ikke byttes ut, trolig fordi det er åpent i et annet program (kanskje skrivebeskyttet hos en kollega). Be andre lukke Kullregister og prøv igjen. Ingenting er endret.',
    );
  }
}
