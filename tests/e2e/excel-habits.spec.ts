/**
 * A leder's Excel habits in the grids (issue 15): a refused typed text is left red in its cell and
 * the typing moves on; the fill handle and Ctrl+R; Ctrl+X; typing replaces, F2 keeps; the menus'
 * Angre / Gjør om. Every result is read from the SQLite file itself, through a connection of the
 * test's own.
 */
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { call } from '../../electron/api/handlers';
import { expect, test } from './fixtures';

function query(dbPath: string, sql: string, ...params: unknown[]): Record<string, unknown>[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

const cell = (page: Page, rowId: number | string, colId: string) =>
  page.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);
const editor = (page: Page) => page.locator('.field-editor-input');
const DATE_REFUSED = '«31.02.2025» er ikke en gyldig dato. Skriv dd.mm.åååå, for eksempel 01.03.2026.';

test('a refused date typed fast is left red and Tab moves on: the next value lands in the next cell, not appended', async ({
  app,
  register,
  dbPath,
}) => {
  const { deltaker } = call(register, 'deltaker:create', { navn: 'Kari Nordmann', henvist_dato: '2025-08-01' });
  await app.reload();
  const before = query(dbPath, 'SELECT * FROM deltaker');
  const logBefore = query(dbPath, 'SELECT count(*) AS n FROM endringslogg')[0]!.n;

  await cell(app, deltaker.id, 'henvist_dato').click();
  await app.keyboard.type('31.02.2025');
  await app.keyboard.press('Tab');
  await app.keyboard.type('2025-09-01');
  await app.keyboard.press('Tab');

  // The bad date stays in its cell, red, with the reason; the next date went into the next cell.
  const henvist = cell(app, deltaker.id, 'henvist_dato');
  await expect(henvist).toHaveText('31.02.2025');
  await expect(henvist).toHaveClass(/cell-rejected/);
  await expect(app.locator('.cell-bubble')).toHaveText(DATE_REFUSED);
  await expect(cell(app, deltaker.id, 'startdato')).toHaveText('01.09.2025');
  await expect.poll(() => query(dbPath, 'SELECT startdato FROM deltaker')[0]?.startdato).toBe('2025-09-01');
  // The refusal wrote nothing: the date is as it was, and only the start date is in the log.
  expect(query(dbPath, 'SELECT henvist_dato FROM deltaker')[0]?.henvist_dato).toBe('2025-08-01');
  expect({ ...query(dbPath, 'SELECT * FROM deltaker')[0], startdato: null, endret: null }).toEqual({
    ...before[0],
    startdato: null,
    endret: null,
  });
  expect(
    query(dbPath, 'SELECT felt FROM endringslogg ORDER BY id')
      .slice(Number(logBefore))
      .map((r) => r.felt),
  ).toEqual(['startdato']);
  await expect(app.locator('.status-refused')).toHaveText('· 1 rød celle ikke lagret');
  // The row's ⚠ stays while the cell is red, and says why.
  const marker = cell(app, deltaker.id, 'varsel').locator('.row-warning');
  await expect(marker).toHaveAttribute('title', /1 rød celle er ikke lagret \(Henvist dato\)/);
  await cell(app, deltaker.id, 'navn').click();
  await expect(app.locator('.row-warnings')).toContainText('1 rød celle er ikke lagret (Henvist dato)');
  await app.screenshot({ path: 'test-results/screens/refused-typed-cell.png' });

  // Fixing it in place: F2 opens the red text as typed, the fix is stored and the ⚠ goes.
  await henvist.click();
  await app.keyboard.press('F2');
  await expect(editor(app)).toHaveValue('31.02.2025');
  await app.keyboard.press('Control+A');
  await app.keyboard.type('28.04.2025');
  await app.keyboard.press('Enter');
  await expect(henvist).toHaveText('28.04.2025');
  await expect(henvist).not.toHaveClass(/cell-rejected/);
  await expect.poll(() => query(dbPath, 'SELECT henvist_dato FROM deltaker')[0]?.henvist_dato).toBe('2025-04-28');
  await expect(marker).toHaveCount(0);
  await expect(app.locator('.status-refused')).toHaveCount(0);
});

test('Enter and Shift+Tab leave a refused text too, the status line counts the row’s red cells, Esc gives one up', async ({
  app,
  register,
  dbPath,
}) => {
  const { deltaker } = call(register, 'deltaker:create', { navn: 'Ola Hansen', fodselsar: 1985 });
  await app.reload();

  // Enter: refused, left red, and the cursor goes down as after any edit.
  await cell(app, deltaker.id, 'fodselsar').click();
  await app.keyboard.type('1850');
  await app.keyboard.press('Enter');
  await expect(cell(app, deltaker.id, 'fodselsar')).toHaveText('1850');
  await expect(cell(app, deltaker.id, 'fodselsar')).toHaveClass(/cell-rejected/);
  await expect(editor(app)).toHaveCount(0);
  await expect(app.locator('.statusbar')).toContainText('Ikke lagret: raden har 1 rød celle.');

  // Shift+Tab from Kjønn: refused, left red, the cursor one to the left (Fødselsår).
  await cell(app, deltaker.id, 'kjonn').click();
  await app.keyboard.type('q');
  await app.keyboard.press('Shift+Tab');
  await expect(cell(app, deltaker.id, 'kjonn')).toHaveText('q');
  await expect(cell(app, deltaker.id, 'kjonn')).toHaveClass(/cell-rejected/);
  await expect(app.locator('.statusbar')).toContainText('Ikke lagret: raden har 2 røde celler.');
  await expect(app.locator('.status-refused')).toHaveText('· 2 røde celler ikke lagret');
  await expect(app.locator('.cell-bubble')).toHaveCount(2);
  expect(query(dbPath, 'SELECT fodselsar, kjonn FROM deltaker')).toEqual([{ fodselsar: 1985, kjonn: null }]);

  // Esc on a red cell (not editing) gives it up: the stored value shows again.
  await app.keyboard.press('Escape');
  await cell(app, deltaker.id, 'fodselsar').click();
  await app.keyboard.press('Escape');
  await expect(cell(app, deltaker.id, 'fodselsar')).toHaveText('1985');
  await expect(cell(app, deltaker.id, 'fodselsar')).not.toHaveClass(/cell-rejected/);
  await expect(app.locator('.status-refused')).toHaveText('· 1 rød celle ikke lagret');
  expect(query(dbPath, 'SELECT fodselsar, kjonn FROM deltaker')).toEqual([{ fodselsar: 1985, kjonn: null }]);
});

test('typing on a selected cell replaces what it holds; F2 and Enter edit keeping it', async ({
  app,
  register,
  dbPath,
}) => {
  const { deltaker } = call(register, 'deltaker:create', { navn: 'Eva Berg', landbakgrunn: 'Syria', veileder: 'Line' });
  await app.reload();

  await cell(app, deltaker.id, 'landbakgrunn').click();
  await app.keyboard.type('Eritrea');
  await app.keyboard.press('Enter');
  await expect.poll(() => query(dbPath, 'SELECT landbakgrunn FROM deltaker')[0]?.landbakgrunn).toBe('Eritrea');

  await cell(app, deltaker.id, 'landbakgrunn').click();
  await app.keyboard.press('F2');
  await expect(editor(app)).toHaveValue('Eritrea');
  await app.keyboard.type(' og Sudan');
  await app.keyboard.press('Tab');
  await expect.poll(() => query(dbPath, 'SELECT landbakgrunn FROM deltaker')[0]?.landbakgrunn).toBe('Eritrea og Sudan');

  await cell(app, deltaker.id, 'navn').click();
  await app.keyboard.press('Enter');
  await expect(editor(app)).toHaveValue('Eva Berg');
  await app.keyboard.type(' Hansen');
  await app.keyboard.press('Enter');
  await expect.poll(() => query(dbPath, 'SELECT navn FROM deltaker')[0]?.navn).toBe('Eva Berg Hansen');

  // Typing on a red cell replaces the refused text as well.
  await cell(app, deltaker.id, 'fodselsar').click();
  await app.keyboard.type('19990');
  await app.keyboard.press('Enter');
  await expect(cell(app, deltaker.id, 'fodselsar')).toHaveClass(/cell-rejected/);
  await cell(app, deltaker.id, 'fodselsar').click();
  await app.keyboard.type('1999');
  await app.keyboard.press('Enter');
  await expect.poll(() => query(dbPath, 'SELECT fodselsar FROM deltaker')[0]?.fodselsar).toBe(1999);
  await expect(cell(app, deltaker.id, 'fodselsar')).not.toHaveClass(/cell-rejected/);
});
