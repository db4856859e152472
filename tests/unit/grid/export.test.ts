/**
 * The grid as shown, to a file, and the grid's remembered layout: both through the API on a real
 * register file.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { setHost } from '../../../electron/api/host';
import type { AsyncChannel } from '../../../electron/api/types';
import type { Register } from '../../../electron/store/connection';
import type { Channel, Input, Output, Result } from '../../../shared/api';
import { DEFAULT_GRID_LAYOUT } from '../../../shared/contract/grid';
import { aDeltaker, aKull } from '../helpers/builders';
import { standInHost } from '../helpers/host';
import { expectOk, expectRefused } from '../helpers/messages';
import { tempDir, tempRegister } from '../helpers/register';

/** One call through the validating wrapper every transport uses. */
function send<C extends Exclude<Channel, AsyncChannel>>(reg: Register, channel: C, input: Input<C>): Result<Output<C>> {
  return invoke(reg, channel, input);
}

/** grid:export answers with a promise (exceljs writes asynchronously). */
async function exportFile(reg: Register, input: Input<'grid:export'>): Promise<Result<Output<'grid:export'>>> {
  return invoke(reg, 'grid:export', input);
}

async function exported(reg: Register, input: Input<'grid:export'>) {
  return expectOk(await exportFile(reg, input));
}

function seeded() {
  const { reg } = tempRegister();
  const kull = expectOk(send(reg, 'kull:create', aKull({ navn: 'Vår 2026' })));
  const kari = expectOk(
    send(reg, 'deltaker:create', aDeltaker({ navn: 'Kari Nordmann', kull_id: kull.id, startdato: '2026-03-02' })),
  ).deltaker;
  const ola = expectOk(
    send(reg, 'deltaker:create', aDeltaker({ navn: '=HYPERLINK("x")', merknad: '+47 999', ytelse: 'OKS' })),
  ).deltaker;
  const eva = expectOk(send(reg, 'deltaker:create', aDeltaker({ navn: 'Eva Berg' }))).deltaker;
  return { reg, kull, kari, ola, eva };
}

describe('exporting the Deltakere grid as shown', () => {
  it('writes Excel with the shown columns in order, the shown rows in order, real dates, and formula-like text as string cells without an apostrophe', async () => {
    const { reg, kari, ola } = seeded();
    const file = path.join(tempDir(), 'deltakere.xlsx');
    const result = await exported(reg, {
      table: 'deltaker',
      format: 'xlsx',
      columns: ['navn', 'kull_id', 'status', 'ytelse', 'startdato', 'merknad'],
      ids: [ola.id, kari.id],
      path: file,
    });
    expect(result).toMatchObject({ saved: true, path: file, rows: 2 });
    expect(result.bytes).toBe(fs.statSync(file).size);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Deltakere')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['Navn', 'Kull', 'Status', 'Ytelse', 'Startdato', 'Merknad']);
    expect(values(2)).toEqual([
      '=HYPERLINK("x")',
      undefined,
      'Aktiv',
      'Økonomisk sosialhjelp',
      expect.any(Date),
      '+47 999',
    ]);
    expect(sheet.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(values(3).slice(0, 4)).toEqual(['Kari Nordmann', 'Vår 2026', 'Aktiv', 'Kvalifiseringsstønad']);
    const start = sheet.getRow(3).getCell(5);
    expect(start.numFmt).toBe('dd.mm.yyyy');
    expect((start.value as Date).toISOString().slice(0, 10)).toBe('2026-03-02');
    expect(sheet.rowCount).toBe(3);
  });

  it('writes CSV as Norwegian Excel opens it: BOM, semicolons, dd.mm.yyyy, formulas neutralised', async () => {
    const { reg, kari, ola } = seeded();
    const file = path.join(tempDir(), 'deltakere.csv');
    await exported(reg, {
      table: 'deltaker',
      format: 'csv',
      columns: ['navn', 'startdato', 'fodselsar'],
      ids: [kari.id, ola.id],
      path: file,
    });
    expect(fs.readFileSync(file, 'utf8')).toBe(
      '\uFEFFNavn;Startdato;Fødselsår\r\nKari Nordmann;02.03.2026;1990\r\n"\'=HYPERLINK(""x"")";02.02.2026;1990\r\n',
    );
  });

  it('refuses a column the grid does not have, and a path from the page when the app asks itself', async () => {
    const { reg, kari } = seeded();
    const file = path.join(tempDir(), 'x.csv');
    expectRefused(
      await exportFile(reg, {
        table: 'deltaker',
        format: 'csv',
        columns: ['passord'],
        ids: [kari.id],
        path: file,
      }),
      'unknown_column',
    );
    expect(fs.existsSync(file)).toBe(false);
    setHost(standInHost());
    try {
      expectRefused(
        await exportFile(reg, {
          table: 'deltaker',
          format: 'csv',
          columns: ['navn'],
          ids: [kari.id],
          path: file,
        }),
        'forbidden',
      );
      expect(
        expectOk(await exportFile(reg, { table: 'deltaker', format: 'csv', columns: ['navn'], ids: [kari.id] })),
      ).toEqual({ saved: false, path: null, bytes: 0, rows: 0 });
    } finally {
      setHost(null);
    }
  });

  it('exports the Kull grid with its counts', async () => {
    const { reg, kull } = seeded();
    const file = path.join(tempDir(), 'kull.csv');
    await exported(reg, {
      table: 'kull',
      format: 'csv',
      columns: ['navn', 'antall_deltakere'],
      ids: [kull.id],
      path: file,
    });
    expect(fs.readFileSync(file, 'utf8')).toBe('\uFEFFNavn;Deltakere\r\nVår 2026;1\r\n');
  });
});

describe('the remembered layout of a grid', () => {
  it('is kept in the register, per grid, and survives reopening', () => {
    const handle = tempRegister();
    expect(expectOk(send(handle.reg, 'grid:layout:get', { table: 'deltaker' }))).toEqual(DEFAULT_GRID_LAYOUT);
    const columns = [
      { colId: 'navn', width: 220 },
      { colId: 'merknad', hide: true },
    ];
    expectOk(send(handle.reg, 'grid:layout:set', { table: 'deltaker', layout: { columns } }));
    expectOk(send(handle.reg, 'grid:layout:set', { table: 'deltaker', layout: { pasteMode: 'alt-eller-ingenting' } }));
    const reg = handle.reopen();
    expect(expectOk(send(reg, 'grid:layout:get', { table: 'deltaker' }))).toEqual({
      columns,
      pasteMode: 'alt-eller-ingenting',
    });
    expect(expectOk(send(reg, 'grid:layout:get', { table: 'kull' }))).toEqual(DEFAULT_GRID_LAYOUT);
  });

  it('falls back to the default layout when the stored value is damaged', () => {
    const { reg } = tempRegister();
    reg.db.prepare("INSERT INTO innstilling (nokkel, verdi) VALUES ('grid.kull', '{ikke json')").run();
    expect(expectOk(send(reg, 'grid:layout:get', { table: 'kull' }))).toEqual(DEFAULT_GRID_LAYOUT);
  });
});
