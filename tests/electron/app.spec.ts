/**
 * The desktop app itself, started as a user starts it: the built app (npm run build) in the npm
 * package's Electron, through Playwright's _electron.launch, in a temporary user-data folder
 * (`--user-data-dir`). Everything is real — the app:// protocol and its CSP, the preload, IPC, the
 * store, printToPDF — except the native save dialog, which the test answers from the main process
 * (electronApp.evaluate) because no one can click it. Runs where Electron can start (the forge's
 * runners on Windows, macOS and Linux), not on the development machines. Screenshots go to
 * test-results/electron/.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ElectronApplication, _electron as electron, expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { readPdf } from '../e2e/pdf';
import { electronBinary } from './electron-binary';

test.describe.configure({ mode: 'serial' });

const ROOT = path.resolve('.');
const SCREENS = 'test-results/electron';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kullregister-electron-'));
const userData = path.join(work, 'profil');
const registerFile = path.join(userData, 'kullregister.sqlite');
const ARGS = [`--user-data-dir=${userData}`, '.'];
// Windows keeps backups under %LOCALAPPDATA% (register/location.ts): a temp one, so the runner's stays clean.
const ENV: Record<string, string> = {
  ...(process.env as Record<string, string>),
  ...(process.platform === 'win32' ? { LOCALAPPDATA: path.join(work, 'local') } : {}),
};

/** Hosts the test itself tries to reach, to see the app refuse them. */
const PROBE_HOSTS = ['example.invalid', 'evil.example'];

type Running = { app: ElectronApplication; page: Page; leaks: string[]; mainLog: string[] };
type Probe = { leaks: string[]; opened: string[]; secondInstances: number; focused: number };

/** The test's own notes in the main process (globalThis there). */
const probe = (app: ElectronApplication) => app.evaluate(() => (globalThis as unknown as { __probe: Probe }).__probe);

/**
 * Starts the app and watches it: every request that reaches the session's network stack and is not
 * app:// (or a data: icon) is recorded and cancelled; so is every other request the page makes; and
 * shell.openExternal only records what it was asked to open.
 */
async function launch(): Promise<Running> {
  const app = await electron.launch({ args: ARGS, cwd: ROOT, env: ENV });
  const leaks: string[] = [];
  const mainLog: string[] = [];
  app.on('console', (message) => mainLog.push(message.text()));
  // What the page asks for. The test's own probes (PROBE_HOSTS) are left out here: the main-process
  // check below sees them too, and proves that even they never reached the network.
  app.context().on('request', (request) => {
    const url = request.url();
    if (url.startsWith('app://kullregister/') || url.startsWith('data:')) return;
    if (PROBE_HOSTS.some((host) => url.startsWith(`https://${host}/`))) return;
    leaks.push(url);
  });
  await app.evaluate(({ session, shell }) => {
    const notes: Probe = { leaks: [], opened: [], secondInstances: 0, focused: 0 };
    (globalThis as unknown as { __probe: Probe }).__probe = notes;
    session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
      const own = details.url.startsWith('app://kullregister/') || details.url.startsWith('data:');
      if (!own) notes.leaks.push(details.url);
      callback({ cancel: !own });
    });
    shell.openExternal = (async (url: string) => {
      notes.opened.push(url);
    }) as typeof shell.openExternal;
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page, leaks, mainLog };
}

async function expectNothingLeft(running: Running): Promise<void> {
  expect(running.leaks).toEqual([]);
  expect((await probe(running.app)).leaks).toEqual([]);
}

function stored<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(registerFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

const cell = (page: Page, rowId: number | string, colId: string) =>
  page.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);

async function openTab(page: Page, name: 'Deltakere' | 'Kull' | 'Rapport') {
  await page.getByRole('tab', { name }).click();
  if (name !== 'Rapport') await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

let running: Running;

test.beforeAll(() => {
  expect(electronBinary(), 'node_modules/electron/dist holds the Electron binary').toBeTruthy();
  fs.mkdirSync(SCREENS, { recursive: true });
});

test.afterAll(async () => {
  await running?.app.close().catch(() => undefined);
  fs.rmSync(work, { recursive: true, force: true });
});

test('the window opens from app:// with its Content-Security-Policy, on the start screen', async () => {
  running = await launch();
  const { app, page } = running;
  expect(await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(userData);
  await expect(page).toHaveURL('app://kullregister/index.html');
  await expect(page.getByRole('heading', { name: 'Velkommen til Kullregister' })).toBeVisible();
  expect(await page.title()).toContain('Kullregister');

  // The policy is in force: no eval, no connection anywhere, and each refusal is a CSP violation.
  const csp = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
    let evalBlocked = false;
    try {
      // biome-ignore lint/security/noGlobalEval: the point: the page's policy must refuse it.
      eval('1');
    } catch {
      evalBlocked = true;
    }
    let fetchBlocked = false;
    try {
      await fetch('https://example.invalid/');
    } catch {
      fetchBlocked = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const nonce = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? '';
    return { evalBlocked, fetchBlocked, violations, nonce };
  });
  expect(csp.evalBlocked).toBe(true);
  expect(csp.fetchBlocked).toBe(true);
  expect(csp.violations).toContain('connect-src');
  expect(csp.nonce).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
  // The grid's styles carry that nonce, so the styled start screen is the CSP working, not bypassed.
  await page.screenshot({ path: `${SCREENS}/start.png` });

  // Nothing opens inside the app or in the browser unless its host is on the list: refused and logged.
  await page.evaluate(() => {
    window.open('https://evil.example/popup');
  });
  await page.evaluate(() => {
    window.location.href = 'https://evil.example/navigate';
  });
  await expect.poll(() => running.mainLog.filter((line) => line.includes('nektet å åpne')).length).toBe(2);
  expect((await probe(app)).opened).toEqual([]);
  await expect(page).toHaveURL('app://kullregister/index.html');
});

test('the start screen creates the register in the user-data folder', async () => {
  const { page } = running;
  await page.getByLabel('Tiltak', { exact: true }).fill('Sykkelvert');
  await page.getByLabel('Avdeling', { exact: true }).fill('Etat for sykehjem');
  await page.getByLabel('Kontaktperson', { exact: true }).fill('Line Berg');
  await page.getByRole('radio', { name: /Med kull/ }).check();
  await page.getByRole('button', { name: 'Lag registeret' }).click();
  await expect(page.getByRole('heading', { name: 'Deltakere', level: 1 })).toBeVisible();
  await expect(page.locator('.brand-tiltak')).toHaveText('Sykkelvert');
  expect(fs.existsSync(registerFile)).toBe(true);
  expect(fs.existsSync(`${registerFile}.lock`)).toBe(true);
  const tiltak = stored<{ verdi: string }>("SELECT verdi FROM innstilling WHERE nokkel = 'tiltak'");
  expect(JSON.parse(tiltak.verdi)).toBe('Sykkelvert');
});

test('a kull and a deltaker typed through the real grids reach the file over IPC', async () => {
  const { page } = running;
  await openTab(page, 'Kull');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByRole('form', { name: 'Nytt kull' })).toBeVisible();
  await page.keyboard.type('Vår 2026');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1.3.26');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('form', { name: 'Nytt kull' })).toBeHidden();
  await expect
    .poll(() => stored<{ id: number } | undefined>("SELECT id FROM kull WHERE navn = 'Vår 2026'")?.id)
    .toBeGreaterThan(0);
  const kull = stored<{ id: number; planlagt_sluttdato: string }>("SELECT * FROM kull WHERE navn = 'Vår 2026'");
  expect(kull.planlagt_sluttdato).toBe('2026-06-01');
  await cell(page, kull.id, 'kapasitet').click();
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => stored<{ kapasitet: number }>('SELECT kapasitet FROM kull WHERE id = ?', kull.id).kapasitet)
    .toBe(12);

  await openTab(page, 'Deltakere');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.locator('.field-editor-input')).toBeFocused();
  await page.keyboard.type('Kari Nordmann');
  await page.keyboard.press('Tab');
  for (const [colId, text] of [
    ['kull_id', 'vår 2026'],
    ['fodselsar', '1990'],
    ['kjonn', 'k'],
  ] as const) {
    await expect(page.locator(`.ag-cell[col-id="${colId}"] .field-editor-input`)).toBeFocused();
    await page.keyboard.type(text);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Escape');
  const saved = () =>
    stored<{ id: number; kull_id: number; fodselsar: number; kjonn: string } | undefined>(
      "SELECT * FROM deltaker WHERE navn = 'Kari Nordmann'",
    );
  await expect.poll(() => saved()?.kjonn).toBe('K');
  expect(saved()).toMatchObject({ kull_id: kull.id, fodselsar: 1990 });
  await expect(cell(page, saved()!.id, 'navn')).toHaveText('Kari Nordmann');
  await page.screenshot({ path: `${SCREENS}/deltakere.png` });
});

test('the Rapport screen shows the form, and «Lagre som PDF» writes a PDF through printToPDF', async () => {
  const { app, page } = running;
  const pdfFile = path.join(work, 'Dokumenter', 'rapport.pdf');
  fs.mkdirSync(path.dirname(pdfFile), { recursive: true });
  // The one native part no test can click: the save dialog answers with pdfFile.
  await app.evaluate(({ dialog }, file) => {
    dialog.showSaveDialogSync = (() => file) as typeof dialog.showSaveDialogSync;
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
  }, pdfFile);
  await openTab(page, 'Rapport');
  await expect(page.locator('.rapport-sheet')).toContainText('Rapporteringsskjema');
  await expect(page.locator('.rapport-sheet')).toContainText('Sykkelvert');
  await page.screenshot({ path: `${SCREENS}/rapport.png` });
  await page.getByRole('button', { name: 'Lagre som PDF' }).click();
  await expect(page.getByRole('status')).toContainText('Lagret rapport.pdf');
  expect(fs.readFileSync(pdfFile).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pdf = await readPdf(pdfFile);
  expect(pdf.pages).toBeGreaterThanOrEqual(1);
  expect(pdf.text).toContain('Rapporteringsskjema til Etat for sosiale tjenester');
  expect(pdf.text).toMatch(/Tiltak:\s+Sykkelvert/);
  expect(pdf.text).toContain(`Side 1 av ${pdf.pages}`);
  expect(pdf.text).not.toMatch(/Lagre som|Kari Nordmann/);
  await expectNothingLeft(running);
});

test('quit and start again: the register opens with its data, and its lock was released', async () => {
  await running.app.close();
  expect(fs.existsSync(`${registerFile}.lock`)).toBe(false);
  running = await launch();
  const { page } = running;
  await expect(page.getByRole('heading', { name: 'Deltakere', level: 1 })).toBeVisible();
  await expect(page.locator('.brand-tiltak')).toHaveText('Sykkelvert');
  const id = stored<{ id: number }>("SELECT id FROM deltaker WHERE navn = 'Kari Nordmann'").id;
  await expect(cell(page, id, 'navn')).toHaveText('Kari Nordmann');
  await expect(cell(page, id, 'fodselsar')).toHaveText('1990');
});

test('a second start focuses the running app and exits', async () => {
  const { app } = running;
  await app.evaluate(({ app: electronApp, BrowserWindow }) => {
    const notes = (globalThis as unknown as { __probe: Probe }).__probe;
    electronApp.on('second-instance', () => {
      notes.secondInstances += 1;
    });
    const focus = BrowserWindow.prototype.focus;
    BrowserWindow.prototype.focus = function (this: InstanceType<typeof BrowserWindow>) {
      notes.focused += 1;
      focus.call(this);
    };
  });
  const binary = electronBinary() as string;
  const second = spawn(binary, [...(process.platform === 'linux' ? ['--no-sandbox'] : []), ...ARGS], {
    cwd: ROOT,
    env: ENV,
    stdio: 'ignore',
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      second.kill();
      reject(new Error('the second instance did not exit within 30 s'));
    }, 30_000);
    second.on('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  expect(code).toBe(0);
  await expect.poll(async () => (await probe(app)).secondInstances).toBe(1);
  await expect.poll(async () => (await probe(app)).focused).toBeGreaterThanOrEqual(1);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  await expectNothingLeft(running);
});
