/**
 * Opening a register through the session: where the file lives (single-user mode), the app-level
 * lock, the backup before a migration, and the read-only open when someone else has the file or the
 * file or its folder cannot be written. Decisions are in docs/safety.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Register } from '../store/connection';
import { DomainError } from '../store/errors';
import { SCHEMA_VERSION } from '../store/migrations';
import { fileSchemaVersion, migrateRegister, openRegister } from '../store/open';
import { remember } from './app-settings';
import { createBackup, listBackups, newestGoodBackup } from './backup-files';
import { backupFolderFor, dailyBackupIfDue, finishErasures } from './backups';
import { classifyLocation, type FileLocation, systemProbe } from './location';
import { acquireLock, type LockHolder, type RegisterLock, takeOverLock } from './lock';
import { startHeartbeat } from './lock-handover';
import { holderSentence, LockedError, messageOf } from './messages';
import type { OpenOutcome, ReadOnlyReason, SessionCore } from './state';

/** Opens a register; the previous one (if any) is closed first. */
export async function open(
  core: SessionCore,
  file: string,
  options: { create?: boolean; takeOverLockId?: string } = {},
): Promise<OpenOutcome> {
  core.close();
  const registerPath = path.resolve(file);
  if (!fs.existsSync(registerPath) && !options.create) {
    openRegister(registerPath, { user: core.me.user }); // throws the store's «not found» message
  }
  const location = classifyLocation(registerPath, core.options.probe ?? systemProbe());
  const singleUser = location.kind !== 'local';
  if (isReadOnlyFile(registerPath)) {
    return openWithoutLock(core, registerPath, location, singleUser, 'file_read_only', null);
  }

  let lock: RegisterLock;
  let reclaimedFrom: LockHolder | null = null;
  try {
    if (options.takeOverLockId !== undefined) {
      lock = takeOverLock(registerPath, options.takeOverLockId, core.me).lock;
    } else {
      const acquired = acquireLock(registerPath, core.me);
      if (acquired.status === 'held') return openLocked(core, registerPath, location, singleUser, acquired.holder);
      lock = acquired.lock;
      reclaimedFrom = acquired.reclaimed;
    }
  } catch (error) {
    if (error instanceof DomainError && error.code === 'folder_read_only' && fs.existsSync(registerPath)) {
      return openWithoutLock(core, registerPath, location, singleUser, 'no_write_access', null);
    }
    throw error;
  }

  try {
    return await openWithLock(core, registerPath, location, singleUser, lock, reclaimedFrom, options.create ?? false);
  } catch (error) {
    // Every failed open gives the lock back (a refused file, a failed upgrade, anything unforeseen).
    lock.release();
    throw error;
  }
}

async function openWithLock(
  core: SessionCore,
  registerPath: string,
  location: FileLocation,
  singleUser: boolean,
  lock: RegisterLock,
  reclaimedFrom: LockHolder | null,
  create: boolean,
): Promise<OpenOutcome> {
  let reg: Register;
  try {
    reg = openRegister(registerPath, { create, user: core.me.user, migrate: false, singleUser });
  } catch (error) {
    lock.release();
    if (error instanceof DomainError && error.code === 'damaged') {
      return {
        status: 'damaged',
        path: registerPath,
        message: error.message,
        newestGoodBackup: newestGoodBackup(backupFolderFor(core, registerPath), registerPath),
      };
    }
    throw error;
  }

  const version = fileSchemaVersion(reg);
  let migratedFrom: number | null = null;
  if (version < SCHEMA_VERSION) {
    const folder = backupFolderFor(core, registerPath);
    if (version > 0) {
      try {
        await createBackup(reg, folder, 'for-oppgradering', core.now());
      } catch (error) {
        reg.close();
        lock.release();
        throw new DomainError(
          'backup_failed',
          `Registeret må oppgraderes til denne versjonen av Kullregister, men sikkerhetskopien før oppgraderingen kunne ikke lages: ${messageOf(error)} Registeret er ikke endret.`,
        );
      }
      migratedFrom = version;
    }
    try {
      migrateRegister(reg);
    } catch (error) {
      reg.close();
      lock.release();
      throw new DomainError(
        'migration_failed',
        `Oppgraderingen av registeret mislyktes. ${messageOf(error)} Registeret er ikke endret${version > 0 ? `, og en sikkerhetskopi fra før oppgraderingen ligger i «${folder}»` : ''}. Kontakt IT.`,
      );
    }
  } else {
    try {
      migrateRegister(reg); // nothing to migrate; fills the default lists if a list is empty
    } catch (error) {
      reg.close();
      throw error;
    }
  }

  core.state = {
    reg,
    path: registerPath,
    location,
    singleUser,
    lock,
    holder: null,
    readOnlyReason: null,
    reclaimedFrom,
    migratedFrom,
    lastBackup: null,
    backupError: null,
  };
  core.bind(reg);
  startHeartbeat(core);
  // Stale partial files go, and an erasure a crash interrupted reaches the backups now.
  finishErasures(core);
  // In the background: for a large register it takes longer than showing the grid (docs/safety.md).
  if (core.options.dailyBackup !== false) core.track(dailyBackupIfDue(core));
  remember(core, registerPath);
  return { status: 'open', register: reg };
}

/** Someone else has the lock: read-only, or refused outright for a single-user file. */
function openLocked(
  core: SessionCore,
  registerPath: string,
  location: FileLocation,
  singleUser: boolean,
  holder: LockHolder,
): OpenOutcome {
  if (singleUser) {
    throw new LockedError(
      `${holderSentence(holder)} Registeret ligger på ${location.place} og kan bare brukes av én om gangen, så det kan ikke åpnes før ${holder.user} lukker det.${holder.stale ? ' Hvis du vet at det ikke er i bruk lenger, kan du ta over låsen.' : ''}`,
      holder,
    );
  }
  return openWithoutLock(core, registerPath, location, singleUser, 'locked', holder);
}

function openWithoutLock(
  core: SessionCore,
  registerPath: string,
  location: FileLocation,
  singleUser: boolean,
  reason: ReadOnlyReason,
  holder: LockHolder | null,
): OpenOutcome {
  let reg: Register;
  try {
    reg = openRegister(registerPath, { readOnly: true, user: core.me.user });
  } catch (error) {
    // The holder was stopped mid-write: only an editing open can roll that back (take-over if stale).
    if (holder && error instanceof DomainError && error.code === 'hot_journal') {
      throw new LockedError(`${holderSentence(holder)} ${error.message}`, holder);
    }
    throw error;
  }
  if (fileSchemaVersion(reg) < SCHEMA_VERSION) {
    reg.close();
    const who = holder ? holderSentence(holder) : 'Registeret kan ikke redigeres herfra.';
    if (holder) {
      throw new LockedError(
        `${who} Registeret må oppgraderes til denne versjonen av Kullregister før det kan vises her, og det kan bare gjøres når ingen andre har det åpent.`,
        holder,
      );
    }
    throw new DomainError(
      'needs_upgrade',
      `${who} Det er laget av en eldre versjon av Kullregister og må oppgraderes, noe som krever skrivetilgang til mappen.`,
    );
  }
  core.state = {
    reg,
    path: registerPath,
    location,
    singleUser,
    lock: null,
    holder,
    readOnlyReason: reason,
    reclaimedFrom: null,
    migratedFrom: null,
    lastBackup: listBackups(backupFolderFor(core, registerPath), registerPath)[0] ?? null,
    backupError: null,
  };
  core.bind(reg);
  remember(core, registerPath);
  return { status: 'open', register: reg };
}
/**
 * A register file marked read-only (mode without the owner's write bit; on Windows Node shows the
 * read-only attribute that way), or one this user may not write to. Checked by the mode as well as
 * by `access`, because `access` says yes to root (and to Administrators) whatever the mode.
 */
function isReadOnlyFile(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size === 0) return false;
    if ((stat.mode & 0o200) === 0) return true;
    fs.accessSync(file, fs.constants.W_OK);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EACCES' || (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
