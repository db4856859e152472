/**
 * A leder moves an Excel register across: a workbook with a note sheet and a register sheet with
 * Norwegian headers, made with exceljs here, through the Importer wizard — sheet, columns (one left
 * out), the rows with problems, the import, the summary — with every result read back from the
 * database file. A large CSV shows the progress bar, and Avbryt leaves nothing behind. The file and
 * save dialogs cannot run here: the import glue stands in for them (as the report's does).
 * Writes PNGs of each step to test-results/screens/ for review.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { call } from '../../electron/api/handlers';
import { sendMenu, setHost, withHost, withMenu } from './app-host';
import { expect, test } from './fixtures';

const SCREENS = 'test-results/screens';

/** Reads rows straight from the file, through a connection of its own. */
function query(dbPath: string, sql: string): Record<string, unknown>[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/** The file dialog answers with `file`; the save dialog with a file of the suggested name in a temp folder. */
function standInDialogs(file: string): { saved: string[] } {
  const dir = tempFolder('kullregister-import-');
  const saved: string[] = [];
  withHost({
    chooseOpenPaths: () => [file],
    chooseSavePath: ({ defaultName }) => {
      const target = path.join(dir, defaultName);
      saved.push(target);
      return target;
    },
  });
  return { saved };
}

/** Temp folders of this file's tests (the workbook, the CSV, the saved summary), removed after each. */
const folders: string[] = [];
function tempFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

test.afterEach(() => {
  setHost(null);
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const HEADERS = [
  'Fullt navn',
  'Fødselsår',
  'Kjønn',
  'NAV-kontor',
  'Kull',
  'Henvist dato',
  'Startdato',
  'Sluttdato',
  'Sluttårsak',
  'Telefon',
  'Kommentar',
];

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** The register as a team keeps it in Excel: real dates, text dates, labels instead of codes, one bad year. */
async function leadersWorkbook(dir: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const note = book.addWorksheet('Instruks');
  note.addRow(['Deltakerregister Sykkelvert 2026. Ett navn per rad.']);
  const sheet = book.addWorksheet('Deltakere 2026');
  sheet.addRow(HEADERS);
  const rows: (string | number | Date | null)[][] = [
    [
      'Sara Karimi',
      1994,
      'K',
      'NAV Årstad',
      'Vår 2026',
      day(2026, 1, 12),
      day(2026, 2, 2),
      null,
      null,
      '900 11 222',
      'Har førerkort',
    ],
    [
      'Jonas Nilsen',
      1984,
      'Mann',
      'NAV Bergen Sør',
      'Vår 2026',
      '13.01.2026',
      '02.02.2026',
      '29.05.2026',
      'Arbeid deltid',
      null,
      null,
    ],
    ['Amina Hassan', '19x5', 'K', 'NAV Årstad', 'Vår 2026', '14.01.2026', '02.02.2026', null, null, '911 22 333', null],
    ['Per Olsen', 1978, 'M', 'NAV Fana', null, '2.3.26', null, null, null, null, 'Venter på oppstart'],
    ['Lise Berg', 1990, 'Kvinne', 'nav årstad', 'Vår 2026', '15.01.2026', '02.02.2026', '30.04.2026', 'UT', null, null],
    ['Hassan Osman', 1999, 'M', 'Ny sjanse', 'Vår 2026', '16.01.2026', '02.02.2026', null, null, null, null],
  ];
  for (const row of rows) sheet.addRow(row);
  const file = path.join(dir, 'Deltakerregister Sykkelvert.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

/** A picture of the whole wizard page: the window is made as tall as the page for the shot. */
async function shoot(page: Page, name: string) {
  const size = page.viewportSize() ?? { width: 1440, height: 900 };
  const height = await page.locator('.import-page').evaluate((el) => el.getBoundingClientRect().top + el.scrollHeight);
  if (height > size.height) await page.setViewportSize({ width: size.width, height: Math.ceil(height) });
  await page.screenshot({ path: `${SCREENS}/${name}.png` });
  await page.setViewportSize(size);
}

async function openImport(page: Page) {
  await page.getByRole('tab', { name: 'Importer' }).click();
  await expect(page.getByRole('heading', { name: 'Importer fra regneark', level: 1 })).toBeVisible();
}

test('an Excel workbook with Norwegian headers, through the wizard, into the database', async ({
  app,
  register,
  dbPath,
}) => {
  call(register, 'kull:create', { navn: 'Vår 2026', startdato: '2026-02-02' });
  const dir = tempFolder('kullregister-arbeidsbok-');
  const { saved } = standInDialogs(await leadersWorkbook(dir));
  await app.reload();
  await openImport(app);

  // 1 Velg fil
  await expect(app.getByRole('radio', { name: /Deltakere/ })).toBeChecked();
  await shoot(app, 'import-1-fil');
  await app.getByRole('button', { name: 'Velg fil …' }).click();

  // 2 Velg ark: the register sheet, not the note
  await expect(app.getByRole('heading', { name: 'Velg ark' })).toBeVisible();
  await expect(app.getByText('har 2 ark')).toBeVisible();
  await app.getByRole('radio', { name: /Deltakere 2026/ }).check();
  await shoot(app, 'import-2-ark');
  await app.getByRole('button', { name: 'Neste' }).click();

  // 3 Koble kolonner: matched by label and synonym; Telefon has no field; the user leaves Kommentar out
  await expect(app.getByRole('heading', { name: 'Koble kolonner' })).toBeVisible();
  const field = (header: string) => app.getByRole('combobox', { name: header, exact: true });
  await expect(field('Fullt navn')).toHaveValue('navn');
  await expect(field('Fødselsår')).toHaveValue('fodselsar');
  await expect(field('NAV-kontor')).toHaveValue('henvist_fra');
  await expect(field('Startdato')).toHaveValue('startdato');
  await expect(field('Sluttårsak')).toHaveValue('sluttarsak');
  await expect(field('Kull')).toHaveValue('kull_id');
  await expect(field('Kommentar')).toHaveValue('merknad');
  await expect(field('Telefon')).toHaveValue('');
  await expect(app.getByText('Ingen felt heter «Telefon».')).toBeVisible();
  await field('Kommentar').selectOption({ label: 'Ikke importer' });
  // Choosing a field twice is caught before anything is read.
  await field('Sluttdato').selectOption('startdato');
  await expect(app.getByRole('alert')).toContainText('Feltet Startdato er valgt for flere kolonner');
  await expect(app.getByRole('button', { name: 'Kontroller radene' })).toBeDisabled();
  await field('Sluttdato').selectOption('sluttdato');
  await expect(app.getByRole('alert')).toHaveCount(0);
  await shoot(app, 'import-3-kolonner');
  await app.getByRole('button', { name: 'Kontroller radene' }).click();

  // 4 Kontroller: five rows in, the bad year listed with its line, field and reason; nothing saved yet
  await expect(app.getByRole('heading', { name: 'Kontroller radene' })).toBeVisible();
  await expect(app.getByText('5 deltakere kan importeres.')).toBeVisible();
  await expect(app.getByText('1 rad har feil og blir ikke importert.')).toBeVisible();
  await expect(app.getByText('Nye verdier i listene: Henvist fra: «NAV Fana».')).toBeVisible();
  const problem = app.locator('.import-problems tbody tr');
  await expect(problem).toHaveCount(1);
  await expect(problem.locator('td')).toHaveText([
    '4',
    'Fødselsår',
    '19x5',
    '«19x5» er ikke et heltall (Fødselsår). Skriv bare sifre.',
  ]);
  const firstRows = app.locator('.import-sample tbody tr');
  await expect(firstRows.nth(0)).toContainText('Sara Karimi');
  await expect(firstRows.nth(0)).toContainText('12.01.2026');
  await expect(firstRows.nth(1)).toContainText('Arbeid deltid');
  expect(query(dbPath, 'SELECT count(*) AS n FROM deltaker')[0]?.n).toBe(0);
  await shoot(app, 'import-4-kontroll');
  await app.getByRole('button', { name: 'Importer 5 deltakere' }).click();

  // 5–6 Ferdig, and in the database exactly what the sheet said
  await expect(app.getByRole('heading', { name: 'Importen er ferdig' })).toBeVisible();
  await expect(app.getByText('5 deltakere ble importert.')).toBeVisible();
  await app.getByRole('button', { name: 'Lagre sammendrag …' }).click();
  await expect(app.getByRole('status')).toContainText('Sammendraget er lagret');
  await shoot(app, 'import-6-ferdig');

  const kullId = query(dbPath, "SELECT id FROM kull WHERE navn = 'Vår 2026'")[0]?.id;
  expect(
    query(
      dbPath,
      'SELECT navn, fodselsar, kjonn, henvist_fra, kull_id, henvist_dato, startdato, sluttdato, sluttarsak, merknad FROM deltaker ORDER BY id',
    ),
  ).toEqual([
    {
      navn: 'Sara Karimi',
      fodselsar: 1994,
      kjonn: 'K',
      henvist_fra: 'NAV Årstad',
      kull_id: kullId,
      henvist_dato: '2026-01-12',
      startdato: '2026-02-02',
      sluttdato: null,
      sluttarsak: null,
      merknad: null,
    },
    {
      navn: 'Jonas Nilsen',
      fodselsar: 1984,
      kjonn: 'M',
      henvist_fra: 'NAV Bergen Sør',
      kull_id: kullId,
      henvist_dato: '2026-01-13',
      startdato: '2026-02-02',
      sluttdato: '2026-05-29',
      sluttarsak: 'AD',
      merknad: null,
    },
    {
      navn: 'Per Olsen',
      fodselsar: 1978,
      kjonn: 'M',
      henvist_fra: 'NAV Fana',
      kull_id: null,
      henvist_dato: '2026-03-02',
      startdato: null,
      sluttdato: null,
      sluttarsak: null,
      merknad: null,
    },
    {
      navn: 'Lise Berg',
      fodselsar: 1990,
      kjonn: 'K',
      henvist_fra: 'NAV Årstad',
      kull_id: kullId,
      henvist_dato: '2026-01-15',
      startdato: '2026-02-02',
      sluttdato: '2026-04-30',
      sluttarsak: 'UT',
      merknad: null,
    },
    {
      navn: 'Hassan Osman',
      fodselsar: 1999,
      kjonn: 'M',
      henvist_fra: 'Ny sjanse',
      kull_id: kullId,
      henvist_dato: '2026-01-16',
      startdato: '2026-02-02',
      sluttdato: null,
      sluttarsak: null,
      merknad: null,
    },
  ]);
  expect(query(dbPath, "SELECT verdi FROM kodeverdi WHERE liste = 'henvist_fra' AND verdi = 'NAV Fana'")).toHaveLength(
    1,
  );

  // The summary: counts and the bad line with its reason, and not a single name.
  expect(saved).toHaveLength(1);
  const summary = fs.readFileSync(saved[0] as string, 'utf8');
  expect(summary).toContain('Importert;5');
  expect(summary).toContain('Ikke importert (feil);1');
  expect(summary).toContain('4;Fødselsår;19x5;');
  for (const name of ['Sara', 'Jonas', 'Amina', 'Per', 'Lise', 'Hassan']) expect(summary).not.toContain(name);

  // Vis deltakerne: the grid, with the first imported row.
  await app.getByRole('button', { name: 'Vis deltakerne' }).click();
  await expect(app.getByRole('heading', { name: 'Deltakere', level: 1 })).toBeVisible();
  await expect(app.getByText('Sara Karimi').first()).toBeVisible();
});

test('a hidden sheet is marked «Skjult ark» and not chosen; the visible one is (issue 11, item 14)', async ({
  app,
}) => {
  const dir = tempFolder('kullregister-skjult-');
  const book = new ExcelJS.Workbook();
  const hidden = book.addWorksheet('Gammel liste 2019');
  hidden.state = 'hidden';
  hidden.addRow(HEADERS);
  hidden.addRow(['Gammel Person', 1950, 'K', 'NAV Fana', null, '01.02.2019', '01.03.2019', null, null, null, null]);
  const sheet = book.addWorksheet('Deltakere 2026');
  sheet.addRow(HEADERS);
  sheet.addRow([
    'Sara Karimi',
    1994,
    'K',
    'NAV Årstad',
    null,
    day(2026, 1, 12),
    day(2026, 2, 2),
    null,
    null,
    null,
    null,
  ]);
  book.addWorksheet('Koder').addRow(['Kjønn', 'K', 'M']);
  const file = path.join(dir, 'Med skjult ark.xlsx');
  await book.xlsx.writeFile(file);
  standInDialogs(file);
  await app.reload();
  await openImport(app);
  await app.getByRole('button', { name: 'Velg fil …' }).click();

  await expect(app.getByRole('heading', { name: 'Velg ark' })).toBeVisible();
  await expect(app.getByText('Ett ark er skjult')).toBeVisible();
  const hiddenRadio = app.getByRole('radio', { name: /Gammel liste 2019/ });
  await expect(hiddenRadio).not.toBeChecked();
  await expect(app.locator('.import-sheet-hidden')).toContainText('Skjult ark');
  await expect(app.getByRole('radio', { name: /Deltakere 2026/ })).toBeChecked();
  await shoot(app, 'import-2-ark-skjult');
  await app.getByRole('button', { name: 'Neste' }).click();
  await expect(app.getByRole('heading', { name: 'Koble kolonner' })).toBeVisible();
  await expect(app.getByText('Sara Karimi').first()).toBeVisible();
});

test('a large CSV shows its progress; Avbryt leaves the register as it was, and a second try imports it all', async ({
  app,
  dbPath,
}) => {
  const dir = tempFolder('kullregister-stor-');
  const file = path.join(dir, 'alle deltakere.csv');
  // Every field filled, so each row is a full insert with its change-log lines: seconds of work to watch.
  const lines = ['Navn;Fødselsår;Kjønn;Landbakgrunn;NAV-kontor;Ytelse;Henvist dato;Startdato;Veileder;Merknad'];
  for (let i = 1; i <= 60_000; i++) {
    lines.push(`Deltaker ${i};${1960 + (i % 45)};K;Norge;NAV Årstad;KVP;03.02.2025;03.03.2025;Kari;Notat ${i}`);
  }
  fs.writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  standInDialogs(file);
  const count = (sql: string) => query(dbPath, sql)[0]?.n;
  const listBefore = count('SELECT count(*) AS n FROM kodeverdi');
  await openImport(app);

  await app.getByRole('button', { name: 'Velg fil …' }).click();
  await expect(app.getByRole('heading', { name: 'Koble kolonner' })).toBeVisible();
  await app.getByRole('button', { name: 'Kontroller radene' }).click();
  await expect(app.getByText('60 000 deltakere kan importeres.')).toBeVisible();

  // Avbryt as soon as rows are going in: all of it is rolled back.
  await app.getByRole('button', { name: 'Importer 60 000 deltakere' }).click();
  const bar = app.getByRole('progressbar');
  await expect(bar).toHaveAttribute('value', /^[1-9]/);
  await app.getByRole('button', { name: 'Avbryt' }).click();
  await expect(app.getByRole('heading', { name: 'Kontroller radene' })).toBeVisible();
  await expect(app.getByRole('status')).toContainText('Importen ble avbrutt. Ingenting ble importert.');
  expect(count('SELECT count(*) AS n FROM deltaker')).toBe(0);
  expect(count('SELECT count(*) AS n FROM kodeverdi')).toBe(listBefore);
  expect(count("SELECT count(*) AS n FROM endringslogg WHERE tabell = 'deltaker'")).toBe(0);

  // Again, to the end; the bar on the way (the picture is for review; the file is checked after).
  await app.getByRole('button', { name: 'Importer 60 000 deltakere' }).click();
  await expect(bar).toHaveAttribute('value', /^[1-9]/);
  await shoot(app, 'import-5-importerer');
  await expect(app.getByRole('heading', { name: 'Importen er ferdig' })).toBeVisible({ timeout: 30_000 });
  await expect(app.getByText('60 000 deltakere ble importert.')).toBeVisible();
  expect(count('SELECT count(*) AS n FROM deltaker')).toBe(60_000);
  expect(count("SELECT count(*) AS n FROM deltaker WHERE navn = 'Deltaker 60000' AND merknad = 'Notat 60000'")).toBe(1);
});

test('Fil → Importer opens the wizard from any screen', async ({ app }) => {
  await withMenu(app);
  await expect(app.getByRole('heading', { name: 'Deltakere', level: 1 })).toBeVisible();
  await sendMenu(app, 'importer');
  await expect(app.getByRole('heading', { name: 'Importer fra regneark', level: 1 })).toBeVisible();
  await expect(app.getByRole('tab', { name: 'Importer' })).toHaveAttribute('aria-selected', 'true');
});

/** 238 deltakere in 13 kull the register does not have yet (a deltaker file imported before its kull file). */
function deltakereBeforeTheirKull(dir: string): string {
  const lines = ['Navn;Fødselsår;Kull;Henvist dato;Startdato'];
  for (let i = 1; i <= 238; i++) {
    const kull = ((i - 1) % 13) + 1;
    // Kull n starts in month n (2024–2025); the earliest startdato of its rows is the 1st.
    const month = ((kull - 1) % 12) + 1;
    const year = kull > 12 ? 2025 : 2024;
    const day = String(1 + Math.floor((i - 1) / 13)).padStart(2, '0');
    const mm = String(month).padStart(2, '0');
    lines.push(`Deltaker ${i};${1970 + (i % 30)};Kull ${kull};01.${mm}.${year};${day}.${mm}.${year}`);
  }
  const file = path.join(dir, 'deltakere uten kull.csv');
  fs.writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  return file;
}

test('deltakere before their kull: one line for 13 missing kull, «Opprett kullene» creates them, and a second import says every row is there (issue 16, item 7)', async ({
  app,
  dbPath,
}) => {
  const dir = tempFolder('kullregister-uten-kull-');
  standInDialogs(deltakereBeforeTheirKull(dir));
  await openImport(app);
  await app.getByRole('button', { name: 'Velg fil …' }).click();
  await expect(app.getByRole('heading', { name: 'Koble kolonner' })).toBeVisible();
  await app.getByRole('button', { name: 'Kontroller radene' }).click();

  // One line for the reason, not 238; no green tick on nothing; no advice to fix a file that is fine.
  await expect(app.getByRole('heading', { name: 'Kontroller radene' })).toBeVisible();
  const counts = app.locator('.import-counts');
  await expect(counts).toContainText(
    '13 kull finnes ikke i registeret: Kull 1, Kull 2, Kull 3, Kull 4, Kull 5, Kull 6, Kull 7, Kull 8 og 5 til (238 rader).',
  );
  await expect(counts).toContainText('Ingen deltakere kan importeres');
  await expect(app.locator('.import-count-ok')).toHaveCount(0);
  await expect(app.locator('.import-problems')).toHaveCount(0);
  await expect(app.getByText('Finner ikke kullet')).toHaveCount(0);
  await expect(app.getByText('Rett feilene i filen')).toHaveCount(0);
  await expect(app.getByText('Ingen rader kan importeres før kullene finnes.')).toBeVisible();
  await expect(app.getByRole('radio', { name: /Ikke importer disse radene/ })).toBeChecked();
  await expect(app.getByRole('button', { name: 'Importer 0 deltakere' })).toBeDisabled();
  await expect(app.locator('.import-missing-kull')).toContainText('Kull 1 (01.01.2024)');
  await shoot(app, 'import-kull-mangler');

  // «Opprett de 13 kullene»: each with its rows' earliest startdato, shown before anything is written.
  await app.getByRole('radio', { name: /Opprett de 13 kullene/ }).check();
  await expect(app.getByText('238 deltakere kan importeres.')).toBeVisible();
  await expect(app.locator('.import-missing-kull')).toContainText('Kull 1 (01.01.2024)');
  await expect(app.locator('.import-missing-kull')).toContainText('Kull 2 (01.02.2024)');
  await expect(app.locator('.import-sample tbody tr').first()).toContainText('Kull 1 (nytt)');
  expect(query(dbPath, 'SELECT count(*) AS n FROM kull')[0]?.n).toBe(0);
  await shoot(app, 'import-kull-opprett');
  await app.getByRole('button', { name: 'Importer 238 deltakere' }).click();
  await expect(app.getByRole('heading', { name: 'Importen er ferdig' })).toBeVisible();
  await expect(app.getByText('238 deltakere ble importert.')).toBeVisible();
  await expect(counts).toContainText('Opprettet 13 kull.');

  const kull = query(dbPath, 'SELECT navn, startdato FROM kull ORDER BY id');
  expect(kull).toHaveLength(13);
  expect(kull[0]).toEqual({ navn: 'Kull 1', startdato: '2024-01-01' });
  expect(kull[12]).toEqual({ navn: 'Kull 13', startdato: '2025-01-01' });
  expect(query(dbPath, 'SELECT count(*) AS n FROM deltaker WHERE kull_id IS NOT NULL')[0]?.n).toBe(238);
  expect(
    query(dbPath, "SELECT k.navn FROM deltaker d JOIN kull k ON k.id = d.kull_id WHERE d.navn = 'Deltaker 14'")[0]
      ?.navn,
  ).toBe('Kull 1');

  // The same file again: every row is there already, and it says so.
  await app.getByRole('button', { name: 'Importer en fil til' }).click();
  await app.getByRole('button', { name: 'Velg fil …' }).click();
  await app.getByRole('button', { name: 'Kontroller radene' }).click();
  await expect(app.getByText('238 rader finnes fra før og hoppes over')).toBeVisible();
  await expect(
    app.getByText('Alle 238 rader i filen finnes fra før i registeret, så det er ingenting å importere.'),
  ).toBeVisible();
  await expect(app.getByText('Rett feilene i filen')).toHaveCount(0);
  await expect(app.locator('.import-missing-kull')).toHaveCount(0);
  await shoot(app, 'import-alt-finnes');
  expect(query(dbPath, 'SELECT count(*) AS n FROM deltaker')[0]?.n).toBe(238);
});

test('«Importer deltakerne uten kull» stores them with no kull; the other problems stay one line per reason; a backup is taken first', async ({
  app,
  dbPath,
  appFolders,
  session,
}) => {
  await session.idle(); // the day's first backup, taken at open
  const dir = tempFolder('kullregister-uten-kull-');
  const file = path.join(dir, 'to kull mangler.csv');
  fs.writeFileSync(
    file,
    [
      'Navn;Fødselsår;Kull',
      'Ada Berg;1990;Høst 2030',
      'Bo Ek;19x0;Høst 2030',
      'Cia Dahl;19x0;Vår 2031',
      'Dag Fjell;1985;Vår 2031',
      'Eva Gran;1988;',
    ].join('\n'),
  );
  standInDialogs(file);
  await openImport(app);
  await app.getByRole('button', { name: 'Velg fil …' }).click();
  await app.getByRole('button', { name: 'Kontroller radene' }).click();
  await expect(app.locator('.import-counts')).toContainText(
    '2 kull finnes ikke i registeret: Høst 2030 og Vår 2031 (4 rader).',
  );
  await expect(app.getByText('1 deltaker kan importeres.')).toBeVisible();
  // Two lines with the same bad year are one row of the table, with both line numbers.
  const problem = app.locator('.import-problems tbody tr');
  await expect(problem).toHaveCount(1);
  await expect(problem.locator('td').first()).toHaveText('3 og 4');

  await app.getByRole('radio', { name: /Importer deltakerne uten kull/ }).check();
  await expect(app.getByText('3 deltakere kan importeres.')).toBeVisible();
  await app.getByRole('button', { name: 'Importer 3 deltakere' }).click();
  await expect(app.getByText('3 deltakere ble importert.')).toBeVisible();
  expect(query(dbPath, 'SELECT navn, kull_id FROM deltaker ORDER BY id')).toEqual([
    { navn: 'Ada Berg', kull_id: null },
    { navn: 'Dag Fjell', kull_id: null },
    { navn: 'Eva Gran', kull_id: null },
  ]);
  expect(query(dbPath, 'SELECT count(*) AS n FROM kull')[0]?.n).toBe(0);

  // A backup was taken just before (issue 16, item 13): the restore dialog says the import would go.
  await expect(app.getByText(/Registeret slik det var før importen, er lagret som sikkerhetskopi/)).toBeVisible();
  const before = fs.readdirSync(appFolders.backupFolder).filter((name) => name.endsWith('--for-import.sqlite'));
  expect(before).toHaveLength(1);
  expect(
    query(path.join(appFolders.backupFolder, before[0] as string), 'SELECT count(*) AS n FROM deltaker')[0]?.n,
  ).toBe(0);
  await app.getByRole('tab', { name: 'Register og sikkerhet' }).click();
  const row = app
    .getByRole('table', { name: 'Sikkerhetskopier' })
    .locator('tbody tr')
    .filter({ hasText: 'Før import' });
  await row.getByRole('button', { name: /Gjenopprett/ }).click();
  const dialog = app.getByRole('dialog', { name: 'Gjenopprette sikkerhetskopien?' });
  await expect(dialog.locator('.restore-compare tbody tr').first().locator('td')).toHaveText(['0 (3 færre)', '3']);
  await expect(dialog).toContainText('blant dem 3 nye rader');
  await expect(dialog.getByRole('button', { name: 'Gjenopprett og fjern 3 deltakere' })).toBeVisible();
  await app.screenshot({ path: `${SCREENS}/import-restore-compare.png` });
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  expect(query(dbPath, 'SELECT count(*) AS n FROM deltaker')[0]?.n).toBe(3);
});
