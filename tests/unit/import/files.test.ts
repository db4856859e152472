/**
 * Issue 11, items 11–14, on real files: bounded reading (limits refused before memory grows),
 * the encoding decided by a strict UTF-8 decode (UTF-16 with BOM read), CSV quoted for every
 * common separator, XLSX string cells without an apostrophe, and the first VISIBLE sheet.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { LIMITS } from '../../../electron/io/read-limits';
import { readTable } from '../../../electron/io/table';
import { DomainError } from '../../../electron/store/errors';
import { csvCell } from '../../../shared/report/csv';
import { aDeltaker } from '../helpers/builders';
import { expectNorwegianMessage, expectOk } from '../helpers/messages';
import { tempDir, tempRegister } from '../helpers/register';

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expectNorwegianMessage((error as DomainError).message);
  return error as DomainError;
}

const HEADER = 'Navn;Fødselsår;Merknad';

describe('the encoding (item 12)', () => {
  it('refuses a UTF-8 file with one bad byte, naming the byte and the line, instead of garbling every æøå', async () => {
    const dir = tempDir();
    const good = Buffer.from(`${HEADER}\r\nÅse Ødegård;1980;første\r\nBjørn Æsir;1975;`, 'utf8');
    const file = path.join(dir, 'nesten-utf8.csv');
    fs.writeFileSync(file, Buffer.concat([good, Buffer.from([0xe6]), Buffer.from('rlig\r\n', 'utf8')]));
    const error = await refusal(readTable(file));
    expect(error.code).toBe('encoding');
    expect(error.message).toContain(`byte nr. ${(good.length + 1).toLocaleString('nb-NO')}`);
    expect(error.message).toContain('linje 3');
    expect(error.message).toMatch(/CSV UTF-8/);
  });

  it('refuses a Windows-1252 («ANSI») file the same way (docs/import.md: no guessing)', async () => {
    const file = path.join(tempDir(), 'ansi.csv');
    fs.writeFileSync(file, Buffer.from(`${HEADER}\r\nKari Nordmann;1990;grønn\r\n`, 'latin1'));
    expect((await refusal(readTable(file))).code).toBe('encoding');
  });

  it.each([
    ['utf-16le', Buffer.from([0xff, 0xfe])],
    ['utf-16be', Buffer.from([0xfe, 0xff])],
  ] as const)('reads Excel’s «Unicode-tekst» (%s with BOM, TAB-separated)', async (encoding, bom) => {
    const text = 'Navn\tFødselsår\tMerknad\r\nÅse Ødegård\t1980\tførste «time»\r\nBjørn Æsir\t1975\t\r\n';
    const le = Buffer.from(text, 'utf16le');
    const body = encoding === 'utf-16le' ? le : Buffer.from(le).swap16();
    const file = path.join(tempDir(), 'unicode-tekst.txt');
    fs.writeFileSync(file, Buffer.concat([bom, body]));
    const table = await readTable(file);
    expect(table.headers).toEqual(['Navn', 'Fødselsår', 'Merknad']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['Åse Ødegård', '1980', 'første «time»'],
      ['Bjørn Æsir', '1975', ''],
    ]);
  });

  it('reads a character that straddles two chunks of the stream', async () => {
    const file = path.join(tempDir(), 'stor.csv');
    const filler = 'x'.repeat(256 * 1024 - `${HEADER}\r\n`.length - 1);
    fs.writeFileSync(file, `${HEADER}\r\n${filler}ø;1990;ja\r\n`, 'utf8');
    const table = await readTable(file);
    expect(table.rows[0]?.cells[0]).toBe(`${filler}ø`);
  });
});

describe('reading within bounded memory (item 11)', () => {
  it('refuses a CSV with more rows than the limit, before keeping them', async () => {
    const file = path.join(tempDir(), 'for-mange.csv');
    fs.writeFileSync(file, `Navn;Fødselsår\n${'Kari;1990\n'.repeat(LIMITS.rows + 1)}`);
    const error = await refusal(readTable(file));
    expect(error.code).toBe('too_big');
    expect(error.message).toMatch(/250[\s\u00a0]000 rader/);
  });

  it('refuses a file of millions of small cells (the cell limit), and one wider than the column limit', async () => {
    const dir = tempDir();
    const wide = path.join(dir, 'bred.csv');
    fs.writeFileSync(wide, `${Array.from({ length: LIMITS.columns + 1 }, (_, i) => `k${i}`).join(';')}\n`);
    fs.appendFileSync(wide, `${'1;'.repeat(LIMITS.columns)}1\n`);
    expect((await refusal(readTable(wide))).message).toMatch(/kolonner/);

    const cells = path.join(dir, 'celler.csv');
    const columns = 180;
    const row = `${'1;'.repeat(columns - 1)}1\n`;
    const rows = Math.ceil(LIMITS.cells / columns) + 10;
    fs.writeFileSync(cells, `${Array.from({ length: columns }, (_, i) => `k${i}`).join(';')}\n${row.repeat(rows)}`);
    expect((await refusal(readTable(cells))).message).toMatch(/utfylte celler/);
  });

  it('refuses a huge file from its size alone, without reading it («Cannot create a string longer than»)', async () => {
    const file = path.join(tempDir(), 'enorm.csv');
    fs.writeFileSync(file, `${HEADER}\n`);
    fs.truncateSync(file, 600 * 1024 * 1024); // sparse: no disk, no memory
    const started = performance.now();
    const error = await refusal(readTable(file));
    expect(error.code).toBe('too_big');
    expect(error.message).toMatch(/600 MB/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses an XLSX whose zip directory claims more than the limit unpacked, before inflating it', async () => {
    const file = path.join(tempDir(), 'bombe.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Deltakere').addRow(['Navn']);
    await book.xlsx.writeFile(file);
    // Claim 3.9 GB for the first entry in the central directory (a zip bomb's directory).
    const bytes = fs.readFileSync(file);
    const dirAt = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), bytes.length - 22);
    const first = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(dirAt).toBeGreaterThan(0);
    bytes.writeUInt32LE(0xf0000000, first + 24);
    fs.writeFileSync(file, bytes);
    const error = await refusal(readTable(file));
    expect(error.code).toBe('too_big');
    expect(error.message).toMatch(/pakket ut/);
  });
});

async function exportedGrid(format: 'csv' | 'xlsx', merknad: string[]) {
  const { reg } = tempRegister();
  const ids = merknad.map(
    (m, i) =>
      expectOk(invoke(reg, 'deltaker:create', aDeltaker({ navn: i === 0 ? '=1+1' : `Person ${i}`, merknad: m })))
        .deltaker.id,
  );
  const file = path.join(tempDir(), `deltakere.${format}`);
  expectOk(
    await invoke(reg, 'grid:export', { table: 'deltaker', format, columns: ['navn', 'merknad'], ids, path: file }),
  );
  return file;
}

const HOSTILE = ['x,=1+1', 'y\t=2+2', '-2+3', '@SUM(A1)', 'helt vanlig'];

describe('CSV for every reader, XLSX without apostrophes (item 13)', () => {
  it('quotes `,` and TAB as well as `;`, so no reader splits a cell into a live formula', async () => {
    const file = await exportedGrid('csv', HOSTILE);
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    for (const delimiter of [';', ',', '\t']) {
      const { data } = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
      for (const cell of data.flat()) expect(cell, `${JSON.stringify(delimiter)}: ${cell}`).not.toMatch(/^[=+\-@]/);
    }
    const own = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data;
    expect(own.slice(1).map((r) => r[1])).toEqual(["x,'=1+1", "y\t'=2+2", "'-2+3", "'@SUM(A1)", 'helt vanlig']);
    expect(csvCell('Oslo, Norge')).toBe('"Oslo, Norge"');
    expect(csvCell('a\tb')).toBe('"a\tb"');
  });

  it('writes XLSX string cells as typed (never formulas), and a re-import gives back what was typed', async () => {
    const file = await exportedGrid('xlsx', HOSTILE);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getCell('A2').value).toBe('=1+1');
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B4').value).toBe('-2+3');
    const table = await readTable(file);
    expect(table.rows.map((r) => r.cells[1])).toEqual(HOSTILE);
    expect(table.rows[0]?.cells[0]).toBe('=1+1');
  });

  it('gives back what was typed from its own CSV too (the neutralising apostrophe is taken off)', async () => {
    const file = await exportedGrid('csv', HOSTILE);
    const table = await readTable(file);
    expect(table.rows.map((r) => r.cells[1])).toEqual(HOSTILE);
    expect(table.rows[0]?.cells[0]).toBe('=1+1');
  });
});

describe('hidden sheets (item 14)', () => {
  async function withHiddenFirst(): Promise<string> {
    const book = new ExcelJS.Workbook();
    const old = book.addWorksheet('Gammel liste');
    old.state = 'hidden';
    old.addRow(['Navn', 'Fødselsår']);
    old.addRow(['Skjult Person', 1950]);
    const sheet = book.addWorksheet('Deltakere');
    sheet.addRow(['Navn', 'Fødselsår']);
    sheet.addRow(['Synlig Person', 1990]);
    const file = path.join(tempDir(), 'med-skjult-ark.xlsx');
    await book.xlsx.writeFile(file);
    return file;
  }

  it('the CLI’s read takes the first visible sheet, not a hidden first one', async () => {
    const table = await readTable(await withHiddenFirst());
    expect(table.rows.map((r) => r.cells[0])).toEqual(['Synlig Person']);
    expect((await readTable(await withHiddenFirst(), { sheet: 'Gammel liste' })).rows[0]?.cells[0]).toBe(
      'Skjult Person',
    );
  });

  it('the wizard marks the hidden sheet and, unasked, reads the visible one', async () => {
    const { reg } = tempRegister();
    const opened = expectOk(await invoke(reg, 'import:open', { path: await withHiddenFirst() }));
    expect(opened.sheets).toEqual([
      { name: 'Gammel liste', rows: 1, hidden: true },
      { name: 'Deltakere', rows: 1, hidden: false },
    ]);
    const columns = expectOk(invoke(reg, 'import:columns', { kind: 'deltakere' }));
    expect(columns.sheet).toBe('Deltakere');
    expect(columns.samples[0]).toEqual(['Synlig Person']);
  });
});
