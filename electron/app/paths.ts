import path from 'node:path';
import { app } from 'electron';

/**
 * `--user-data-dir=DIR` (the switch Chromium knows): the settings, the default register and the
 * single-instance lock live in DIR instead of the user's app-data folder — a separate profile for IT,
 * a clean one for the Electron smoke test. Runs first, before anything asks for userData.
 */
export function applyUserDataSwitch(): void {
  const dir = app.commandLine.getSwitchValue('user-data-dir');
  if (dir) app.setPath('userData', path.resolve(dir));
}

/** The default register: in the user's own app-data folder, never in a synced or shared folder by surprise. */
export function defaultRegisterPath(): string {
  return path.join(app.getPath('userData'), 'kullregister.sqlite');
}

/** The built renderer, next to the bundled main process. */
export function rendererRoot(): string {
  return path.join(import.meta.dirname, '..', 'dist', 'renderer');
}

/** The demo CSV files: beside the installed app (electron-builder's extraResources), or in the checkout. */
export function demoFolder(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'demo') : path.join(app.getAppPath(), 'resources', 'demo');
}

export function preloadPath(): string {
  return path.join(import.meta.dirname, 'preload.cjs');
}
