/**
 * Files that hold personal data: made readable by the owner only, flushed before a rename, and
 * written first as `….partial-<pid>` (or `<register>.gjenoppretting-p<pid>`) so that a crash leaves
 * a half-written file that the next backup or open recognises as stale and removes
 * (docs/safety.md, «An erasure holds»).
 */
import fs from 'node:fs';
import path from 'node:path';
import { restrictToOwner } from '../store/open';
import { backupStem } from './backup-names';

/** Made 0600 with the register file itself (store/open.ts); here for every other file that holds names. */
export { restrictToOwner };

/** A half-written copy made by this process: `<file>.partial-<pid>`. */
export function partialName(file: string): string {
  return `${file}.partial-${process.pid}`;
}

/** The copy a restore prepares beside the register: `<register>.gjenoppretting-p<pid>`. */
export function restoreTempName(registerPath: string): string {
  return `${registerPath}.gjenoppretting-p${process.pid}`;
}

/** `.gjenoppretting-p<pid>`, or the 8 hex digits of versions before this one (always stale). */
const RESTORE_PARTIAL = /^\.gjenoppretting-(?:p(\d+)|[0-9a-f]{8})(?:-journal)?$/;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Written by another machine over a shared folder, a partial still growing is newer than this. */
const FOREIGN_PARTIAL_STALE_MS = 10 * 60_000;

/**
 * A partial is stale when the process that wrote it is gone (its pid is in the name; on a shared
 * folder another machine's pid means nothing, so one untouched for 10 minutes counts as stale too),
 * or when it has the old `….partial` name of versions before this one.
 */
function isStale(file: string, pidText: string | undefined, now: number): boolean {
  if (pidText === undefined) return true;
  const pid = Number(pidText);
  if (pid === process.pid) return false;
  if (!isAlive(pid)) return true;
  try {
    return now - fs.statSync(file).mtimeMs > FOREIGN_PARTIAL_STALE_MS;
  } catch {
    return false;
  }
}

/**
 * Removes the register's stale half-written files: in each backup folder (a backup or a cleaning
 * that was interrupted) and beside the register (a restore that was interrupted). Returns the files removed.
 */
export function removeStalePartials(folders: readonly string[], registerPath: string, now = Date.now()): string[] {
  const removed: string[] = [];
  const stem = backupStem(registerPath);
  const backupPartial = /^(.+?)--.*\.sqlite\.partial(?:-(\d+))?(?:-journal)?$/;
  const remove = (file: string) => {
    try {
      fs.rmSync(file, { force: true });
      removed.push(file);
    } catch {
      // Not ours to remove (another user's file on a share): left for its owner.
    }
  };
  for (const folder of folders) {
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = backupPartial.exec(name);
      if (!m || m[1] !== stem) continue;
      const file = path.join(folder, name);
      if (isStale(file.replace(/-journal$/, ''), m[2], now)) remove(file);
    }
  }
  const dir = path.dirname(registerPath);
  const base = path.basename(registerPath);
  let beside: string[] = [];
  try {
    beside = fs.readdirSync(dir);
  } catch {
    // The folder is gone or unreadable: nothing to clean.
  }
  for (const name of beside) {
    if (!name.startsWith(`${base}.`)) continue;
    const m = RESTORE_PARTIAL.exec(name.slice(base.length));
    if (!m) continue;
    const file = path.join(dir, name);
    if (isStale(file.replace(/-journal$/, ''), m[1], now)) remove(file);
  }
  return removed;
}

export function flush(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes a file that holds names (an export, an innsyn): beside the target as `.<name>.<pid>.tmp`,
 * readable by the owner only from its first byte, then renamed over the target. Returns the bytes.
 */
export function writePrivateFile(file: string, content: string | Buffer): number {
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(partial, content, { mode: 0o600 });
    restrictToOwner(partial);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return typeof content === 'string' ? Buffer.byteLength(content) : content.length;
}
