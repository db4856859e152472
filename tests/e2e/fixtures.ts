/**
 * The end-to-end bridge: the real renderer (built to dist/renderer) in Debian's Chromium, with the
 * real handlers over a real SQLite file behind `window.kullregister.invoke` — the same shape the
 * Electron preload exposes. Every request that would leave the page fails the test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { invoke } from '../../electron/api/handlers';
import { serveRendererFile } from '../../electron/renderer-files';
import { openRegister, type Register } from '../../electron/store/open';

export const APP_URL = 'http://kullregister.test/index.html';
const RENDERER_ROOT = path.resolve('dist/renderer');

type Fixtures = {
  dbPath: string;
  register: Register;
  app: Page;
  /** Requests the page tried to send anywhere but the app itself. */
  blockedRequests: string[];
};

export async function connectApp(page: Page, register: () => Register, blocked: string[]): Promise<void> {
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
  await page.exposeBinding('__kullregisterInvoke', (_source, channel: unknown, input: unknown) =>
    invoke(register(), channel as never, input),
  );
  await page.addInitScript(() => {
    const w = window as unknown as { kullregister: unknown; __kullregisterInvoke: (c: unknown, i: unknown) => unknown };
    w.kullregister = Object.freeze({
      invoke: (channel: unknown, input: unknown) => w.__kullregisterInvoke(channel, input),
    });
  });
}

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a destructured object.
  dbPath: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kullregister-e2e-'));
    await use(path.join(dir, 'register.sqlite'));
    fs.rmSync(dir, { recursive: true, force: true });
  },
  register: async ({ dbPath }, use) => {
    const register = openRegister(dbPath, { create: true, user: 'e2e' });
    await use(register);
    register.close();
  },
  blockedRequests: async ({ page: _page }, use) => {
    const blocked: string[] = [];
    await use(blocked);
    expect(blocked, 'the app must make no network request').toEqual([]);
  },
  app: async ({ page, register, blockedRequests }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await connectApp(page, () => register, blockedRequests);
    await page.goto(APP_URL);
    await use(page);
    expect(errors, 'the page logged no errors (CSP violations included)').toEqual([]);
  },
});

export { expect };
