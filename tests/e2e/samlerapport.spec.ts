/**
 * The koordinator's Samlerapport in the real renderer, with no register open: from the start screen,
 * four tiltak's files (three .kullrapport.json, one XLSX, made from real registers through the real
 * handlers) chosen in the file dialog, then three more dropped on the window — a hand-edited file, a
 * file of another period and a file with a name in it — which are refused with clear Norwegian
 * messages while the city's form equals the sum. Saved as PDF (page.pdf of the same page, as the app's
 * printToPDF), XLSX, CSV and JSON, with no name from any register in any of them; the printed pages
 * and the screen are written as PNGs to test-results/screens for review.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { invoke } from '../../electron/api/handlers';
import { resetSamle } from '../../electron/api/samlerapport';
import { RegisterSession } from '../../electron/register/session';
import { createDeltaker } from '../../electron/store/deltakere';
import { createKull } from '../../electron/store/kull';
import { openRegister } from '../../electron/store/open';
import { buildReportFromRegister } from '../../electron/store/report';
import { updateSettings } from '../../electron/store/settings';
import { type DialogAnswers, installAppHost, setHost, withHost } from './app-host';
import { test as base, E2E_USER, expect } from './fixtures';
import { pagePngs, readPdf } from './pdf';

const SCREENS = 'test-results/screens';
const NAMES = ['Kari Hemmeligsen', 'Ola Skjultvik', 'Siri Anonymsdatter', 'Per Privatsen', 'Nina Navnløs'];
const TILTAK = ['Mat & prat', 'Sykkelvert', 'Ny start', 'Grønt arbeid'];
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };

const test = base.extend<{ answers: DialogAnswers }>({
  // No register open: the koordinator keeps none.
  session: async ({ appFolders }, use) => {
    const session = new RegisterSession({
      configFile: appFolders.configFile,
      defaultBackupFolder: appFolders.backupFolder,
      user: E2E_USER,
      heartbeatMs: null,
    });
    await use(session);
    await session.idle();
    session.close();
  },
  answers: [
    async ({ session, appFolders }, use) => {
      resetSamle();
      await use(installAppHost(session, appFolders).answers);
      setHost(null);
      resetSamle();
    },
    { auto: true },
  ],
});

test.afterEach(() => setHost(null));

type Made = { inbox: string; good: string[]; bad: { name: string; data: string }[]; henviste: number; innom: number };

/** Four real registers, each with names in it, and the files their handlers write (as the command line does: no host). */
async function makeFiles(): Promise<Made> {
  const restoreHost = withHost({});
  setHost(null);
  try {
    return await makeFilesWithoutHost();
  } finally {
    restoreHost();
  }
}

async function makeFilesWithoutHost(): Promise<Made> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kullregister-samle-'));
  const inbox = path.join(dir, 'innboks');
  fs.mkdirSync(inbox);
  const good: string[] = [];
  let henviste = 0;
  let innom = 0;
  const bad: { name: string; data: string }[] = [];
  for (const [i, tiltak] of TILTAK.entries()) {
    const reg = openRegister(path.join(dir, `${i}.sqlite`), { create: true, user: E2E_USER });
    try {
      updateSettings(reg, { tiltak, avdeling: 'Ny sjanse', kontaktperson: `Kontakt ${i}`, opptak: 'kull' });
      const kull = createKull(reg, {
        navn: `Høst 2026 ${i + 1}`,
        startdato: '2026-08-03',
        planlagt_sluttdato: '2026-12-18',
      });
      for (let n = 0; n <= i + 1; n++) {
        createDeltaker(reg, {
          navn: NAMES[(n + i) % NAMES.length] as string,
          fodselsar: 1980 + n,
          kjonn: n % 2 ? 'M' : 'K',
          ytelse: n % 3 === 0 ? 'KVP' : 'OKS',
          henvist_fra: n % 2 ? 'NAV Årstad' : 'nav årstad ',
          henvist_dato: `2026-10-0${n + 1}`,
          startdato: n < 2 ? '2026-10-12' : null,
          kull_id: n < 2 ? kull.id : null,
        });
      }
      const own = buildReportFromRegister(reg, OCTOBER.from, OCTOBER.to);
      henviste += own.rows.henviste?.total ?? 0;
      innom += own.rows.innom?.total ?? 0;
      const format = i === 3 ? 'xlsx' : 'kullrapport';
      const file = path.join(inbox, i === 3 ? `${tiltak}.xlsx` : `${tiltak} oktober.kullrapport.json`);
      const saved = await invoke(reg, 'report:export', { ...OCTOBER, monthly: true, format, path: file });
      if (!saved.ok) throw new Error(saved.error.message);
      good.push(file);
      if (i === 0) {
        // The same tiltak's file for September: another period.
        const sept = path.join(dir, 'Mat & prat september.kullrapport.json');
        await invoke(reg, 'report:export', { from: '2026-09-01', to: '2026-09-30', format: 'kullrapport', path: sept });
        bad.push({ name: path.basename(sept), data: fs.readFileSync(sept).toString('base64') });
      }
    } finally {
      reg.close();
    }
  }
  // A file edited by hand (one number changed), and one with a name added (checksum and all).
  const text = fs.readFileSync(good[1] as string, 'utf8');
  const edited = text.replace(/"total": (\d+)/, (_, n) => `"total": ${Number(n) + 3}`);
  bad.push({ name: 'Sykkelvert rettet.kullrapport.json', data: Buffer.from(edited).toString('base64') });
  const withName = JSON.parse(fs.readFileSync(good[2] as string, 'utf8'));
  withName.periods[0].datakvalitet[0].navn = NAMES[4];
  bad.push({
    name: 'Ny start med navn.kullrapport.json',
    data: Buffer.from(JSON.stringify(withName)).toString('base64'),
  });
  return { inbox, good, bad, henviste, innom };
}

async function drop(page: Page, files: { name: string; data: string }[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { type: 'application/json' }));
    }
    return transfer;
  }, files);
  await page.dispatchEvent('.samle-screen', 'dragover', { dataTransfer });
  await page.dispatchEvent('.samle-screen', 'drop', { dataTransfer });
}

function expectNoNames(text: string, what: string): void {
  for (const name of NAMES) expect(text, `${what} holds no name`).not.toContain(name);
}

test('the samlerapport from four tiltak, with no register open; three bad files refused', async ({ app, answers }) => {
  test.setTimeout(180_000);
  const made = await makeFiles();
  const saveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kullregister-samle-ut-'));
  withHost({
    chooseSavePath: ({ defaultName }) => path.join(saveDir, defaultName),
    printToPdf: async (file) => (await app.pdf({ path: file, printBackground: true, preferCSSPageSize: true })).length,
    print: async () => true,
  });

  await app.getByRole('button', { name: 'Lag samlerapport' }).click();
  await expect(app.getByRole('heading', { name: 'Samlerapport', level: 1 })).toBeVisible();
  await expect(app.getByText('Dra rapportfilene fra tiltakene hit')).toBeVisible();

  // The koordinator's settings: the kommune's name and who should deliver.
  await app.getByText('Innstillinger for samlerapporten').click();
  await app.getByLabel('Kommunens navn').fill('Bergen');
  await app.getByLabel('Tiltak som skal levere').fill([...TILTAK, 'Jobbsjansen'].join('\n'));
  await app.getByRole('button', { name: 'Lagre innstillingene' }).click();
  await expect(app.getByRole('status')).toContainText('Innstillingene er lagret');

  answers.reportFiles = made.good;
  await app.getByRole('button', { name: 'Velg filer …' }).click();
  await expect(app.getByRole('status')).toContainText('4 filer lagt til');
  await expect(app.getByLabel('Periode')).toHaveValue(`${OCTOBER.from}/${OCTOBER.to}`);
  const form = app.locator('table[data-table="form"]').first();
  await expect(form).toContainText('Bergen totalt');
  // The total's Totalt column equals the sum of the four registers' own reports.
  await expect(form.locator('tr[data-row="henviste"] td').nth(2)).toHaveText(String(made.henviste));
  await expect(form.locator('tr[data-row="innom"] td').nth(2)).toHaveText(String(made.innom));
  const missing = app.getByRole('region', { name: /Hvem mangler/ });
  await expect(missing).toContainText('Jobbsjansen');
  await expect(missing).not.toContainText('Sykkelvert');

  await drop(app, made.bad);
  await expect(app.getByRole('status')).toContainText('3 filer lagt til. 2 kan ikke brukes');
  const files = app.getByRole('region', { name: /^Filer/ });
  await expect(files).toContainText('«Sykkelvert rettet.kullrapport.json» er endret etter at den ble laget');
  await expect(files).toContainText('«Ny start med navn.kullrapport.json» ser ut til å inneholde personopplysninger');
  await expect(files).toContainText(
    '«Mat & prat september.kullrapport.json» har ikke perioden oktober 2026. Den har: september 2026',
  );
  // Nothing of the refused files counts: the total is still the sum of the four.
  await expect(form.locator('tr[data-row="henviste"] td').nth(2)).toHaveText(String(made.henviste));
  expectNoNames(await app.locator('body').innerText(), 'the screen');
  await app.screenshot({ path: `${SCREENS}/samlerapport.png`, fullPage: false });

  for (const label of ['Lagre som PDF', 'Lagre som Excel', 'Lagre som CSV', 'Lagre som JSON']) {
    await app.getByRole('button', { name: label }).click();
    await expect(app.getByRole('status')).toContainText('Lagret samlerapport-2026-10-01_2026-10-31');
  }
  const out = (ext: string) => path.join(saveDir, `samlerapport-2026-10-01_2026-10-31.${ext}`);
  const pdf = await readPdf(out('pdf'));
  expect(pdf.text).toContain('Bergen totalt');
  expect(pdf.pages).toBeGreaterThan(1);
  // Row labels repeat on every page of the form's parts (A4 landscape with four tiltak).
  for (const page of pdf.pageTexts.filter((t) => t.includes('(fortsatt)') && t.includes('Rapporteringsskjema'))) {
    expect(page).toContain('Antall henviste i perioden');
  }
  expectNoNames(pdf.text, 'the PDF');
  pagePngs(out('pdf'), SCREENS, 'samlerapport-pdf');
  expectNoNames(fs.readFileSync(out('csv'), 'utf8'), 'the CSV');
  const json = fs.readFileSync(out('json'), 'utf8');
  expectNoNames(json, 'the JSON');
  expect(JSON.parse(json).refused).toHaveLength(3);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out('xlsx'));
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
  expectNoNames(cells.join('\n'), 'the XLSX');
  expect(workbook.worksheets.map((s) => s.name)).toContain('Skjema');
});
