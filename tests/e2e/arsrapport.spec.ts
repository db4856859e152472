/**
 * The Årsrapport screen in Chromium under the app's CSP (the fixture fails on any console error, CSP
 * violations included), with the fictional Sykkelvert register: the years side by side equal the
 * monthly form for each year, the charts are SVG without inline styles, small numbers are «<5» on
 * screen, on paper and in the files until the leder turns it off. Every printed page is written to
 * test-results/screens/ as PNG for review.
 */
import { execFileSync } from 'node:child_process';
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

const SCREENS = 'test-results/screens';

function standInGlue(page: Page): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kullregister-arsrapport-'));
  const saved: string[] = [];
  withHost({
    chooseSavePath: ({ defaultName }) => {
      const file = path.join(dir, defaultName);
      saved.push(file);
      return file;
    },
    printToPdf: async (file) => (await page.pdf({ path: file, printBackground: true, preferCSSPageSize: true })).length,
    print: async () => true,
  });
  return saved;
}

test.afterEach(() => setHost(null));

async function sykkelvert(register: Register): Promise<void> {
  call(register, 'settings:update', {
    tiltak: 'Sykkelvert',
    avdeling: 'Etat for sykehjem',
    kontaktperson: 'Kari Koordinator',
  });
  for (const kind of ['kull', 'deltakere'] as const) {
    const table = await readTable(path.resolve('resources/demo', `sykkelvert-${kind}.csv`));
    commitImport(register, planImport(register, kind, table));
  }
}

const pdfText = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
function pdfPages(pdf: string, prefix: string): string[] {
  fs.mkdirSync(SCREENS, { recursive: true });
  for (const old of fs.readdirSync(SCREENS).filter((f) => f.startsWith(`${prefix}-`)))
    fs.rmSync(path.join(SCREENS, old));
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, path.join(SCREENS, prefix)]);
  return fs.readdirSync(SCREENS).filter((f) => f.startsWith(`${prefix}-`));
}

test('years side by side, the charts, small numbers hidden, printed and saved', async ({ app, register }) => {
  await sykkelvert(register);
  const saved = standInGlue(app);
  await app.reload();
  await app.getByRole('tab', { name: 'Årsrapport', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Årsrapport', level: 1, exact: true })).toBeVisible();
  const sheet = app.locator('.rapport-sheet');
  await app.getByRole('combobox', { name: 'Til år' }).selectOption('2022');
  await expect(sheet.locator('.kr-title')).toHaveText('Årsrapport 2018–2022');

  // Each year's block is the monthly form for that year: 2021's row 12 as report:build has it.
  const year2021 = call(register, 'report:build', { from: '2021-01-01', to: '2021-12-31' }).rows.gjennomfort;
  const form = sheet.locator('section[data-table="form"] table');
  const cells = await form.first().locator('tr[data-row="gjennomfort"] td.kr-num').allTextContents();
  // Blocks 2018, 2019, 2020 | 2021, 2022, siden oppstart (6 blocks: two parts of three).
  expect(await form.count()).toBe(2);
  const second = await form.nth(1).locator('tr[data-row="gjennomfort"] td.kr-num').allTextContents();
  expect(second.slice(0, 4)).toEqual([year2021?.total, year2021?.kvp, year2021?.oks, year2021?.andre].map(String));
  expect(cells).toHaveLength(15);

  // Small numbers are hidden, and the screen says so.
  await expect(app.locator('.ars-screen-notice')).toContainText('Små tall er skjult');
  await expect(sheet.locator('.ars-notice')).toBeVisible();
  await expect(sheet.locator('section[data-table="landbakgrunn"] td.ars-small').first()).toHaveText('<5');

  // The charts: SVG from the main process, no inline style (the CSP would drop it), drawn with a size.
  const charts = sheet.locator('figure.ars-chart svg');
  await expect(charts).toHaveCount(3);
  expect(await sheet.locator('svg [style], svg style').count()).toBe(0);
  const box = await charts.first().boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(300);
  await expect(sheet.locator('figure[data-chart="arbeid"] figcaption')).toHaveText(
    'Til arbeid og ansatt hos brukerstedet, % av gjennomført',
  );
  await expect(sheet.locator('figure[data-chart="arbeid"] .ars-chart-table')).toContainText('Til arbeid (rad 14)');
  fs.mkdirSync(SCREENS, { recursive: true });
  await app.screenshot({ path: `${SCREENS}/arsrapport.png` });
  await sheet.locator('.ars-charts').scrollIntoViewIfNeeded();
  await app.screenshot({ path: `${SCREENS}/arsrapport-diagrammer.png` });

  await app.getByRole('button', { name: 'Lagre som PDF' }).click();
  await expect(app.getByRole('status')).toContainText('Lagret arsrapport-2018-2022.pdf');
  const pdf = saved.at(-1) as string;
  const text = pdfText(pdf);
  const pages = pdfPages(pdf, 'arsrapport-pdf');
  expect(text).toContain('Årsrapport 2018–2022');
  expect(text).toMatch(/Tiltak:\s+Sykkelvert/);
  expect(text).toContain(`Side ${pages.length} av ${pages.length}`);
  expect(text).toContain('<5');
  expect(text).not.toMatch(/Lagre som|Skriv ut|Sara Karimi/);

  await app.getByRole('button', { name: 'Lagre som Excel' }).click();
  await expect(app.getByRole('status')).toContainText('Lagret arsrapport-2018-2022.xlsx');
  await app.getByRole('button', { name: 'Lagre som CSV' }).click();
  await expect(app.getByRole('status')).toContainText('Lagret arsrapport-2018-2022.csv');
  const csv = fs.readFileSync(saved.at(-1) as string, 'utf8');
  expect(csv).toContain('<5');
  expect(csv).not.toContain('Hassan Osman');

  // For the leder's own use: exact numbers, and the screen says that files now show them.
  await app.getByRole('checkbox', { name: 'Skjul små tall (1–4)' }).uncheck();
  await expect(app.locator('.ars-screen-notice')).toContainText('Små tall vises');
  await expect(sheet.locator('.ars-notice')).toHaveCount(0);
  await expect(sheet.locator('td.ars-small')).toHaveCount(0);
  await app.getByRole('button', { name: 'Lagre som CSV' }).click();
  await expect(app.getByRole('status')).toContainText('Lagret arsrapport-2018-2022.csv');
  expect(fs.readFileSync(saved.at(-1) as string, 'utf8')).not.toContain('<5');
  await app.screenshot({ path: `${SCREENS}/arsrapport-sma-tall-vises.png` });
});
