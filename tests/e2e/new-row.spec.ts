/**
 * A new row in Deltakere is not a deltaker until it has a name (renderer/deltakere/drafts.ts): its
 * status says «Ny rad», not «Henvist», and becomes «Henvist» once the name is stored.
 */
import Database from 'better-sqlite3';
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
