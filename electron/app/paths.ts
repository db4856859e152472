import path from 'node:path';
import { app } from 'electron';

/** The default register: in the user's own app-data folder, never in a synced or shared folder by surprise. */
export function defaultRegisterPath(): string {
  return path.join(app.getPath('userData'), 'kullregister.sqlite');
}

/** The built renderer, next to the bundled main process. */
export function rendererRoot(): string {
  return path.join(import.meta.dirname, '..', 'dist', 'renderer');
}

export function preloadPath(): string {
  return path.join(import.meta.dirname, 'preload.cjs');
}
