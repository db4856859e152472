/**
 * The lock of an open register while it is open: the heartbeat, the check before every write, the
 * lock lost to someone who took it over, and taking it over ourselves (docs/safety.md).
 */

import { formatTime } from '../../shared/dates';
import type { Register } from '../store/connection';
import { DomainError } from '../store/errors';
import { logHendelse } from '../store/hendelser';
import { SCHEMA_VERSION } from '../store/migrations';
import { fileSchemaVersion, openRegister } from '../store/open';
import { dailyBackupIfDue } from './backups';
import {
  acquireLock,
  HEARTBEAT_MS,
  type LockHolder,
  type RegisterLock,
  readLock,
  takeOverLock as takeOverLockFile,
} from './lock';
import { readOnlyMessage } from './messages';
import { type OpenState, requireOpen, type SessionCore } from './state';

/**
 * While read-only because of someone else's lock, who has it now: their heartbeat may have stopped
 * (the lock turns stale) or they may have closed the register (no holder: it can be opened for editing).
 */
export function refreshHolder(core: SessionCore, s: OpenState): void {
  if (s.readOnlyReason !== 'locked' && s.readOnlyReason !== 'lock_lost') return;
  try {
    s.holder = readLock(s.path, core.me);
  } catch {
    // The share is briefly away: keep what we knew.
  }
}

/**
 * Takes over the lock the user was shown (`lockId`) and reopens the register for editing. An empty
 * `lockId` means "nobody has it any more": the lock is then taken the ordinary, exclusive way.
 */
export function takeOverLock(core: SessionCore, lockId: string): Register {
  const s = requireOpen(core);
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
    lockId === '' && readLock(s.path, core.me) === null
      ? acquireFreedLock(core, s.path)
      : takeOverLockFile(s.path, lockId, core.me);
  s.reg.close();
  core.unbind(s.reg);
  let reg: Register;
  try {
    reg = openRegister(s.path, { user: core.me.user, migrate: false, singleUser: s.singleUser });
    if (fileSchemaVersion(reg) < SCHEMA_VERSION) {
      reg.close();
      throw new DomainError('needs_upgrade', 'Registeret må oppgraderes. Lukk og åpne det på nytt.');
    }
  } catch (error) {
    lock.release();
    // Stay where we were: the register still shown, read-only, rather than no register at all.
    try {
      const again = openRegister(s.path, { readOnly: true, user: core.me.user });
      core.state = { ...s, reg: again, lock: null };
      core.bind(again);
    } catch {
      core.state = null;
    }
    throw error;
  }
  if (previous) {
    logHendelse(
      reg,
      'las_overtatt',
      `Låsen til ${previous.user} på ${previous.host} (åpnet ${formatTime(previous.since)}, sist aktiv ${formatTime(previous.lastSeen)}) ble tatt over.`,
      null,
      core.me.host,
    );
  }
  core.state = { ...s, reg, lock, holder: null, readOnlyReason: null };
  core.bind(reg);
  startHeartbeat(core);
  if (core.options.dailyBackup !== false) core.track(dailyBackupIfDue(core));
  return reg;
}

function acquireFreedLock(
  core: SessionCore,
  registerPath: string,
): { lock: RegisterLock; previous: LockHolder | null } {
  const acquired = acquireLock(registerPath, core.me);
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
export function writeRefusal(core: SessionCore): { code: string; message: string } | null {
  const s = core.state;
  if (!s?.lock || s.reg.readOnly) return null;
  if (s.lock.isStillOurs()) return null;
  loseLock(core);
  return {
    code: 'lock_lost',
    message: `Endringen ble ikke lagret. ${readOnlyMessage(s) ?? 'Registeret er ikke lenger ditt å redigere.'}`,
  };
}

/** One heartbeat now (the timer does this every minute); false when the lock was lost. */
export function heartbeat(core: SessionCore): boolean {
  const s = core.state;
  if (!s?.lock || s.readOnlyReason !== null) return false;
  if (s.lock.heartbeat(core.now())) return true;
  loseLock(core);
  return false;
}

function loseLock(core: SessionCore): void {
  const s = core.state;
  if (!s?.lock) return;
  s.lock.stopHeartbeat();
  s.reg.readOnly = true;
  s.readOnlyReason = 'lock_lost';
  s.holder = readLock(s.path, core.me);
  s.lock = null;
}

export function startHeartbeat(core: SessionCore): void {
  const s = core.state;
  const interval = core.options.heartbeatMs === undefined ? HEARTBEAT_MS : core.options.heartbeatMs;
  if (!s?.lock || interval === null) return;
  s.lock.startHeartbeat(() => loseLock(core), interval);
}
