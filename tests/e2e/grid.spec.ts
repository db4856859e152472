/**
 * The grids as a leder uses them: typing by keyboard, refused cells that keep what was typed, and
 * every check made against the SQLite file itself, not only the screen.
 */

import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { call } from '../../electron/api/handlers';
import { expect, test } from './fixtures';
import { showColumn } from './grid-columns';

/** Reads one row straight from the file, through a connection of its own. */
function stored(dbPath: string, sql: string, ...params: unknown[]): Record<string, unknown> | undefined {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params) as Record<string, unknown> | undefined;
  } finally {
    db.close();
  }
}

const cell = (page: Page, rowId: number | string, colId: string) =>
  page.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);
const editor = (page: Page) => page.locator('.field-editor-input');

async function openTab(page: Page, name: 'Deltakere' | 'Kull') {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('a kull is created from the form above the grid and gets its planned end from the kull length', async ({
  app,
  dbPath,
}) => {
  await openTab(app, 'Kull');
  await expect(app.getByText('Ingen kull ennå. Trykk «Nytt kull» eller Ctrl+Enter.')).toBeVisible();

  await app.keyboard.press('Control+Enter');
  await expect(app.getByRole('form', { name: 'Nytt kull' })).toBeVisible();
  await app.keyboard.type('Vår 2026');
  await app.keyboard.press('Tab');
  await app.keyboard.type('1.3.26');
  await app.keyboard.press('Enter');

  await expect(app.getByRole('form', { name: 'Nytt kull' })).toBeHidden();
  const row = stored(dbPath, 'SELECT * FROM kull WHERE navn = ?', 'Vår 2026');
  expect(row).toMatchObject({ startdato: '2026-03-01', planlagt_sluttdato: '2026-06-01' });
  await expect(cell(app, row!.id as number, 'navn')).toHaveText('Vår 2026');
  await expect(cell(app, row!.id as number, 'planlagt_sluttdato')).toHaveText('01.06.2026');
  await expect(cell(app, row!.id as number, 'antall_deltakere')).toHaveText('0');
});

test('the new-kull form refuses a bad start date in Norwegian and creates nothing', async ({ app, dbPath }) => {
  await openTab(app, 'Kull');
  await app.getByRole('button', { name: 'Nytt kull' }).click();
  await app.keyboard.type('Høst 2026');
  await app.keyboard.press('Tab');
  await app.keyboard.type('31.02.2026');
  await app.keyboard.press('Enter');
  await expect(app.getByText('«31.02.2026» finnes ikke: februar 2026 har 28 dager.')).toBeVisible();
  expect(stored(dbPath, 'SELECT count(*) AS n FROM kull')).toEqual({ n: 0 });
  await app.keyboard.press('Escape');
  await expect(app.getByRole('form', { name: 'Nytt kull' })).toBeHidden();
});

test('deltakere are typed in by keyboard, saved field by field, and a refused date keeps the typed text', async ({
  app,
  register,
  dbPath,
}) => {
  const kull = call(register, 'kull:create', { navn: 'Vår 2026', startdato: '2026-03-01' });
  await app.reload();
  await expect(app.getByText('Ingen deltakere ennå. Trykk «Ny deltaker» eller Ctrl+Enter.')).toBeVisible();

  // Ctrl+Enter adds a row with the cursor in its Navn cell; Tab goes from cell to cell.
  await app.keyboard.press('Control+Enter');
  await expect(editor(app)).toBeFocused();
  await app.keyboard.type('Kari Nordmann');
  await app.keyboard.press('Tab');
  const typed: [string, string][] = [
    ['kull_id', 'vår 2026'],
    ['fodselsar', '1990'],
    ['kjonn', 'k'],
    ['landbakgrunn', 'Somalia'],
    ['henvist_fra', 'NAV Årstad'],
    ['ytelse', 'kvp'],
    ['henvist_dato', '15.2.26'],
    ['startdato', '1.3.26'],
    ['brukersted', 'Kafé Mat & prat Engen'],
    ['veileder', 'Line Berg'],
    ['forlenget_til', ''],
    ['sluttdato', '2026-06-01'],
    ['avslutning', 'planmessig avsluttet'],
    ['sluttarsak', 'arbeid fulltid'],
  ];
  for (const [colId, text] of typed) {
    await expect(app.locator(`.ag-cell[col-id="${colId}"] .field-editor-input`)).toBeFocused();
    await app.keyboard.type(text);
    await app.keyboard.press('Tab');
  }
  await app.keyboard.press('Escape');

  const saved = () => stored(dbPath, 'SELECT * FROM deltaker WHERE navn = ?', 'Kari Nordmann');
  await expect.poll(() => saved()?.sluttarsak).toBe('A');
  const id = saved()!.id as number;
  expect(saved()).toMatchObject({
    kull_id: kull.id,
    fodselsar: 1990,
    kjonn: 'K',
    landbakgrunn: 'Somalia',
    henvist_fra: 'NAV Årstad',
    ytelse: 'KVP',
    henvist_dato: '2026-02-15',
    startdato: '2026-03-01',
    brukersted: 'Kafé Mat & prat Engen',
    veileder: 'Line Berg',
    sluttdato: '2026-06-01',
    avslutning: 'PLAN',
  });
  await expect(cell(app, id, 'sluttarsak')).toHaveText('Arbeid fulltid');
  await showColumn(app, 'status');
  await expect(cell(app, id, 'status')).toHaveText('Planmessig avsluttet');
  // New values of the open lists join the list (the last notice is the one on screen).
  await expect(app.getByText('«Line Berg» lagt til i listen Veileder.')).toBeVisible();
  await expect
    .poll(() => stored(dbPath, "SELECT verdi FROM kodeverdi WHERE liste = 'brukersted'"))
    .toEqual({ verdi: 'Kafé Mat & prat Engen' });

  // A date that does not exist: refused in Norwegian next to the cell, the typed text stays in the
  // cell (red) while the cursor moves on, as a refused paste leaves it; nothing reached the file.
  const henvist = cell(app, id, 'henvist_dato');
  await showColumn(app, 'henvist_dato');
  await henvist.click();
  await app.keyboard.type('31.02.2026');
  await app.keyboard.press('Enter');
  const message = '«31.02.2026» finnes ikke: februar 2026 har 28 dager.';
  await expect(app.locator('.cell-bubble')).toHaveText(message);
  await expect(app.locator('.statusbar')).toContainText(message);
  await expect(editor(app)).toHaveCount(0);
  await expect(henvist).toHaveText('31.02.2026');
  await expect(henvist).toHaveClass(/cell-rejected/);
  expect(saved()?.henvist_dato).toBe('2026-02-15');

  // Fixing it saves it: Enter opens the red text as typed.
  await henvist.click();
  await app.keyboard.press('Enter');
  await expect(editor(app)).toHaveValue('31.02.2026');
  await app.keyboard.press('Control+A');
  await app.keyboard.type('14.02.2026');
  await app.keyboard.press('Enter');
  await expect(app.locator('.cell-bubble')).toHaveCount(0);
  await expect(cell(app, id, 'henvist_dato')).toHaveText('14.02.2026');
  await expect.poll(() => saved()?.henvist_dato).toBe('2026-02-14');

  // Everything accepted is still there after a reload.
  await app.reload();
  const shown: [string, string][] = [
    ['navn', 'Kari Nordmann'],
    ['kull_id', 'Vår 2026'],
    ['fodselsar', '1990'],
    ['kjonn', 'Kvinne'],
    ['landbakgrunn', 'Somalia'],
    ['henvist_fra', 'NAV Årstad'],
    ['ytelse', 'Kvalifiseringsstønad'],
    ['henvist_dato', '14.02.2026'],
    ['startdato', '01.03.2026'],
    ['brukersted', 'Kafé Mat & prat Engen'],
    ['veileder', 'Line Berg'],
    ['sluttdato', '01.06.2026'],
    ['avslutning', 'Planmessig avsluttet'],
    ['sluttarsak', 'Arbeid fulltid'],
  ];
  for (const [colId, text] of shown) {
    await showColumn(app, colId);
    await expect(cell(app, id, colId)).toHaveText(text);
  }
  await expect(app.getByText('Viser 1 av 1 deltakere')).toBeVisible();
});

test('Esc gives up a refused edit and the stored value shows again', async ({ app, register, dbPath }) => {
  const { deltaker } = call(register, 'deltaker:create', { navn: 'Ola Hansen', fodselsar: 1985 });
  await app.reload();
  await cell(app, deltaker.id, 'fodselsar').dblclick();
  await app.keyboard.press('Control+A');
  await app.keyboard.type('1850');
  await app.keyboard.press('Enter');
  await expect(app.locator('.cell-bubble')).toContainText('Fødselsår må være mellom 1900 og');
  await app.keyboard.press('Escape');
  await expect(editor(app)).toHaveCount(0);
  await expect(cell(app, deltaker.id, 'fodselsar')).toHaveText('1985');
  expect(stored(dbPath, 'SELECT fodselsar FROM deltaker WHERE id = ?', deltaker.id)).toEqual({ fodselsar: 1985 });
});

test('an edit the store refuses keeps the typed text in the cell with the store’s reason', async ({
  app,
  register,
}) => {
  const { deltaker } = call(register, 'deltaker:create', { navn: 'Sara Karimi' });
  await app.reload();
  await expect(cell(app, deltaker.id, 'navn')).toHaveText('Sara Karimi');
  // Someone else removed the row after the grid was loaded.
  call(register, 'deltaker:delete', { ids: [deltaker.id] });

  await cell(app, deltaker.id, 'landbakgrunn').click();
  await app.keyboard.type('Eritrea');
  await app.keyboard.press('Enter');
  const landbakgrunn = cell(app, deltaker.id, 'landbakgrunn');
  await expect(landbakgrunn).toHaveText('Eritrea');
  await expect(landbakgrunn).toHaveClass(/cell-rejected/);
  await expect(app.locator('.cell-bubble')).toHaveText('Deltakeren finnes ikke lenger. Last listen på nytt.');
  await expect(app.getByRole('status').filter({ hasText: 'finnes ikke lenger' })).toBeVisible();

  // Editing it again starts from what was typed; Esc on the cell gives it up.
  await landbakgrunn.click();
  await app.keyboard.press('Escape');
  await expect(landbakgrunn).toHaveText('');
  await expect(landbakgrunn).not.toHaveClass(/cell-rejected/);
  await expect(app.locator('.cell-bubble')).toHaveCount(0);
});

test('a row that breaks a row rule carries a ⚠ with the rule’s text, also shown when the row is focused', async ({
  app,
  register,
}) => {
  const { deltaker: ok } = call(register, 'deltaker:create', { navn: 'Jonas Nilsen', startdato: '2026-03-01' });
  const { deltaker: flagged } = call(register, 'deltaker:create', {
    navn: 'Amina Yusuf',
    startdato: '2026-03-01',
    sluttdato: '2026-05-15',
  });
  await app.reload();

  const marker = cell(app, flagged.id, 'varsel').locator('.row-warning');
  await expect(marker).toBeVisible();
  await expect(marker).toHaveAttribute('title', /Sluttdato er satt, men avslutning mangler/);
  await expect(cell(app, ok.id, 'varsel').locator('.row-warning')).toHaveCount(0);

  await cell(app, flagged.id, 'navn').click();
  await expect(app.locator('.row-warnings')).toContainText('Amina Yusuf:');
  await expect(app.locator('.row-warnings')).toContainText('Sluttdato er satt, men avslutning mangler.');

  // Choosing the avslutning fixes the row, and the marker goes away.
  await showColumn(app, 'avslutning');
  await cell(app, flagged.id, 'avslutning').click();
  await app.keyboard.type('drop-out');
  await app.keyboard.press('Enter');
  await showColumn(app, 'status');
  await expect(cell(app, flagged.id, 'status')).toHaveText('Drop-out');
  await expect(marker).toHaveCount(0);
});

test('a kull that has deltakere cannot be deleted: refused before asking, saying why (issue 16, item 13)', async ({
  app,
  register,
  dbPath,
}) => {
  const kull = call(register, 'kull:create', { navn: 'Kull 13', startdato: '2026-01-05' });
  call(register, 'deltaker:create', { navn: 'Hassan Osman', kull_id: kull.id });
  await app.reload();
  await openTab(app, 'Kull');
  await expect(cell(app, kull.id, 'antall_deltakere')).toHaveText('1');

  await cell(app, kull.id, 'navn').click();
  await app.getByRole('button', { name: 'Slett kull' }).click();
  await expect(app.getByRole('alert')).toContainText(
    '«Kull 13» har 1 deltaker og kan ikke slettes. Flytt deltakerne til et annet kull',
  );
  await expect(app.getByRole('dialog', { name: 'Slette kull?' })).toHaveCount(0);
  await app.screenshot({ path: 'test-results/screens/kull-slett-nektet.png' });
  expect(stored(dbPath, 'SELECT navn FROM kull WHERE id = ?', kull.id)).toEqual({ navn: 'Kull 13' });
  await expect(cell(app, kull.id, 'navn')).toHaveText('Kull 13');
});

test('an empty kull is deleted after confirming; Esc in the dialog keeps it', async ({ app, register, dbPath }) => {
  const kull = call(register, 'kull:create', { navn: 'Tomt kull', startdato: '2026-01-05' });
  await app.reload();
  await openTab(app, 'Kull');
  await cell(app, kull.id, 'navn').click();
  await app.getByRole('button', { name: 'Slett kull' }).click();
  await expect(app.getByRole('dialog')).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.getByRole('dialog')).toBeHidden();
  expect(stored(dbPath, 'SELECT count(*) AS n FROM kull')).toEqual({ n: 1 });

  await cell(app, kull.id, 'navn').click();
  await app.getByRole('button', { name: 'Slett kull' }).click();
  await app.getByRole('dialog').getByRole('button', { name: 'Slett kull' }).click();
  await expect(cell(app, kull.id, 'navn')).toHaveCount(0);
  expect(stored(dbPath, 'SELECT count(*) AS n FROM kull')).toEqual({ n: 0 });
});

test('a kull name that is taken is refused in the grid before it reaches the store', async ({
  app,
  register,
  dbPath,
}) => {
  call(register, 'kull:create', { navn: 'Kull 1', startdato: '2026-01-05' });
  const second = call(register, 'kull:create', { navn: 'Kull 2', startdato: '2026-04-06' });
  await app.reload();
  await openTab(app, 'Kull');
  await cell(app, second.id, 'navn').click();
  await app.keyboard.press('Enter');
  await app.keyboard.press('Control+A');
  await app.keyboard.type('kull 1');
  await app.keyboard.press('Enter');
  await expect(app.locator('.cell-bubble')).toHaveText(
    'Det finnes allerede et kull som heter «kull 1». Velg et annet navn.',
  );
  await app.keyboard.press('Escape');
  await expect(cell(app, second.id, 'navn')).toHaveText('Kull 2');
  expect(stored(dbPath, 'SELECT navn FROM kull WHERE id = ?', second.id)).toEqual({ navn: 'Kull 2' });
});

test('deltakere are deleted after an in-app confirmation; Esc cancels', async ({ app, register, dbPath }) => {
  const a = call(register, 'deltaker:create', { navn: 'Per Olsen' }).deltaker;
  const b = call(register, 'deltaker:create', { navn: 'Eva Berg' }).deltaker;
  await app.reload();
  await cell(app, a.id, 'navn').click();
  await app.getByRole('button', { name: 'Slett', exact: true }).click();
  await expect(app.getByRole('dialog', { name: 'Slette deltaker?' })).toContainText('Per Olsen');
  await app.keyboard.press('Escape');
  await expect(app.getByRole('dialog')).toBeHidden();
  expect(stored(dbPath, 'SELECT count(*) AS n FROM deltaker')).toEqual({ n: 2 });

  await cell(app, a.id, 'ag-Grid-SelectionColumn').locator('input').check();
  await cell(app, b.id, 'ag-Grid-SelectionColumn').locator('input').check();
  await app.getByRole('button', { name: 'Slett', exact: true }).click();
  await app
    .getByRole('dialog', { name: 'Slette 2 deltakere?' })
    .getByRole('button', { name: 'Slett 2 deltakere' })
    .click();
  await expect(app.getByText('2 deltakere er slettet.')).toBeVisible();
  expect(stored(dbPath, 'SELECT count(*) AS n FROM deltaker')).toEqual({ n: 0 });
  await expect(app.getByText('Viser 0 av 0 deltakere')).toBeVisible();
});

test('the kull selector shows one kull or those without kull, and a new row goes into the chosen kull', async ({
  app,
  register,
  dbPath,
}) => {
  const host = call(register, 'kull:create', { navn: 'Høst 2025', startdato: '2025-09-01' });
  const var26 = call(register, 'kull:create', { navn: 'Vår 2026', startdato: '2026-03-01' });
  call(register, 'deltaker:create', { navn: 'Liv Hauge', kull_id: host.id });
  call(register, 'deltaker:create', { navn: 'Ali Rahimi', kull_id: var26.id });
  call(register, 'deltaker:create', { navn: 'Mona Dahl' });
  await app.reload();
  await expect(app.getByText('Viser 3 av 3 deltakere')).toBeVisible();

  const selector = app.getByRole('combobox', { name: 'Kull' });
  await selector.selectOption({ label: 'Uten kull' });
  await expect(app.getByText('Viser 1 av 3 deltakere')).toBeVisible();
  await expect(app.locator('.ag-cell[col-id="navn"]')).toHaveText(['Mona Dahl']);

  await selector.selectOption({ label: 'Vår 2026' });
  await expect(app.getByText('Viser 1 av 3 deltakere')).toBeVisible();
  await app.getByRole('button', { name: 'Ny deltaker' }).click();
  await app.keyboard.type('Nora Lie');
  await app.keyboard.press('Enter');
  await expect
    .poll(() => stored(dbPath, 'SELECT kull_id FROM deltaker WHERE navn = ?', 'Nora Lie'))
    .toEqual({ kull_id: var26.id });
  await expect(app.getByText('Viser 2 av 4 deltakere')).toBeVisible();
});

test('a new row left without a name disappears on Esc and stores nothing', async ({ app, dbPath }) => {
  await expect(app.getByText('Ingen deltakere ennå.')).toBeVisible();
  await app.getByRole('button', { name: 'Ny deltaker' }).click();
  await expect(editor(app)).toBeFocused();
  await expect(app.getByText('Viser 1 av 1 deltakere')).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.locator('.cell-bubble')).toHaveText('Navn kan ikke være tomt.');
  await app.keyboard.press('Escape');
  await expect(app.getByText('Viser 0 av 0 deltakere')).toBeVisible();
  expect(stored(dbPath, 'SELECT count(*) AS n FROM deltaker')).toEqual({ n: 0 });
});

test('a refused text survives switching screens and is still there to fix', async ({ app, register, dbPath }) => {
  const { deltaker } = call(register, 'deltaker:create', { navn: 'Eva Berg', startdato: '2026-03-02' });
  await app.reload();
  await cell(app, deltaker.id, 'startdato').click();
  await app.keyboard.type('2.13.2026');
  await app.keyboard.press('Enter');
  await expect(app.locator('.cell-bubble')).toContainText('«2.13.2026» finnes ikke: måneden må være 1–12.');

  await openTab(app, 'Kull');
  await openTab(app, 'Deltakere');
  const startdato = cell(app, deltaker.id, 'startdato');
  await expect(startdato).toHaveText('2.13.2026');
  await expect(startdato).toHaveClass(/cell-rejected/);
  await expect(app.locator('.cell-bubble')).toContainText('«2.13.2026» finnes ikke: måneden må være 1–12.');
  expect(stored(dbPath, 'SELECT startdato FROM deltaker WHERE id = ?', deltaker.id)).toEqual({
    startdato: '2026-03-02',
  });

  await startdato.dblclick();
  await expect(editor(app)).toHaveValue('2.13.2026');
  await app.keyboard.press('Control+A');
  await app.keyboard.type('2.3.2026');
  await app.keyboard.press('Enter');
  await expect(startdato).toHaveText('02.03.2026');
  await expect(startdato).not.toHaveClass(/cell-rejected/);
});

test('a code cell offers its labels while typing and takes the highlighted one', async ({ app, register, dbPath }) => {
  const { deltaker } = call(register, 'deltaker:create', { navn: 'Ali Rahimi' });
  await app.reload();
  await cell(app, deltaker.id, 'ytelse').click();
  await app.keyboard.type('sos');
  await expect(app.getByRole('listbox').getByRole('option')).toHaveText(['Økonomisk sosialhjelpOKS']);
  await app.keyboard.press('Enter');
  await expect(cell(app, deltaker.id, 'ytelse')).toHaveText('Økonomisk sosialhjelp');
  await expect
    .poll(() => stored(dbPath, 'SELECT ytelse FROM deltaker WHERE id = ?', deltaker.id))
    .toEqual({ ytelse: 'OKS' });

  // A value outside the fixed list is refused with the choices spelled out.
  await cell(app, deltaker.id, 'kjonn').click();
  await app.keyboard.type('q');
  await app.keyboard.press('Enter');
  await expect(app.locator('.cell-bubble')).toHaveText(
    '«q» er ikke en gyldig verdi for kjønn. Velg en av: K (Kvinne), M (Mann), A (Annet/ukjent).',
  );
  await app.keyboard.press('Escape');

  // The mouse works too: open with Enter, click a choice.
  await showColumn(app, 'ansatt_hos_brukersted');
  await cell(app, deltaker.id, 'ansatt_hos_brukersted').click();
  await app.keyboard.press('Enter');
  await app.getByRole('listbox').getByRole('option', { name: 'Ja' }).click();
  await expect(cell(app, deltaker.id, 'ansatt_hos_brukersted')).toHaveText('Ja');
  await expect
    .poll(() => stored(dbPath, 'SELECT ansatt_hos_brukersted AS a FROM deltaker WHERE id = ?', deltaker.id))
    .toEqual({ a: 1 });
});

test('two new rows typed one after the other are both stored, in the order typed', async ({ app, dbPath }) => {
  await expect(app.getByText('Ingen deltakere ennå.')).toBeVisible();
  await app.keyboard.press('Control+Enter');
  await app.keyboard.type('Første Person');
  await app.keyboard.press('Enter');
  await app.keyboard.press('Control+Enter');
  await app.keyboard.type('Andre Person');
  await app.keyboard.press('Tab');
  await app.keyboard.press('Tab');
  await app.keyboard.type('1980');
  await app.keyboard.press('Enter');

  await expect
    .poll(() => stored(dbPath, 'SELECT fodselsar FROM deltaker WHERE navn = ?', 'Andre Person'))
    .toEqual({ fodselsar: 1980 });
  // Enter on the last row put the cursor in an empty row below, as in Excel (not a deltaker until named).
  const navnAt = (index: number) => app.locator(`.ag-row[row-index="${index}"] .ag-cell[col-id="navn"]`);
  await expect(navnAt(0)).toHaveText('Første Person');
  await expect(navnAt(1)).toHaveText('Andre Person');
  await expect(navnAt(2)).toHaveText('');
  const first = stored(dbPath, 'SELECT id FROM deltaker WHERE navn = ?', 'Første Person')!.id;
  const second = stored(dbPath, 'SELECT id FROM deltaker WHERE navn = ?', 'Andre Person')!.id;
  await expect(cell(app, first as number, 'navn')).toHaveText('Første Person');
  await expect(cell(app, second as number, 'fodselsar')).toHaveText('1980');
  expect(stored(dbPath, 'SELECT count(*) AS n FROM deltaker')).toEqual({ n: 2 });
});
