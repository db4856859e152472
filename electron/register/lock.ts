/**
 * The app-level lock: one writer per register, on any machine (architecture.md). A small JSON file
 * beside the register (`<register>.lock`) says who has it open, on which machine, since when; its
 * modification time is the holder's heartbeat, refreshed every minute while the app runs.
 *
 * - Taking the lock is an exclusive create (O_CREAT|O_EXCL, which SMB and NFS honour), so two
 *   openers cannot both get it.
 * - Anyone else opens the register read-only and is told who has it.
 * - A lock whose heartbeat is older than five minutes is "stale" (the holder crashed, lost the
 *   network or is asleep). Taking it over is a deliberate call naming the lock the user was warned
 *   about; the old holder sees on its next write or heartbeat that the lock is no longer its own and
 *   turns read-only.
 * - A lock left by a crashed Kullregister of the same user on the same machine (its process is gone)
 *   is taken back without asking: nobody else can be using it.
 *
 * The heartbeat touches the file's time (utimes) rather than rewriting it, so a late heartbeat of an
 * old holder can never overwrite the lock of the one who took over.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { DomainError, userError } from '../store/errors';

export const LOCK_SUFFIX = '.lock';
export const STALE_AFTER_MS = 5 * 60_000;
export const HEARTBEAT_MS = 60_000;

export type LockInfo = {
  id: string;
  user: string;
  host: string;
  pid: number;
  /** When the holder opened the register (ISO). */
  since: string;
};

export type LockHolder = LockInfo & {
  /** The holder's last heartbeat (ISO): the lock file's modification time. */
  lastSeen: string;
  /** No heartbeat for STALE_AFTER_MS, or the holder's process on this machine is gone. */
  stale: boolean;
  /** The holder ran on this machine and its process no longer exists. */
  gone: boolean;
};

export type Me = {
  user: string;
  host: string;
  pid?: number;
  now?: () => Date;
  /** For tests; default: `process.kill(pid, 0)`. */
  isProcessAlive?: (pid: number) => boolean;
};

export type AcquireResult =
  | { status: 'acquired'; lock: RegisterLock; reclaimed: LockHolder | null }
  | { status: 'held'; holder: LockHolder };

export function lockPathOf(registerPath: string): string {
  return registerPath + LOCK_SUFFIX;
}

export function acquireLock(registerPath: string, me: Me): AcquireResult {
  const file = lockPathOf(registerPath);
  const info = newInfo(me);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeExclusive(file, info);
      return { status: 'acquired', lock: new RegisterLock(file, info), reclaimed: null };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw asLockError(error, registerPath);
    }
    const holder = readLock(registerPath, me);
    if (!holder) continue; // released between our create and our read: try again
    if (holder.gone && holder.user === me.user) {
      replaceLock(file, info);
      return { status: 'acquired', lock: new RegisterLock(file, info), reclaimed: holder };
    }
    return { status: 'held', holder };
  }
  throw new DomainError('lock_failed', 'Kunne ikke låse registeret for redigering. Prøv å åpne det på nytt.');
}

/** Who holds the register's lock, or null when nobody does. */
export function readLock(registerPath: string, me: Me): LockHolder | null {
  const file = lockPathOf(registerPath);
  let text: string;
  let mtime: Date;
  try {
    text = fs.readFileSync(file, 'utf8');
    mtime = fs.statSync(file).mtime;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw asLockError(error, registerPath);
  }
  const info = parseInfo(text) ?? { id: '', user: 'ukjent', host: 'ukjent', pid: 0, since: mtime.toISOString() };
  const now = (me.now ?? (() => new Date()))();
  const gone = info.host === me.host && info.pid > 0 && !(me.isProcessAlive ?? isProcessAlive)(info.pid);
  return {
    ...info,
    lastSeen: mtime.toISOString(),
    gone,
    stale: gone || now.getTime() - mtime.getTime() > STALE_AFTER_MS,
  };
}

/**
 * Takes over the lock the user was warned about (`expectedId`, from `readLock`). Refused when the
 * lock has changed since (someone else opened the register meanwhile).
 */
export function takeOverLock(
  registerPath: string,
  expectedId: string,
  me: Me,
): { lock: RegisterLock; previous: LockHolder | null } {
  const previous = readLock(registerPath, me);
  if ((previous?.id ?? '') !== expectedId) {
    throw new DomainError(
      'lock_changed',
      previous
        ? `Registeret ble nettopp åpnet av ${previous.user} på ${previous.host}. Se hvem som har det nå, og prøv igjen.`
        : 'Registeret er ikke lenger låst. Åpne det på nytt for å redigere.',
    );
  }
  const info = newInfo(me);
  replaceLock(lockPathOf(registerPath), info);
  return { lock: new RegisterLock(lockPathOf(registerPath), info), previous };
}

export class RegisterLock {
  readonly file: string;
  readonly info: LockInfo;
  private timer: NodeJS.Timeout | undefined;
  private released = false;

  constructor(file: string, info: LockInfo) {
    this.file = file;
    this.info = info;
  }

  /** Whether the lock file is still ours (nobody took it over). */
  isStillOurs(): boolean {
    if (this.released) return false;
    try {
      return parseInfo(fs.readFileSync(this.file, 'utf8'))?.id === this.info.id;
    } catch {
      return false;
    }
  }

  /** Refreshes the heartbeat; false when the lock is no longer ours. */
  heartbeat(now: Date = new Date()): boolean {
    if (!this.isStillOurs()) return false;
    try {
      fs.utimesSync(this.file, now, now);
    } catch {
      // A share that is briefly away: the next heartbeat tries again.
    }
    return true;
  }

  /** Heartbeats every `intervalMs`; calls `onLost` once if the lock is taken over. */
  startHeartbeat(onLost: () => void, intervalMs = HEARTBEAT_MS): void {
    this.stopHeartbeat();
    this.timer = setInterval(() => {
      if (!this.heartbeat()) {
        this.stopHeartbeat();
        onLost();
      }
    }, intervalMs);
    this.timer.unref();
  }

  stopHeartbeat(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Removes the lock file if it is still ours. */
  release(): void {
    this.stopHeartbeat();
    if (this.released) return;
    if (this.isStillOurs()) fs.rmSync(this.file, { force: true });
    this.released = true;
  }
}

function newInfo(me: Me): LockInfo {
  return {
    id: crypto.randomUUID(),
    user: me.user,
    host: me.host,
    pid: me.pid ?? process.pid,
    since: (me.now ?? (() => new Date()))().toISOString(),
  };
}

function content(info: LockInfo): string {
  const note = `Kullregister: registeret er åpent hos ${info.user} på ${info.host}. Filen slettes når programmet lukkes.`;
  return `${JSON.stringify({ kullregister: note, ...info }, null, 2)}\n`;
}

function parseInfo(text: string): LockInfo | null {
  try {
    const value = JSON.parse(text) as Partial<LockInfo>;
    if (typeof value.id !== 'string' || typeof value.user !== 'string' || typeof value.host !== 'string') return null;
    return {
      id: value.id,
      user: value.user,
      host: value.host,
      pid: typeof value.pid === 'number' ? value.pid : 0,
      since: typeof value.since === 'string' ? value.since : '',
    };
  } catch {
    return null;
  }
}

function writeExclusive(file: string, info: LockInfo): void {
  const fd = fs.openSync(file, 'wx', 0o644);
  try {
    fs.writeSync(fd, content(info));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Replaces the lock file in one step (write beside, then rename over it). */
function replaceLock(file: string, info: LockInfo): void {
  const temp = `${file}.${info.id}.tmp`;
  fs.writeFileSync(temp, content(info), { mode: 0o644 });
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function asLockError(error: unknown, registerPath: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return new DomainError('not_found', `Mappen til «${registerPath}» finnes ikke. Velg en mappe som finnes.`);
  }
  if (code === 'EISDIR') {
    return new DomainError(
      'lock_is_directory',
      `Registeret kan ikke låses: «${lockPathOf(registerPath)}» er en mappe, men der skal Kullregister ha låsefilen sin. Flytt mappen bort eller gi den et annet navn, og prøv igjen. Registeret er ikke endret.`,
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new DomainError(
      'folder_read_only',
      `Du har ikke skrivetilgang til mappen der «${registerPath}» ligger, så registeret kan ikke redigeres herfra. Be IT om skrivetilgang, eller kopier registeret til en mappe du kan skrive i.`,
    );
  }
  return userError(error, { doing: 'open', file: lockPathOf(registerPath) });
}
