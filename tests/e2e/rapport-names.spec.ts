/**
 * The Rapport screen loads only what it shows (issue 16 item 3, issue 12 item 10): the data-quality
 * list names the rows it lists through deltaker:names (never every deltaker through deltaker:list),
 * a page of names per rule at a time; and going back to Deltakere keeps the rows loaded, fetching
 * only what changed meanwhile. Real handlers over a real register of 3,000 generated deltakere.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { call } from '../../electron/api/handlers';
import { FIRST_YEAR, generateDeltakere, insertDeltakere, LAST_YEAR } from '../../scripts/bench-data';
import { expect, test } from './fixtures';
import { recordCalls } from './record-calls';

const SCREENS = 'test-results/screens';

async function openTab(page: Page, name: 'Deltakere' | 'Rapport') {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 1, exact: true })).toBeVisible();
}

test('the data-quality list asks only for the names it lists, a page at a time; Deltakere keeps its rows', async ({
  app,
  register,
  dbPath,
}) => {
  insertDeltakere(register, generateDeltakere(3_000));
  const recorder = recordCalls();
  try {
    await app.reload();
    await expect(app.locator('.ag-row[row-id="1"]')).toHaveCount(1);
    await expect(app.getByText('Viser 3 000 av 3 000 deltakere')).toBeVisible();

    await openTab(app, 'Rapport');
    await app.getByRole('radio', { name: 'Fri periode' }).check();
    await app.getByRole('textbox', { name: 'Fra' }).fill(`01.01.${FIRST_YEAR}`);
    await app.getByRole('textbox', { name: 'Til' }).fill(`31.12.${LAST_YEAR}`);
    await app.getByRole('button', { name: 'Vis', exact: true }).click();
    await expect(app.locator('.rapport-sheet .kr-meta')).toContainText(`31.12.${LAST_YEAR}`);

    // The rule most often broken: its first 25 names, and a way to the rest.
    const report = call(register, 'report:build', { from: `${FIRST_YEAR}-01-01`, to: `${LAST_YEAR}-12-31` });
    const biggest = [...report.datakvalitet].sort((a, b) => b.count - a.count)[0]!;
    expect(biggest.count).toBeGreaterThan(125);
    const rule = app.locator(`.quality-rule[data-rule="${biggest.rule}"]`);
    await expect(rule.locator('.quality-people button')).toHaveCount(25);
    const firstId = biggest.deltaker_ids[0]!;
    await expect(rule.locator(`button[data-deltaker-id="${firstId}"]`)).toHaveText(`Deltaker ${firstId}`);
    await expect(rule.locator('.quality-more')).toContainText(`Viser 25 av ${biggest.count.toLocaleString('nb-NO')}`);
    fs.mkdirSync(SCREENS, { recursive: true });
    await app.screenshot({ path: `${SCREENS}/rapport-datakvalitet-sider.png` });

    // «Flere navn»: the next 100, and only the names not already known are asked for.
    const listedIds = () =>
      app
        .locator('.quality-people button')
        .evaluateAll((buttons) => buttons.map((b) => Number(b.getAttribute('data-deltaker-id'))));
    await expect(app.locator('.quality-people button', { hasText: '…' })).toHaveCount(0);
    const before = await listedIds();
    const from = recorder.calls.length;
    await rule.getByRole('button', { name: 'Flere navn (100)' }).click();
    await expect(rule.locator('.quality-people button')).toHaveCount(125);
    const hundredth = biggest.deltaker_ids[124]!;
    await expect(rule.locator(`button[data-deltaker-id="${hundredth}"]`)).toHaveText(`Deltaker ${hundredth}`);
    await expect(app.locator('.quality-people button', { hasText: '…' })).toHaveCount(0);
    await rule.locator('.quality-more').scrollIntoViewIfNeeded();
    await app.locator('.quality').screenshot({ path: `${SCREENS}/rapport-datakvalitet-flere-navn.png` });
    const added = (await listedIds()).filter((id) => !before.includes(id));
    expect(added).toHaveLength(100);
    const asked = recorder.calls
      .slice(from)
      .filter((c) => c.channel === 'deltaker:names')
      .flatMap((c) => (c.input as { ids: number[] }).ids);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((id) => !added.includes(id))).toEqual([]);
    // Never every deltaker: no deltaker:list at all, and no more names than were listed.
    expect(recorder.calls.map((c) => c.channel)).not.toContain('deltaker:list');
    const allAsked = recorder.calls
      .filter((c) => c.channel === 'deltaker:names')
      .flatMap((c) => (c.input as { ids: number[] }).ids);
    expect(new Set(allAsked).size).toBe(allAsked.length);
    expect(allAsked.length).toBeLessThan(1_000);

    // Meanwhile the register changes (as another screen or another user would change it).
    call(register, 'deltaker:update', { id: 5, changes: { navn: 'Endret Mens Rapport' } });
    call(register, 'deltaker:delete', { ids: [7] });

    // Back to Deltakere: the rows are there at once, with the change, and no page is downloaded again.
    const pagesBefore = recorder.calls.filter((c) => c.channel === 'deltaker:page').length;
    await openTab(app, 'Deltakere');
    await expect(app.locator('.ag-row[row-id="1"]')).toHaveCount(1);
    await expect(app.getByText('Viser 2 999 av 2 999 deltakere')).toBeVisible();
    await expect(app.locator('.ag-row[row-id="5"] .ag-cell[col-id="navn"]')).toHaveText('Endret Mens Rapport');
    await expect(app.locator('.ag-row[row-id="7"]')).toHaveCount(0);
    expect(recorder.calls.filter((c) => c.channel === 'deltaker:page').length).toBe(pagesBefore);
    const rows = recorder.calls.filter((c) => c.channel === 'deltaker:rows');
    expect(rows.map((c) => c.input)).toEqual([{ ids: [5, 7] }]);
    // What the grid shows is what the file holds.
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare('SELECT navn FROM deltaker WHERE id = 5').get()).toEqual({ navn: 'Endret Mens Rapport' });
      expect(db.prepare('SELECT count(*) AS n FROM deltaker').get()).toEqual({ n: 2_999 });
    } finally {
      db.close();
    }
    await app.screenshot({ path: `${SCREENS}/deltakere-tilbake-fra-rapport.png` });
  } finally {
    recorder.stop();
  }
});
