/**
 * The first five minutes, as a new leder sees them: no register yet, so the start screen; create the
 * register (or open one, or the demo), and the app shows it, with the tiltak heading the report.
 * The native open/save dialogs are answered by the test (app-host.ts); everything else is real.
 * Writes test-results/screens/start.png, help.png and om.png for review.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { RegisterSession } from '../../electron/register/session';
import { openRegister } from '../../electron/store/open';
import { updateSettings } from '../../electron/store/settings';
import { type DialogAnswers, installAppHost, sendMenu, setHost, TEST_VERSION, withHost, withMenu } from './app-host';
import { test as base, E2E_USER, expect } from './fixtures';

const SCREENS = 'test-results/screens';

const test = base.extend<{ answers: DialogAnswers }>({
  // The first run: the app has a session, but no register has ever been opened.
  session: async ({ appFolders }, use) => {
    const session = new RegisterSession({
      configFile: appFolders.configFile,
      defaultBackupFolder: appFolders.backupFolder,
      user: E2E_USER,
      heartbeatMs: null,
    });
    await use(session);
    await session.idle();
    session.close();
  },
  answers: [
    async ({ session, appFolders }, use) => {
      await use(installAppHost(session, appFolders).answers);
      setHost(null);
    },
    { auto: true },
  ],
});

/** Reads straight from the file, through a connection of its own. */
function stored<T>(file: string, sql: string, ...params: unknown[]): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

const setting = (file: string, key: string) =>
  JSON.parse(stored<{ verdi: string }>(file, 'SELECT verdi FROM innstilling WHERE nokkel = ?', key).verdi);

async function fillNewRegister(page: Page, values: { tiltak: string; avdeling?: string; kontakt?: string }) {
  await page.getByLabel('Tiltak', { exact: true }).fill(values.tiltak);
  if (values.avdeling) await page.getByLabel('Avdeling', { exact: true }).fill(values.avdeling);
  if (values.kontakt) await page.getByLabel('Kontaktperson', { exact: true }).fill(values.kontakt);
}

const reportHeader = (page: Page, label: string) =>
  page
    .locator('.kr-header .kr-meta-item')
    .filter({ has: page.locator('dt', { hasText: label }) })
    .locator('dd');

test('a new leder creates the register on the start screen, and the tiltak heads the report', async ({
  app,
  appFolders,
}) => {
  await expect(app.getByRole('heading', { name: 'Velkommen til Kullregister' })).toBeVisible();
  await expect(app.getByText(appFolders.dir, { exact: true })).toBeVisible(); // where «anbefalt» puts it
  fs.mkdirSync(SCREENS, { recursive: true });
  await app.screenshot({ path: `${SCREENS}/start.png` });

  await fillNewRegister(app, { tiltak: 'Sykkelvert', avdeling: 'Etat for sykehjem', kontakt: 'Line Berg' });
  await app.getByRole('radio', { name: /Med kull/ }).check();
  await app.getByRole('button', { name: 'Lag registeret' }).click();

  await expect(app.getByRole('heading', { name: 'Deltakere', level: 1 })).toBeVisible();
  await expect(app.locator('.brand-tiltak')).toHaveText('Sykkelvert');
  await expect(app.getByRole('tab', { name: 'Kull' })).toBeVisible();

  const file = path.join(appFolders.dir, 'kullregister.sqlite');
  expect(setting(file, 'tiltak')).toBe('Sykkelvert');
  expect(setting(file, 'avdeling')).toBe('Etat for sykehjem');
  expect(setting(file, 'kontaktperson')).toBe('Line Berg');
  expect(setting(file, 'opptak')).toBe('kull');

  await app.getByRole('tab', { name: 'Rapport', exact: true }).click();
  await expect(reportHeader(app, 'Tiltak')).toHaveText('Sykkelvert');
  await expect(reportHeader(app, 'Avdeling')).toHaveText('Etat for sykehjem');
  await expect(reportHeader(app, 'Kontaktperson')).toHaveText('Line Berg');

  // Afterwards the app opens this register: it is first among the recent ones.
  const config = JSON.parse(fs.readFileSync(appFolders.configFile, 'utf8')) as { recent: string[] };
  expect(config.recent[0]).toBe(file);
});

test('without a tiltak name and a kind of intake nothing is created, and each field says what is missing', async ({
  app,
  appFolders,
}) => {
  await app.getByRole('button', { name: 'Lag registeret' }).click();
  await expect(app.getByText('Skriv navnet på tiltaket.')).toBeVisible();
  await expect(app.getByText('Velg hvordan dere tar inn deltakere.')).toBeVisible();
  await expect(app.getByLabel('Tiltak', { exact: true })).toBeFocused();
  expect(fs.existsSync(path.join(appFolders.dir, 'kullregister.sqlite'))).toBe(false);

  // Hjelp is there before any register exists, with the way back to the form.
  await app.getByRole('button', { name: 'Hjelp' }).click();
  await expect(app.getByRole('heading', { name: 'For koordinatoren', level: 2 })).toBeVisible();
  await app.getByRole('button', { name: '← Tilbake' }).click();
  await expect(app.getByRole('heading', { name: 'Velkommen til Kullregister' })).toBeVisible();
});

test('a Mat & prat register (løpende opptak) has no Kull tab until the register gets kull', async ({
  app,
  appFolders,
}) => {
  await fillNewRegister(app, { tiltak: 'Mat & prat', avdeling: 'Ny sjanse' });
  await app.getByRole('radio', { name: /Løpende opptak/ }).check();
  await app.getByRole('button', { name: 'Lag registeret' }).click();

  await expect(app.getByRole('heading', { name: 'Deltakere', level: 1 })).toBeVisible();
  await expect(app.getByRole('tab', { name: 'Kull' })).toHaveCount(0);
  await expect(app.getByRole('tab', { name: 'Rapport', exact: true })).toBeVisible();
  expect(setting(path.join(appFolders.dir, 'kullregister.sqlite'), 'opptak')).toBe('lopende');

  // The tiltak starts running kull: Innstillinger → Med kull, and the Kull tab is there.
  await app.getByRole('tab', { name: 'Innstillinger' }).click();
  await app.getByRole('radio', { name: /Med kull/ }).check();
  await app.getByRole('button', { name: 'Lagre' }).click();
  await expect(app.getByRole('tab', { name: 'Kull' })).toBeVisible();
});

test('the demo register opens from the start screen with its 238 fictional deltakere', async ({ app, appFolders }) => {
  await app.getByRole('button', { name: 'Åpne demoregisteret' }).click();
  await expect(app.locator('.brand-tiltak')).toHaveText('Sykkelvert (demo)');
  await expect(app.locator('.ag-row[row-id]').first()).toBeVisible();
  const file = path.join(appFolders.dir, 'Demo', 'kullregister-demo.sqlite');
  expect(stored<{ n: number }>(file, 'SELECT count(*) AS n FROM deltaker').n).toBe(238);
  expect(stored<{ n: number }>(file, 'SELECT count(*) AS n FROM kull').n).toBe(13);
});

test('an existing register opens from the open dialog; a file that is not one is refused on the start screen', async ({
  app,
  answers,
  appFolders,
}) => {
  const notes = path.join(appFolders.dir, 'notater.sqlite');
  fs.writeFileSync(notes, 'Dette er ikke et register.\n'.repeat(100));
  answers.open = notes;
  await app.getByRole('button', { name: 'Åpne et register …' }).click();
  await expect(app.getByRole('alert')).toContainText('ikke et Kullregister-register. Filen er ikke endret.');
  await expect(app.getByRole('heading', { name: 'Velkommen til Kullregister' })).toBeVisible();

  const shared = path.join(appFolders.dir, 'Felles', 'nora.sqlite');
  fs.mkdirSync(path.dirname(shared), { recursive: true });
  const reg = openRegister(shared, { create: true, user: E2E_USER });
  updateSettings(reg, { tiltak: 'NorA', opptak: 'lopende' });
  reg.close();
  answers.open = shared;
  await app.getByRole('button', { name: 'Åpne et register …' }).click();
  await expect(app.locator('.brand-tiltak')).toHaveText('NorA');
});

test('Fil → Nytt register over an open register, Hjelp and «Om Kullregister» from the menus', async ({
  app,
  appFolders,
}) => {
  await withMenu(app);
  await fillNewRegister(app, { tiltak: 'Sykkelvert', avdeling: 'Etat for sykehjem' });
  await app.getByRole('radio', { name: /Med kull/ }).check();
  await app.getByRole('button', { name: 'Lag registeret' }).click();
  await expect(app.locator('.brand-tiltak')).toHaveText('Sykkelvert');

  // Fil → Nytt register: the start screen's form, with the way back to the open register.
  await sendMenu(app, 'nytt-register');
  await expect(app.getByRole('heading', { name: 'Nytt register', level: 1 })).toBeVisible();
  await app.getByRole('button', { name: 'Tilbake til registeret' }).click();
  await expect(app.getByRole('heading', { name: 'Deltakere', level: 1 })).toBeVisible();

  // Hjelp → Hjelp til Kullregister (F1).
  await sendMenu(app, 'hjelp');
  await expect(app.getByRole('heading', { name: 'For lederen', level: 2 })).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Månedsrapporten', level: 3 })).toBeVisible();
  await app.screenshot({ path: `${SCREENS}/help.png` });

  // Hjelp → Om Kullregister: the version, and where the register and its backups are.
  await sendMenu(app, 'om');
  const about = app.getByRole('dialog', { name: 'Kullregister' });
  await expect(about).toContainText(`Versjon ${TEST_VERSION}`);
  await expect(about).toContainText(path.join(appFolders.dir, 'kullregister.sqlite'));
  await expect(about).toContainText(appFolders.backupFolder);
  await expect(about).toContainText('sender ingenting over nettet');
  await app.screenshot({ path: `${SCREENS}/om.png` });
  await about.getByRole('button', { name: 'Lukk' }).click();
  await expect(about).toHaveCount(0);

  // Vis → Rapport (Ctrl+3).
  await sendMenu(app, 'vis-rapport');
  await expect(app.getByRole('heading', { name: 'Rapport', level: 1 })).toBeVisible();

  // Fil → Skriv ut rapport (Ctrl+P) from another screen: the Rapport screen, then the printer dialog
  // (Electron's, answered here) once the report is on screen.
  let printed = 0;
  const restoreHost = withHost({
    chooseSavePath: () => null,
    printToPdf: async () => 0,
    print: async () => {
      printed += 1;
      return true;
    },
  });
  try {
    await sendMenu(app, 'vis-deltakere');
    await expect(app.getByRole('heading', { name: 'Deltakere', level: 1 })).toBeVisible();
    await sendMenu(app, 'skriv-ut');
    await expect(app.getByRole('heading', { name: 'Rapport', level: 1 })).toBeVisible();
    await expect(app.getByText('Sendt til skriveren.')).toBeVisible();
    expect(printed).toBe(1);
    // Again while the Rapport screen is showing: one more print, not two.
    await sendMenu(app, 'skriv-ut');
    await expect.poll(() => printed).toBe(2);
  } finally {
    restoreHost();
  }
});
