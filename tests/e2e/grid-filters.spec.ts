/**
 * The column filters in Norwegian (issue 16 items 5 and 6): a date column's filter reads and shows
 * dd.mm.åååå whatever the machine's language (01.03.2019 is 1 March), an impossible date says it
 * does not exist, a number accepts thousands spaces, code columns filter by a checkbox list of their
 * values, the status line names every filtered column (also one scrolled out of view) and offers
 * «Fjern alle filtre»; no English text anywhere. The browser runs in English (en-US) on purpose.
 * Real handlers, real register.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { call } from '../../electron/api/handlers';
import { expect, test } from './fixtures';
import { showColumn } from './grid-columns';

const SCREENS = 'test-results/screens';

test.use({ locale: 'en-US' });

async function openFilter(page: Page, colId: string) {
  await showColumn(page, colId);
  await page.locator(`.ag-header-cell[col-id="${colId}"] .ag-header-cell-filter-button`).click();
  await expect(page.locator('.ag-filter')).toBeVisible();
}

const names = (page: Page) =>
  page.locator('.ag-center-cols-container .ag-cell[col-id="navn"], .ag-row .ag-cell[col-id="navn"]');

test('date, number and value filters read Norwegian input; the status line names the filters and clears them', async ({
  app,
  register,
}) => {
  call(register, 'deltaker:create', { navn: 'Mars Første', kjonn: 'K', henvist_dato: '2019-03-01', fodselsar: 1990 });
  call(register, 'deltaker:create', { navn: 'Januar Tredje', kjonn: 'M', henvist_dato: '2019-01-03', fodselsar: 1985 });
  call(register, 'deltaker:create', { navn: 'Uten Dato', kjonn: null, henvist_dato: null, fodselsar: 2001 });
  await app.reload();
  const status = app.locator('.statusbar');
  await expect(status).toContainText('Viser 3 av 3 deltakere');

  // The date filter: typed as in Norway, read as 1 March 2019.
  await openFilter(app, 'henvist_dato');
  const dateInput = app.locator('.ag-filter .date-filter input').first();
  await expect(dateInput).toHaveAttribute('placeholder', 'dd.mm.åååå');
  await dateInput.fill('31.02.2025');
  await expect(app.locator('.ag-filter .date-filter-note').first()).toHaveText(
    '«31.02.2025» finnes ikke: februar 2025 har 28 dager.',
  );
  await dateInput.fill('01.03.2019');
  await expect(status).toContainText('Viser 1 av 3 deltakere');
  await expect(names(app)).toHaveText(['Mars Første']);
  fs.mkdirSync(SCREENS, { recursive: true });
  await app.screenshot({ path: `${SCREENS}/filter-dato.png` });
  await app.keyboard.press('Escape');
  await expect(app.locator('.ag-header-cell[col-id="henvist_dato"]')).toHaveClass(/ag-header-cell-filtered/);

  // Nothing matches: said in Norwegian, never «No Matching Rows».
  await openFilter(app, 'fodselsar');
  await app.locator('.ag-filter input[type="text"], .ag-filter input:not([type])').first().fill('2 001');
  await expect(status).toContainText('Viser 0 av 3 deltakere');
  await expect(app.locator('body')).not.toContainText('No Matching Rows');
  await expect(app.locator('body')).not.toContainText('No Rows');
  await app.keyboard.press('Escape');
  await app.locator('.filter-mark', { hasText: 'Fødselsår' }).waitFor();

  // Both filters named in the status line, each a way to its column.
  await expect(status.locator('.filter-mark')).toHaveText(['Henvist dato', 'Fødselsår']);
  await app.getByRole('button', { name: 'Fjern alle filtre' }).click();
  await expect(status).toContainText('Viser 3 av 3 deltakere');
  await expect(status.locator('.filter-mark')).toHaveCount(0);

  // A number with a thousands space: «1 990».
  await openFilter(app, 'fodselsar');
  await app.locator('.ag-filter input[type="text"], .ag-filter input:not([type])').first().fill('1 990');
  await expect(status).toContainText('Viser 1 av 3 deltakere');
  await app.keyboard.press('Escape');
  await app.getByRole('button', { name: 'Fjern alle filtre' }).click();

  // A code column: the checkbox list of its values, as the cells show them.
  await openFilter(app, 'kjonn');
  const items = app.locator('.values-filter-item');
  await expect(items).toHaveText(['(Velg alle)', 'Kvinne', 'Mann', '(Tomme)']);
  await items.filter({ hasText: 'Mann' }).locator('input').uncheck();
  await items.filter({ hasText: '(Tomme)' }).locator('input').uncheck();
  await expect(status).toContainText('Viser 1 av 3 deltakere');
  await expect(names(app)).toHaveText(['Mars Første']);
  await app.screenshot({ path: `${SCREENS}/filter-verdier.png` });
  await app.keyboard.press('Escape');
  await expect(app.locator('.ag-filter')).toHaveCount(0);

  // The Status column (computed, not typed) filters the same way.
  await app.getByRole('button', { name: 'Fjern alle filtre' }).click();
  await openFilter(app, 'status');
  await expect(app.locator('.values-filter-item')).toHaveText(['(Velg alle)', 'Henvist']);
  await app.keyboard.press('Escape');
  call(register, 'deltaker:update', { id: 1, changes: { startdato: '2019-04-01' } });
  await app.reload();
  await openFilter(app, 'status');
  await app.locator('.values-filter-item', { hasText: 'Henvist' }).locator('input').uncheck();
  await expect(status).toContainText('Viser 1 av 3 deltakere');
  await expect(names(app)).toHaveText(['Mars Første']);
  await app.keyboard.press('Escape');
  await app.getByRole('button', { name: 'Fjern alle filtre' }).click();
  await openFilter(app, 'kjonn');
  await app.locator('.values-filter-item', { hasText: 'Mann' }).locator('input').uncheck();
  await app.locator('.values-filter-item', { hasText: '(Tomme)' }).locator('input').uncheck();
  await app.keyboard.press('Escape');

  // Scrolled far right, the Kjønn column is out of view: the status line still names its filter.
  await app.evaluate(() => {
    const viewport = document.querySelector('.ag-grid-viewport');
    if (viewport) viewport.scrollLeft = viewport.scrollWidth;
  });
  await expect(app.locator('.ag-header-cell[col-id="kjonn"]')).not.toBeInViewport();
  await expect(status.locator('.filter-mark')).toHaveText(['Kjønn']);
  await app.screenshot({ path: `${SCREENS}/filter-merke-utenfor.png` });
  await status.locator('.filter-mark', { hasText: 'Kjønn' }).click();
  await expect(app.locator('.ag-header-cell[col-id="kjonn"]')).toBeInViewport();
  await app.getByRole('button', { name: 'Fjern alle filtre' }).click();
  await expect(status).toContainText('Viser 3 av 3 deltakere');
});
