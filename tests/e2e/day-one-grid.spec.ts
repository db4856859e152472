/**
 * What a leder meets on day one in the grids (issue 16): nothing typed is lost when a screen is
 * left with a cell editor open, whichever way it is left. Every check reads the SQLite file.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { call } from '../../electron/api/handlers';
import { openRegister } from '../../electron/store/open';
import { updateSettings } from '../../electron/store/settings';
import { type DialogAnswers, installAppHost, sendMenu, setHost, withMenu } from './app-host';
import { E2E_USER, expect, test } from './fixtures';
import { showColumn } from './grid-columns';

/** With the app channels (the start screen's «Åpne et register …»), answered by the test. */
const hosted = test.extend<{ answers: DialogAnswers }>({
  answers: async ({ session, appFolders }, use) => {
    await use(installAppHost(session, appFolders).answers);
    setHost(null);
  },
});

/** A second register, B, made beside the test's own (A). */
function makeRegister(file: string, tiltak: string): void {
  const reg = openRegister(file, { create: true, user: E2E_USER });
  updateSettings(reg, { tiltak });
  reg.close();
}

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

async function typeInto(page: Page, rowId: number, colId: string, text: string) {
  await showColumn(page, colId);
  await cell(page, rowId, colId).dblclick();
  await expect(editor(page)).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

test.describe('leaving a screen with an editor open keeps what was typed', () => {
  test('Deltakere → the Rapport tab saves the open Landbakgrunn cell', async ({ app, register, dbPath }) => {
    const { deltaker } = call(register, 'deltaker:create', { navn: 'Kari Nordmann' });
    await app.reload();
    await typeInto(app, deltaker.id, 'landbakgrunn', 'Somalia');
    await app.getByRole('tab', { name: 'Rapport', exact: true }).click();
    await expect(app.getByRole('heading', { name: 'Rapport', level: 1, exact: true })).toBeVisible();
    await expect
      .poll(() => stored(dbPath, 'SELECT landbakgrunn FROM deltaker WHERE id = ?', deltaker.id))
      .toEqual({
        landbakgrunn: 'Somalia',
      });
    await app.getByRole('tab', { name: 'Deltakere', exact: true }).click();
    await expect(cell(app, deltaker.id, 'landbakgrunn')).toHaveText('Somalia');
    await app.screenshot({ path: 'test-results/screens/day-one-leave-deltakere.png' });
  });

  test('Kull → Merknad is saved when the menu shows another screen, and on Ctrl+P', async ({
    app,
    register,
    dbPath,
  }) => {
    const kull = call(register, 'kull:create', { navn: 'Vår 2026', startdato: '2026-03-01' });
    await withMenu(app);
    await app.getByRole('tab', { name: 'Kull', exact: true }).click();
    await typeInto(app, kull.id, 'merknad', 'Oppstart i kantina');
    await sendMenu(app, 'vis-deltakere');
    await expect(app.getByRole('heading', { name: 'Deltakere', level: 1, exact: true })).toBeVisible();
    await expect
      .poll(() => stored(dbPath, 'SELECT merknad FROM kull WHERE id = ?', kull.id))
      .toEqual({ merknad: 'Oppstart i kantina' });

    await app.getByRole('tab', { name: 'Kull', exact: true }).click();
    await typeInto(app, kull.id, 'merknad', 'Flyttet til rom 2');
    await sendMenu(app, 'skriv-ut');
    await expect(app.getByRole('heading', { name: 'Rapport', level: 1, exact: true })).toBeVisible();
    await expect
      .poll(() => stored(dbPath, 'SELECT merknad FROM kull WHERE id = ?', kull.id))
      .toEqual({ merknad: 'Flyttet til rom 2' });
  });

  test('a refused text survives leaving the screen, red, and is not stored', async ({ app, register, dbPath }) => {
    const { deltaker } = call(register, 'deltaker:create', { navn: 'Ola Nordmann' });
    await app.reload();
    await typeInto(app, deltaker.id, 'sluttdato', '31.02.2025');
    await app.getByRole('tab', { name: 'Kull', exact: true }).click();
    await app.getByRole('tab', { name: 'Deltakere', exact: true }).click();
    await expect(cell(app, deltaker.id, 'navn')).toHaveText('Ola Nordmann');
    await showColumn(app, 'sluttdato');
    await expect(cell(app, deltaker.id, 'sluttdato')).toHaveText('31.02.2025');
    await expect(cell(app, deltaker.id, 'sluttdato')).toHaveClass(/cell-rejected/);
    expect(stored(dbPath, 'SELECT sluttdato FROM deltaker WHERE id = ?', deltaker.id)).toEqual({ sluttdato: null });
  });

  test('closing the window saves the open cell', async ({ app, register, dbPath }) => {
    const { deltaker } = call(register, 'deltaker:create', { navn: 'Per Hansen' });
    await app.reload();
    await typeInto(app, deltaker.id, 'veileder', 'Anne Berg');
    await app.close({ runBeforeUnload: true });
    await expect
      .poll(() => stored(dbPath, 'SELECT veileder FROM deltaker WHERE id = ?', deltaker.id))
      .toEqual({ veileder: 'Anne Berg' });
  });
});

hosted(
  'opening another register first saves the open cell into the register it was typed in',
  async ({ app, register, dbPath, answers, appFolders }) => {
    const { deltaker } = call(register, 'deltaker:create', { navn: 'Kari Nordmann' });
    const other = path.join(appFolders.dir, 'b.sqlite');
    makeRegister(other, 'Register B');
    call(register, 'settings:update', { tiltak: 'Register A' });
    await withMenu(app);
    await typeInto(app, deltaker.id, 'landbakgrunn', 'Eritrea');
    await sendMenu(app, 'nytt-register');
    await expect(app.getByRole('button', { name: 'Åpne et register …' })).toBeVisible();
    await expect
      .poll(() => stored(dbPath, 'SELECT landbakgrunn FROM deltaker WHERE id = ?', deltaker.id))
      .toEqual({ landbakgrunn: 'Eritrea' });
    answers.open = other;
    await app.getByRole('button', { name: 'Åpne et register …' }).click();
    await expect(app.locator('.brand-tiltak')).toHaveText('Register B');
    expect(stored(other, 'SELECT count(*) AS n FROM deltaker')).toEqual({ n: 0 });
  },
);

test('leaving Deltakere right after a new-row edit throws nothing and keeps the new deltaker', async ({
  app,
  dbPath,
}) => {
  const errors: string[] = [];
  app.on('pageerror', (error) => errors.push(error.message));
  await expect(app.getByText('Ingen deltakere ennå.', { exact: false })).toBeVisible();
  await app.keyboard.press('Control+Enter');
  await expect(editor(app)).toBeFocused();
  await app.keyboard.type('Nina Ny');
  await app.keyboard.press('Tab');
  // Within the 300 ms the new row waits before it takes its stored id (drafts.ts).
  await app.getByRole('tab', { name: 'Kull', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Kull', level: 1, exact: true })).toBeVisible();
  await app.waitForTimeout(600);
  expect(errors).toEqual([]);
  await expect.poll(() => stored(dbPath, 'SELECT navn FROM deltaker')).toEqual({ navn: 'Nina Ny' });
  await app.getByRole('tab', { name: 'Deltakere', exact: true }).click();
  await expect(app.locator('.ag-row .ag-cell[col-id="navn"]', { hasText: 'Nina Ny' })).toHaveCount(1);
});

hosted(
  'a refused cell left in register A is nowhere in register B, opened from the start screen',
  async ({ app, register, answers, appFolders }) => {
    const { deltaker } = call(register, 'deltaker:create', { navn: 'Kari i A' });
    const other = path.join(appFolders.dir, 'b.sqlite');
    makeRegister(other, 'Register B');
    const b = openRegister(other, { user: E2E_USER });
    const inB = call(b, 'deltaker:create', { navn: 'Per i B' }).deltaker;
    b.close();
    // The same row id in both files: a red cell kept by row id would show up in B.
    expect(inB.id).toBe(deltaker.id);

    await withMenu(app);
    await typeInto(app, deltaker.id, 'sluttdato', '31.02.2025');
    await app.keyboard.press('Enter');
    await expect(cell(app, deltaker.id, 'sluttdato')).toHaveClass(/cell-rejected/);
    await expect(app.locator('.status-refused')).toHaveText(/1 rød celle/);

    await sendMenu(app, 'nytt-register');
    answers.open = other;
    await app.getByRole('button', { name: 'Åpne et register …' }).click();
    await expect(app.locator('.brand-tiltak')).toHaveText('Register B');
    await expect(cell(app, inB.id, 'navn')).toHaveText('Per i B');
    await showColumn(app, 'sluttdato');
    await expect(cell(app, inB.id, 'sluttdato')).toHaveText('');
    await expect(cell(app, inB.id, 'sluttdato')).not.toHaveClass(/cell-rejected/);
    await expect(app.locator('.status-refused')).toHaveCount(0);
    await expect(app.locator('.cell-rejected')).toHaveCount(0);
    await app.getByRole('tab', { name: 'Kull', exact: true }).click();
    await expect(app.locator('.cell-rejected')).toHaveCount(0);
    await app.getByRole('tab', { name: 'Deltakere', exact: true }).click();
    await app.screenshot({ path: 'test-results/screens/day-one-register-b.png' });
    expect(stored(other, 'SELECT sluttdato FROM deltaker WHERE id = ?', inB.id)).toEqual({ sluttdato: null });
  },
);

test.describe('Enter, ↓ and the right-click menu as in Excel', () => {
  const focusedCell = (page: Page) => page.locator('.ag-cell-focus');

  test('Enter after a Tab run goes to the next row where the run started; Enter and ↓ on the last row add one', async ({
    app,
    register,
    dbPath,
  }) => {
    const a = call(register, 'deltaker:create', { navn: 'Anne A' }).deltaker;
    const b = call(register, 'deltaker:create', { navn: 'Bjørn B' }).deltaker;
    await app.reload();
    await typeInto(app, a.id, 'fodselsar', '1980');
    await app.keyboard.press('Tab');
    await app.keyboard.press('Tab');
    await app.keyboard.type('Norge');
    await app.keyboard.press('Enter');
    // Back to Fødselsår, one row down — not Landbakgrunn.
    await expect(focusedCell(app)).toHaveAttribute('col-id', 'fodselsar');
    await expect(app.locator(`.ag-row[row-id="${b.id}"] .ag-cell-focus`)).toHaveCount(1);
    await app.keyboard.type('1985');
    await app.keyboard.press('Enter');
    await expect
      .poll(() => stored(dbPath, 'SELECT fodselsar, landbakgrunn FROM deltaker WHERE id = ?', a.id))
      .toEqual({ fodselsar: 1980, landbakgrunn: 'Norge' });
    await expect
      .poll(() => stored(dbPath, 'SELECT fodselsar FROM deltaker WHERE id = ?', b.id))
      .toEqual({ fodselsar: 1985 });

    // Enter on the last row added a row, the cursor in the same column (not editing, as in Excel).
    const navnCells = app.locator('.ag-cell[col-id="navn"]');
    await expect(navnCells).toHaveCount(3);
    await expect(editor(app)).toHaveCount(0);
    await expect(focusedCell(app)).toHaveAttribute('col-id', 'fodselsar');
    for (let i = 0; i < 3; i += 1) await app.keyboard.press('ArrowLeft');
    await expect(focusedCell(app)).toHaveAttribute('col-id', 'navn');
    await app.keyboard.type('Cecilie C');
    await app.keyboard.press('Enter');
    await expect.poll(() => stored(dbPath, 'SELECT count(*) AS n FROM deltaker')).toEqual({ n: 3 });
    await expect(navnCells).toHaveCount(4);
    await app.screenshot({ path: 'test-results/screens/day-one-enter-new-row.png' });

    // Left empty, the new row goes away again; ↓ on the last row adds one too.
    await app.keyboard.press('ArrowUp');
    await expect(navnCells).toHaveCount(3);
    await app.keyboard.press('ArrowDown');
    await expect(navnCells).toHaveCount(4);
    await expect(focusedCell(app)).toHaveAttribute('col-id', 'navn');
    await app.keyboard.press('ArrowUp');
    await expect(navnCells).toHaveCount(3);
    expect(stored(dbPath, 'SELECT count(*) AS n FROM deltaker')).toEqual({ n: 3 });
  });

  test('the right-click menu fills down, undoes and pastes, in Norwegian', async ({ app, register, dbPath }) => {
    const a = call(register, 'deltaker:create', { navn: 'Anne A', landbakgrunn: 'Norge' }).deltaker;
    const b = call(register, 'deltaker:create', { navn: 'Bjørn B' }).deltaker;
    await app.reload();
    await cell(app, a.id, 'landbakgrunn').click();
    await cell(app, b.id, 'landbakgrunn').click({ modifiers: ['Shift'] });
    await cell(app, b.id, 'landbakgrunn').click({ button: 'right' });
    const menu = app.getByRole('menu', { name: 'Handlinger for cellene' });
    await expect(menu).toBeVisible();
    for (const item of ['Klipp ut', 'Kopier', 'Lim inn', 'Lim inn som nye rader', 'Fyll ned', 'Angre', 'Ny deltaker']) {
      await expect(menu.getByRole('menuitem', { name: item, exact: false }).first()).toBeVisible();
    }
    await app.screenshot({ path: 'test-results/screens/day-one-context-menu.png' });
    await menu.getByRole('menuitem', { name: /^Fyll ned/ }).click();
    await expect(menu).toBeHidden();
    await expect
      .poll(() => stored(dbPath, 'SELECT landbakgrunn FROM deltaker WHERE id = ?', b.id))
      .toEqual({ landbakgrunn: 'Norge' });

    await cell(app, b.id, 'landbakgrunn').click({ button: 'right' });
    await menu.getByRole('menuitem', { name: /^Angre/ }).click();
    await expect
      .poll(() => stored(dbPath, 'SELECT landbakgrunn FROM deltaker WHERE id = ?', b.id))
      .toEqual({ landbakgrunn: null });

    // The page may not read the clipboard (as in Electron, which grants no permission): it says which key does.
    await cell(app, b.id, 'landbakgrunn').click({ button: 'right' });
    await menu
      .getByRole('menuitem', { name: /^Lim inn/ })
      .first()
      .click();
    await expect(app.getByRole('status')).toContainText('Trykk Ctrl+V for å lime inn');
    // Esc closes the menu and leaves the cells as they were.
    await cell(app, b.id, 'landbakgrunn').click({ button: 'right' });
    await expect(menu).toBeVisible();
    await app.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    expect(stored(dbPath, 'SELECT landbakgrunn FROM deltaker WHERE id = ?', b.id)).toEqual({ landbakgrunn: null });
  });
});

/** Puts text on the browser's real clipboard, as Excel's copy would (as paste.spec.ts does). */
async function putOnClipboard(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => {
    const source = document.createElement('div');
    source.id = 'test-clipboard-source';
    source.tabIndex = -1;
    source.addEventListener('copy', (event) => {
      event.clipboardData?.setData('text/plain', value);
      event.preventDefault();
    });
    document.body.append(source);
    source.focus();
  }, text);
  await page.keyboard.press('Control+C');
  await page.evaluate(() => document.getElementById('test-clipboard-source')?.remove());
}

test.describe('paste: a header row, new rows in view, undo and redo', () => {
  test('a block starting with its header row is asked about, and no deltaker «Navn» is made', async ({
    app,
    register,
    dbPath,
  }) => {
    const { deltaker } = call(register, 'deltaker:create', { navn: 'Kari Nordmann' });
    await app.reload();
    const sheet = 'Navn\tKull\tFødselsår\r\nOla Olsen\t\t1990\r\nPer Persen\t\t1991\r\n';
    await putOnClipboard(app, sheet);
    await cell(app, deltaker.id, 'navn').click();
    await app.keyboard.press('Control+Shift+V');
    const dialog = app.getByRole('dialog', { name: 'Er den første raden overskrifter?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('«Navn», «Kull», «Fødselsår»');
    await app.screenshot({ path: 'test-results/screens/day-one-header-row.png' });
    // Esc: nothing is pasted.
    await app.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(stored(dbPath, 'SELECT count(*) AS n FROM deltaker')).toEqual({ n: 1 });

    await cell(app, deltaker.id, 'navn').click();
    await app.keyboard.press('Control+Shift+V');
    await dialog.getByRole('button', { name: 'Lim inn uten raden' }).click();
    await expect.poll(() => stored(dbPath, 'SELECT count(*) AS n FROM deltaker')).toEqual({ n: 3 });
    expect(stored(dbPath, "SELECT count(*) AS n FROM deltaker WHERE navn = 'Navn'")).toEqual({ n: 0 });
    expect(stored(dbPath, "SELECT fodselsar FROM deltaker WHERE navn = 'Per Persen'")).toEqual({ fodselsar: 1991 });

    // «Ta med raden» pastes the first line too (a leder who means it).
    await expect(dialog).toBeHidden();
    await cell(app, deltaker.id, 'navn').click();
    await putOnClipboard(app, 'Navn\r\nSiri Sand\r\n');
    await cell(app, deltaker.id, 'navn').click();
    await app.keyboard.press('Control+Shift+V');
    await dialog.getByRole('button', { name: 'Ta med raden' }).click();
    await expect.poll(() => stored(dbPath, 'SELECT count(*) AS n FROM deltaker')).toEqual({ n: 5 });
  });

  test('Ctrl+Shift+V scrolls to the new rows, with the cursor on the first', async ({ app, register, dbPath }) => {
    const ids: number[] = [];
    for (let i = 1; i <= 60; i += 1) ids.push(call(register, 'deltaker:create', { navn: `Deltaker ${i}` }).deltaker.id);
    await app.reload();
    await cell(app, ids[0]!, 'navn').click();
    await putOnClipboard(app, 'Ny Nilsen\t\t1990\r\nNy Nyberg\t\t1992\r\n');
    await cell(app, ids[0]!, 'navn').click();
    await app.keyboard.press('Control+Shift+V');
    await expect.poll(() => stored(dbPath, 'SELECT count(*) AS n FROM deltaker')).toEqual({ n: 62 });
    const id = stored(dbPath, "SELECT id FROM deltaker WHERE navn = 'Ny Nilsen'")!.id as number;
    await expect(cell(app, id, 'navn')).toBeInViewport();
    await expect(cell(app, id, 'navn')).toHaveClass(/ag-cell-focus/);
    await app.screenshot({ path: 'test-results/screens/day-one-paste-new-rows.png' });
  });

  test('undo then redo of a paste keeps its red cells', async ({ app, register, dbPath }) => {
    const { deltaker } = call(register, 'deltaker:create', { navn: 'Eva Berg' });
    await app.reload();
    await putOnClipboard(app, '1990\tx\r\n');
    await cell(app, deltaker.id, 'fodselsar').click();
    await app.keyboard.press('Control+V');
    await expect
      .poll(() => stored(dbPath, 'SELECT fodselsar FROM deltaker WHERE id = ?', deltaker.id))
      .toEqual({
        fodselsar: 1990,
      });
    const kjonn = cell(app, deltaker.id, 'kjonn');
    await expect(kjonn).toHaveClass(/cell-rejected/);
    await expect(kjonn).toHaveText('x');

    await app.keyboard.press('Control+Z');
    await expect(cell(app, deltaker.id, 'fodselsar')).toHaveText('');
    await expect(kjonn).not.toHaveClass(/cell-rejected/);
    expect(stored(dbPath, 'SELECT fodselsar FROM deltaker WHERE id = ?', deltaker.id)).toEqual({ fodselsar: null });

    await app.keyboard.press('Control+Y');
    await expect(cell(app, deltaker.id, 'fodselsar')).toHaveText('1990');
    await expect(kjonn).toHaveClass(/cell-rejected/);
    await expect(kjonn).toHaveText('x');
    await expect(app.locator('.status-refused')).toHaveText(/1 rød celle/);
    expect(stored(dbPath, 'SELECT fodselsar, kjonn FROM deltaker WHERE id = ?', deltaker.id)).toEqual({
      fodselsar: 1990,
      kjonn: null,
    });
  });
});

test('a «Løpende opptak» register without kull has no Kull column, no kull selector, and Tab skips Kull', async ({
  app,
  register,
  dbPath,
}) => {
  call(register, 'settings:update', { opptak: 'lopende' });
  const { deltaker } = call(register, 'deltaker:create', { navn: 'Mona Dahl' });
  await app.reload();
  await expect(cell(app, deltaker.id, 'navn')).toHaveText('Mona Dahl');
  await expect(app.getByRole('columnheader', { name: 'Kull', exact: true })).toHaveCount(0);
  await expect(app.locator('.ag-cell[col-id="kull_id"]')).toHaveCount(0);
  await expect(app.getByRole('combobox', { name: 'Kull' })).toHaveCount(0);
  await expect(app.getByRole('tab', { name: 'Kull', exact: true })).toHaveCount(0);
  await app.screenshot({ path: 'test-results/screens/day-one-lopende.png' });

  // Navn, Tab: straight to Fødselsår.
  await typeInto(app, deltaker.id, 'navn', 'Mona Dahl');
  await app.keyboard.press('Tab');
  await expect(editor(app)).toHaveAttribute('aria-label', 'Fødselsår');
  await app.keyboard.type('1979');
  await app.keyboard.press('Tab');
  await expect(editor(app)).toHaveAttribute('aria-label', 'Kjønn');
  await app.keyboard.press('Escape');
  await expect
    .poll(() => stored(dbPath, 'SELECT fodselsar, kull_id FROM deltaker WHERE id = ?', deltaker.id))
    .toEqual({ fodselsar: 1979, kull_id: null });
  // A paste from Navn fills Navn, Fødselsår … (no Kull column to skip).
  await putOnClipboard(app, 'Ny Nilsen\t1988\r\n');
  await cell(app, deltaker.id, 'navn').click();
  await app.keyboard.press('Control+Shift+V');
  await expect
    .poll(() => stored(dbPath, "SELECT fodselsar FROM deltaker WHERE navn = 'Ny Nilsen'"))
    .toEqual({ fodselsar: 1988 });
});

test('a header tooltip does not cover the «Kolonner» menu; F1 opens Hjelp from the page', async ({ app }) => {
  const status = app.getByRole('columnheader', { name: 'Status', exact: true });
  await status.hover();
  const tooltip = app.locator('.ag-tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('Følger av startdato og avslutning');
  await app.getByRole('button', { name: /^Kolonner/ }).click();
  const menu = app.locator('.menu-popover');
  await expect(menu).toBeVisible();
  await expect(tooltip).toBeHidden();
  // A field's header has no tooltip that only repeats its name.
  await app.keyboard.press('Escape');
  await app.getByRole('columnheader', { name: 'Landbakgrunn', exact: true }).hover();
  await app.waitForTimeout(800);
  await expect(app.locator('.ag-tooltip')).toBeHidden();
  await app.getByRole('columnheader', { name: 'Status', exact: true }).hover();
  await expect(app.locator('.ag-tooltip')).toBeVisible();
  await app.getByRole('button', { name: /^Kolonner/ }).click();
  await expect(menu).toBeVisible();
  await app.screenshot({ path: 'test-results/screens/day-one-kolonner.png' });
  await expect(app.locator('.ag-tooltip')).toBeHidden();
  // Every column can still be ticked where the tooltip would have been.
  await menu.getByRole('checkbox', { name: 'Status' }).uncheck();
  await expect(app.getByRole('columnheader', { name: 'Status', exact: true })).toHaveCount(0);
  await menu.getByRole('checkbox', { name: 'Status' }).check();
  await app.keyboard.press('Escape');

  await app.keyboard.press('F1');
  await expect(app.getByRole('tab', { name: 'Hjelp' })).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByRole('heading', { name: 'For lederen', level: 2 })).toBeVisible();
});
