/**
 * The app's own settings on this machine (not in any register, because a register on a share is
 * used from several machines): recent registers, the backup folder chosen per register, and which
 * registers' single-user explanation the user has read. A JSON file in the user-data folder,
 * replaced in one step on every change; a damaged file falls back to defaults.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const appConfig = z.object({
  recent: z.array(z.string()).catch([]),
  backupFolders: z.record(z.string(), z.string()).catch({}),
  /** Folders a register's backups went to before the user chose another: anonymisation prunes these too. */
  earlierBackupFolders: z.record(z.string(), z.array(z.string())).catch({}),
  singleUserExplained: z.array(z.string()).catch([]),
  /** The koordinator's samlerapport: the kommune's name and the tiltak expected to send a file. */
  samlerapport: z
    .object({ kommune: z.string().catch(''), expected: z.array(z.string()).catch([]) })
    .catch({ kommune: '', expected: [] }),
});
export type AppConfig = z.infer<typeof appConfig>;

export const MAX_RECENT = 10;

const EMPTY: AppConfig = {
  recent: [],
  backupFolders: {},
  earlierBackupFolders: {},
  singleUserExplained: [],
  samlerapport: { kommune: '', expected: [] },
};

/** How a register's path is written as a key: absolute, and case-folded where the file system is. */
export function registerKey(file: string): string {
  const absolute = path.resolve(file);
  return process.platform === 'win32' || process.platform === 'darwin' ? absolute.toLowerCase() : absolute;
}

export function readAppConfig(file: string): AppConfig {
  try {
    const parsed = appConfig.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : structuredClone(EMPTY);
  } catch {
    return structuredClone(EMPTY);
  }
}

export function updateAppConfig(file: string, change: (config: AppConfig) => void): AppConfig {
  const config = readAppConfig(file);
  change(config);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
  return config;
}

export function addRecent(config: AppConfig, registerPath: string): void {
  const absolute = path.resolve(registerPath);
  const key = registerKey(absolute);
  config.recent = [absolute, ...config.recent.filter((p) => registerKey(p) !== key)].slice(0, MAX_RECENT);
}
