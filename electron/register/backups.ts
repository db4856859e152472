/**
 * The open register's backups: the daily one, a backup now, the folder they go to (chosen per
 * register on this machine, remembered with the earlier ones), and the scope an erasure must reach.
 */
import fs from 'node:fs';
import path from 'node:path';
import { todayIso } from '../../shared/dates';
import { DomainError } from '../store/errors';
import { readAppConfig, registerKey, updateAppConfig } from './app-config';
import {
  applyRetention,
  BACKUP_KIND_LABELS,
  type BackupInfo,
  type BackupKind,
  createBackup,
  listBackups as listBackupFiles,
} from './backup-files';
import { classifyLocation, systemProbe } from './location';
import { messageOf } from './messages';
import { type CopiesOutcome, type ErasureScope, finishPendingErasures } from './privacy';
import { requireOpen, type SessionCore } from './state';

/** A daily backup unless one was made today (local day); then the retention rule. Never throws. */
export async function dailyBackupIfDue(core: SessionCore): Promise<void> {
  const s = core.state;
  if (!s || s.reg.readOnly) return;
  const folder = backupFolderFor(core, s.path);
  try {
    const today = todayIso(core.now());
    const existing = listBackupFiles(folder, s.path);
    const todays = existing.find((b) => b.kind !== 'skadet' && todayIso(new Date(Date.parse(b.time))) === today);
    if (todays) {
      s.lastBackup = s.lastBackup ?? todays;
      return;
    }
    s.lastBackup = await createBackup(s.reg, folder, 'daglig', core.now());
    s.backupError = null;
    applyRetention(folder, s.path);
  } catch (error) {
    s.backupError = `Den daglige sikkerhetskopien kunne ikke lages: ${messageOf(error)}`;
  }
}

export function backupFolderInfo(core: SessionCore) {
  const s = requireOpen(core);
  const chosen = readAppConfig(core.options.configFile).backupFolders[registerKey(s.path)];
  const folder = backupFolderFor(core, s.path);
  return {
    folder,
    isDefault: chosen === undefined,
    location: classifyLocation(path.join(folder, 'x.sqlite'), core.options.probe ?? systemProbe()),
  };
}

export function listBackups(core: SessionCore): BackupInfo[] {
  const s = requireOpen(core);
  return listBackupFiles(backupFolderFor(core, s.path), s.path);
}

/**
 * Another backup folder, picked by `choose` (the app's folder dialog, given the current folder;
 * null: cancelled); a backup is made there at once.
 */
export function chooseBackupFolder(
  core: SessionCore,
  choose: (current: string) => string | null,
): { changed: boolean } {
  const s = requireOpen(core);
  const picked = choose(backupFolderFor(core, s.path));
  if (picked === null) return { changed: false };
  const folder = path.resolve(picked);
  assertWritableFolder(folder);
  setBackupFolder(core, s.path, folder);
  core.track(dailyBackupIfDue(core));
  return { changed: true };
}

export function useDefaultBackupFolder(core: SessionCore): void {
  const s = requireOpen(core);
  setBackupFolder(core, s.path, null);
  core.track(dailyBackupIfDue(core));
}

function setBackupFolder(core: SessionCore, registerPath: string, folder: string | null): void {
  updateAppConfig(core.options.configFile, (config) => {
    const key = registerKey(registerPath);
    const before = config.backupFolders[key] ?? core.options.defaultBackupFolder;
    const earlier = new Set(config.earlierBackupFolders[key] ?? []);
    earlier.add(before);
    if (folder === null) delete config.backupFolders[key];
    else config.backupFolders[key] = folder;
    earlier.delete(folder ?? core.options.defaultBackupFolder);
    config.earlierBackupFolders[key] = [...earlier];
  });
}

/** Where an erasure must reach: every backup folder this register has used on this machine. */
export function erasureScope(core: SessionCore): ErasureScope {
  const s = requireOpen(core);
  return { folders: allBackupFolders(core, s.path), registerPath: s.path, host: core.me.host };
}

/** How many backups (current and earlier folders) an erasure will clean. */
export function countBackups(core: SessionCore): number {
  const s = requireOpen(core);
  return allBackupFolders(core, s.path).reduce((n, folder) => n + listBackupFiles(folder, s.path).length, 0);
}

/** Never throws: an erasure not yet carried to every copy is tried again at the next open or erasure. */
export function finishErasures(core: SessionCore): CopiesOutcome | null {
  const s = core.state;
  if (!s || s.reg.readOnly) return null;
  try {
    return finishPendingErasures(s.reg, erasureScope(core));
  } catch {
    return null;
  }
}

/** A backup now (the command line's `backup`), then the retention rule. */
export async function backupNow(core: SessionCore, kind: BackupKind = 'manuell'): Promise<BackupInfo> {
  const s = requireOpen(core);
  const folder = backupFolderFor(core, s.path);
  const made = await createBackup(s.reg, folder, kind, core.now());
  s.lastBackup = made;
  applyRetention(folder, s.path);
  return made;
}

/**
 * The backup taken before every import, in the app and on the command line alike: an import is undone
 * by restoring it. Refused in Norwegian when it cannot be made, since then nothing may be imported.
 */
export async function backupBeforeImport(core: SessionCore): Promise<BackupInfo> {
  try {
    return await backupNow(core, 'for-import');
  } catch (error) {
    throw new DomainError(
      'backup_failed',
      `Sikkerhetskopien som tas før hver import, kunne ikke lages, så ingenting ble importert. ${messageOf(error)}`,
    );
  }
}

export function backupFolderFor(core: SessionCore, registerPath: string): string {
  return (
    core.options.backupFolder ??
    readAppConfig(core.options.configFile).backupFolders[registerKey(registerPath)] ??
    core.options.defaultBackupFolder
  );
}

function allBackupFolders(core: SessionCore, registerPath: string): string[] {
  const config = readAppConfig(core.options.configFile);
  const key = registerKey(registerPath);
  return [...new Set([backupFolderFor(core, registerPath), ...(config.earlierBackupFolders[key] ?? [])])];
}
/** A backup as the API shows it (no full path; the name is what restore takes). */
export function backupForApi(b: BackupInfo) {
  return { name: b.name, time: b.time, kind: b.kind, kindLabel: BACKUP_KIND_LABELS[b.kind], size: b.size };
}

function assertWritableFolder(folder: string): void {
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const probe = path.join(folder, `.kullregister-skrivetest-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch {
    throw new DomainError('backup_folder', `Kullregister kan ikke skrive i «${folder}». Velg en annen mappe.`);
  }
}
