/**
 * Innstillinger as the leder uses it: the tiltak's details head the report, the lists are tidied
 * (rename, hide, order, add) and the Deltakere grid follows a renamed brukersted. Every change is
 * checked in the register file, not only on screen. Writes test-results/screens/settings.png and
 * settings-lister.png for review.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { call } from '../../electron/api/handlers';
import type { Register } from '../../electron/store/open';
import { installAppHost, setHost } from './app-host';
import { test as base, expect } from './fixtures';

const SCREENS = 'test-results/screens';

const test = base.extend<{ host: undefined }>({
  host: [
    async ({ session, appFolders }, use) => {
      installAppHost(session, appFolders);
      await use(undefined);
      setHost(null);
    },
    { auto: true },
  ],
});

function rows<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const setting = (file: string, key: string) =>
  JSON.parse(rows<{ verdi: string }>(file, 'SELECT verdi FROM innstilling WHERE nokkel = ?', key)[0]?.verdi ?? 'null');

const listOrder = (file: string, list: string) =>
  rows<{ verdi: string; skjult: number }>(
    file,
    'SELECT verdi, skjult FROM kodeverdi WHERE liste = ? ORDER BY rekkefolge, verdi',
    list,
  );

async function openSettings(page: Page) {
  await page.getByRole('tab', { name: 'Innstillinger' }).click();
  await expect(page.getByRole('heading', { name: 'Innstillinger', level: 1 })).toBeVisible();
}

async function openList(page: Page, label: string) {
  await page.getByRole('tab', { name: new RegExp(`^${label}`) }).click();
  await expect(page.getByRole('tabpanel', { name: label })).toBeVisible();
}

const valueRow = (page: Page, verdi: string) =>
  page.locator('.settings-table tbody tr').filter({ has: page.getByText(verdi, { exact: true }) });

function seedBrukersteder(register: Register): number[] {
  const people = [
    { navn: 'Sara Karimi', brukersted: 'Florida sykehjem', veileder: 'Line Berg' },
    { navn: 'Jonas Nilsen', brukersted: 'Florida sykehjem', veileder: 'Tore Vik' },
    { navn: 'Marta Kowalska', brukersted: 'Ladegården sykehjem', veileder: 'Line Berg' },
    { navn: 'Hassan Osman', brukersted: 'Kalfaret sykehjem' },
  ];
  return people.map((p) => call(register, 'deltaker:create', p).deltaker.id);
}

test('the tiltak set in Innstillinger heads the report, and the kull length is kept', async ({ app, dbPath }) => {
  await openSettings(app);
  await app.getByLabel('Tiltak', { exact: true }).fill('Sykkelvert');
  await app.getByLabel('Avdeling', { exact: true }).fill('Etat for sykehjem');
  await app.getByLabel('Kontaktperson', { exact: true }).fill('Line Berg, 55 56 00 00');
  await app.getByRole('button', { name: 'Lagre' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Lagret.' })).toBeVisible();
  await expect(app.locator('.brand-tiltak')).toHaveText('Sykkelvert');
  expect(setting(dbPath, 'tiltak')).toBe('Sykkelvert');
  expect(setting(dbPath, 'avdeling')).toBe('Etat for sykehjem');
  expect(setting(dbPath, 'kontaktperson')).toBe('Line Berg, 55 56 00 00');

  const length = app.getByLabel('Vanlig lengde på et kull');
  await length.fill('0');
  await app.getByRole('button', { name: 'Lagre' }).click();
  await expect(app.getByText('Skriv et helt antall måneder, fra 1 til 60.')).toBeVisible();
  expect(setting(dbPath, 'kull_lengde_mnd')).toBeNull(); // never saved: still the default
  await length.fill('4');
  await app.getByRole('button', { name: 'Lagre' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Lagret.' })).toBeVisible();
  expect(setting(dbPath, 'kull_lengde_mnd')).toBe(4);

  await app.getByRole('tab', { name: 'Rapport', exact: true }).click();
  const header = (label: string) =>
    app
      .locator('.kr-header .kr-meta-item')
      .filter({ has: app.locator('dt', { hasText: label }) })
      .locator('dd');
  await expect(header('Tiltak')).toHaveText('Sykkelvert');
  await expect(header('Avdeling')).toHaveText('Etat for sykehjem');
  await expect(header('Kontaktperson')).toHaveText('Line Berg, 55 56 00 00');
});

test('a brukersted renamed in Innstillinger is renamed on every deltaker, and the grid follows', async ({
  app,
  register,
  dbPath,
}) => {
  const [sara, jonas, marta] = seedBrukersteder(register);
  await openSettings(app);
  await openList(app, 'Brukersted');
  await expect(valueRow(app, 'Florida sykehjem')).toContainText('2 deltakere');
  await expect(valueRow(app, 'Kalfaret sykehjem')).toContainText('1 deltaker');

  await app.getByRole('button', { name: 'Endre navn på «Florida sykehjem»' }).click();
  const input = app.getByLabel('Nytt navn på «Florida sykehjem»');
  await expect(input).toBeFocused();
  await expect(app.getByText('Endres også hos 2 deltakere.')).toBeVisible();
  await input.fill('Florida bo- og servicesenter');
  await input.press('Enter');
  await expect(app.getByText('«Florida sykehjem» heter nå «Florida bo- og servicesenter».')).toBeVisible();
  await expect(valueRow(app, 'Florida bo- og servicesenter')).toContainText('2 deltakere');

  const stored = rows<{ id: number; brukersted: string }>(dbPath, 'SELECT id, brukersted FROM deltaker ORDER BY id');
  expect(stored).toEqual([
    { id: sara, brukersted: 'Florida bo- og servicesenter' },
    { id: jonas, brukersted: 'Florida bo- og servicesenter' },
    { id: marta, brukersted: 'Ladegården sykehjem' },
    { id: expect.any(Number), brukersted: 'Kalfaret sykehjem' },
  ]);
  expect(listOrder(dbPath, 'brukersted').map((v) => v.verdi)).toContain('Florida bo- og servicesenter');
  expect(listOrder(dbPath, 'brukersted').map((v) => v.verdi)).not.toContain('Florida sykehjem');
  // The change log has each deltaker's old and new value.
  const logged = rows<{ rad_id: number }>(
    dbPath,
    "SELECT rad_id FROM endringslogg WHERE tabell = 'deltaker' AND felt = 'brukersted' AND ny LIKE '%Florida bo-%' ORDER BY rad_id",
  );
  expect(logged.map((r) => r.rad_id)).toEqual([sara, jonas]);

  await app.getByRole('tab', { name: 'Deltakere' }).click();
  const cell = (id: number | undefined) => app.locator(`.ag-row[row-id="${id}"] .ag-cell[col-id="brukersted"]`);
  await expect(cell(sara)).toHaveText('Florida bo- og servicesenter');
  await expect(cell(jonas)).toHaveText('Florida bo- og servicesenter');
  await expect(cell(marta)).toHaveText('Ladegården sykehjem');
});

test('list values are hidden and shown again, moved, added, and a clash is refused in Norwegian', async ({
  app,
  register,
  dbPath,
}) => {
  seedBrukersteder(register);
  await openSettings(app);

  // Henvist fra: the default list.
  const hide = app.getByRole('button', { name: 'Skjul «Bergen læringscenter»' });
  await hide.click();
  await expect(valueRow(app, 'Bergen læringscenter')).toContainText('skjult');
  await expect(valueRow(app, 'Bergen læringscenter')).toHaveClass(/settings-hidden-row/);
  expect(listOrder(dbPath, 'henvist_fra').find((v) => v.verdi === 'Bergen læringscenter')?.skjult).toBe(1);
  await app.getByRole('button', { name: 'Vis «Bergen læringscenter»' }).click();
  await expect(valueRow(app, 'Bergen læringscenter')).not.toContainText('skjult');
  expect(listOrder(dbPath, 'henvist_fra').find((v) => v.verdi === 'Bergen læringscenter')?.skjult).toBe(0);

  const before = listOrder(dbPath, 'henvist_fra').map((v) => v.verdi);
  const nora = before.indexOf('NorA');
  await app.getByRole('button', { name: 'Flytt «NorA» opp' }).click();
  await expect(app.getByText('«NorA» er flyttet.')).toBeVisible();
  const after = listOrder(dbPath, 'henvist_fra').map((v) => v.verdi);
  expect(after.indexOf('NorA')).toBe(nora - 1);
  expect(after[nora]).toBe(before[nora - 1]);

  await app.getByLabel('Ny verdi i Henvist fra').fill('Kirkens Bymisjon');
  await app.getByRole('button', { name: 'Legg til' }).click();
  await expect(valueRow(app, 'Kirkens Bymisjon')).toContainText('Ikke i bruk');
  expect(listOrder(dbPath, 'henvist_fra').at(-1)?.verdi).toBe('Kirkens Bymisjon');

  await app.getByLabel('Ny verdi i Henvist fra').fill('nora');
  await app.getByRole('button', { name: 'Legg til' }).click();
  await expect(app.getByText('«nora» finnes allerede i listen Henvist fra.')).toBeVisible();

  await app.getByRole('button', { name: 'Endre navn på «NorA»' }).click();
  await app.getByLabel('Nytt navn på «NorA»').fill('NAV Årstad');
  await app.getByLabel('Nytt navn på «NorA»').press('Enter');
  await expect(app.getByText('«NAV Årstad» finnes allerede i listen Henvist fra. Velg et annet navn.')).toBeVisible();
  expect(listOrder(dbPath, 'henvist_fra').map((v) => v.verdi)).toContain('NorA');
  await app.getByLabel('Nytt navn på «NorA»').press('Escape');
  await expect(app.getByLabel('Nytt navn på «NorA»')).toHaveCount(0);

  // For the screenshots: the tiltak filled in, and Brukersted with a hidden value.
  call(register, 'settings:update', {
    tiltak: 'Sykkelvert',
    avdeling: 'Etat for sykehjem',
    kontaktperson: 'Line Berg',
  });
  call(register, 'codes:add', { list: 'brukersted', verdi: 'Fyllingsdalen sykehjem' });
  call(register, 'codes:setHidden', { list: 'brukersted', verdi: 'Kalfaret sykehjem', skjult: true });
  await app.getByRole('tab', { name: 'Deltakere' }).click();
  await openSettings(app);
  await openList(app, 'Brukersted');
  await expect(valueRow(app, 'Kalfaret sykehjem')).toContainText('skjult');
  fs.mkdirSync(SCREENS, { recursive: true });
  await app.screenshot({ path: `${SCREENS}/settings.png` });
  await app.getByRole('heading', { name: 'Sikkerhetskopier' }).scrollIntoViewIfNeeded();
  await app.screenshot({ path: `${SCREENS}/settings-lister.png` });
});

test('Innstillinger links to «Register og sikkerhet» for the backup folder', async ({ app, appFolders }) => {
  await openSettings(app);
  const backups = app.getByRole('region', { name: 'Sikkerhetskopier' });
  await expect(backups).toContainText(appFolders.backupFolder);
  await backups.getByRole('button', { name: 'Register og sikkerhet' }).click();
  await expect(app.getByRole('heading', { name: 'Register og sikkerhet', level: 1 })).toBeVisible();
});
