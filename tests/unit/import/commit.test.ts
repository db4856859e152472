/**
 * Writing an import (electron/io/import.ts): the CLI's one-shot transaction and the wizard's sliced
 * one must store the same rows, report progress, and store nothing at all when anything fails.
 */
import { describe, expect, it } from 'vitest';
import { commitImport, commitImportInSlices, planImport } from '../../../electron/io/import';
import { readCsv } from '../../../electron/io/table';
import { DomainError } from '../../../electron/store/errors';
import { createKull } from '../../../electron/store/kull';
import { expectNorwegianMessage } from '../helpers/messages';
import { countRows, tempRegister } from '../helpers/register';

function csv(lines: string[]): ReturnType<typeof readCsv> {
  return readCsv(Buffer.from(`${lines.join('\r\n')}\r\n`));
}

function people(count: number, kull = ''): ReturnType<typeof readCsv> {
  return csv([
    'Fullt navn;Fødselsår;Kull;NAV-kontor',
    ...Array.from({ length: count }, (_, i) => `Person ${i + 1};${1970 + (i % 30)};${kull};Kontor ${i % 7}`),
  ]);
}

function dump(reg: ReturnType<typeof tempRegister>['reg']) {
  return {
    deltakere: reg.db.prepare('SELECT navn, fodselsar, kull_id, henvist_fra FROM deltaker ORDER BY id').all(),
    lists: reg.db.prepare('SELECT liste, verdi FROM kodeverdi ORDER BY liste, verdi').all(),
  };
}

describe('commitImportInSlices', () => {
  it('stores exactly what the CLI’s commitImport stores', async () => {
    const table = people(1200);
    const cli = tempRegister().reg;
    const wizard = tempRegister().reg;
    const one = commitImport(cli, planImport(cli, 'deltakere', table));
    const two = await commitImportInSlices(wizard, planImport(wizard, 'deltakere', table));
    expect(two).toEqual(one);
    expect(dump(wizard)).toEqual(dump(cli));
    expect(countRows(wizard, 'endringslogg')).toBe(countRows(cli, 'endringslogg'));
  });

  it('reports progress between slices, rising, ending with every row, and yields to the event loop', async () => {
    const { reg } = tempRegister();
    const plan = planImport(reg, 'deltakere', people(400));
    const calls: [number, number][] = [];
    let turns = 0;
    const ticker = setInterval(() => {
      turns += 1;
    }, 0);
    await commitImportInSlices(reg, plan, { sliceMs: 0, onProgress: (done, total) => calls.push([done, total]) });
    clearInterval(ticker);
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.at(-1)).toEqual([400, 400]);
    expect(calls.every(([, total]) => total === 400)).toBe(true);
    expect(calls.every(([done], i) => i === 0 || done > (calls[i - 1]?.[0] ?? 0))).toBe(true);
    expect(turns).toBeGreaterThan(0);
  });

  it('a row that fails half-way rolls back every row before it, and names its line', async () => {
    const { reg } = tempRegister();
    const kull = createKull(reg, { navn: 'Kull 14', startdato: '2026-08-03' });
    const table = csv([
      'Navn;Kull;NAV-kontor',
      ...Array.from({ length: 300 }, (_, i) => `Person ${i};${i === 250 ? 'Kull 14' : ''};Kontor ny ${i}`),
    ]);
    const plan = planImport(reg, 'deltakere', table);
    expect(plan.valid).toHaveLength(300);
    // The kull goes away between the preview and the write (another window, another user).
    reg.db.prepare('DELETE FROM kull WHERE id = ?').run(kull.id);
    const before = dump(reg);
    const logBefore = countRows(reg, 'endringslogg');
    const error = await commitImportInSlices(reg, plan, { sliceMs: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toMatch(/^Linje 252: .*Ingenting ble importert\.$/);
    expectNorwegianMessage((error as DomainError).message);
    expect(dump(reg)).toEqual(before);
    expect(countRows(reg, 'endringslogg')).toBe(logBefore);
    expect(reg.db.inTransaction).toBe(false);
  });

  it('a refusal between slices (Avbryt, a lost lock) rolls back and is thrown as it was given', async () => {
    const { reg } = tempRegister();
    const plan = planImport(reg, 'deltakere', people(500));
    let asked = 0;
    const stop = new DomainError('cancelled', 'Importen ble avbrutt. Ingenting ble importert.');
    const error = await commitImportInSlices(reg, plan, {
      sliceMs: 0,
      check: () => (++asked === 5 ? stop : null),
    }).catch((e: unknown) => e);
    expect(error).toBe(stop);
    expect(countRows(reg, 'deltaker')).toBe(0);
  });

  it('the register closed mid-way (another register opened) leaves the file without a single row', async () => {
    const handle = tempRegister();
    const plan = planImport(handle.reg, 'deltakere', people(2000));
    const running = commitImportInSlices(handle.reg, plan, { sliceMs: 0 }).catch((e: unknown) => e);
    await new Promise((resolve) => setImmediate(resolve));
    handle.reg.close();
    const error = await running;
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('not_open');
    expect(countRows(handle.reopen(), 'deltaker')).toBe(0);
  });

  it('will not start inside another transaction (it would not be all or nothing)', async () => {
    const { reg } = tempRegister();
    const plan = planImport(reg, 'deltakere', people(3));
    reg.db.exec('BEGIN');
    await expect(commitImportInSlices(reg, plan)).rejects.toMatchObject({ code: 'busy' });
    reg.db.exec('ROLLBACK');
  });
});

describe('commitImport (the CLI)', () => {
  it('reports progress every 500 rows and at the end', () => {
    const { reg } = tempRegister();
    const calls: number[] = [];
    const result = commitImport(reg, planImport(reg, 'deltakere', people(1200)), (done) => calls.push(done));
    expect(calls).toEqual([1, 501, 1001, 1200]);
    expect(result).toMatchObject({ inserted: 1200, firstId: 1 });
  });
});

describe('deltakere whose kull the register lacks (issue 16, item 7)', () => {
  const file = () =>
    csv([
      'Navn;Kull;Henvist dato;Startdato',
      'Ada;Høst 2030;01.08.2030;15.09.2030',
      'Bo;høst 2030;01.07.2030;01.09.2030',
      'Cia;Vår 2031;;',
      'Dag;;;',
    ]);

  it('the CLI’s default leaves the lines out, each with the kull it names', () => {
    const { reg } = tempRegister();
    const plan = planImport(reg, 'deltakere', file());
    expect(plan.valid.map((r) => r.line)).toEqual([5]);
    expect(plan.rejected.map((p) => [p.line, p.missingKull])).toEqual([
      [2, 'Høst 2030'],
      [3, 'høst 2030'],
      [4, 'Vår 2031'],
    ]);
    // One group per kull, any case; the startdato it would get is its rows' earliest.
    expect(plan.missingKull.map((k) => [k.navn, k.lines, k.startdato])).toEqual([
      ['Høst 2030', [2, 3], '2030-09-01'],
      ['Vår 2031', [4], expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)],
    ]);
  });

  it('«create» makes each kull once, inside the import, and sets it on its rows', async () => {
    const { reg } = tempRegister();
    const result = await commitImportInSlices(reg, planImport(reg, 'deltakere', file(), undefined, 'create'));
    expect(result.createdKull).toEqual(['Høst 2030', 'Vår 2031']);
    expect(reg.db.prepare('SELECT navn, startdato FROM kull ORDER BY id').all()).toEqual([
      { navn: 'Høst 2030', startdato: '2030-09-01' },
      { navn: 'Vår 2031', startdato: expect.any(String) },
    ]);
    expect(
      reg.db
        .prepare('SELECT d.navn, k.navn AS kull FROM deltaker d LEFT JOIN kull k ON k.id = d.kull_id ORDER BY d.id')
        .all(),
    ).toEqual([
      { navn: 'Ada', kull: 'Høst 2030' },
      { navn: 'Bo', kull: 'Høst 2030' },
      { navn: 'Cia', kull: 'Vår 2031' },
      { navn: 'Dag', kull: null },
    ]);
    // Again: every row is there, and no kull is made twice.
    const again = planImport(reg, 'deltakere', file(), undefined, 'create');
    expect(again.valid).toEqual([]);
    expect(again.duplicates).toEqual([2, 3, 4, 5]);
    expect(again.missingKull).toEqual([]);
  });

  it('«without» stores the rows with no kull and creates none', () => {
    const { reg } = tempRegister();
    const result = commitImport(reg, planImport(reg, 'deltakere', file(), undefined, 'without'));
    expect(result.inserted).toBe(4);
    expect(result.createdKull).toEqual([]);
    expect(countRows(reg, 'kull')).toBe(0);
    expect(reg.db.prepare('SELECT count(*) AS n FROM deltaker WHERE kull_id IS NULL').get()).toEqual({ n: 4 });
  });
});
