/**
 * «An erasure holds», as a leder meets it under Register og sikkerhet: a deltaker deleted from the
 * grid is still found through the endringslogg and can be deleted for good; the name is then gone
 * from the register and from every backup (checked on the files' bytes); the restore dialog says
 * what a restore keeps and that the deletion is made again; after the restore the person is still
 * gone and the hendelse log is whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { call } from '../../electron/api/handlers';
import type { RegisterSession } from '../../electron/register/session';
import type { Register } from '../../electron/store/open';
import { expect, test } from './fixtures';

const SCREENS = 'test-results/screens';
const NAME = 'Gudrun Glemmeg';

function openRegister(session: RegisterSession): Register {
  const register = session.register;
  if (!register) throw new Error('Ingen register er åpent i testen.');
  return register;
}

function filesHolding(dir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => fs.readFileSync(f).includes(needle));
}

async function openTab(page: Page, tab: string) {
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('heading', { name: tab, level: 1, exact: true })).toBeVisible();
}

test('a deltaker deleted in the grid is deleted for good, in every backup, and a restore does not bring them back', async ({
  app,
  session,
  dbPath,
  appFolders,
}) => {
  await session.idle();
  const reg = openRegister(session);
  const { deltaker } = call(reg, 'deltaker:create', { navn: NAME, merknad: 'Ringer tirsdager' });
  call(reg, 'deltaker:create', { navn: 'Blir Stående' });
  await session.backupNow('manuell');
  call(reg, 'deltaker:delete', { ids: [deltaker.id] });
  expect(filesHolding(appFolders.dir, NAME).length).toBeGreaterThan(0);

  await app.setViewportSize({ width: 1280, height: 1400 });
  await openTab(app, 'Register og sikkerhet');
  const deleted = app.getByRole('table', { name: 'Slettede deltakere' });
  await expect(deleted.locator('tbody tr')).toHaveCount(1);
  await expect(deleted).toContainText(NAME);
  await deleted.scrollIntoViewIfNeeded();
  await app.screenshot({ path: `${SCREENS}/register-deleted-people.png`, fullPage: true });

  await deleted.getByRole('button', { name: `Slett ${NAME} for godt` }).click();
  const confirm = app.getByRole('dialog', { name: `Slette ${NAME} for godt?` });
  await expect(confirm).toContainText('også fra alle sikkerhetskopiene');
  await confirm.getByRole('textbox').fill(NAME);
  await app.screenshot({ path: `${SCREENS}/register-delete-for-good-dialog.png` });
  await confirm.getByRole('button', { name: /Slett/ }).click();
  await expect(
    app.getByText(`${NAME} er slettet for godt, også fra endringsloggen og 1 sikkerhetskopi.`),
  ).toBeVisible();
  await expect(app.getByText('Ingen slettede deltakere har spor i endringsloggen.')).toBeVisible();
  expect(filesHolding(appFolders.dir, NAME)).toEqual([]);
  expect(filesHolding(path.dirname(dbPath), NAME)).toEqual([]);

  // The restore dialog says what is kept and that the deletion is made again.
  const backups = app.getByRole('table', { name: 'Sikkerhetskopier' });
  await backups
    .locator('tbody tr')
    .first()
    .getByRole('button', { name: /Gjenopprett/ })
    .click();
  const dialog = app.getByRole('dialog', { name: 'Gjenopprette sikkerhetskopien?' });
  await expect(dialog).toContainText('Dette beholdes: hendelsesloggen');
  await expect(dialog).toContainText('1 sletting for godt gjort etter denne sikkerhetskopien, gjøres på nytt');
  await app.screenshot({ path: `${SCREENS}/register-restore-dialog-erasures.png` });
  await dialog.getByRole('button', { name: 'Gjenopprett' }).click();
  await expect(
    app.getByText(/Registeret er gjenopprettet fra sikkerhetskopien fra .* Hendelsesloggen er beholdt/),
  ).toBeVisible();
  const events = app.getByRole('table', { name: 'Hendelser' });
  await expect(events).toContainText('Gjenoppretting');
  await expect(events).toContainText('Sletting for godt');
  expect(filesHolding(appFolders.dir, NAME)).toEqual([]);
  expect(filesHolding(path.dirname(dbPath), NAME)).toEqual([]);
});
