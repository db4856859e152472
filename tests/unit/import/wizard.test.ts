/**
 * The import wizard's channels over a real register file: choose a file and a sheet, map columns
 * (one left out), preview each row's problems, import in one transaction with progress, skip
 * duplicates, report new list values, save the summary. Checked in the database, not in the answers.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { setHost } from '../../../electron/api/host';
import type { Register } from '../../../electron/store/connection';
import { standInHost } from '../helpers/host';
import { expectNorwegianMessage, expectOk, expectRefused } from '../helpers/messages';
import { countRows, TEST_USER, tempDir, tempRegister } from '../helpers/register';

afterEach(() => setHost(null));

const HEADERS = ['Fullt navn', 'Fødselsår', 'Kjønn', 'NAV-kontor', 'Startdato', 'Sluttårsak', 'Telefon'];

/** A workbook as a leder keeps it: a note sheet first, then the register with Norwegian headers. */
async function workbook(dir: string, rows: (string | number | Date | null)[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Les meg').addRow(['Registeret for Sykkelvert. Ikke endre overskriftene.']);
  const sheet = book.addWorksheet('Deltakere 2026');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  const file = path.join(dir, 'sykkelvert.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

const ROWS: (string | number | Date | null)[][] = [
  ['Kari Nordmann', 1990, 'K', 'NAV Årstad', new Date(Date.UTC(2026, 1, 2)), null, '99887766'],
  ['Ola Hansen', '19x5', 'M', 'NAV Årstad', '02.02.2026', null, '41234567'],
  ['Per Olsen', 1984, 'Mann', 'NAV Ny Enhet', '3.2.26', 'Arbeid fulltid', null],
  ['Lise Berg', 1979, 'K', 'nav årstad', '31.02.2026', null, null],
  ['Nina Dahl', 1995, 'K', null, null, null, null],
];

type Async<T> = T | Promise<T>;
async function ok<T>(result: Async<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>) {
  return expectOk(await result);
}

/** Opens the workbook, picks the register sheet and takes the suggested mapping. */
async function throughMapping(reg: Register, file: string) {
  const opened = await ok(invoke(reg, 'import:open', { path: file }));
  const columns = expectOk(invoke(reg, 'import:columns', { kind: 'deltakere', sheet: 'Deltakere 2026' }));
  return { opened, columns };
}

function stored(reg: Register) {
  return reg.db
    .prepare('SELECT navn, fodselsar, kjonn, henvist_fra, startdato, sluttarsak FROM deltaker ORDER BY id')
    .all();
}

describe('choosing the file and the sheet', () => {
  it('lists the sheets of a workbook with their rows, and reads the one chosen', async () => {
    const { reg } = tempRegister();
    const { opened, columns } = await throughMapping(reg, await workbook(tempDir(), ROWS));
    expect(opened).toEqual({
      opened: true,
      fileName: 'sykkelvert.xlsx',
      format: 'xlsx',
      sheets: [
        { name: 'Les meg', rows: 0, hidden: false },
        { name: 'Deltakere 2026', rows: 5, hidden: false },
      ],
    });
    expect(columns.sheet).toBe('Deltakere 2026');
    expect(columns.headers).toEqual(HEADERS);
    expect(columns.rows).toBe(5);
    expect(columns.mapping).toEqual(['navn', 'fodselsar', 'kjonn', 'henvist_fra', 'startdato', 'sluttarsak', null]);
    expect(columns.notes).toEqual([expect.objectContaining({ column: 6, header: 'Telefon', reason: 'unknown' })]);
    expect(columns.samples[0]).toEqual(['Kari Nordmann', 'Ola Hansen', 'Per Olsen']);
    expect(columns.samples[4]?.[0]).toBe('02.02.2026'); // an Excel date, as Excel shows it
  });

  it('reads a CSV as Norwegian Excel saves it, with no sheet to choose', async () => {
    const { reg } = tempRegister();
    const file = path.join(tempDir(), 'liste.csv');
    fs.writeFileSync(file, '\uFEFFNavn;Fødselsår\r\nKari Nordmann;1990\r\n');
    const opened = await ok(invoke(reg, 'import:open', { path: file }));
    expect(opened).toMatchObject({ opened: true, format: 'csv', sheets: [] });
    const columns = expectOk(invoke(reg, 'import:columns', { kind: 'deltakere' }));
    expect(columns).toMatchObject({ sheet: null, rows: 1, mapping: ['navn', 'fodselsar'] });
  });

  it('refuses a file that is not a spreadsheet, and steps taken out of order, in Norwegian', async () => {
    const { reg } = tempRegister();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'brev.docx'), 'x');
    expectRefused(await invoke(reg, 'import:open', { path: path.join(dir, 'brev.docx') }), 'unsupported');
    expectRefused(await invoke(reg, 'import:open', { path: path.join(dir, 'borte.xlsx') }), 'not_found');
    expectRefused(await invoke(reg, 'import:open', {}), 'no_path');
    expectRefused(invoke(reg, 'import:preview', { kind: 'deltakere', mapping: ['navn'] }), 'no_file');
  });
});

describe('preview', () => {
  it('lists each bad row’s line, field and reason, and writes nothing', async () => {
    const { reg } = tempRegister();
    const { columns } = await throughMapping(reg, await workbook(tempDir(), ROWS));
    const preview = expectOk(invoke(reg, 'import:preview', { kind: 'deltakere', mapping: columns.mapping }));
    expect(preview).toMatchObject({ rows: 5, valid: 3, rejectedLines: 2, duplicates: 0, problemsTotal: 2 });
    expect(preview.problems.map((p) => [p.line, p.field, p.fieldLabel, p.value])).toEqual([
      [3, 'fodselsar', 'Fødselsår', '19x5'],
      [5, 'startdato', 'Startdato', '31.02.2026'],
    ]);
    for (const p of preview.problems) expectNorwegianMessage(p.message);
    expect(preview.newListValues).toEqual([{ list: 'henvist_fra', listLabel: 'Henvist fra', verdi: 'NAV Ny Enhet' }]);
    expect(preview.sample[1]).toEqual({
      line: 4,
      fields: {
        navn: 'Per Olsen',
        fodselsar: 1984,
        kjonn: 'M',
        henvist_fra: 'NAV Ny Enhet',
        startdato: '2026-02-03',
        sluttarsak: 'A',
      },
    });
    expect(countRows(reg, 'deltaker')).toBe(0);
  });

  it('refuses a mapping without navn, or with one field twice, before reading any row', async () => {
    const { reg } = tempRegister();
    const { columns } = await throughMapping(reg, await workbook(tempDir(), ROWS));
    const withoutNavn = [null, ...columns.mapping.slice(1)];
    expect(expectRefused(invoke(reg, 'import:preview', { kind: 'deltakere', mapping: withoutNavn })).message).toContain(
      'Navn',
    );
    const twice = ['navn', 'navn', ...columns.mapping.slice(2)];
    expectRefused(invoke(reg, 'import:preview', { kind: 'deltakere', mapping: twice }), 'invalid_mapping');
    expectRefused(invoke(reg, 'import:preview', { kind: 'deltakere', mapping: ['navn'] }), 'invalid_mapping');
  });
});

describe('import:commit', () => {
  it('imports the valid rows, leaves out what the user chose «Ikke importer» for, and checks the database', async () => {
    const { reg } = tempRegister();
    const { columns } = await throughMapping(reg, await workbook(tempDir(), ROWS));
    const mapping = columns.mapping.map((key) => (key === 'sluttarsak' ? null : key));
    const result = await ok(invoke(reg, 'import:commit', { kind: 'deltakere', mapping }));
    expect(result).toMatchObject({ inserted: 3, rejectedLines: 2, duplicates: 0, fileName: 'sykkelvert.xlsx' });
    expect(result.firstId).toBe(1);
    expect(stored(reg)).toEqual([
      {
        navn: 'Kari Nordmann',
        fodselsar: 1990,
        kjonn: 'K',
        henvist_fra: 'NAV Årstad',
        startdato: '2026-02-02',
        sluttarsak: null,
      },
      {
        navn: 'Per Olsen',
        fodselsar: 1984,
        kjonn: 'M',
        henvist_fra: 'NAV Ny Enhet',
        startdato: '2026-02-03',
        sluttarsak: null,
      },
      { navn: 'Nina Dahl', fodselsar: 1995, kjonn: 'K', henvist_fra: null, startdato: null, sluttarsak: null },
    ]);
    const list = reg.db.prepare("SELECT verdi FROM kodeverdi WHERE liste = 'henvist_fra'").all() as { verdi: string }[];
    expect(list.map((r) => r.verdi)).toContain('NAV Ny Enhet');
    // Like every change through the API, in the endringslogg: who, which row, which field.
    const logged = reg.db
      .prepare("SELECT DISTINCT rad_id, bruker FROM endringslogg WHERE tabell = 'deltaker' AND felt = 'navn'")
      .all();
    expect(logged).toEqual([1, 2, 3].map((id) => ({ rad_id: id, bruker: TEST_USER })));
  });

  it('the same file again adds nothing: every good row is a duplicate and is counted', async () => {
    const { reg } = tempRegister();
    const { columns } = await throughMapping(reg, await workbook(tempDir(), ROWS));
    await ok(invoke(reg, 'import:commit', { kind: 'deltakere', mapping: columns.mapping }));
    const again = await ok(invoke(reg, 'import:commit', { kind: 'deltakere', mapping: columns.mapping }));
    expect(again).toMatchObject({ inserted: 0, duplicates: 3, duplicateLines: [2, 4, 6], rejectedLines: 2 });
    expect(countRows(reg, 'deltaker')).toBe(3);
  });

  it('reports progress while it writes, and other writes wait until it is done', async () => {
    const { reg } = tempRegister();
    const rows = Array.from({ length: 5000 }, (_, i) => [`Person ${i + 1}`, 1980 + (i % 20), 'K', 'NAV Årstad']);
    const { columns } = await throughMapping(reg, await workbook(tempDir(), rows));
    const seen: { running: boolean; done: number; total: number }[] = [];
    const refusedMeanwhile: string[] = [];
    const commit = invoke(reg, 'import:commit', { kind: 'deltakere', mapping: columns.mapping });
    expect(commit).toBeInstanceOf(Promise);
    let settled = false;
    void Promise.resolve(commit).finally(() => {
      settled = true;
    });
    while (!settled) {
      seen.push(expectOk(invoke(reg, 'import:progress', {})));
      const other = invoke(reg, 'deltaker:create', { navn: 'Skrevet under importen' });
      if (!other.ok) refusedMeanwhile.push(other.error.code);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await commit).ok).toBe(true);
    const running = seen.filter((p) => p.running);
    expect(running.every((p) => p.total === 5000 && p.done <= 5000)).toBe(true);
    expect(running.some((p) => p.done > 0 && p.done < 5000)).toBe(true);
    expect(refusedMeanwhile.length).toBeGreaterThan(0);
    expect(new Set(refusedMeanwhile)).toEqual(new Set(['import_running']));
    expect(expectOk(invoke(reg, 'import:progress', {}))).toEqual({ running: false, done: 0, total: 0 });
    expect(countRows(reg, 'deltaker')).toBe(5000);
    expectOk(invoke(reg, 'deltaker:create', { navn: 'Etter importen' }));
  });

  it('Avbryt while it writes rolls everything back: no row, no list value, no change-log entry', async () => {
    const { reg } = tempRegister();
    const rows = Array.from({ length: 3000 }, (_, i) => [`Person ${i + 1}`, 1980, 'K', `NAV Kontor ${i}`]);
    const { columns } = await throughMapping(reg, await workbook(tempDir(), rows));
    const logBefore = countRows(reg, 'endringslogg');
    const listBefore = countRows(reg, 'kodeverdi');
    const commit = invoke(reg, 'import:commit', { kind: 'deltakere', mapping: columns.mapping });
    while (!expectOk(invoke(reg, 'import:progress', {})).running) await new Promise((r) => setImmediate(r));
    expect(expectOk(invoke(reg, 'import:cancel', {}))).toEqual({ stopping: true });
    const error = expectRefused(await commit, 'cancelled');
    expect(error.message).toContain('Ingenting ble importert');
    expect(countRows(reg, 'deltaker')).toBe(0);
    expect(countRows(reg, 'kodeverdi')).toBe(listBefore);
    expect(countRows(reg, 'endringslogg')).toBe(logBefore);
    expect(reg.db.inTransaction).toBe(false);
  });
});

describe('kull', () => {
  it('a kull sheet goes in by its own fields; a kull without startdato is a problem on its line', async () => {
    const { reg } = tempRegister();
    const file = path.join(tempDir(), 'kull.csv');
    fs.writeFileSync(file, 'Kullnavn;Oppstart;Antall plasser\r\nVår 2026;02.02.2026;12\r\nHøst 2026;;10\r\n');
    await ok(invoke(reg, 'import:open', { path: file }));
    const columns = expectOk(invoke(reg, 'import:columns', { kind: 'kull' }));
    expect(columns.mapping).toEqual(['navn', 'startdato', 'kapasitet']);
    const result = await ok(invoke(reg, 'import:commit', { kind: 'kull', mapping: columns.mapping }));
    expect(result).toMatchObject({ kind: 'kull', inserted: 1, rejectedLines: 1 });
    expect(result.problems[0]).toMatchObject({ line: 3, field: 'startdato', fieldLabel: 'Startdato' });
    expect(reg.db.prepare('SELECT navn, startdato, kapasitet FROM kull').all()).toEqual([
      { navn: 'Vår 2026', startdato: '2026-02-02', kapasitet: 12 },
    ]);
  });
});

describe('the summary file', () => {
  it('holds the counts and every line not imported with its reason, and no names', async () => {
    const { reg } = tempRegister();
    const { columns } = await throughMapping(reg, await workbook(tempDir(), ROWS));
    expectRefused(invoke(reg, 'import:saveSummary', { path: path.join(tempDir(), 'x.csv') }), 'no_summary');
    await ok(invoke(reg, 'import:commit', { kind: 'deltakere', mapping: columns.mapping }));
    const file = path.join(tempDir(), 'sammendrag.csv');
    const saved = expectOk(invoke(reg, 'import:saveSummary', { path: file }));
    expect(saved).toMatchObject({ saved: true, path: file });
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toContain('Fil;sykkelvert.xlsx');
    expect(lines).toContain('Ark;Deltakere 2026');
    expect(lines).toContain('Importert;3');
    expect(lines).toContain('Ikke importert (feil);2');
    expect(lines).toContain('Lagt til i listen Henvist fra;NAV Ny Enhet');
    expect(lines).toContain('Linje;Felt;Verdi i filen;Hva er galt');
    expect(lines.find((l) => l.startsWith('3;Fødselsår;19x5;'))).toBeDefined();
    expect(lines.find((l) => l.startsWith('5;Startdato;31.02.2026;'))).toBeDefined();
    for (const name of ['Kari', 'Ola', 'Per', 'Lise', 'Nina']) expect(text).not.toContain(name);
  });

  it('in the app the dialogs choose the file and the summary’s place; a path from the page is refused', async () => {
    const { reg } = tempRegister();
    const dir = tempDir();
    const file = await workbook(dir, ROWS);
    const asked: string[] = [];
    setHost(
      standInHost({
        chooseOpenPaths: ({ title }) => {
          asked.push(title);
          return [file];
        },
        chooseSavePath: ({ defaultName }) => path.join(dir, defaultName),
      }),
    );
    expectRefused(await invoke(reg, 'import:open', { path: file }), 'forbidden');
    expect(await ok(invoke(reg, 'import:open', {}))).toMatchObject({ opened: true, fileName: 'sykkelvert.xlsx' });
    expectNorwegianMessage(asked[0] ?? '');
    const columns = expectOk(invoke(reg, 'import:columns', { kind: 'deltakere', sheet: 'Deltakere 2026' }));
    await ok(invoke(reg, 'import:commit', { kind: 'deltakere', mapping: columns.mapping }));
    const saved = expectOk(invoke(reg, 'import:saveSummary', {}));
    expect(saved.path).toBe(path.join(dir, 'importsammendrag-sykkelvert.csv'));
    expect(fs.existsSync(saved.path ?? '')).toBe(true);
    setHost(standInHost());
    expect(await ok(invoke(reg, 'import:open', {}))).toMatchObject({ opened: false });
    expect(expectOk(invoke(reg, 'import:saveSummary', {}))).toEqual({ saved: false, path: null, bytes: 0 });
  });
});
