/**
 * The tiltak's side of the samlerapport in the real renderer, with a register open: «Lagre for
 * samlerapport» on the Rapport screen writes the report file (through the report glue's save
 * dialog), and the Samlerapport tab in the app's navigation takes that file in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resetSamle } from '../../electron/api/samlerapport';
import { updateSettings } from '../../electron/store/settings';
import { setHost, withHost } from './app-host';
import { expect, test } from './fixtures';

test.afterEach(() => {
  setHost(null);
  resetSamle();
});

test('«Lagre for samlerapport», then the Samlerapport tab reads the file', async ({ app, register }) => {
  updateSettings(register, { tiltak: 'Mat & prat', avdeling: 'Ny sjanse' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kullregister-samle-tab-'));
  const saved: string[] = [];
  withHost({
    chooseSavePath: ({ defaultName }) => {
      saved.push(path.join(dir, defaultName));
      return saved.at(-1) as string;
    },
    printToPdf: async () => 0,
    print: async () => true,
  });
  await app.reload();
  await app.getByRole('tab', { name: 'Rapport', exact: true }).click();
  await app.getByRole('button', { name: 'Lagre for samlerapport' }).click();
  await expect(app.getByRole('status')).toContainText('.kullrapport.json');
  const file = saved[0] as string;
  expect(path.basename(file)).toMatch(/^Mat & prat \d{4}-\d{2}-01–\d{4}-\d{2}-\d{2}\.kullrapport\.json$/);
  const content = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(content.register.tiltak).toBe('Mat & prat');

  await app.getByRole('tab', { name: 'Samlerapport' }).click();
  await expect(app.getByRole('heading', { name: 'Samlerapport', level: 1 })).toBeVisible();
  const dataTransfer = await app.evaluateHandle(
    ({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name));
      return transfer;
    },
    { name: path.basename(file), text: fs.readFileSync(file, 'utf8') },
  );
  await app.dispatchEvent('.samle-screen', 'drop', { dataTransfer });
  await expect(app.getByRole('status')).toContainText('1 fil lagt til');
  await expect(app.locator('table[data-table="form"]').first()).toContainText('Kommunen totalt');
  await expect(app.locator('table[data-table="form"]').first()).toContainText('Mat & prat');
});
