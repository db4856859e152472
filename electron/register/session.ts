/**
 * The register the app has open, with everything that keeps it safe around the plain store:
 * where the file lives (single-user mode), the app-level lock, the backup before a migration and
 * once a day, restore, and the read-only state when someone else has the file. Plain Node: the
 * Electron glue creates one session and hands its register to the API; the tests drive it directly.
 * Each concern is its own module beside this one (opening, lock-handover, backups, restore, status,
 * app-settings, messages); the session holds the state they share. Decisions are in docs/safety.md.
 */
import os from 'node:os';
import path from 'node:path';
import { INNSYN_WARNING } from '../../shared/contract/privacy';
import type { SafetyStatus } from '../../shared/contract/safety';
import { todayIso } from '../../shared/dates';
import { innsynHtmlBeside, writeInnsyn } from '../io/innsyn-file';
import type { Register } from '../store/connection';
import { DomainError } from '../store/errors';
import { machineName } from '../store/hendelser';
import { innsynDocument } from '../store/privacy';
import * as settings from './app-settings';
import type { BackupInfo, BackupKind } from './backup-files';
import * as backups from './backups';
import * as handover from './lock-handover';
import { open } from './opening';
import type { ErasureScope } from './privacy';
import * as restore from './restore';
import { type OpenOutcome, requireOpen, type SessionCore, type SessionOptions } from './state';
import { status } from './status';

export { backupForApi } from './backups';
export { LockedError } from './messages';
export type { FileKind, OpenOutcome, ReadOnlyReason, SessionOptions } from './state';

const sessions = new WeakMap<Register, RegisterSession>();

/** The session a register was opened through, if any (the CLI and some tests open registers without one). */
export function sessionOf(reg: Register): RegisterSession | undefined {
  return sessions.get(reg);
}

export function requireSession(reg: Register): RegisterSession {
  const session = sessions.get(reg);
  if (!session) {
    throw new DomainError('no_session', 'Dette kan bare gjøres i Kullregister-programmet, ikke fra kommandolinjen.');
  }
  return session;
}

export class RegisterSession {
  private readonly core: SessionCore;

  constructor(options: SessionOptions) {
    const pending = new Set<Promise<unknown>>();
    this.core = {
      options,
      me: {
        user: options.user ?? currentUser(),
        host: options.host ?? machineName(),
        ...(options.now ? { now: options.now } : {}),
        ...(options.isProcessAlive ? { isProcessAlive: options.isProcessAlive } : {}),
      },
      state: null,
      bind: (reg) => sessions.set(reg, this),
      unbind: (reg) => sessions.delete(reg),
      track: (promise) => {
        pending.add(promise);
        void promise.finally(() => pending.delete(promise));
      },
      pending,
      now: () => (options.now ?? (() => new Date()))(),
      open: (file, openOptions) => this.open(file, openOptions),
      close: () => this.close(),
    };
  }

  get register(): Register | null {
    return this.core.state?.reg ?? null;
  }

  /** Opens a register; the previous one (if any) is closed first. */
  open(file: string, options: { create?: boolean; takeOverLockId?: string } = {}): Promise<OpenOutcome> {
    return open(this.core, file, options);
  }

  /** A damaged register is put aside (kept as a «skadet» copy) and replaced by a backup, then opened. */
  restoreDamaged(file: string, backupName: string): Promise<OpenOutcome> {
    return restore.restoreDamaged(this.core, file, backupName);
  }

  /** Everything the UI shows about the file's safety. */
  status(): SafetyStatus {
    return status(this.core);
  }

  acknowledgeSingleUser(): void {
    settings.acknowledgeSingleUser(this.core);
  }

  /**
   * Takes over the lock the user was shown (`lockId`) and reopens the register for editing. An empty
   * `lockId` means "nobody has it any more": the lock is then taken the ordinary, exclusive way.
   */
  takeOverLock(lockId: string): Register {
    return handover.takeOverLock(this.core, lockId);
  }

  /**
   * Before every write: is the lock still ours? If another user took it over, the register turns
   * read-only and the write is refused (returns the refusal; null when writing may go on).
   */
  writeRefusal(): { code: string; message: string } | null {
    return handover.writeRefusal(this.core);
  }

  /** One heartbeat now (the timer does this every minute); false when the lock was lost. */
  heartbeat(): boolean {
    return handover.heartbeat(this.core);
  }

  /** A daily backup unless one was made today (local day); then the retention rule. Never throws. */
  dailyBackupIfDue(): Promise<void> {
    return backups.dailyBackupIfDue(this.core);
  }

  backupFolderInfo() {
    return backups.backupFolderInfo(this.core);
  }

  listBackups(): BackupInfo[] {
    return backups.listBackups(this.core);
  }

  /** Replaces the open register by one of its backups; the current file is backed up first. */
  restoreBackup(name: string) {
    return restore.restoreBackup(this.core, name);
  }

  /**
   * Another backup folder, picked by `choose` (the app's folder dialog, given the current folder;
   * null: cancelled); a backup is made there at once.
   */
  chooseBackupFolder(choose: (current: string) => string | null): { changed: boolean } {
    return backups.chooseBackupFolder(this.core, choose);
  }

  useDefaultBackupFolder(): void {
    backups.useDefaultBackupFolder(this.core);
  }

  /** Where an erasure must reach: every backup folder this register has used on this machine. */
  erasureScope(): ErasureScope {
    return backups.erasureScope(this.core);
  }

  /** How many backups (current and earlier folders) an erasure will clean. */
  countBackups(): number {
    return backups.countBackups(this.core);
  }

  /** A backup now (the command line's `backup`), then the retention rule. */
  backupNow(kind: BackupKind = 'manuell'): Promise<BackupInfo> {
    return backups.backupNow(this.core, kind);
  }

  /** The backup before every import (the app's and the command line's); refused when it cannot be made. */
  backupBeforeImport(): Promise<BackupInfo> {
    return backups.backupBeforeImport(this.core);
  }

  /**
   * Innsyn: `choose` says where to save (the app's save dialog, given the suggested name; null:
   * cancelled), then the JSON and the readable page beside it are written (readable by the user
   * only) and logged (io/innsyn-file.ts).
   */
  exportInnsyn(
    id: number,
    choose: (defaultName: string) => string | null,
  ): { saved: boolean; file: string | null; htmlFile: string | null; bytes: number; warning: string } {
    const s = requireOpen(this.core);
    const document = innsynDocument(s.reg, id, path.basename(s.path), this.core.now());
    const file = choose(`innsyn-deltaker-${id}-${todayIso(this.core.now())}.json`);
    if (file === null) return { saved: false, file: null, htmlFile: null, bytes: 0, warning: INNSYN_WARNING };
    const htmlFile = innsynHtmlBeside(file);
    const bytes = writeInnsyn(s.reg, id, document, file, { host: this.core.me.host, htmlFile });
    return { saved: true, file, htmlFile, bytes, warning: INNSYN_WARNING };
  }

  recentFiles(): string[] {
    return settings.recentFiles(this.core);
  }

  /** Waits for backups started in the background (after a lock take-over or a new backup folder). */
  async idle(): Promise<void> {
    const pending = this.core.pending;
    while (pending.size > 0) await Promise.allSettled([...pending]);
  }

  /** Closes the register and releases the lock. */
  close(): void {
    const s = this.core.state;
    if (!s) return;
    s.lock?.stopHeartbeat();
    if (s.reg.db.open) s.reg.close();
    sessions.delete(s.reg);
    s.lock?.release();
    this.core.state = null;
  }

  backupFolderFor(registerPath: string): string {
    return backups.backupFolderFor(this.core, registerPath);
  }
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'ukjent';
  }
}
