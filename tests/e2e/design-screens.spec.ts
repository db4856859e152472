/**
 * One picture of each screen the design system touches (issue 12, item 7), for review before and
 * after a change of styles: start, Innstillinger, Importer, Register og sikkerhet, Deltakere, Rapport,
 * and the «Nytt kull» form with its errors (issue 16, item 14). Each shot also checks that the screen
 * is there, so a broken page fails rather than photographs. PNGs go to test-results/screens/design/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { call } from '../../electron/api/handlers';
import { RegisterSession } from '../../electron/register/session';
import { installAppHost, setHost } from './app-host';
import { test as base, E2E_USER, expect } from './fixtures';

const SHOTS = 'test-results/screens/design';

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function openTab(page: Page, tab: string, heading = tab) {
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await expect(page.getByRole('heading', { name: heading, level: 1, exact: true })).toBeVisible();
}

const firstRun = base.extend({
  // No register has been opened yet: the start screen.
  session: async ({ appFolders }, use) => {
    const session = new RegisterSession({
      configFile: appFolders.configFile,
      defaultBackupFolder: appFolders.backupFolder,
      user: E2E_USER,
      heartbeatMs: null,
    });
    installAppHost(session, appFolders);
    await use(session);
    setHost(null);
    await session.idle();
    session.close();
  },
});

firstRun('the start screen, and its form errors', async ({ app }) => {
  await expect(app.getByRole('heading', { name: 'Velkommen til Kullregister' })).toBeVisible();
  await shot(app, 'start');
  await app.getByRole('button', { name: 'Lag registeret' }).click();
  await expect(app.getByText('Skriv navnet på tiltaket.')).toBeVisible();
  await shot(app, 'start-errors');
});

base('the screens of an open register', async ({ app, register, session }) => {
  call(register, 'settings:update', { tiltak: 'Sykkelvert', avdeling: 'Etat for sykehjem' });
  const kull = call(register, 'kull:create', { navn: 'Kull 12', startdato: '2025-09-01', kapasitet: 12 });
  const people = [
    ['Sara Karimi', 1994, 'K', '2025-08-04', '2025-09-01'],
    ['Jonas Nilsen', 1984, 'M', '2025-08-06', '2025-09-01'],
    ['Amina Hassan', 1991, 'K', '2025-08-11', null],
  ] as const;
  for (const [navn, fodselsar, kjonn, henvist_dato, startdato] of people) {
    call(register, 'deltaker:create', { navn, fodselsar, kjonn, henvist_dato, startdato, kull_id: kull.id });
  }
  await session.idle();
  await app.reload();

  await expect(app.getByRole('heading', { name: 'Deltakere', level: 1 })).toBeVisible();
  await expect(app.getByText('Sara Karimi')).toBeVisible();
  await shot(app, 'deltakere');

  await openTab(app, 'Kull');
  await app.getByRole('button', { name: 'Nytt kull' }).click();
  await app.keyboard.press('Tab');
  await app.keyboard.type('31.02.2026');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('form', { name: 'Nytt kull' })).toBeVisible();
  await shot(app, 'kull-nytt-feil');
  await app.keyboard.press('Escape');

  await openTab(app, 'Rapport');
  await shot(app, 'rapport');

  await openTab(app, 'Importer', 'Importer fra regneark');
  await shot(app, 'import');

  await openTab(app, 'Register og sikkerhet');
  await expect(app.getByRole('table', { name: 'Sikkerhetskopier' })).toBeVisible();
  await shot(app, 'safety');

  await openTab(app, 'Innstillinger');
  await shot(app, 'settings');
});

base(
  'the «Nytt kull» form says what is wrong in full lines under the fields, not in narrow columns (issue 16, item 14)',
  async ({ app, dbPath }) => {
    await openTab(app, 'Kull');
    await app.getByRole('button', { name: 'Nytt kull' }).click();
    const form = app.getByRole('form', { name: 'Nytt kull' });
    await form.getByLabel('Startdato').fill('31.02.2026');
    await form.getByLabel('Kapasitet').fill('mange');
    await form.getByRole('button', { name: 'Opprett kull' }).click();

    const errors = form.locator('.inline-form-errors li');
    await expect(errors).toHaveText([
      'Navn: Navn kan ikke være tomt.',
      /^Startdato: «31\.02\.2026» finnes ikke: februar 2026 har 28 dager/,
      /^Kapasitet: /,
    ]);
    // Each message is one line (the form is wide enough), and the fields stay in one row.
    for (const box of await errors.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()))) {
      expect(box.height).toBeLessThan(24);
    }
    const tops = await form
      .locator('.text-input')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
    expect(new Set(tops).size).toBe(1);
    // Each input is tied to its message, and marked.
    await expect(form.getByLabel('Startdato')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Startdato')).toHaveAccessibleDescription(/«31\.02\.2026» finnes ikke/);
    await shot(app, 'kull-nytt-feil-linjer');
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    expect(db.prepare('SELECT count(*) AS n FROM kull').get()).toEqual({ n: 0 });
    db.close();
  },
);
