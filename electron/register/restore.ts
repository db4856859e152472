/**
 * Restoring a register from one of its backups: the open register (the current file is kept as a
 * backup first), or a damaged one that could not be opened (kept as a «skadet» copy). What a restore
 * carries over from the file it replaces is store/restore.ts.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { formatTime } from '../../shared/dates';
import type { Register } from '../store/connection';
import { DomainError } from '../store/errors';
import { logHendelse } from '../store/hendelser';
import { migrateRegister, openRegister } from '../store/open';
import { carriedOver, carriedOverFromFile, prepareRestoredCopy } from '../store/restore';
import {
  BACKUP_KIND_LABELS,
  type BackupInfo,
  checkBackupFile,
  copyFileAsBackup,
  listBackups,
  replaceRegisterFile,
} from './backup-files';
import { backupFolderFor, finishErasures } from './backups';
import { acquireLock } from './lock';
import { holderSentence, LockedError, messageOf } from './messages';
import { type OpenOutcome, type OpenState, requireOpen, type SessionCore } from './state';

/** A damaged register is put aside (kept as a «skadet» copy) and replaced by a backup, then opened. */
export async function restoreDamaged(core: SessionCore, file: string, backupName: string): Promise<OpenOutcome> {
  core.close();
  const registerPath = path.resolve(file);
  const folder = backupFolderFor(core, registerPath);
  const backup = findRestorable(folder, registerPath, backupName);
  const acquired = acquireLock(registerPath, core.me);
  if (acquired.status === 'held') {
    throw new LockedError(
      `${holderSentence(acquired.holder)} Registeret kan ikke gjenopprettes mens det er åpent.`,
      acquired.holder,
    );
  }
  try {
    const carried = carriedOverFromFile(registerPath, (f) => new Database(f, { readonly: true, fileMustExist: true }));
    const kept = copyFileAsBackup(registerPath, folder, registerPath, 'skadet', core.now());
    replaceRegisterFile(backup.file, registerPath, (copy) => prepareRestoredCopy(copy, carried, core.me.user));
    acquired.lock.release();
    const outcome = await core.open(registerPath);
    if (outcome.status === 'open') {
      logHendelse(
        outcome.register,
        'gjenoppretting',
        `Registeret var skadet og ble gjenopprettet fra sikkerhetskopien fra ${formatTime(backup.time)} (${backup.name}). Den skadde filen er tatt vare på blant sikkerhetskopiene (${kept.name}).`,
        null,
        core.me.host,
      );
    }
    return outcome;
  } finally {
    acquired.lock.release();
  }
}

/** Replaces the open register by one of its backups; the current file is backed up first. */
export function restoreBackup(
  core: SessionCore,
  name: string,
): {
  restoredFrom: BackupInfo;
  savedCurrentAs: BackupInfo;
  erasuresReapplied: number;
  rowsErasedAgain: number;
} {
  const s = requireOpen(core);
  if (s.reg.readOnly) {
    throw new DomainError('read_only', 'Registeret er åpnet skrivebeskyttet og kan ikke gjenopprettes herfra.');
  }
  const folder = backupFolderFor(core, s.path);
  const backup = findRestorable(folder, s.path, name);
  const carried = carriedOver(s.reg.db);
  s.reg.close();
  core.unbind(s.reg);
  let saved: BackupInfo;
  let erasedAgain = 0;
  try {
    saved = copyFileAsBackup(s.path, folder, s.path, 'for-gjenoppretting', core.now());
    replaceRegisterFile(backup.file, s.path, (copy) => {
      erasedAgain = prepareRestoredCopy(copy, carried, core.me.user).rowsErasedAgain;
    });
  } catch (error) {
    reopenAfterRestore(core, s);
    throw error instanceof DomainError
      ? error
      : new DomainError('restore_failed', `Gjenopprettingen mislyktes: ${messageOf(error)} Registeret er ikke endret.`);
  }
  const reg = reopenAfterRestore(core, s);
  finishErasures(core);
  logHendelse(
    reg,
    'gjenoppretting',
    `Registeret ble gjenopprettet fra sikkerhetskopien fra ${formatTime(backup.time)} (${BACKUP_KIND_LABELS[backup.kind].toLowerCase()}). Registeret slik det var, er lagret som sikkerhetskopi fra ${formatTime(saved.time)} (før gjenoppretting). Hendelsesloggen er beholdt, og ${carried.erasures.length} ${carried.erasures.length === 1 ? 'sletting eller anonymisering' : 'slettinger og anonymiseringer'} er gjort på nytt (${erasedAgain} ${erasedAgain === 1 ? 'rad' : 'rader'} berørt).`,
    null,
    core.me.host,
  );
  s.lastBackup = saved;
  return {
    restoredFrom: backup,
    savedCurrentAs: saved,
    erasuresReapplied: carried.erasures.length,
    rowsErasedAgain: erasedAgain,
  };
}

/** After a restore the file may be an older schema: the backup it came from stays as the copy from before the migration. */
function reopenAfterRestore(core: SessionCore, s: OpenState): Register {
  const reg = openRegister(s.path, { user: core.me.user, migrate: false, singleUser: s.singleUser });
  migrateRegister(reg);
  core.state = { ...s, reg };
  core.bind(reg);
  return reg;
}

function findRestorable(folder: string, registerPath: string, name: string): BackupInfo {
  const backup = listBackups(folder, registerPath).find((b) => b.name === name);
  if (!backup) throw new DomainError('not_found', `Finner ikke sikkerhetskopien «${name}». Last listen på nytt.`);
  if (backup.kind === 'skadet') {
    throw new DomainError(
      'damaged',
      'Dette er en skadet fil som er tatt vare på, ikke en sikkerhetskopi. Velg en annen.',
    );
  }
  const check = checkBackupFile(backup.file);
  if (!check.ok) {
    throw new DomainError('damaged', `Sikkerhetskopien «${name}» kan ikke brukes (${check.reason}). Velg en annen.`);
  }
  return backup;
}
