/**
 * A small file system of its own (tmpfs) for tests that need a really full or really read-only disk.
 * Needs root (`mount`); where mounting is not permitted the caller skips, with a line saying so.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

export function mountTmpfs(sizeKb: number): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kullregister-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0755`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    console.warn(`tmpfs: mount is not permitted here (needs root); the test is skipped.`);
    return null;
  }
  onTestFinished(() => {
    try {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  return dir;
}

/** Turns a mounted tmpfs read-only (EROFS for every write). */
export function remountReadOnly(dir: string): void {
  execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'ignore' });
}

/** Fills the disk until fewer than `leaveBytes` are free. */
export function fillDisk(dir: string, leaveBytes = 0): void {
  const free = () => {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  };
  const filler = path.join(dir, 'fyll.bin');
  const fd = fs.openSync(filler, 'a');
  try {
    for (let size = 64 * 1024; size >= 512; size = Math.floor(size / 2)) {
      while (free() - size >= leaveBytes) {
        try {
          fs.writeSync(fd, Buffer.alloc(size));
        } catch {
          break;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
