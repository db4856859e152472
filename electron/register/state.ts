/**
 * What a register session knows while a register is open, and the inner side of the session the
 * modules of electron/register/ work on (opening, lock hand-over, backups, restore). Only
 * register/session.ts builds a `SessionCore`; everyone else uses the `RegisterSession` it wraps.
 */

import type { Register } from '../store/connection';
import { DomainError } from '../store/errors';
import type { BackupInfo } from './backup-files';
import type { FileLocation, LocationProbe } from './location';
import type { LockHolder, Me, RegisterLock } from './lock';

/** A kind of file a dialog offers: «Excel-arbeidsbok» (.xlsx). */
export type FileKind = { name: string; extensions: string[] };

export type SessionOptions = {
  /** The app's settings file (recent registers, backup folders …) in the user-data folder. */
  configFile: string;
  /** Where backups go unless the user chose a folder (location.ts `defaultBackupFolder`). */
  defaultBackupFolder: string;
  user?: string;
  host?: string;
  probe?: LocationProbe;
  /** Heartbeat interval; null runs none (tests call `heartbeat()`). */
  heartbeatMs?: number | null;
  now?: () => Date;
  /** For tests: whether a process on this machine exists. */
  isProcessAlive?: (pid: number) => boolean;
  /** Take the daily backup when a register opens. Default true; the command line leaves it to the app. */
  dailyBackup?: boolean;
  /** Put the register first in this machine's recent list. Default true; not for the command line. */
  rememberRecent?: boolean;
  /** The backup folder for every register, in place of the settings' (the command line's `--backup-folder`). */
  backupFolder?: string;
};

export type OpenOutcome =
  | { status: 'open'; register: Register }
  | { status: 'damaged'; path: string; message: string; newestGoodBackup: BackupInfo | null };

export type ReadOnlyReason = 'locked' | 'lock_lost' | 'no_write_access' | 'file_read_only';

export type OpenState = {
  reg: Register;
  path: string;
  location: FileLocation;
  singleUser: boolean;
  lock: RegisterLock | null;
  holder: LockHolder | null;
  readOnlyReason: ReadOnlyReason | null;
  reclaimedFrom: LockHolder | null;
  migratedFrom: number | null;
  lastBackup: BackupInfo | null;
  backupError: string | null;
};

/** The session as its own modules see it. */
export type SessionCore = {
  readonly options: SessionOptions;
  readonly me: Me;
  state: OpenState | null;
  /** Ties a register to this session (`sessionOf`), or unties it. */
  bind(reg: Register): void;
  unbind(reg: Register): void;
  /** Keeps a background task (a backup) for `idle()`. */
  track(promise: Promise<unknown>): void;
  readonly pending: Set<Promise<unknown>>;
  now(): Date;
  open(file: string, options?: { create?: boolean; takeOverLockId?: string }): Promise<OpenOutcome>;
  close(): void;
};

export function requireOpen(core: SessionCore): OpenState {
  if (!core.state) throw new DomainError('not_open', 'Ingen register er åpent.');
  return core.state;
}
