/**
 * The end-to-end bridge: the real renderer (built to dist/renderer) in Debian's Chromium, with the
 * real handlers over a real SQLite file behind `window.kullregister.invoke` — the same shape the
 * Electron preload exposes. The register is opened the way the app opens it, through a
 * RegisterSession (lock, backups, settings file), in temp folders of the test's own. Every request
 * that would leave the page fails the test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { invokeWithoutRegister } from '../../electron/api/app';
import { invoke } from '../../electron/api/handlers';
import { currentHost, type HostDialogs, setHost } from '../../electron/api/host';
import { RegisterSession } from '../../electron/register/session';
import { serveRendererFile } from '../../electron/renderer-files';
import type { Register } from '../../electron/store/connection';
import { standInHost } from '../unit/helpers/host';

export const APP_URL = 'http://kullregister.test/index.html';
const RENDERER_ROOT = path.resolve('dist/renderer');
/** The OS user the change log records in these tests. */
export const E2E_USER = 'e2e';

/**
 * The native save and folder dialogs (Electron's, which cannot run here) answered by the test: the
 * one boundary that is stubbed. A test that takes this fixture has them in the app's host
 * (api/host.ts) for its duration. A save dialog answers with a file of the suggested name in `saveFolder`.
 */
export type TestDialogs = Pick<HostDialogs, 'chooseSavePath' | 'chooseFolder'> & {
  /** The folder the next folder dialog answers with; null: the user cancels. */
  folder: string | null;
  /** Where the save dialog puts files; null: the user cancels. */
  saveFolder: string | null;
  /** Every file the save dialog answered with. */
  saved: string[];
};

/** The app's own folders on "this machine": its settings file and the default backup folder. */
export type AppFolders = { dir: string; configFile: string; backupFolder: string };

type Fixtures = {
  dbPath: string;
  appFolders: AppFolders;
  dialogs: TestDialogs;
  /** The open register as the app holds it; `session.register` changes after a restore or a lock take-over. */
  session: RegisterSession;
  /** The register as opened at the start of the test. */
  register: Register;
  app: Page;
  /** Requests the page tried to send anywhere but the app itself. */
  blockedRequests: string[];
};

export async function connectApp(page: Page, register: () => Register | null, blocked: string[]): Promise<void> {
  if (!fs.existsSync(path.join(RENDERER_ROOT, 'index.html'))) {
    throw new Error('dist/renderer mangler: kjør `npm run build:renderer` før ende-til-ende-testene.');
  }
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.host !== 'kullregister.test') {
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    }
    const file = serveRendererFile(RENDERER_ROOT, url.pathname);
    return route.fulfill({ status: file.status, body: file.body, headers: file.headers });
  });
  // Like electron/app/ipc.ts: the register is looked up at every call (a restore or take-over replaces
  // it); with none open (the first run) only the app's own channels answer (electron/api/app.ts).
  await page.exposeBinding('__kullregisterInvoke', (_source, channel: unknown, input: unknown) => {
    const current = register();
    return current ? invoke(current, channel as never, input) : invokeWithoutRegister(channel, input);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { kullregister: unknown; __kullregisterInvoke: (c: unknown, i: unknown) => unknown };
    w.kullregister = Object.freeze({
      invoke: (channel: unknown, input: unknown) => w.__kullregisterInvoke(channel, input),
    });
  });
}

function tempFolder(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a destructured object.
  dbPath: async ({}, use) => {
    const dir = tempFolder('kullregister-e2e-');
    await use(path.join(dir, 'register.sqlite'));
    fs.rmSync(dir, { recursive: true, force: true });
  },
  // biome-ignore lint/correctness/noEmptyPattern: as above.
  appFolders: async ({}, use) => {
    const dir = tempFolder('kullregister-e2e-profil-');
    await use({
      dir,
      configFile: path.join(dir, 'innstillinger.json'),
      backupFolder: path.join(dir, 'Sikkerhetskopier'),
    });
    fs.rmSync(dir, { recursive: true, force: true });
  },
  dialogs: async ({ appFolders, session }, use) => {
    const dialogs: TestDialogs = {
      folder: null,
      saveFolder: path.join(appFolders.dir, 'Dokumenter'),
      saved: [],
      chooseFolder: () => dialogs.folder,
      chooseSavePath: ({ defaultName }) => {
        if (dialogs.saveFolder === null) return null;
        fs.mkdirSync(dialogs.saveFolder, { recursive: true });
        const file = path.join(dialogs.saveFolder, defaultName);
        dialogs.saved.push(file);
        return file;
      },
    };
    const before = currentHost();
    setHost({
      ...(before ?? standInHost({ session })),
      chooseFolder: dialogs.chooseFolder,
      chooseSavePath: dialogs.chooseSavePath,
    });
    await use(dialogs);
    setHost(before);
  },
  session: async ({ dbPath, appFolders }, use) => {
    const session = new RegisterSession({
      configFile: appFolders.configFile,
      defaultBackupFolder: appFolders.backupFolder,
      user: E2E_USER,
      // The tests call session.heartbeat() when they need one; no timer runs behind their back.
      heartbeatMs: null,
    });
    const outcome = await session.open(dbPath, { create: true });
    if (outcome.status !== 'open') throw new Error(`Registeret i testen kunne ikke åpnes: ${outcome.message}`);
    await use(session);
    await session.idle();
    session.close();
  },
  register: async ({ session }, use) => {
    const register = session.register;
    if (!register) throw new Error('Registeret i testen er ikke åpent.');
    await use(register);
  },
  blockedRequests: async ({ page: _page }, use) => {
    const blocked: string[] = [];
    await use(blocked);
    expect(blocked, 'the app must make no network request').toEqual([]);
  },
  app: async ({ page, session, blockedRequests }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await connectApp(page, () => session.register, blockedRequests);
    await page.goto(APP_URL);
    await use(page);
    expect(errors, 'the page logged no errors (CSP violations included)').toEqual([]);
  },
});

export { expect };
