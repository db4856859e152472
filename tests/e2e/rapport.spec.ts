/**
 * The coordinator's month: pick the month on the Rapport screen, read the form's numbers, follow a
 * data-quality entry to the row in the Deltakere grid, and save the report (PDF through Chromium's
 * print of the same screen, Excel, CSV). The save dialog and Electron's printToPDF cannot run here:
 * the report glue stands in for them (a temp file, and Playwright's page.pdf of the same page).
 * Writes PNGs of the screen and of the printed pages to test-results/screens/ for review.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { call } from '../../electron/api/handlers';
import { commitImport, planImport } from '../../electron/io/import';
import { readTable } from '../../electron/io/table';
import type { Register } from '../../electron/store/open';
import type { Input } from '../../shared/api';
import { setHost, withHost } from './app-host';
import { expect, test } from './fixtures';
import { pagePngs, readPdf } from './pdf';

const SCREENS = 'test-results/screens';

/** Reads one row straight from the file, through a connection of its own. */
function stored(dbPath: string, sql: string): Record<string, unknown> | undefined {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get() as Record<string, unknown> | undefined;
  } finally {
    db.close();
  }
}

/** The save dialog answers with a file in a temp folder; printing is page.pdf of the app's page. */
function standInGlue(page: Page): { dir: string; saved: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kullregister-rapport-'));
  const saved: string[] = [];
  withHost({
    chooseSavePath: ({ defaultName }) => {
      const file = path.join(dir, defaultName);
      saved.push(file);
      return file;
    },
    printToPdf: async (file) => {
      const pdf = await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
      return pdf.length;
    },
    print: async () => true,
  });
  return { dir, saved };
}

test.afterEach(() => setHost(null));

async function openTab(page: Page, name: 'Deltakere' | 'Kull' | 'Rapport') {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 1, exact: true })).toBeVisible();
}

async function pickMonth(page: Page, year: number, month: number) {
  await page.getByRole('radio', { name: 'Måned' }).check();
  await page.getByRole('combobox', { name: 'År' }).selectOption(String(year));
  await page.getByRole('combobox', { name: 'Måned' }).selectOption(String(month));
}

/** The numbers of one form row on screen: Totalt, KVP, ØKS, Andre, % for each block. */
async function formRow(page: Page, key: string): Promise<string[]> {
  return page.locator(`.rapport-sheet tr[data-row="${key}"] td.kr-num`).allTextContents();
}

type NewDeltaker = Input<'deltaker:create'>;

/** Sixty older deltakere (so the grid must scroll to reach a row) and an October 2026 to report on. */
function seed(register: Register): void {
  call(register, 'settings:update', {
    tiltak: 'Sykkelvert',
    avdeling: 'Etat for sykehjem',
    kontaktperson: 'Kari Koordinator',
  });
  const kull = call(register, 'kull:create', { navn: 'Kull 14', startdato: '2026-08-03', kapasitet: 12 });
  for (let i = 1; i <= 60; i++) {
    call(register, 'deltaker:create', {
      navn: `Tidligere deltaker ${i}`,
      ytelse: 'OKS',
      henvist_dato: '2025-01-06',
      startdato: '2025-02-03',
      sluttdato: '2025-06-02',
      avslutning: 'PLAN',
      sluttarsak: 'AS',
    });
  }
  const october: NewDeltaker[] = [
    {
      navn: 'Sara Karimi',
      kull_id: kull.id,
      ytelse: 'KVP',
      henvist_dato: '2026-07-01',
      startdato: '2026-08-03',
      sluttdato: '2026-10-30',
      avslutning: 'PLAN',
      sluttarsak: 'A',
      ansatt_hos_brukersted: true,
    },
    {
      navn: 'Jonas Nilsen',
      kull_id: kull.id,
      ytelse: 'OKS',
      henvist_dato: '2026-07-01',
      startdato: '2026-08-03',
      sluttdato: '2026-10-30',
      avslutning: 'PLAN',
      sluttarsak: 'UT',
    },
    {
      navn: 'Amina Hassan',
      kull_id: kull.id,
      ytelse: 'KVP',
      henvist_dato: '2026-07-01',
      startdato: '2026-08-03',
      sluttdato: '2026-10-09',
      avslutning: 'DROP',
      dropout_arsak: 'Helseutfordringer',
    },
    { navn: 'Per Olsen', ytelse: 'AAP', henvist_dato: '2026-10-12' },
    { navn: 'Lise Berg', kull_id: kull.id, ytelse: 'KVP', henvist_dato: '2026-07-01', startdato: '2026-08-03' },
  ];
  for (const d of october) call(register, 'deltaker:create', d);
}

test('the month on screen: the form’s numbers, and a data-quality entry that opens the right row', async ({
  app,
  register,
  dbPath,
}) => {
  seed(register);
  await app.reload();

  // One more deltaker typed through the grid: completed as planned on 29 October, but without sluttårsak.
  await openTab(app, 'Deltakere');
  await expect(app.locator('.ag-row[row-id="1"]')).toBeVisible();
  await app.keyboard.press('Control+Enter');
  await expect(app.locator('.field-editor-input')).toBeFocused();
  await app.keyboard.type('Nina Nyberg');
  await app.keyboard.press('Tab');
  for (const [colId, text] of [
    ['kull_id', 'kull 14'],
    ['fodselsar', '1991'],
    ['kjonn', 'k'],
    ['landbakgrunn', ''],
    ['henvist_fra', 'NAV Årstad'],
    ['ytelse', 'kvp'],
    ['henvist_dato', '1.7.26'],
    ['startdato', '3.8.26'],
    ['brukersted', ''],
    ['veileder', ''],
    ['forlenget_til', ''],
    ['sluttdato', '29.10.2026'],
    ['avslutning', 'planmessig avsluttet'],
  ] as const) {
    await expect(app.locator(`.ag-cell[col-id="${colId}"] .field-editor-input`)).toBeFocused();
    await app.keyboard.type(text);
    await app.keyboard.press('Tab');
  }
  await app.keyboard.press('Escape');
  const nina = () => stored(dbPath, "SELECT id, avslutning FROM deltaker WHERE navn = 'Nina Nyberg'");
  await expect.poll(() => nina()?.avslutning).toBe('PLAN');
  const ninaId = nina()?.id as number;
  // The grid puts the stored row in place of the typed draft once it is quiet; leave it settled.
  await expect(app.locator(`.ag-row[row-id="${ninaId}"]`)).toHaveCount(1);

  await openTab(app, 'Rapport');
  await pickMonth(app, 2026, 10);
  await expect(app.locator('.rapport-sheet .kr-meta')).toContainText('oktober 2026');
  await expect(app.locator('.rapport-sheet .kr-meta')).toContainText('Sykkelvert');
  await expect(app.locator('.rapport-sheet .kr-meta')).toContainText('Etat for sykehjem');

  // Måneden: Totalt KVP ØKS Andre % | Hittil i år: the same five.
  expect(await formRow(app, 'gjennomfort')).toEqual(['3', '2', '1', '0', '75 %', '3', '2', '1', '0', '75 %']);
  expect(await formRow(app, 'drop_out')).toEqual(['1', '1', '0', '0', '', '1', '1', '0', '0', '']);
  expect(await formRow(app, 'henviste')).toEqual(['1', '0', '0', '1', '', '6', '4', '1', '1', '']);
  expect(await formRow(app, 'aktive_ved_slutt')).toEqual(['1', '1', '0', '0', '', '1', '1', '0', '0', '']);
  expect(await formRow(app, 'sluttarsak.A')).toEqual(['1', '1', '0', '0', '33 %', '1', '1', '0', '0', '33 %']);
  expect(await formRow(app, 'ansatt_hos_brukersted')).toEqual(['1', '1', '0', '0', '33 %', '1', '1', '0', '0', '33 %']);
  await expect(app.locator('.rapport-sheet')).not.toContainText('Nina Nyberg');

  // The data-quality list names her (on screen only) under the rule she breaks.
  const rule = app.locator('.quality-rule[data-rule="sluttarsak_mangler"]');
  await expect(rule.locator('.quality-count')).toHaveText('1');
  await expect(rule.getByRole('button', { name: 'Nina Nyberg' })).toBeVisible();
  fs.mkdirSync(SCREENS, { recursive: true });
  await app.screenshot({ path: `${SCREENS}/rapport.png` });

  await rule.getByRole('button', { name: 'Nina Nyberg' }).click();
  await expect(app.getByRole('tab', { name: 'Deltakere' })).toHaveAttribute('aria-selected', 'true');
  // Her row, at the field the rule is about (Sluttårsak, far to the right), scrolled into view and marked.
  const navn = app.locator(`.ag-row[row-id="${ninaId}"] .ag-cell[col-id="navn"]`);
  const field = app.locator(`.ag-row[row-id="${ninaId}"] .ag-cell[col-id="sluttarsak"]`);
  await expect(field).toBeInViewport({ ratio: 1 });
  await expect(field).toHaveClass(/ag-cell-focus/);
  await expect(field).toHaveClass(/cell-jump/);
  await expect(navn).toHaveText('Nina Nyberg');
  await expect(app.getByRole('combobox').first()).toHaveValue('alle');
  await expect(app.locator('.statusbar')).toContainText(
    'Nina Nyberg: Planmessig avsluttet uten sluttårsak. Se feltet «Sluttårsak».',
  );
  // The line under the grid names her and her rule; the grid, now lower, still shows her whole row.
  await expect(app.locator('.detail-line')).toContainText('Nina Nyberg');
  await expect(field).toBeInViewport({ ratio: 1 });
  await app.screenshot({ path: `${SCREENS}/rapport-hopp-til-deltaker.png` });
});

test('the demo register printed to PDF (A4, header, page numbers) and saved as Excel and CSV from the Rapport screen', async ({
  app,
  register,
}) => {
  call(register, 'settings:update', {
    tiltak: 'Sykkelvert',
    avdeling: 'Etat for sykehjem',
    kontaktperson: 'Kari Koordinator',
  });
  for (const kind of ['kull', 'deltakere'] as const) {
    const table = await readTable(path.resolve('resources/demo', `sykkelvert-${kind}.csv`));
    commitImport(register, planImport(register, kind, table));
  }
  const { saved } = standInGlue(app);
  await app.reload();
  await openTab(app, 'Rapport');
  fs.mkdirSync(SCREENS, { recursive: true });

  // A month with its hittil i år block.
  await pickMonth(app, 2021, 10);
  await expect(app.locator('.rapport-sheet .kr-meta')).toContainText('oktober 2021');
  await app.getByRole('button', { name: 'Lagre som PDF' }).click();
  await expect(app.getByRole('status')).toContainText('Lagret rapport-2021-10.pdf');
  const monthPdf = saved.at(-1) as string;
  const { text: monthText, pages: monthPages } = await readPdf(monthPdf);
  expect(monthText).toContain('Rapporteringsskjema til Etat for sosiale tjenester');
  expect(monthText).toMatch(/Tiltak:\s+Sykkelvert/);
  expect(monthText).toMatch(/Avdeling:\s+Etat for sykehjem/);
  expect(monthText).toMatch(/Periode:\s+oktober 2021/);
  expect(monthText).toMatch(/Laget:\s+\d\d\.\d\d\.\d{4}/);
  pagePngs(monthPdf, SCREENS, 'rapport-pdf-maaned');
  expect(monthPages).toBeGreaterThanOrEqual(2);
  expect(monthText).toContain(`Side 1 av ${monthPages}`);
  expect(monthText).toContain(`Side ${monthPages} av ${monthPages}`);
  expect(monthText).not.toMatch(/Lagre som|Datakvalitet\s+Hittil i år \(|Skriv ut/);

  // The whole five years as a free period, typed the Norwegian way.
  await app.getByRole('radio', { name: 'Fri periode' }).check();
  await app.getByRole('textbox', { name: 'Fra' }).fill('01.01.2018');
  await app.getByRole('textbox', { name: 'Til' }).fill('31.12.2022');
  await app.getByRole('button', { name: 'Vis' }).click();
  await expect(app.locator('.rapport-sheet .kr-meta')).toContainText('01.01.2018–31.12.2022');
  expect(await formRow(app, 'ansatt_hos_brukersted')).toEqual(['45', '11', '10', '24', '22 %']);
  await app.screenshot({ path: `${SCREENS}/rapport-hele-perioden.png` });
  await app.getByRole('button', { name: 'Lagre som PDF' }).click();
  await expect(app.getByRole('status')).toContainText('Lagret rapport-2018-01-01_2022-12-31.pdf');
  const allPdf = saved.at(-1) as string;
  const all = await readPdf(allPdf);
  pagePngs(allPdf, SCREENS, 'rapport-pdf-hele');
  expect(all.text).toContain(`Side ${all.pages} av ${all.pages}`);

  await app.getByRole('button', { name: 'Lagre som Excel' }).click();
  await expect(app.getByRole('status')).toContainText('Lagret rapport-2018-01-01_2022-12-31.xlsx');
  await app.getByRole('button', { name: 'Lagre som CSV' }).click();
  await expect(app.getByRole('status')).toContainText('Lagret rapport-2018-01-01_2022-12-31.csv');
  const csv = fs.readFileSync(saved.at(-1) as string, 'utf8');
  expect(csv).toContain('15;– herav ansatt hos brukerstedet;45;11;10;24;22');
  expect(csv).not.toContain('Sara Karimi');
});

test('without the app, printing says so in Norwegian instead of failing silently', async ({ app }) => {
  await openTab(app, 'Rapport');
  await app.getByRole('button', { name: 'Skriv ut' }).click();
  await expect(app.getByRole('status')).toContainText('Kullregister-programmets vindu');
});
