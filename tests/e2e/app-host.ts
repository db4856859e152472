/**
 * What the Electron glue gives the handlers (the `Host`, electron/api/host.ts), for the end-to-end
 * tests: the test's session, its temp "user-data" folder, and answers for the native open/save
 * dialogs (`installAppHost`), or only a feature's saving and printing (`withHost`). Also the menu:
 * Electron's menus cannot run here, so a test sends their commands to the page through the same
 * `onMenu` the preload exposes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { currentHost, type Host, setHost } from '../../electron/api/host';
import type { RegisterSession } from '../../electron/register/session';
import type { MenuCommand } from '../../shared/menu';
import { standInHost } from '../unit/helpers/host';
import type { AppFolders } from './fixtures';

/** What the stub open and save dialogs answer next (null: the user cancels). */
export type DialogAnswers = { open: string | null; save: string | null; reportFiles?: string[] | null };

export const TEST_VERSION = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')).version as string;

export { setHost, standInHost };

/** The app's host over the test's session and folders; the open and save dialogs answer `answers`. */
export function installAppHost(session: RegisterSession, folders: AppFolders): { host: Host; answers: DialogAnswers } {
  const answers: DialogAnswers = { open: null, save: null };
  const host = standInHost({
    session,
    version: TEST_VERSION,
    runtime: `Node ${process.versions.node} (ende-til-ende-test i Chromium)`,
    paths: {
      dataFolder: folders.dir,
      settingsFile: folders.configFile,
      defaultRegisterPath: path.join(folders.dir, 'kullregister.sqlite'),
      demoFolder: path.resolve('resources/demo'),
    },
    // Several files or a folder: the samlerapport's report files; one file: a register.
    chooseOpenPaths: ({ multiple, folder }) =>
      multiple || folder ? (answers.reportFiles ?? null) : answers.open === null ? null : [answers.open],
    chooseSavePath: () => answers.save,
  });
  setHost(host);
  return { host, answers };
}

/**
 * Gives the host (the one installed, or a stand-in with no register of its own) these parts — a
 * feature's save dialog and printing — until the returned function puts the earlier host back.
 */
export function withHost(parts: Partial<Host>): () => void {
  const before = currentHost();
  setHost({ ...(before ?? standInHost()), ...parts });
  return () => setHost(before);
}

/**
 * Gives the page's bridge an `onMenu` like the preload's, and reloads so the app subscribes to it.
 * `sendMenu` then plays a menu click.
 */
export async function withMenu(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Listener = (command: string) => void;
    const w = window as unknown as {
      kullregister: { invoke: unknown };
      __sendMenu: (command: string) => void;
    };
    const inner = w.kullregister;
    const listeners = new Set<Listener>();
    w.kullregister = Object.freeze({
      invoke: inner.invoke,
      onMenu: (callback: Listener) => {
        listeners.add(callback);
        return () => listeners.delete(callback);
      },
    });
    w.__sendMenu = (command) => {
      for (const listener of listeners) listener(command);
    };
  });
  await page.reload();
}

export async function sendMenu(page: Page, command: MenuCommand): Promise<void> {
  await page.evaluate((c) => (window as unknown as { __sendMenu: (c: string) => void }).__sendMenu(c), command);
}
