/**
 * A new row in Deltakere is not a deltaker until it has a name (renderer/deltakere/drafts.ts): its
 * status says «Ny rad», not «Henvist», and becomes «Henvist» once the name is stored.
 */
import Database from 'better-sqlite3';
import { generateDeltakere, insertDeltakere } from '../../scripts/bench-data';
import { expect, test } from './fixtures';

function count(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM deltaker').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

test('a new row without a name says «Ny rad»; named and stored it is «Henvist»', async ({ app, dbPath }) => {
  await expect(app.getByText('Ingen deltakere ennå.', { exact: false })).toBeVisible();
  await app.getByRole('button', { name: 'Ny deltaker' }).click();
  const status = app.locator('.ag-row[row-index="0"] .ag-cell[col-id="status"] .status-pill');
  await expect(status).toHaveText('Ny rad');
  await expect(status).toHaveAttribute('title', /Ikke lagret ennå/);
  await app.screenshot({ path: 'test-results/screens/deltakere-ny-rad.png' });
  expect(count(dbPath)).toBe(0);

  await app.keyboard.type('Nora Berg');
  await app.keyboard.press('Enter');
  await expect.poll(() => count(dbPath)).toBe(1);
  await expect(app.locator('.ag-row[row-index="0"] .ag-cell[col-id="status"] .status-pill')).toHaveText('Henvist');
});

test('a new row below 200 others is whole in view, its lowest pixels its own (not under a scrollbar)', async ({
  app,
  register,
}) => {
  await expect(app.getByText('Ingen deltakere ennå.', { exact: false })).toBeVisible();
  insertDeltakere(register, generateDeltakere(200));
  await app.setViewportSize({ width: 1440, height: 900 });
  await app.reload();
  await expect(app.getByText('Viser 200 av 200 deltakere')).toBeVisible();
  await app.getByRole('button', { name: 'Ny deltaker' }).click();
  // The first new row of the session is draft -1 (renderer/deltakere/drafts.ts).
  const row = app.locator('.ag-row[row-id="-1"]');
  await expect(row.locator('.ag-cell[col-id="status"]')).toHaveText('Ny rad');
  // What is drawn at the row's lower edge, at its status cell, is the row.
  const hit = await row.locator('.ag-cell[col-id="status"]').evaluate((cell) => {
    const box = cell.getBoundingClientRect();
    const at = document.elementFromPoint(box.left + box.width / 2, box.bottom - 3);
    return at?.closest('.ag-row')?.getAttribute('row-id') === '-1';
  });
  expect(hit).toBe(true);
  await app.screenshot({ path: 'test-results/screens/deltakere-ny-rad-nederst.png' });
});
