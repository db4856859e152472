/**
 * The Rapport screen's period and what follows from it (issue 16 item 12): an error under the dates
 * moves nothing in the toolbar; with an invalid period (or dates typed but not shown) the old report
 * is gone and cannot be saved; «Lagret …» goes when the period changes; and every printed page
 * carries the form's name, the tiltak and the period, not only «Side n av N».
 * The demo register through the real handlers; printing is Chromium's page.pdf of the same page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { call } from '../../electron/api/handlers';
import { commitImport, planImport } from '../../electron/io/import';
import { readTable } from '../../electron/io/table';
import type { Register } from '../../electron/store/open';
import { setHost, withHost } from './app-host';
import { expect, test } from './fixtures';
import { pagePngs, readPdf } from './pdf';

const SCREENS = 'test-results/screens';
const SAVE_BUTTONS = ['Skriv ut', 'Lagre som PDF', 'Lagre som Excel', 'Lagre som CSV', 'Lagre for samlerapport'];

function standInGlue(page: Page): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kullregister-rapport-periode-'));
  const saved: string[] = [];
  withHost({
    chooseSavePath: ({ defaultName }) => {
      const file = path.join(dir, defaultName);
      saved.push(file);
      return file;
    },
    printToPdf: async (file) =>
      (await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true })).length,
    print: async () => true,
  });
  return saved;
}

test.afterEach(() => setHost(null));

async function demo(register: Register): Promise<void> {
  call(register, 'settings:update', { tiltak: 'Sykkelvert', avdeling: 'Etat for sykehjem' });
  for (const kind of ['kull', 'deltakere'] as const) {
    const table = await readTable(path.resolve('resources/demo', `sykkelvert-${kind}.csv`));
    commitImport(register, planImport(register, kind, table));
  }
}

async function openRapport(page: Page) {
  await page.getByRole('tab', { name: 'Rapport', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Rapport', level: 1, exact: true })).toBeVisible();
}

test('every printed page names the form, the tiltak and the period; «Lagret …» goes with the period', async ({
  app,
  register,
}) => {
  await demo(register);
  const saved = standInGlue(app);
  await app.reload();
  await openRapport(app);
  await app.getByRole('radio', { name: 'Måned' }).check();
  await app.getByRole('combobox', { name: 'År' }).selectOption('2021');
  await app.getByRole('combobox', { name: 'Måned' }).selectOption('10');
  await expect(app.locator('.rapport-sheet .kr-meta')).toContainText('oktober 2021');
  // On screen the running head is not shown (the sheet has its own header).
  await expect(app.locator('.rapport-sheet .kr-running')).toBeHidden();

  await app.getByRole('button', { name: 'Lagre som PDF' }).click();
  await expect(app.getByRole('status')).toContainText('Lagret rapport-2021-10.pdf');
  const pdf = await readPdf(saved.at(-1) as string);
  pagePngs(saved.at(-1) as string, SCREENS, 'rapport-pdf-sidehode');
  expect(pdf.pages).toBeGreaterThanOrEqual(3);
  for (const [i, text] of pdf.pageTexts.entries()) {
    expect(text, `page ${i + 1}`).toContain('Rapporteringsskjema til Etat for sosiale tjenester');
    expect(text, `page ${i + 1}`).toContain('Tiltak: Sykkelvert');
    expect(text, `page ${i + 1}`).toContain('Periode: oktober 2021');
    expect(text, `page ${i + 1}`).toContain(`Side ${i + 1} av ${pdf.pages}`);
  }

  // Another month: the message about the saved file goes.
  await app.getByRole('combobox', { name: 'Måned' }).selectOption('11');
  await expect(app.locator('.rapport-sheet .kr-meta')).toContainText('november 2021');
  await expect(app.locator('.statusbar')).not.toContainText('Lagret');
});

test('an invalid period moves nothing in the toolbar, clears the report and allows no export', async ({
  app,
  register,
}) => {
  await demo(register);
  const saved = standInGlue(app);
  await app.reload();
  await openRapport(app);
  await app.getByRole('radio', { name: 'Fri periode' }).check();
  await app.getByRole('textbox', { name: 'Fra' }).fill('01.03.2021');
  await app.getByRole('textbox', { name: 'Til' }).fill('31.12.2021');
  await app.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(app.locator('.rapport-sheet .kr-meta')).toContainText('01.03.2021–31.12.2021');
  await app.getByRole('button', { name: 'Lagre som CSV' }).click();
  await expect(app.getByRole('status')).toContainText('Lagret rapport-2021-03-01_2021-12-31.csv');

  const toolbar = app.locator('.rapport-screen > .toolbar');
  const before = await toolbar.boundingBox();
  const pdfButton = await app.getByRole('button', { name: 'Lagre som PDF' }).boundingBox();

  // A date that does not exist: refused, and the 2021 report is no longer on screen.
  await app.getByRole('textbox', { name: 'Fra' }).fill('31.02.2022');
  await app.getByRole('textbox', { name: 'Til' }).fill('31.12.2022');
  await app.getByRole('button', { name: 'Vis', exact: true }).click();
  const error = app.getByRole('alert');
  await expect(error).toContainText('Fra:');
  await expect(app.locator('.rapport-sheet')).toHaveCount(0);
  await expect(app.locator('.rapport-paper')).not.toContainText('Rapporteringsskjema');
  await expect(app.locator('.quality')).toContainText('Ingen liste før perioden er vist');
  for (const name of SAVE_BUTTONS) await expect(app.getByRole('button', { name })).toBeDisabled();
  await expect(app.locator('.statusbar')).not.toContainText('Lagret');
  // The toolbar kept its size and its buttons their places.
  expect(await toolbar.boundingBox()).toEqual(before);
  expect(await app.getByRole('button', { name: 'Lagre som PDF' }).boundingBox()).toEqual(pdfButton);
  await toolbar.screenshot({ path: `${SCREENS}/rapport-periode-feil.png` });
  await app.screenshot({ path: `${SCREENS}/rapport-periode-feil-hele.png` });

  // Typed right but not yet shown: still nothing to save, and the screen says what to do.
  await app.getByRole('textbox', { name: 'Fra' }).fill('01.02.2022');
  await expect(app.getByRole('alert')).toHaveCount(0);
  await expect(app.locator('.rapport-paper')).toContainText('Trykk «Vis»');
  await expect(app.getByRole('button', { name: 'Lagre som CSV' })).toBeDisabled();
  await app.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(app.locator('.rapport-sheet .kr-meta')).toContainText('01.02.2022–31.12.2022');
  for (const name of SAVE_BUTTONS) await expect(app.getByRole('button', { name })).toBeEnabled();
  await app.getByRole('button', { name: 'Lagre som CSV' }).click();
  await expect(app.getByRole('status')).toContainText('Lagret rapport-2022-02-01_2022-12-31.csv');
  expect(saved.map((f) => path.basename(f))).toEqual([
    'rapport-2021-03-01_2021-12-31.csv',
    'rapport-2022-02-01_2022-12-31.csv',
  ]);
});
