/**
 * The register file kept safe, as a leder meets it in the window: the read-only band when someone
 * else has the register, taking over an abandoned lock, a save refused because the lock was lost,
 * backups and restore, anonymisation, a row's history, innsyn and deletion for good, and the
 * one-time explanation of single-user mode. Every check is made against the SQLite file itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { call } from '../../electron/api/handlers';
import { lockPathOf } from '../../electron/register/lock';
import { RegisterSession } from '../../electron/register/session';
import type { Register } from '../../electron/store/open';
import { INNSYN_WARNING } from '../../shared/contract/privacy';
import { addMonthsIso, formatDate, todayIso } from '../../shared/dates';
import { E2E_USER, expect, test } from './fixtures';

const SCREENS = 'test-results/screens';
const DATE_TIME = /\d\d\.\d\d\.\d{4} \d\d:\d\d/;

/** Reads rows straight from the file, through a connection of its own. */
function stored(dbPath: string, sql: string, ...params: unknown[]): Record<string, unknown>[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

function openRegister(session: RegisterSession): Register {
  const register = session.register;
  if (!register) throw new Error('Ingen register er åpent i testen.');
  return register;
}

const cell = (page: Page, rowId: number | string, colId: string) =>
  page.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);
const banner = (page: Page) => page.locator('.safety-banner');

async function openTab(page: Page, tab: string, heading = tab) {
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await expect(page.getByRole('heading', { name: heading, level: 1, exact: true })).toBeVisible();
}

/** Another Kullregister on another machine, with its own settings, opening the same file. */
function anotherMachine(dir: string): RegisterSession {
  return new RegisterSession({
    configFile: path.join(dir, 'kollega', 'innstillinger.json'),
    defaultBackupFolder: path.join(dir, 'kollega', 'Sikkerhetskopier'),
    user: 'kollega',
    host: 'PC-KOLLEGA',
    heartbeatMs: null,
  });
}

/**
 * Liv Hauge in a register Kari's PC had open when it crashed twenty minutes ago: her lock file stayed
 * behind, last touched twelve minutes ago. The register is then opened (read-only) and the page reloaded.
 */
async function underAbandonedLock(app: Page, session: RegisterSession, dbPath: string) {
  const { deltaker } = call(openRegister(session), 'deltaker:create', { navn: 'Liv Hauge', landbakgrunn: 'Norge' });
  session.close();
  const since = new Date(Date.now() - 20 * 60_000);
  fs.writeFileSync(
    lockPathOf(dbPath),
    JSON.stringify({ id: 'lås-kari', user: 'kari', host: 'PC-KONTOR-12', pid: 4242, since: since.toISOString() }),
  );
  const lastSeen = new Date(Date.now() - 12 * 60_000);
  fs.utimesSync(lockPathOf(dbPath), lastSeen, lastSeen);
  expect((await session.open(dbPath)).status).toBe('open');
  await app.reload();
  return deltaker;
}

test('someone else’s abandoned lock: read-only with who, where and since when, an edit refused, then taken over after a warning', async ({
  app,
  session,
  dbPath,
}) => {
  const deltaker = await underAbandonedLock(app, session, dbPath);

  await expect(banner(app)).toContainText('Skrivebeskyttet');
  await expect(banner(app)).toContainText(/åpent hos kari på PC-KONTOR-12 siden \d\d\.\d\d\.\d{4} kl\. \d\d:\d\d/);
  await expect(banner(app)).toContainText('Låsen ser forlatt ut');
  await app.screenshot({ path: `${SCREENS}/banner-readonly.png` });

  // An edit while read-only is refused in words, and what was typed stays in the cell.
  await cell(app, deltaker.id, 'landbakgrunn').click();
  await app.keyboard.type('Sverige');
  await app.keyboard.press('Enter');
  await expect(cell(app, deltaker.id, 'landbakgrunn')).toHaveText('Sverige');
  await expect(cell(app, deltaker.id, 'landbakgrunn')).toHaveClass(/cell-rejected/);
  await expect(app.getByRole('status').filter({ hasText: 'skrivebeskyttet' })).toBeVisible();
  expect(stored(dbPath, 'SELECT landbakgrunn FROM deltaker')).toEqual([{ landbakgrunn: 'Norge' }]);
  await app.keyboard.press('Escape');

  await banner(app).getByRole('button', { name: 'Ta over låsen …' }).click();
  const dialog = app.getByRole('dialog', { name: 'Ta over låsen?' });
  await expect(dialog).toContainText('kari');
  await expect(dialog).toContainText('PC-KONTOR-12');
  await expect(dialog).toContainText('kan det som ikke er lagret der, gå tapt');
  await app.screenshot({ path: `${SCREENS}/banner-take-over-dialog.png` });
  await dialog.getByRole('button', { name: 'Ta over låsen' }).click();

  await expect(banner(app)).toContainText('Du har tatt over låsen og kan redigere registeret.');
  await expect(banner(app)).not.toContainText('Skrivebeskyttet');
  expect(JSON.parse(fs.readFileSync(lockPathOf(dbPath), 'utf8'))).toMatchObject({ user: E2E_USER });
  expect(stored(dbPath, "SELECT bruker, beskrivelse FROM hendelse WHERE hva = 'las_overtatt'")).toEqual([
    { bruker: E2E_USER, beskrivelse: expect.stringContaining('kari på PC-KONTOR-12') },
  ]);

  // The screens were read again: the grid saves now.
  await cell(app, deltaker.id, 'landbakgrunn').click();
  await app.keyboard.type('Sverige');
  await app.keyboard.press('Enter');
  await expect.poll(() => stored(dbPath, 'SELECT landbakgrunn FROM deltaker')).toEqual([{ landbakgrunn: 'Sverige' }]);
});

test('what was typed while read-only stays red across a take-over, and is saved after it', async ({
  app,
  session,
  dbPath,
}) => {
  const deltaker = await underAbandonedLock(app, session, dbPath);
  await expect(banner(app)).toContainText('Skrivebeskyttet');

  // Typed and left open in its editor: taking the lock over commits it first (refused, so red).
  await cell(app, deltaker.id, 'landbakgrunn').click();
  await app.keyboard.type('Sverige');
  await banner(app).getByRole('button', { name: 'Ta over låsen …' }).click();
  await app.getByRole('dialog', { name: 'Ta over låsen?' }).getByRole('button', { name: 'Ta over låsen' }).click();
  await expect(banner(app)).toContainText('Du har tatt over låsen og kan redigere registeret.');

  // The same file: the red cell is still there with what was typed, and Enter saves it now.
  await expect(cell(app, deltaker.id, 'landbakgrunn')).toHaveText('Sverige');
  await expect(cell(app, deltaker.id, 'landbakgrunn')).toHaveClass(/cell-rejected/);
  expect(stored(dbPath, 'SELECT landbakgrunn FROM deltaker')).toEqual([{ landbakgrunn: 'Norge' }]);
  await cell(app, deltaker.id, 'landbakgrunn').click();
  await app.keyboard.press('F2');
  await app.keyboard.press('Enter');
  await expect.poll(() => stored(dbPath, 'SELECT landbakgrunn FROM deltaker')).toEqual([{ landbakgrunn: 'Sverige' }]);
  await expect(cell(app, deltaker.id, 'landbakgrunn')).not.toHaveClass(/cell-rejected/);
});

test('another user takes the lock over: the next save is refused, the typed text stays with the reason, and the band says who', async ({
  app,
  session,
  dbPath,
  appFolders,
}) => {
  const { deltaker } = call(openRegister(session), 'deltaker:create', { navn: 'Ali Rahimi' });
  await app.reload();
  await expect(cell(app, deltaker.id, 'navn')).toHaveText('Ali Rahimi');
  await expect(banner(app)).toHaveCount(0);

  const colleague = anotherMachine(appFolders.dir);
  try {
    await colleague.open(dbPath);
    colleague.takeOverLock(colleague.status().lockHolder?.id ?? '');

    await cell(app, deltaker.id, 'landbakgrunn').click();
    await app.keyboard.type('Afghanistan');
    await app.keyboard.press('Enter');
    await expect(cell(app, deltaker.id, 'landbakgrunn')).toHaveText('Afghanistan');
    await expect(cell(app, deltaker.id, 'landbakgrunn')).toHaveClass(/cell-rejected/);
    await expect(app.locator('.cell-bubble')).toContainText(
      'Endringen ble ikke lagret. Registeret er tatt over av kollega på PC-KOLLEGA.',
    );
    await expect(banner(app)).toContainText('Registeret er tatt over av kollega på PC-KOLLEGA.');
    await expect(banner(app).getByRole('button')).toHaveCount(0);
    await app.screenshot({ path: `${SCREENS}/banner-lock-lost.png` });
    expect(stored(dbPath, 'SELECT landbakgrunn FROM deltaker')).toEqual([{ landbakgrunn: null }]);
  } finally {
    colleague.close();
  }
});

test('when the one who had the register closes it, the band notices on focus and it can be opened for editing', async ({
  app,
  session,
  dbPath,
  appFolders,
}) => {
  session.close();
  const colleague = anotherMachine(appFolders.dir);
  await colleague.open(dbPath);
  await session.open(dbPath);
  await app.reload();
  await expect(banner(app)).toContainText('åpent hos kollega på PC-KOLLEGA');
  await expect(banner(app).getByRole('button')).toHaveCount(0);

  colleague.close();
  await app.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(banner(app)).toContainText('har lukket det');
  await banner(app).getByRole('button', { name: 'Åpne for redigering' }).click();
  await expect(banner(app)).toContainText('Registeret er åpnet for redigering.');
  expect(openRegister(session).readOnly).toBe(false);
  expect(JSON.parse(fs.readFileSync(lockPathOf(dbPath), 'utf8'))).toMatchObject({ user: E2E_USER });
});

test('backups are listed with time, kind and size; a restore brings the old data back and keeps the current file as a backup', async ({
  app,
  session,
  dbPath,
  dialogs,
  appFolders,
}) => {
  call(openRegister(session), 'deltaker:create', { navn: 'Kari Nordmann' });
  await openTab(app, 'Register og sikkerhet');
  await expect(app.locator('.register-card').first()).toContainText(dbPath);
  await expect(app.locator('.register-card').first()).toContainText('På denne maskinens disk');

  // «Bytt mappe»: the folder dialog (the test's stand-in) picks a folder; a backup is made there at once.
  const chosen = path.join(appFolders.dir, 'Valgt mappe');
  dialogs.folder = chosen;
  await app.getByRole('button', { name: 'Bytt mappe …' }).click();
  await expect(app.getByText(`Sikkerhetskopiene lagres nå i «${chosen}»`)).toBeVisible();
  const backups = app.getByRole('table', { name: 'Sikkerhetskopier' });
  await expect(backups.locator('tbody tr')).toHaveCount(1);
  const row = backups.locator('tbody tr').first();
  await expect(row.locator('td').nth(0)).toHaveText(DATE_TIME);
  await expect(row.locator('td').nth(1)).toHaveText('Daglig');
  await expect(row.locator('td').nth(2)).toHaveText(/^\d+ kB$/);
  expect(fs.readdirSync(chosen)).toHaveLength(1);

  // Work after the backup, then regret it.
  const later = call(openRegister(session), 'deltaker:create', { navn: 'Ola Etterpå' }).deltaker;
  call(openRegister(session), 'deltaker:update', { id: later.id - 1, changes: { landbakgrunn: 'Somalia' } });
  await app.screenshot({ path: `${SCREENS}/register-backups.png`, fullPage: true });

  await row.getByRole('button', { name: /Gjenopprett/ }).click();
  const dialog = app.getByRole('dialog', { name: 'Gjenopprette sikkerhetskopien?' });
  await expect(dialog).toContainText('Før gjenoppretting');
  // What the backup holds beside the register now, and what a restore would lose (issue 16, item 13).
  const compare = dialog.locator('.restore-compare');
  await expect(compare.locator('tbody tr').nth(0).locator('td')).toHaveText(['1 (1 færre)', '2']);
  await expect(compare.locator('tbody tr').nth(1).locator('td')).toHaveText(['0', '0']);
  await expect(dialog).toContainText(/Dette forsvinner: \d+ endringer er lagret etter .*, blant dem 1 ny rad/);
  await app.screenshot({ path: `${SCREENS}/register-restore-dialog.png` });
  await dialog.getByRole('button', { name: 'Gjenopprett og fjern 1 deltaker' }).click();

  await expect(app.getByText(/Registeret er gjenopprettet fra sikkerhetskopien fra/)).toBeVisible();
  expect(stored(dbPath, 'SELECT navn, landbakgrunn FROM deltaker')).toEqual([
    { navn: 'Kari Nordmann', landbakgrunn: null },
  ]);
  await expect(backups.locator('tbody tr')).toHaveCount(2);
  await expect(backups.locator('tbody tr').first().locator('td').nth(1)).toHaveText('Før gjenoppretting');
  await expect(app.getByRole('table', { name: 'Hendelser' })).toContainText('Gjenoppretting');

  // Every screen reads the restored register.
  await openTab(app, 'Deltakere');
  await expect(app.getByText('Viser 1 av 1 deltakere')).toBeVisible();
  await expect(app.locator('.ag-cell[col-id="navn"]').filter({ hasText: 'Ola Etterpå' })).toHaveCount(0);

  // Back to the default folder.
  await openTab(app, 'Register og sikkerhet');
  await app.getByRole('button', { name: 'Bruk standardmappe' }).click();
  await expect(app.getByText(`standardmappen «${appFolders.backupFolder}»`)).toBeVisible();
  await expect(app.getByRole('button', { name: 'Bruk standardmappe' })).toBeDisabled();
});

test('«Ta sikkerhetskopi nå» makes a whole backup in the folder, listed as «Tatt for hånd» (issue 16, item 13)', async ({
  app,
  session,
  appFolders,
}) => {
  await session.idle(); // the day's first backup
  call(openRegister(session), 'deltaker:create', { navn: 'Kari Nordmann' });
  await openTab(app, 'Register og sikkerhet');
  const backups = app.getByRole('table', { name: 'Sikkerhetskopier' });
  await expect(backups.locator('tbody tr')).toHaveCount(1);
  await app.getByRole('button', { name: 'Ta sikkerhetskopi nå' }).click();
  await expect(app.getByText(/^Sikkerhetskopien er tatt \d\d\.\d\d\.\d{4} \d\d:\d\d/)).toBeVisible();
  await expect(backups.locator('tbody tr')).toHaveCount(2);
  await expect(backups.locator('tbody tr').first().locator('td').nth(1)).toHaveText('Tatt for hånd');
  const file = fs.readdirSync(appFolders.backupFolder).find((name) => name.endsWith('--manuell.sqlite'));
  expect(file).toBeDefined();
  expect(stored(path.join(appFolders.backupFolder, file ?? ''), 'SELECT navn FROM deltaker')).toEqual([
    { navn: 'Kari Nordmann' },
  ]);
  await app.screenshot({ path: `${SCREENS}/register-backup-now.png`, fullPage: true });
});

test('a backup folder in a synced cloud folder is warned about', async ({ app, dialogs, appFolders }) => {
  dialogs.folder = path.join(appFolders.dir, 'OneDrive - Bergen kommune', 'Kopier');
  await openTab(app, 'Register og sikkerhet');
  await app.getByRole('button', { name: 'Bytt mappe …' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'synkroniseres med OneDrive' })).toContainText(
    'bør ligge på denne maskinens disk',
  );
});

test('anonymising: a preview of how many and from when, then names gone and counts unchanged', async ({
  app,
  session,
  dbPath,
}) => {
  const reg = openRegister(session);
  const kull = call(reg, 'kull:create', { navn: 'Kull 2015', startdato: '2015-01-05' });
  const old = { kull_id: kull.id, kjonn: 'K', ytelse: 'KVP', startdato: '2015-01-05', avslutning: 'PLAN' } as const;
  call(reg, 'deltaker:create', { ...old, navn: 'Gunnhild Gammeldag', fodselsar: 1970, sluttdato: '2015-06-01' });
  call(reg, 'deltaker:create', { ...old, navn: 'Torstein Tidligere', fodselsar: 1980, sluttdato: '2016-02-01' });
  call(reg, 'deltaker:create', {
    navn: 'Nina Nylig',
    fodselsar: 1995,
    startdato: '2025-01-06',
    sluttdato: '2025-06-30',
  });
  const before = stored(
    dbPath,
    'SELECT kull_id, kjonn, ytelse, startdato, sluttdato, avslutning FROM deltaker ORDER BY id',
  );

  await openTab(app, 'Register og sikkerhet');
  await expect(app.getByRole('textbox', { name: 'Antall år' })).toHaveValue('5');
  await app.getByRole('button', { name: 'Vis hvem det gjelder' }).click();
  const cutoff = formatDate(addMonthsIso(todayIso(), -60));
  const preview = app.locator('.register-preview');
  await expect(preview).toContainText(`2 deltakere har sluttdato før ${cutoff} og blir anonymisert.`);
  await app.locator('.register-preview').scrollIntoViewIfNeeded();
  await app.screenshot({ path: `${SCREENS}/register-anonymise-preview.png` });

  await preview.getByRole('button', { name: 'Anonymiser 2 deltakere …' }).click();
  const dialog = app.getByRole('dialog', { name: 'Anonymisere 2 deltakere?' });
  await expect(dialog).toContainText(`sluttdato før ${cutoff}`);
  await dialog.getByRole('button', { name: 'Anonymiser' }).click();
  await expect(app.getByText(/2 deltakere er anonymisert, og \d+ linjer i endringsloggen er renset\./)).toBeVisible();
  await expect(app.getByRole('table', { name: 'Hendelser' })).toContainText('Anonymisering');
  await app.screenshot({ path: `${SCREENS}/register-anonymised.png`, fullPage: true });

  expect(stored(dbPath, 'SELECT navn, fodselsar FROM deltaker ORDER BY id')).toEqual([
    { navn: 'Anonymisert', fodselsar: null },
    { navn: 'Anonymisert', fodselsar: null },
    { navn: 'Nina Nylig', fodselsar: 1995 },
  ]);
  expect(
    stored(dbPath, 'SELECT kull_id, kjonn, ytelse, startdato, sluttdato, avslutning FROM deltaker ORDER BY id'),
  ).toEqual(before);
  expect(
    stored(dbPath, "SELECT count(*) AS n FROM endringslogg WHERE gammel LIKE '%Gammeldag%' OR ny LIKE '%Gammeldag%'"),
  ).toEqual([{ n: 0 }]);
  expect(fs.readFileSync(dbPath).includes('Gunnhild Gammeldag')).toBe(false);

  // Asked again, nobody is left to anonymise.
  await app.getByRole('button', { name: 'Vis hvem det gjelder' }).click();
  await expect(preview).toContainText('Ingen deltakere har sluttdato før');
});

test('row history from the Deltakere grid: time, user, field label, old → new with codes as labels and dates as dd.mm.yyyy', async ({
  app,
  session,
  dbPath,
}) => {
  const reg = openRegister(session);
  const kull = call(reg, 'kull:create', { navn: 'Vår 2026', startdato: '2026-03-02' });
  const { deltaker } = call(reg, 'deltaker:create', {
    navn: 'Sara Karimi',
    kjonn: 'K',
    startdato: '2026-03-02',
    kull_id: kull.id,
    ansatt_hos_brukersted: false,
  });
  await app.reload();

  await cell(app, deltaker.id, 'startdato').click();
  await app.keyboard.type('9.3.26');
  await app.keyboard.press('Enter');
  await expect.poll(() => stored(dbPath, 'SELECT startdato FROM deltaker')).toEqual([{ startdato: '2026-03-09' }]);
  await cell(app, deltaker.id, 'ytelse').click();
  await app.keyboard.type('oks');
  await app.keyboard.press('Enter');
  await expect.poll(() => stored(dbPath, 'SELECT ytelse FROM deltaker')).toEqual([{ ytelse: 'OKS' }]);

  await cell(app, deltaker.id, 'navn').click();
  await app.getByRole('button', { name: 'Historikk' }).click();
  const panel = app.getByRole('dialog', { name: 'Historikk: Sara Karimi' });
  await expect(panel).toBeVisible();
  const groups = panel.locator('.history-group');
  await expect(groups).toHaveCount(3);
  // Newest first: the ytelse edit, then the startdato edit, then the creation.
  await expect(groups.nth(0).locator('.history-when')).toContainText(DATE_TIME);
  await expect(groups.nth(0).locator('.history-when')).toContainText(E2E_USER);
  await expectChange(groups.nth(0), 'Ytelse', 'tom', 'Økonomisk sosialhjelp');
  await expectChange(groups.nth(1), 'Startdato', '02.03.2026', '09.03.2026');
  const created = groups.nth(2);
  await expect(created.locator('.history-when')).toContainText('Opprettet');
  await expectChange(created, 'Navn', null, 'Sara Karimi');
  await expectChange(created, 'Kjønn', null, 'Kvinne');
  await expectChange(created, 'Kull', null, 'Vår 2026');
  await expectChange(created, 'Startdato', null, '02.03.2026');
  await expectChange(created, 'Ansatt hos brukersted', null, 'Nei');
  await app.screenshot({ path: `${SCREENS}/history-deltaker.png` });

  await app.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  // The keyboard way: Ctrl+Shift+H on the focused row.
  await cell(app, deltaker.id, 'navn').click();
  await app.keyboard.press('Control+Shift+H');
  await expect(panel).toBeVisible();
});

test('row history from the Kull grid', async ({ app, session }) => {
  const kull = call(openRegister(session), 'kull:create', {
    navn: 'Høst 2025',
    startdato: '2025-09-01',
    kapasitet: 12,
  });
  call(openRegister(session), 'kull:update', { id: kull.id, changes: { kapasitet: 14 } });
  await openTab(app, 'Kull');
  await cell(app, kull.id, 'navn').click();
  await app.getByRole('button', { name: 'Historikk' }).click();
  const panel = app.getByRole('dialog', { name: 'Historikk: Høst 2025' });
  await expectChange(panel.locator('.history-group').first(), 'Kapasitet', '12', '14');
  await expect(panel.getByRole('button', { name: /Slett for godt/ })).toHaveCount(0);
  await app.screenshot({ path: `${SCREENS}/history-kull.png` });
});

test('innsyn: the warning first, then everything about the person saved where the user chose', async ({
  app,
  session,
  dialogs,
}) => {
  const kull = call(openRegister(session), 'kull:create', { navn: 'Vår 2026', startdato: '2026-03-02' });
  const { deltaker } = call(openRegister(session), 'deltaker:create', {
    navn: 'Eva Berg',
    fodselsar: 1988,
    kjonn: 'K',
    ytelse: 'KVP',
    kull_id: kull.id,
    startdato: '2026-03-02',
  });
  await app.reload();
  await cell(app, deltaker.id, 'navn').click();
  await app.getByRole('button', { name: 'Historikk' }).click();
  await app.getByRole('button', { name: 'Eksporter alt om personen (innsyn) …' }).click();
  const dialog = app.getByRole('dialog', { name: 'Innsyn: alt om Eva Berg' });
  await expect(dialog).toContainText(INNSYN_WARNING);
  await app.screenshot({ path: `${SCREENS}/history-innsyn-warning.png` });
  await dialog.getByRole('button', { name: 'Velg hvor filen skal lagres …' }).click();

  await expect(app.getByText(/^Lagret i .*innsyn-deltaker-\d+-\d{4}-\d\d-\d\d\.json/)).toBeVisible();
  await expect(app.getByText(/som lesbar side i innsyn-deltaker-\d+-\d{4}-\d\d-\d\d\.html/)).toBeVisible();
  expect(dialogs.saved).toHaveLength(1);
  const saved = JSON.parse(fs.readFileSync(dialogs.saved[0] ?? '', 'utf8'));
  expect(saved.advarsel).toBe(INNSYN_WARNING);
  expect(saved.deltaker.opplysninger).toContainEqual({ felt: 'navn', etikett: 'Navn', verdi: 'Eva Berg' });
  expect(path.basename(dialogs.saved[0] ?? '')).not.toContain('Eva');

  // Beside it, a page the person can read: Norwegian labels, dd.mm.yyyy, code labels, the kull by name.
  const htmlFile = (dialogs.saved[0] ?? '').replace(/\.json$/, '.html');
  expect((fs.statSync(htmlFile).mode & 0o777).toString(8)).toBe('600');
  const html = fs.readFileSync(htmlFile, 'utf8');
  expect(html).not.toMatch(/\d{4}-\d\d-\d\d/); // no ISO date anywhere
  expect(html).not.toContain('kull_id');
  const page = await app.context().newPage();
  await page.setContent(html);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Innsyn: dette er lagret om deg i Kullregister');
  const row = (label: string) => page.locator('tr').filter({ has: page.locator(`th:text-is("${label}")`) });
  await expect(row('Navn').first().locator('td')).toHaveText('Eva Berg');
  await expect(row('Kjønn').locator('td')).toHaveText('Kvinne');
  await expect(row('Ytelse').locator('td')).toHaveText('Kvalifiseringsstønad');
  await expect(row('Startdato').first().locator('td')).toHaveText('02.03.2026');
  await expect(row('Kull').first().locator('td')).toHaveText('Vår 2026');
  await expect(page.locator('.logg tbody tr').first()).toContainText(DATE_TIME);
  await page.screenshot({ path: `${SCREENS}/innsyn-html.png`, fullPage: true });
  await page.close();
});

test('deletion for good: the name must be typed, then the row and its change log are gone from the file', async ({
  app,
  session,
  dbPath,
}) => {
  const reg = openRegister(session);
  const { deltaker } = call(reg, 'deltaker:create', { navn: 'Per Olsen', merknad: 'Ba om å bli slettet' });
  call(reg, 'deltaker:update', { id: deltaker.id, changes: { landbakgrunn: 'Danmark' } });
  const keep = call(reg, 'deltaker:create', { navn: 'Mona Dahl' }).deltaker;
  await app.reload();
  await cell(app, deltaker.id, 'navn').click();
  await app.getByRole('button', { name: 'Historikk' }).click();
  await app.getByRole('button', { name: 'Slett for godt …' }).click();

  const dialog = app.getByRole('dialog', { name: 'Slette Per Olsen for godt?' });
  const confirm = dialog.getByRole('button', { name: 'Slett for godt' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').fill('Mona Dahl');
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').fill('per olsen');
  await app.screenshot({ path: `${SCREENS}/history-delete-dialog.png` });
  await confirm.click();

  // The panel shows nothing of the person any more: no name, no history (issue 16, item 13).
  const panel = app.getByRole('dialog', { name: 'Historikk: slettet deltaker' });
  await expect(panel).toContainText('Deltakeren er slettet for godt, med hele endringsloggen for raden.');
  await expect(panel).not.toContainText('Per Olsen');
  await expect(panel).not.toContainText('Danmark');
  await expect(panel).not.toContainText(`nr. ${deltaker.id}`);
  await expect(panel.locator('.history-group')).toHaveCount(0);
  await app.screenshot({ path: `${SCREENS}/history-after-delete.png` });
  expect(stored(dbPath, 'SELECT id FROM deltaker')).toEqual([{ id: keep.id }]);
  expect(
    stored(dbPath, "SELECT count(*) AS n FROM endringslogg WHERE tabell = 'deltaker' AND rad_id = ?", deltaker.id),
  ).toEqual([{ n: 0 }]);
  expect(fs.readFileSync(dbPath).includes('Ba om å bli slettet')).toBe(false);
  await app.getByRole('button', { name: 'Lukk', exact: true }).click();
  await expect(app.getByText('Viser 1 av 1 deltakere')).toBeVisible();
  await expect(cell(app, deltaker.id, 'navn')).toHaveCount(0);
});

test('a register in a cloud-synced folder opens for one user at a time, explained once', async ({
  app,
  session,
  appFolders,
}) => {
  const cloudPath = path.join(appFolders.dir, 'OneDrive - Bergen kommune', 'Tiltak', 'register.sqlite');
  fs.mkdirSync(path.dirname(cloudPath), { recursive: true });
  await session.open(cloudPath, { create: true });
  await app.reload();

  const notice = app.getByRole('dialog', { name: 'Én bruker om gangen' });
  await expect(notice).toContainText('synkroniseres med OneDrive');
  await expect(notice).toContainText('én bruker om gangen');
  await app.screenshot({ path: `${SCREENS}/banner-single-user.png` });
  await notice.getByRole('button', { name: 'Jeg forstår' }).click();
  await expect(notice).toBeHidden();

  await app.reload();
  await expect(app.getByRole('heading', { name: 'Deltakere', level: 1 })).toBeVisible();
  await expect(notice).toHaveCount(0);
  await openTab(app, 'Register og sikkerhet');
  await expect(app.locator('.register-card').first()).toContainText('Én bruker om gangen');
  await expect(app.locator('.register-card').first()).toContainText('I en mappe som synkroniseres med OneDrive');
  await app.screenshot({ path: `${SCREENS}/register-single-user.png`, fullPage: true });
});

/** One field's line in a history group: its label, the old value (null: a creation shows none) and the new. */
async function expectChange(group: Locator, label: string, from: string | null, to: string) {
  const line = group.locator('tr').filter({ has: group.page().locator('th', { hasText: new RegExp(`^${label}$`) }) });
  await expect(line).toHaveCount(1);
  if (from === null) await expect(line.locator('.history-old')).toHaveCount(0);
  else await expect(line.locator('.history-old')).toHaveText(from);
  await expect(line.locator('.history-new')).toHaveText(to);
}

test('screens for review: Register og sikkerhet with backups of every kind and a filled event log', async ({
  app,
  session,
  // The innsyn below is saved through the save dialog.
  dialogs: _dialogs,
}) => {
  await session.idle();
  // The backup taken when the test's register opened (empty) is restored: one before-restore copy more.
  const [daily] = call(openRegister(session), 'backup:list', {}).backups;
  call(openRegister(session), 'backup:restore', { name: daily?.name ?? '' });
  const reg = openRegister(session);
  call(reg, 'deltaker:create', { navn: 'Gunnhild Gammeldag', startdato: '2015-01-05', sluttdato: '2015-06-01' });
  const { deltaker } = call(reg, 'deltaker:create', { navn: 'Nina Nylig', startdato: '2026-01-05' });
  call(reg, 'privacy:exportPerson', { id: deltaker.id });
  call(reg, 'privacy:anonymise', { years: 5, expectedCount: 1 });

  await app.setViewportSize({ width: 1440, height: 1500 });
  await openTab(app, 'Register og sikkerhet');
  await expect(app.getByRole('table', { name: 'Sikkerhetskopier' }).locator('tbody tr')).toHaveCount(2);
  await expect(app.getByRole('table', { name: 'Hendelser' }).locator('tbody tr')).toHaveCount(3);
  await app.screenshot({ path: `${SCREENS}/register-overview.png` });
});
