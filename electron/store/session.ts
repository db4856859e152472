/**
 * The register the app has open, with everything that keeps it safe around the plain store:
 * where the file lives (single-user mode), the app-level lock, the backup before a migration and
 * once a day, restore, and the read-only state when someone else has the file. Plain Node: the
 * Electron glue creates one session and hands its register to the API; the tests drive it directly.
 * Decisions are in docs/safety.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { INNSYN_WARNING } from '../../shared/contract/privacy';
import type { SafetyStatus } from '../../shared/contract/safety';
import { todayIso } from '../../shared/dates';
import { addRecent, readAppConfig, registerKey, updateAppConfig } from './app-config';
import {
  applyRetention,
  BACKUP_KIND_LABELS,
  type BackupInfo,
  type BackupKind,
  checkBackupFile,
  copyFileAsBackup,
  createBackup,
  listBackups,
  newestGoodBackup,
  replaceRegisterFile,
} from './backup';
import { DomainError, reasonOf } from './errors';
import { logHendelse, machineName } from './hendelser';
import {
  classifyLocation,
  type FileLocation,
  type LocationProbe,
  singleUserExplanation,
  systemProbe,
} from './location';
import { acquireLock, HEARTBEAT_MS, type LockHolder, type Me, type RegisterLock, readLock, takeOverLock } from './lock';
import { SCHEMA_VERSION } from './migrations';
import { fileSchemaVersion, migrateRegister, openRegister, type Register } from './open';
import { type CopiesOutcome, type ErasureScope, finishPendingErasures, innsynDocument, writeInnsyn } from './privacy';
import { carriedOver, carriedOverFromFile, prepareRestoredCopy } from './restore';

/** Native dialogs, given by the Electron glue (tests give stubs). Synchronous, so handlers stay synchronous. */
export type SessionDialogs = {
  chooseSaveFile: (options: { title: string; defaultName: string }) => string | null;
  chooseFolder: (options: { title: string; defaultPath: string }) => string | null;
};

export type SessionOptions = {
  /** The app's settings file (recent registers, backup folders …) in the user-data folder. */
  configFile: string;
  /** Where backups go unless the user chose a folder (location.ts `defaultBackupFolder`). */
  defaultBackupFolder: string;
  user?: string;
  host?: string;
  probe?: LocationProbe;
  dialogs?: SessionDialogs;
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

/** Refused because another user has the register: carries who, for the glue's take-over dialog. */
export class LockedError extends DomainError {
  readonly holder: LockHolder;
  constructor(message: string, holder: LockHolder) {
    super('locked', message);
    this.holder = holder;
  }
}

type OpenState = {
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
  private readonly options: SessionOptions;
  private readonly me: Me;
  private state: OpenState | null = null;
  private pending = new Set<Promise<unknown>>();

  constructor(options: SessionOptions) {
    this.options = options;
    this.me = {
      user: options.user ?? currentUser(),
      host: options.host ?? machineName(),
      ...(options.now ? { now: options.now } : {}),
      ...(options.isProcessAlive ? { isProcessAlive: options.isProcessAlive } : {}),
    };
  }

  get register(): Register | null {
    return this.state?.reg ?? null;
  }

  /** Opens a register; the previous one (if any) is closed first. */
  async open(file: string, options: { create?: boolean; takeOverLockId?: string } = {}): Promise<OpenOutcome> {
    this.close();
    const registerPath = path.resolve(file);
    if (!fs.existsSync(registerPath) && !options.create) {
      openRegister(registerPath, { user: this.me.user }); // throws the store's «not found» message
    }
    const location = classifyLocation(registerPath, this.options.probe ?? systemProbe());
    const singleUser = location.kind !== 'local';
    if (isReadOnlyFile(registerPath)) {
      return this.openWithoutLock(registerPath, location, singleUser, 'file_read_only', null);
    }

    let lock: RegisterLock;
    let reclaimedFrom: LockHolder | null = null;
    try {
      if (options.takeOverLockId !== undefined) {
        lock = takeOverLock(registerPath, options.takeOverLockId, this.me).lock;
      } else {
        const acquired = acquireLock(registerPath, this.me);
        if (acquired.status === 'held') return this.openLocked(registerPath, location, singleUser, acquired.holder);
        lock = acquired.lock;
        reclaimedFrom = acquired.reclaimed;
      }
    } catch (error) {
      if (error instanceof DomainError && error.code === 'folder_read_only' && fs.existsSync(registerPath)) {
        return this.openWithoutLock(registerPath, location, singleUser, 'no_write_access', null);
      }
      throw error;
    }

    try {
      return await this.openWithLock(registerPath, location, singleUser, lock, reclaimedFrom, options.create ?? false);
    } catch (error) {
      // Every failed open gives the lock back (a refused file, a failed upgrade, anything unforeseen).
      lock.release();
      throw error;
    }
  }

  private async openWithLock(
    registerPath: string,
    location: FileLocation,
    singleUser: boolean,
    lock: RegisterLock,
    reclaimedFrom: LockHolder | null,
    create: boolean,
  ): Promise<OpenOutcome> {
    let reg: Register;
    try {
      reg = openRegister(registerPath, { create, user: this.me.user, migrate: false, singleUser });
    } catch (error) {
      lock.release();
      if (error instanceof DomainError && error.code === 'damaged') {
        return {
          status: 'damaged',
          path: registerPath,
          message: error.message,
          newestGoodBackup: newestGoodBackup(this.backupFolderFor(registerPath), registerPath),
        };
      }
      throw error;
    }

    const version = fileSchemaVersion(reg);
    let migratedFrom: number | null = null;
    if (version < SCHEMA_VERSION) {
      const folder = this.backupFolderFor(registerPath);
      if (version > 0) {
        try {
          await createBackup(reg, folder, 'for-oppgradering', this.now());
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

    this.state = {
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
    sessions.set(reg, this);
    this.startHeartbeat();
    // Stale partial files go, and an erasure a crash interrupted reaches the backups now.
    this.finishErasures();
    // In the background: for a large register it takes longer than showing the grid (docs/safety.md).
    if (this.options.dailyBackup !== false) this.track(this.dailyBackupIfDue());
    this.remember(registerPath);
    return { status: 'open', register: reg };
  }

  /** Someone else has the lock: read-only, or refused outright for a single-user file. */
  private openLocked(
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
    return this.openWithoutLock(registerPath, location, singleUser, 'locked', holder);
  }

  private openWithoutLock(
    registerPath: string,
    location: FileLocation,
    singleUser: boolean,
    reason: ReadOnlyReason,
    holder: LockHolder | null,
  ): OpenOutcome {
    let reg: Register;
    try {
      reg = openRegister(registerPath, { readOnly: true, user: this.me.user });
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
    this.state = {
      reg,
      path: registerPath,
      location,
      singleUser,
      lock: null,
      holder,
      readOnlyReason: reason,
      reclaimedFrom: null,
      migratedFrom: null,
      lastBackup: listBackups(this.backupFolderFor(registerPath), registerPath)[0] ?? null,
      backupError: null,
    };
    sessions.set(reg, this);
    this.remember(registerPath);
    return { status: 'open', register: reg };
  }

  /** A damaged register is put aside (kept as a «skadet» copy) and replaced by a backup, then opened. */
  async restoreDamaged(file: string, backupName: string): Promise<OpenOutcome> {
    this.close();
    const registerPath = path.resolve(file);
    const folder = this.backupFolderFor(registerPath);
    const backup = this.findRestorable(folder, registerPath, backupName);
    const acquired = acquireLock(registerPath, this.me);
    if (acquired.status === 'held') {
      throw new LockedError(
        `${holderSentence(acquired.holder)} Registeret kan ikke gjenopprettes mens det er åpent.`,
        acquired.holder,
      );
    }
    try {
      const carried = carriedOverFromFile(
        registerPath,
        (f) => new Database(f, { readonly: true, fileMustExist: true }),
      );
      const kept = copyFileAsBackup(registerPath, folder, registerPath, 'skadet', this.now());
      replaceRegisterFile(backup.file, registerPath, (copy) => prepareRestoredCopy(copy, carried, this.me.user));
      acquired.lock.release();
      const outcome = await this.open(registerPath);
      if (outcome.status === 'open') {
        logHendelse(
          outcome.register,
          'gjenoppretting',
          `Registeret var skadet og ble gjenopprettet fra sikkerhetskopien fra ${formatTime(backup.time)} (${backup.name}). Den skadde filen er tatt vare på blant sikkerhetskopiene (${kept.name}).`,
          null,
          this.me.host,
        );
      }
      return outcome;
    } finally {
      acquired.lock.release();
    }
  }

  /** Everything the UI shows about the file's safety. */
  status(): SafetyStatus {
    const s = this.requireOpen();
    this.refreshHolder(s);
    const explained = readAppConfig(this.options.configFile).singleUserExplained.includes(registerKey(s.path));
    return {
      path: s.path,
      readOnly: s.reg.readOnly,
      readOnlyReason: s.readOnlyReason,
      readOnlyMessage: readOnlyMessage(s),
      lockHolder: s.holder ? publicHolder(s.holder) : null,
      lockReclaimedFrom: s.reclaimedFrom ? publicHolder(s.reclaimedFrom) : null,
      location: s.location,
      singleUser: s.singleUser,
      singleUserExplanation: s.singleUser && !explained ? singleUserExplanation(s.location) : null,
      migratedFrom: s.migratedFrom,
      backups: {
        ...this.backupFolderInfo(),
        last: s.lastBackup ? backupForApi(s.lastBackup) : null,
        lastError: s.backupError,
      },
    };
  }

  /**
   * While read-only because of someone else's lock, who has it now: their heartbeat may have stopped
   * (the lock turns stale) or they may have closed the register (no holder: it can be opened for editing).
   */
  private refreshHolder(s: OpenState): void {
    if (s.readOnlyReason !== 'locked' && s.readOnlyReason !== 'lock_lost') return;
    try {
      s.holder = readLock(s.path, this.me);
    } catch {
      // The share is briefly away: keep what we knew.
    }
  }

  acknowledgeSingleUser(): void {
    const s = this.requireOpen();
    updateAppConfig(this.options.configFile, (config) => {
      const key = registerKey(s.path);
      if (!config.singleUserExplained.includes(key)) config.singleUserExplained.push(key);
    });
  }

  /**
   * Takes over the lock the user was shown (`lockId`) and reopens the register for editing. An empty
   * `lockId` means "nobody has it any more": the lock is then taken the ordinary, exclusive way.
   */
  takeOverLock(lockId: string): Register {
    const s = this.requireOpen();
    if (s.lock && s.readOnlyReason === null) {
      throw new DomainError('not_locked', 'Du har allerede registeret åpent for redigering.');
    }
    if (s.readOnlyReason === 'file_read_only') {
      throw new DomainError('file_read_only', readOnlyMessage(s) ?? 'Registerfilen er skrivebeskyttet.');
    }
    if (s.readOnlyReason === 'no_write_access') {
      throw new DomainError(
        'folder_read_only',
        'Du har ikke skrivetilgang til mappen der registeret ligger. Be IT om skrivetilgang.',
      );
    }
    const { lock, previous } =
      lockId === '' && readLock(s.path, this.me) === null
        ? this.acquireFreedLock(s.path)
        : takeOverLock(s.path, lockId, this.me);
    s.reg.close();
    sessions.delete(s.reg);
    let reg: Register;
    try {
      reg = openRegister(s.path, { user: this.me.user, migrate: false, singleUser: s.singleUser });
      if (fileSchemaVersion(reg) < SCHEMA_VERSION) {
        reg.close();
        throw new DomainError('needs_upgrade', 'Registeret må oppgraderes. Lukk og åpne det på nytt.');
      }
    } catch (error) {
      lock.release();
      // Stay where we were: the register still shown, read-only, rather than no register at all.
      try {
        const again = openRegister(s.path, { readOnly: true, user: this.me.user });
        this.state = { ...s, reg: again, lock: null };
        sessions.set(again, this);
      } catch {
        this.state = null;
      }
      throw error;
    }
    if (previous) {
      logHendelse(
        reg,
        'las_overtatt',
        `Låsen til ${previous.user} på ${previous.host} (åpnet ${formatTime(previous.since)}, sist aktiv ${formatTime(previous.lastSeen)}) ble tatt over.`,
        null,
        this.me.host,
      );
    }
    this.state = { ...s, reg, lock, holder: null, readOnlyReason: null };
    sessions.set(reg, this);
    this.startHeartbeat();
    if (this.options.dailyBackup !== false) this.track(this.dailyBackupIfDue());
    return reg;
  }

  private acquireFreedLock(registerPath: string): { lock: RegisterLock; previous: LockHolder | null } {
    const acquired = acquireLock(registerPath, this.me);
    if (acquired.status === 'held') {
      throw new DomainError(
        'lock_changed',
        `Registeret ble nettopp åpnet av ${acquired.holder.user} på ${acquired.holder.host}. Se hvem som har det nå, og prøv igjen.`,
      );
    }
    return { lock: acquired.lock, previous: acquired.reclaimed };
  }

  /**
   * Before every write: is the lock still ours? If another user took it over, the register turns
   * read-only and the write is refused (returns the refusal; null when writing may go on).
   */
  writeRefusal(): { code: string; message: string } | null {
    const s = this.state;
    if (!s?.lock || s.reg.readOnly) return null;
    if (s.lock.isStillOurs()) return null;
    this.loseLock();
    return {
      code: 'lock_lost',
      message: `Endringen ble ikke lagret. ${readOnlyMessage(s) ?? 'Registeret er ikke lenger ditt å redigere.'}`,
    };
  }

  /** One heartbeat now (the timer does this every minute); false when the lock was lost. */
  heartbeat(): boolean {
    const s = this.state;
    if (!s?.lock || s.readOnlyReason !== null) return false;
    if (s.lock.heartbeat(this.now())) return true;
    this.loseLock();
    return false;
  }

  private loseLock(): void {
    const s = this.state;
    if (!s?.lock) return;
    s.lock.stopHeartbeat();
    s.reg.readOnly = true;
    s.readOnlyReason = 'lock_lost';
    s.holder = readLock(s.path, this.me);
    s.lock = null;
  }

  private startHeartbeat(): void {
    const s = this.state;
    const interval = this.options.heartbeatMs === undefined ? HEARTBEAT_MS : this.options.heartbeatMs;
    if (!s?.lock || interval === null) return;
    s.lock.startHeartbeat(() => this.loseLock(), interval);
  }

  /** A daily backup unless one was made today (local day); then the retention rule. Never throws. */
  async dailyBackupIfDue(): Promise<void> {
    const s = this.state;
    if (!s || s.reg.readOnly) return;
    const folder = this.backupFolderFor(s.path);
    try {
      const today = todayIso(this.now());
      const existing = listBackups(folder, s.path);
      const todays = existing.find((b) => b.kind !== 'skadet' && todayIso(new Date(Date.parse(b.time))) === today);
      if (todays) {
        s.lastBackup = s.lastBackup ?? todays;
        return;
      }
      s.lastBackup = await createBackup(s.reg, folder, 'daglig', this.now());
      s.backupError = null;
      applyRetention(folder, s.path);
    } catch (error) {
      s.backupError = `Den daglige sikkerhetskopien kunne ikke lages: ${messageOf(error)}`;
    }
  }

  backupFolderInfo() {
    const s = this.requireOpen();
    const chosen = readAppConfig(this.options.configFile).backupFolders[registerKey(s.path)];
    const folder = this.backupFolderFor(s.path);
    return {
      folder,
      isDefault: chosen === undefined,
      location: classifyLocation(path.join(folder, 'x.sqlite'), this.options.probe ?? systemProbe()),
    };
  }

  listBackups(): BackupInfo[] {
    const s = this.requireOpen();
    return listBackups(this.backupFolderFor(s.path), s.path);
  }

  /** Replaces the open register by one of its backups; the current file is backed up first. */
  restoreBackup(name: string): {
    restoredFrom: BackupInfo;
    savedCurrentAs: BackupInfo;
    erasuresReapplied: number;
    rowsErasedAgain: number;
  } {
    const s = this.requireOpen();
    if (s.reg.readOnly) {
      throw new DomainError('read_only', 'Registeret er åpnet skrivebeskyttet og kan ikke gjenopprettes herfra.');
    }
    const folder = this.backupFolderFor(s.path);
    const backup = this.findRestorable(folder, s.path, name);
    const carried = carriedOver(s.reg.db);
    s.reg.close();
    sessions.delete(s.reg);
    let saved: BackupInfo;
    let erasedAgain = 0;
    try {
      saved = copyFileAsBackup(s.path, folder, s.path, 'for-gjenoppretting', this.now());
      replaceRegisterFile(backup.file, s.path, (copy) => {
        erasedAgain = prepareRestoredCopy(copy, carried, this.me.user).rowsErasedAgain;
      });
    } catch (error) {
      this.reopenAfterRestore(s);
      throw error instanceof DomainError
        ? error
        : new DomainError(
            'restore_failed',
            `Gjenopprettingen mislyktes: ${messageOf(error)} Registeret er ikke endret.`,
          );
    }
    const reg = this.reopenAfterRestore(s);
    this.finishErasures();
    logHendelse(
      reg,
      'gjenoppretting',
      `Registeret ble gjenopprettet fra sikkerhetskopien fra ${formatTime(backup.time)} (${BACKUP_KIND_LABELS[backup.kind].toLowerCase()}). Registeret slik det var, er lagret som sikkerhetskopi fra ${formatTime(saved.time)} (før gjenoppretting). Hendelsesloggen er beholdt, og ${carried.erasures.length} ${carried.erasures.length === 1 ? 'sletting eller anonymisering' : 'slettinger og anonymiseringer'} er gjort på nytt (${erasedAgain} ${erasedAgain === 1 ? 'rad' : 'rader'} berørt).`,
      null,
      this.me.host,
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
  private reopenAfterRestore(s: OpenState): Register {
    const reg = openRegister(s.path, { user: this.me.user, migrate: false, singleUser: s.singleUser });
    migrateRegister(reg);
    this.state = { ...s, reg };
    sessions.set(reg, this);
    return reg;
  }

  private findRestorable(folder: string, registerPath: string, name: string): BackupInfo {
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

  /** The user picks another backup folder (native dialog); a backup is made there at once. */
  chooseBackupFolder(): { changed: boolean } {
    const s = this.requireOpen();
    const dialogs = this.requireDialogs();
    const picked = dialogs.chooseFolder({
      title: 'Velg mappe for sikkerhetskopier',
      defaultPath: this.backupFolderFor(s.path),
    });
    if (picked === null) return { changed: false };
    const folder = path.resolve(picked);
    assertWritableFolder(folder);
    this.setBackupFolder(s.path, folder);
    this.track(this.dailyBackupIfDue());
    return { changed: true };
  }

  useDefaultBackupFolder(): void {
    const s = this.requireOpen();
    this.setBackupFolder(s.path, null);
    this.track(this.dailyBackupIfDue());
  }

  private setBackupFolder(registerPath: string, folder: string | null): void {
    updateAppConfig(this.options.configFile, (config) => {
      const key = registerKey(registerPath);
      const before = config.backupFolders[key] ?? this.options.defaultBackupFolder;
      const earlier = new Set(config.earlierBackupFolders[key] ?? []);
      earlier.add(before);
      if (folder === null) delete config.backupFolders[key];
      else config.backupFolders[key] = folder;
      earlier.delete(folder ?? this.options.defaultBackupFolder);
      config.earlierBackupFolders[key] = [...earlier];
    });
  }

  /** Where an erasure must reach: every backup folder this register has used on this machine. */
  erasureScope(): ErasureScope {
    const s = this.requireOpen();
    return { folders: this.allBackupFolders(s.path), registerPath: s.path, host: this.me.host };
  }

  /** How many backups (current and earlier folders) an erasure will clean. */
  countBackups(): number {
    const s = this.requireOpen();
    return this.allBackupFolders(s.path).reduce((n, folder) => n + listBackups(folder, s.path).length, 0);
  }

  /** Never throws: an erasure not yet carried to every copy is tried again at the next open or erasure. */
  private finishErasures(): CopiesOutcome | null {
    const s = this.state;
    if (!s || s.reg.readOnly) return null;
    try {
      return finishPendingErasures(s.reg, this.erasureScope());
    } catch {
      return null;
    }
  }

  /** A backup now (the command line's `backup`), then the retention rule. */
  async backupNow(kind: BackupKind = 'manuell'): Promise<BackupInfo> {
    const s = this.requireOpen();
    const folder = this.backupFolderFor(s.path);
    const made = await createBackup(s.reg, folder, kind, this.now());
    s.lastBackup = made;
    applyRetention(folder, s.path);
    return made;
  }

  /** Innsyn: asks where to save, writes the JSON (readable by the user only), logs it. */
  exportInnsyn(id: number): { saved: boolean; file: string | null; bytes: number; warning: string } {
    const s = this.requireOpen();
    const document = innsynDocument(s.reg, id, path.basename(s.path), this.now());
    const file = this.requireDialogs().chooseSaveFile({
      title: 'Lagre innsyn (inneholder personopplysninger)',
      defaultName: `innsyn-deltaker-${id}-${todayIso(this.now())}.json`,
    });
    if (file === null) return { saved: false, file: null, bytes: 0, warning: INNSYN_WARNING };
    const bytes = writeInnsyn(s.reg, id, document, file, this.me.host);
    return { saved: true, file, bytes, warning: INNSYN_WARNING };
  }

  recentFiles(): string[] {
    return readAppConfig(this.options.configFile).recent.filter((p) => fs.existsSync(p));
  }

  /** Waits for backups started in the background (after a lock take-over or a new backup folder). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Closes the register and releases the lock. */
  close(): void {
    const s = this.state;
    if (!s) return;
    s.lock?.stopHeartbeat();
    if (s.reg.db.open) s.reg.close();
    sessions.delete(s.reg);
    s.lock?.release();
    this.state = null;
  }

  backupFolderFor(registerPath: string): string {
    return (
      this.options.backupFolder ??
      readAppConfig(this.options.configFile).backupFolders[registerKey(registerPath)] ??
      this.options.defaultBackupFolder
    );
  }

  private allBackupFolders(registerPath: string): string[] {
    const config = readAppConfig(this.options.configFile);
    const key = registerKey(registerPath);
    return [...new Set([this.backupFolderFor(registerPath), ...(config.earlierBackupFolders[key] ?? [])])];
  }

  private remember(registerPath: string): void {
    if (this.options.rememberRecent === false) return;
    try {
      updateAppConfig(this.options.configFile, (config) => addRecent(config, registerPath));
    } catch {
      // The recent list is a convenience; a read-only profile folder must not stop the register opening.
    }
  }

  private requireOpen(): OpenState {
    if (!this.state) throw new DomainError('not_open', 'Ingen register er åpent.');
    return this.state;
  }

  private requireDialogs(): SessionDialogs {
    if (!this.options.dialogs) throw new DomainError('no_session', 'Dette kan bare gjøres i Kullregister-programmet.');
    return this.options.dialogs;
  }

  private track(promise: Promise<unknown>): void {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise));
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }
}

function publicHolder(holder: LockHolder) {
  return {
    id: holder.id,
    user: holder.user,
    host: holder.host,
    since: holder.since,
    lastSeen: holder.lastSeen,
    stale: holder.stale,
  };
}

/** A backup as the API shows it (no full path; the name is what restore takes). */
export function backupForApi(b: BackupInfo) {
  return { name: b.name, time: b.time, kind: b.kind, kindLabel: BACKUP_KIND_LABELS[b.kind], size: b.size };
}

function holderSentence(holder: LockHolder): string {
  return `Registeret er åpent hos ${holder.user} på ${holder.host} siden ${formatTime(holder.since)}${holder.stale ? ` (sist aktiv ${formatTime(holder.lastSeen)})` : ''}.`;
}

function readOnlyMessage(s: OpenState): string | null {
  switch (s.readOnlyReason) {
    case null:
      return null;
    case 'locked':
      return s.holder
        ? `${holderSentence(s.holder)} Du kan se på det, men ikke endre noe.${s.holder.stale ? ' Låsen ser forlatt ut: hvis du vet at det ikke er i bruk, kan du ta den over.' : ''}`
        : 'Den som hadde registeret åpent, har lukket det. Du ser det fortsatt skrivebeskyttet: åpne det for redigering når du vil endre noe.';
    case 'lock_lost':
      return s.holder
        ? `Registeret er tatt over av ${s.holder.user} på ${s.holder.host}. Det du har lagret, er med, men du kan ikke endre mer før de har lukket det.${s.holder.stale ? ' Låsen deres ser forlatt ut: hvis du vet at registeret ikke er i bruk der, kan du ta den tilbake.' : ''}`
        : 'En annen tok over registeret, men har lukket det igjen. Det du lagret før, er med: åpne det for redigering når du vil endre noe.';
    case 'no_write_access':
      return 'Du har ikke skrivetilgang til mappen der registeret ligger, så det er åpnet skrivebeskyttet. Be IT om skrivetilgang.';
    case 'file_read_only':
      return 'Registerfilen er skrivebeskyttet, så den er åpnet bare for lesing. Vil du endre noe: fjern «Skrivebeskyttet» under filens egenskaper (eller be IT om skrivetilgang), og åpne registeret på nytt.';
  }
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

/** `2026-03-05T13:04:00.000Z` → `05.03.2026 kl. 14:04` in the machine's time zone. */
export function formatTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return 'ukjent tid';
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()} kl. ${two(d.getHours())}:${two(d.getMinutes())}`;
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

function messageOf(error: unknown): string {
  return reasonOf(error); // Norwegian, from the one mapping (errors.ts)
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'ukjent';
  }
}
