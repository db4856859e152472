/** How a backup's file name ties it to one register file (register/backup-files.ts). */
import crypto from 'node:crypto';
import path from 'node:path';

/** The part of every backup's name that ties it to one register file. */
export function backupStem(registerPath: string): string {
  const absolute = path.resolve(registerPath);
  const key = process.platform === 'win32' ? absolute.toLowerCase() : absolute;
  const hash = crypto.createHash('sha256').update(key).digest('hex').slice(0, 8);
  const base = path
    .basename(absolute)
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N}_-]+/gu, '_')
    .slice(0, 60);
  return `${base || 'register'}-${hash}`;
}
