/**
 * The grids as Excel users expect them: a block pasted from a spreadsheet, the cells it could not
 * store listed, undo in one step, copy, fill down, Delete, and export. Every result is read from
 * the SQLite file itself, through a connection of the test's own.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { call } from '../../electron/api/handlers';
import { withHost } from './app-host';
import { expect, test } from './fixtures';

function query(dbPath: string, sql: string, ...params: unknown[]): Record<string, unknown>[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

const cell = (page: Page, rowId: number | string, colId: string) =>
  page.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);

/**
 * Puts text on the browser's real clipboard: a helper element answers the browser's own Ctrl+C
 * with exactly this text (CRLF and all), as Excel's copy would.
 */
async function putOnClipboard(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => {
    const source = document.createElement('div');
    source.id = 'test-clipboard-source';
    source.tabIndex = -1;
    source.addEventListener('copy', (event) => {
      event.clipboardData?.setData('text/plain', value);
      event.preventDefault();
    });
    document.body.append(source);
    source.focus();
  }, text);
  await page.keyboard.press('Control+C');
  await page.evaluate(() => document.getElementById('test-clipboard-source')?.remove());
}

/** What is on the browser's clipboard now, read by a real Ctrl+V into a helper element. */
async function readClipboard(page: Page): Promise<string> {
  const returnTo = await page.evaluate(() => {
    const target = document.createElement('div');
    target.id = 'test-clipboard-target';
    target.tabIndex = -1;
    target.addEventListener('paste', (event) => {
      target.dataset.text = event.clipboardData?.getData('text/plain') ?? '';
      event.preventDefault();
    });
    document.body.append(target);
    target.focus();
    return null;
  });
  void returnTo;
  await page.keyboard.press('Control+V');
  return page.evaluate(() => {
    const target = document.getElementById('test-clipboard-target');
    const text = target?.dataset.text ?? '';
    target?.remove();
    return text;
  });
}

const HEADER = ['Navn', 'Kull', 'Fødselsår', 'Kjønn', 'Landbakgrunn', 'Henvist fra', 'Ytelse', 'Henvist dato'];
void HEADER;

/** Thirty rows of eight columns as a leder's sheet holds them; rows 7 and 19 carry a mistake each. */
function sheetRows(): string[][] {
  const rows: string[][] = [];
  for (let i = 1; i <= 30; i++) {
    rows.push([
      i === 3 ? 'Ola "Junior" Hansen' : `Deltaker ${String(i).padStart(2, '0')}`,
      i % 2 === 0 ? 'Vår 2026' : '',
      i === 7 ? '19990' : String(1970 + i),
      ['Kvinne', 'Mann', 'k'][i % 3]!,
      i === 5 ? 'Norge\nog Somalia' : 'Syria',
      i % 3 === 0 ? 'NAV Årstad' : 'Ny sjanse',
      i === 19 ? 'Lønn' : 'kvp',
      `${(i % 28) + 1}.1.2026`,
    ]);
  }
  return rows;
}

/** As Excel puts a block on the clipboard: tabs, CRLF, quotes only around cells that need them. */
function asExcelClipboard(rows: string[][]): string {
  const quote = (c: string) => (/[\t\n"]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  return `${rows.map((r) => r.map(quote).join('\t')).join('\r\n')}\r\n`;
}

test('a 30×8 block from Excel goes in as one step: two bad cells listed, the rest stored exactly, one undo removes it all', async ({
  app,
  register,
  dbPath,
}) => {
  const kull = call(register, 'kull:create', { navn: 'Vår 2026', startdato: '2026-03-02' });
  await app.reload();
  await expect(app.getByText('Ingen deltakere ennå.')).toBeVisible();
  const before = query(dbPath, 'SELECT * FROM deltaker');
  const listsBefore = query(dbPath, 'SELECT liste, verdi FROM kodeverdi ORDER BY liste, verdi');

  const rows = sheetRows();
  await putOnClipboard(app, asExcelClipboard(rows));
  await app.keyboard.press('Control+V');

  // The list under the grid: line, name, column, what was pasted and why.
  const panel = app.getByRole('region', { name: '2 celler ble ikke limt inn' });
  await expect(panel).toBeVisible();
  await expect(panel.locator('tbody tr')).toHaveCount(2);
  await expect(panel.locator('tbody tr').nth(0)).toContainText(
    '7Deltaker 07Fødselsår19990Fødselsår må være mellom 1900 og',
  );
  await expect(panel.locator('tbody tr').nth(1)).toContainText('19Deltaker 19Ytelse');
  await expect(panel.locator('tbody tr').nth(1)).toContainText('«Lønn» er ikke en gyldig verdi for ytelse.');
  await expect(app.getByText('Viser 30 av 30 deltakere')).toBeVisible();
  await app.screenshot({ path: 'test-results/screens/paste-result.png' });

  // In the file: 30 rows, each cell exactly as typed would give, the two bad cells left empty.
  const stored = query(
    dbPath,
    'SELECT navn, kull_id, fodselsar, kjonn, landbakgrunn, henvist_fra, ytelse, henvist_dato FROM deltaker ORDER BY id',
  );
  expect(stored).toHaveLength(30);
  const KJONN: Record<string, string> = { kvinne: 'K', mann: 'M', k: 'K' };
  stored.forEach((row, index) => {
    const i = index + 1;
    const source = rows[index]!;
    expect(row).toEqual({
      navn: source[0],
      kull_id: i % 2 === 0 ? kull.id : null,
      fodselsar: i === 7 ? null : 1970 + i,
      kjonn: KJONN[source[3]!.toLowerCase()],
      landbakgrunn: source[4],
      henvist_fra: source[5],
      ytelse: i === 19 ? null : 'KVP',
      henvist_dato: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
    });
  });
  // The two refused cells keep the pasted text on screen, in red.
  const id7 = query(dbPath, "SELECT id FROM deltaker WHERE navn = 'Deltaker 07'")[0]!.id as number;
  await expect(cell(app, id7, 'fodselsar')).toHaveText('19990');
  await expect(cell(app, id7, 'fodselsar')).toHaveClass(/cell-rejected/);

  // One Ctrl+Z takes the whole paste away again: the file is as before, new list values too.
  await cell(app, id7, 'navn').click();
  await app.keyboard.press('Control+Z');
  await expect(app.getByText('Angret: Lim inn i 30 rader.')).toBeVisible();
  expect(query(dbPath, 'SELECT * FROM deltaker')).toEqual(before);
  expect(query(dbPath, 'SELECT liste, verdi FROM kodeverdi ORDER BY liste, verdi')).toEqual(listsBefore);
  await expect(app.getByText('Viser 0 av 0 deltakere')).toBeVisible();
  await expect(app.locator('.cell-rejected')).toHaveCount(0);

  // Ctrl+Y brings it back, under the same ids.
  await app.keyboard.press('Control+Y');
  await expect(app.getByText('Viser 30 av 30 deltakere')).toBeVisible();
  expect(
    query(
      dbPath,
      'SELECT navn, kull_id, fodselsar, kjonn, landbakgrunn, henvist_fra, ytelse, henvist_dato FROM deltaker ORDER BY id',
    ),
  ).toEqual(stored);
});

test('«alt eller ingenting» stores nothing when a cell is wrong; the valid cells can still be pasted from the list', async ({
  app,
  register,
  dbPath,
}) => {
  const a = call(register, 'deltaker:create', { navn: 'Kari Nordmann', fodselsar: 1990 }).deltaker;
  const b = call(register, 'deltaker:create', { navn: 'Ola Hansen' }).deltaker;
  await app.reload();
  await app.getByRole('button', { name: 'Kolonner ▾' }).click();
  await app.getByRole('radio', { name: 'alt eller ingenting' }).check();
  await app.keyboard.press('Escape');

  await cell(app, a.id, 'fodselsar').click();
  await putOnClipboard(app, '1991\tM\r\n1850\tK\r\n');
  await cell(app, a.id, 'fodselsar').click();
  await app.keyboard.press('Control+V');
  const panel = app.getByRole('region', { name: 'Ingenting ble limt inn' });
  await expect(panel).toContainText('Fødselsår må være mellom 1900 og');
  expect(query(dbPath, 'SELECT fodselsar, kjonn FROM deltaker ORDER BY id')).toEqual([
    { fodselsar: 1990, kjonn: null },
    { fodselsar: null, kjonn: null },
  ]);
  // The choice is kept in the register.
  expect(query(dbPath, "SELECT verdi FROM innstilling WHERE nokkel = 'grid.deltaker'")[0]?.verdi).toContain(
    'alt-eller-ingenting',
  );

  await panel.getByRole('button', { name: 'Lim inn de gyldige cellene' }).click();
  await expect(app.getByRole('region', { name: '1 celle ble ikke limt inn' })).toBeVisible();
  expect(query(dbPath, 'SELECT fodselsar, kjonn FROM deltaker ORDER BY id')).toEqual([
    { fodselsar: 1991, kjonn: 'M' },
    { fodselsar: null, kjonn: 'K' },
  ]);
  await expect(cell(app, b.id, 'fodselsar')).toHaveText('1850');
});

test('Ctrl+C copies the focused cell, a Shift-extended block, or the ticked rows, as TSV that Excel reads back', async ({
  app,
  register,
}) => {
  const kull = call(register, 'kull:create', { navn: 'Vår 2026', startdato: '2026-03-02' });
  const a = call(register, 'deltaker:create', {
    navn: 'Kari Nordmann',
    kull_id: kull.id,
    fodselsar: 1990,
    kjonn: 'K',
    merknad: 'To linjer\nmed "sitat"',
  }).deltaker;
  const b = call(register, 'deltaker:create', { navn: 'Ola Hansen', fodselsar: 1985, kjonn: 'M' }).deltaker;
  await app.reload();

  await cell(app, a.id, 'navn').click();
  await app.keyboard.press('Control+C');
  expect(await readClipboard(app)).toBe('Kari Nordmann\r\n');

  // Navn → Kull → Fødselsår → Kjønn (Status is not copied: it follows from the dates), two rows.
  await cell(app, a.id, 'navn').click();
  await app.keyboard.press('Shift+ArrowDown');
  for (let i = 0; i < 4; i++) await app.keyboard.press('Shift+ArrowRight');
  await expect(app.locator('.cell-in-range')).toHaveCount(10);
  await app.screenshot({ path: 'test-results/screens/paste-selection.png' });
  await app.keyboard.press('Control+C');
  expect(await readClipboard(app)).toBe('Kari Nordmann\tVår 2026\t1990\tKvinne\r\nOla Hansen\t\t1985\tMann\r\n');

  // Ticked rows: every field column shown, a cell with line breaks and quotes quoted as Excel does.
  await cell(app, a.id, 'ag-Grid-SelectionColumn').locator('input').check();
  await cell(app, a.id, 'landbakgrunn').click();
  await app.keyboard.press('Control+C');
  const text = await readClipboard(app);
  expect(text.split('\t')[0]).toBe('Kari Nordmann');
  expect(text).toContain('\t"To linjer\nmed ""sitat"""\r\n');
  expect(text.split('\r\n')).toHaveLength(2);
  void b;
});

test('Ctrl+D fills down from the cell above, Delete clears a block, and a required Navn cannot be cleared', async ({
  app,
  register,
  dbPath,
}) => {
  const ids = ['Per', 'Liv', 'Siri', 'Tor'].map(
    (navn, i) =>
      call(register, 'deltaker:create', {
        navn,
        ...(i === 0 ? { ytelse: 'AAP', henvist_fra: 'NAV Årstad' } : {}),
        landbakgrunn: 'Norge',
      }).deltaker.id,
  );
  await app.reload();

  // Block: Henvist fra and Ytelse of all four rows (Shift+click), filled from the first row.
  await cell(app, ids[0]!, 'henvist_fra').click();
  await cell(app, ids[3]!, 'ytelse').click({ modifiers: ['Shift'] });
  await expect(app.locator('.cell-in-range')).toHaveCount(8);
  await app.keyboard.press('Control+D');
  await expect(app.getByText('Fylte ned 6 celler.')).toBeVisible();
  expect(query(dbPath, 'SELECT henvist_fra, ytelse FROM deltaker ORDER BY id')).toEqual(
    ids.map(() => ({ henvist_fra: 'NAV Årstad', ytelse: 'AAP' })),
  );
  await expect(cell(app, ids[3]!, 'ytelse')).toHaveText('Arbeidsavklaringspenger');
  await app.keyboard.press('Control+Z');
  await expect(app.getByText('Angret: Fyll ned i 3 rader.')).toBeVisible();
  expect(query(dbPath, 'SELECT ytelse FROM deltaker ORDER BY id').map((r) => r.ytelse)).toEqual([
    'AAP',
    null,
    null,
    null,
  ]);

  // One cell: Ctrl+D takes the value from the cell above.
  await cell(app, ids[1]!, 'ytelse').click();
  await app.keyboard.press('Control+D');
  await expect.poll(() => query(dbPath, 'SELECT ytelse FROM deltaker WHERE id = ?', ids[1])[0]?.ytelse).toBe('AAP');

  // Delete on Navn: refused with the same reason as typing, nothing changes.
  await cell(app, ids[2]!, 'navn').click();
  await app.keyboard.press('Delete');
  await expect(app.locator('.statusbar')).toContainText('Navn kan ikke være tomt. Cellen ble ikke tømt.');
  expect(query(dbPath, 'SELECT navn FROM deltaker WHERE id = ?', ids[2])).toEqual([{ navn: 'Siri' }]);
  await expect(cell(app, ids[2]!, 'navn')).toHaveText('Siri');

  // Delete on a block: Landbakgrunn of rows 2–3 emptied.
  await cell(app, ids[1]!, 'landbakgrunn').click();
  await app.keyboard.press('Shift+ArrowDown');
  await app.keyboard.press('Delete');
  await expect(app.getByText('Tømte 2 celler.')).toBeVisible();
  expect(query(dbPath, 'SELECT landbakgrunn FROM deltaker ORDER BY id').map((r) => r.landbakgrunn)).toEqual([
    'Norge',
    null,
    null,
    'Norge',
  ]);
});

test('a typed edit and a deletion are undone and redone by Ctrl+Z / Ctrl+Y, each one step', async ({
  app,
  register,
  dbPath,
}) => {
  const a = call(register, 'deltaker:create', { navn: 'Eva Berg', fodselsar: 1980 }).deltaker;
  await app.reload();
  await cell(app, a.id, 'fodselsar').click();
  await app.keyboard.type('1981');
  await app.keyboard.press('Enter');
  await expect.poll(() => query(dbPath, 'SELECT fodselsar FROM deltaker')[0]?.fodselsar).toBe(1981);
  await app.keyboard.press('Control+Z');
  await expect(cell(app, a.id, 'fodselsar')).toHaveText('1980');
  expect(query(dbPath, 'SELECT fodselsar FROM deltaker')[0]?.fodselsar).toBe(1980);
  await app.keyboard.press('Control+Shift+Z');
  await expect(cell(app, a.id, 'fodselsar')).toHaveText('1981');
  expect(query(dbPath, 'SELECT fodselsar FROM deltaker')[0]?.fodselsar).toBe(1981);

  await cell(app, a.id, 'navn').click();
  await app.getByRole('button', { name: 'Slett', exact: true }).click();
  await app.getByRole('dialog').getByRole('button', { name: 'Slett deltaker' }).click();
  await expect(app.getByText('Viser 0 av 0 deltakere')).toBeVisible();
  await app.getByRole('button', { name: 'Angre' }).click();
  await expect(cell(app, a.id, 'navn')).toHaveText('Eva Berg');
  expect(query(dbPath, 'SELECT id, navn, fodselsar FROM deltaker')).toEqual([
    { id: a.id, navn: 'Eva Berg', fodselsar: 1981 },
  ]);
  // The undo is in the endringslogg like any change.
  expect(
    query(dbPath, "SELECT count(*) AS n FROM endringslogg WHERE tabell = 'deltaker' AND rad_id = ?", a.id)[0]!.n,
  ).toBeGreaterThan(6);
});

test('a block pasted into the Kull grid adds kull, refuses a name that is taken, and is undone in one step', async ({
  app,
  register,
  dbPath,
}) => {
  call(register, 'kull:create', { navn: 'Kull 1', startdato: '2026-01-05' });
  await app.reload();
  await app.getByRole('tab', { name: 'Kull' }).click();
  await putOnClipboard(app, 'kull 1\t01.02.2026\r\nKull 2\t6.4.26\t\t12\r\nKull 3\t2026-09-07\t\t\tHøst\r\n');
  // Ctrl+Shift+V: as new rows after the last, from the focused column.
  await cell(app, 1, 'navn').click();
  await app.keyboard.press('Control+Shift+V');
  await expect(app.getByRole('region', { name: '1 celle ble ikke limt inn' })).toContainText(
    'Raden ble ikke lagt til: Det finnes allerede et kull som heter «kull 1». Velg et annet navn.',
  );
  expect(query(dbPath, 'SELECT navn, startdato, planlagt_sluttdato, kapasitet, merknad FROM kull ORDER BY id')).toEqual(
    [
      { navn: 'Kull 1', startdato: '2026-01-05', planlagt_sluttdato: '2026-04-05', kapasitet: null, merknad: null },
      { navn: 'Kull 2', startdato: '2026-04-06', planlagt_sluttdato: '2026-07-06', kapasitet: 12, merknad: null },
      { navn: 'Kull 3', startdato: '2026-09-07', planlagt_sluttdato: '2026-12-07', kapasitet: null, merknad: 'Høst' },
    ],
  );
  await expect(app.getByText('Viser 3 av 3 kull')).toBeVisible();
  await app.keyboard.press('Control+Z');
  await expect(app.getByText('Viser 1 av 1 kull')).toBeVisible();
  expect(query(dbPath, 'SELECT navn, startdato FROM kull')).toEqual([{ navn: 'Kull 1', startdato: '2026-01-05' }]);
});

test('a block pasted into an open editor goes into the grid from that cell, as in Excel', async ({ app, dbPath }) => {
  await expect(app.getByText('Ingen deltakere ennå.')).toBeVisible();
  await app.keyboard.press('Control+Enter');
  await expect(app.locator('.field-editor-input')).toBeFocused();
  await app.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'Kari Nordmann\t\t1990\nOla Hansen\t\t1985\n');
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await expect(app.getByText('Viser 2 av 2 deltakere')).toBeVisible();
  expect(query(dbPath, 'SELECT navn, fodselsar FROM deltaker ORDER BY id')).toEqual([
    { navn: 'Kari Nordmann', fodselsar: 1990 },
    { navn: 'Ola Hansen', fodselsar: 1985 },
  ]);
});

test('hidden columns and widths are remembered in the register; Ctrl+F goes to the search box', async ({
  app,
  register,
  dbPath,
}) => {
  call(register, 'deltaker:create', { navn: 'Kari Nordmann' });
  await app.reload();
  await app.getByRole('button', { name: 'Kolonner ▾' }).click();
  await app.getByRole('checkbox', { name: 'Landbakgrunn' }).uncheck();
  await app.keyboard.press('Escape');
  await expect(app.locator('.ag-header-cell[col-id="landbakgrunn"]')).toHaveCount(0);
  const layout = () => {
    const verdi = query(dbPath, "SELECT verdi FROM innstilling WHERE nokkel = 'grid.deltaker'")[0]?.verdi;
    return verdi ? (JSON.parse(String(verdi)) as { columns: { colId: string; hide?: boolean }[] }) : null;
  };
  await expect.poll(() => layout()?.columns.find((c) => c.colId === 'landbakgrunn')?.hide).toBe(true);
  await app.reload();
  await expect(app.locator('.ag-header-cell[col-id="navn"]')).toBeVisible();
  await expect(app.locator('.ag-header-cell[col-id="landbakgrunn"]')).toHaveCount(0);

  await app.locator('.ag-cell[col-id="navn"]').first().click();
  await app.keyboard.press('Control+F');
  await expect(app.getByRole('searchbox', { name: 'Søk' })).toBeFocused();
});

test('export saves the grid as shown (search and sort) after a warning that the file holds names', async ({
  app,
  register,
  appFolders,
}) => {
  for (const navn of ['Ola Hansen', 'Kari Nordmann', 'Eva Berg'])
    call(register, 'deltaker:create', { navn, ytelse: 'KVP' });
  call(register, 'deltaker:create', { navn: 'Per Olsen', ytelse: 'OKS' });
  const file = path.join(appFolders.dir, 'deltakere.xlsx');
  const restoreHost = withHost({ chooseSavePath: () => file });
  try {
    await app.reload();
    await app.getByRole('searchbox', { name: 'Søk' }).fill('kvalifisering');
    await expect(app.getByText('Viser 3 av 4 deltakere')).toBeVisible();
    await app.locator('.ag-header-cell[col-id="navn"] .ag-header-cell-label').click();
    await app.getByRole('button', { name: 'Eksporter …' }).click();
    const dialog = app.getByRole('dialog', { name: 'Eksportere deltakerne?' });
    await expect(dialog).toContainText('Filen inneholder navn og personopplysninger.');
    await expect(dialog).toContainText('3 rader');
    await dialog.getByRole('button', { name: 'Lagre som Excel' }).click();
    await expect(app.getByText(`Lagret 3 rader i ${file}.`)).toBeVisible();
  } finally {
    restoreHost();
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('Deltakere')!;
  const navn = (sheet.getColumn(2).values as unknown[]).slice(1);
  expect((sheet.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['Varsler', 'Navn', 'Status', 'Kull']);
  expect(navn).toEqual(['Navn', 'Eva Berg', 'Kari Nordmann', 'Ola Hansen']);
  expect(fs.existsSync(file)).toBe(true);
});

test('a column filter reads what the cells show (labels, not codes), and the footer counts what is shown', async ({
  app,
  register,
}) => {
  call(register, 'deltaker:create', { navn: 'Kari Nordmann', kjonn: 'K' });
  call(register, 'deltaker:create', { navn: 'Ola Hansen', kjonn: 'M' });
  call(register, 'deltaker:create', { navn: 'Eva Berg', kjonn: 'K' });
  await app.reload();
  await expect(app.getByText('Viser 3 av 3 deltakere')).toBeVisible();
  await app.locator('.ag-header-cell[col-id="kjonn"] .ag-header-cell-filter-button').click();
  // The checkbox list of the column's values (valuesFilter.ts): take «Mann» away.
  await app.locator('.values-filter-item', { hasText: 'Mann' }).locator('input').uncheck();
  await expect(app.getByText('Viser 2 av 3 deltakere')).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.locator('.ag-cell[col-id="navn"]')).toHaveText(['Kari Nordmann', 'Eva Berg']);
});
