/**
 * What the session keeps in the app's settings on this machine (app-config.ts): the recent
 * registers, and which registers' single-user explanation the user has read.
 */
import fs from 'node:fs';
import { addRecent, readAppConfig, registerKey, updateAppConfig } from './app-config';
import { requireOpen, type SessionCore } from './state';

export function acknowledgeSingleUser(core: SessionCore): void {
  const s = requireOpen(core);
  updateAppConfig(core.options.configFile, (config) => {
    const key = registerKey(s.path);
    if (!config.singleUserExplained.includes(key)) config.singleUserExplained.push(key);
  });
}

export function recentFiles(core: SessionCore): string[] {
  return readAppConfig(core.options.configFile).recent.filter((p) => fs.existsSync(p));
}

export function remember(core: SessionCore, registerPath: string): void {
  if (core.options.rememberRecent === false) return;
  try {
    updateAppConfig(core.options.configFile, (config) => addRecent(config, registerPath));
  } catch {
    // The recent list is a convenience; a read-only profile folder must not stop the register opening.
  }
}
