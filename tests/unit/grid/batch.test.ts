/**
 * Paste, fill down, clearing and undo/redo on real register files: one transaction per action,
 * every cell read as if typed, «alt eller ingenting» changes nothing at all, undo puts back
 * exactly what was there, redo exactly what the action left.
 */
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import type { Register } from '../../../electron/store/connection';
import { createDeltaker } from '../../../electron/store/deltakere';
import { createKull } from '../../../electron/store/kull';
import { redo, undo } from '../../../electron/store/undo';
import type { Channel, Input, Output, Result } from '../../../shared/api';
import type { SetCellsInput } from '../../../shared/contract/grid';
import { aDeltaker, aKull } from '../helpers/builders';
import { expectNorwegianMessage, expectOk, expectRefused } from '../helpers/messages';
import { countRows, fileBytes, tempRegister } from '../helpers/register';

/** Everything a paste can touch, read straight from SQLite. */
function snapshot(reg: Register) {
  return {
    deltaker: reg.db.prepare('SELECT * FROM deltaker ORDER BY id').all(),
    kull: reg.db.prepare('SELECT * FROM kull ORDER BY id').all(),
    kodeverdi: reg.db.prepare('SELECT liste, verdi, skjult FROM kodeverdi ORDER BY liste, verdi').all(),
  };
}

const row = (reg: Register, id: number) =>
  reg.db.prepare('SELECT * FROM deltaker WHERE id = ?').get(id) as Record<string, unknown> | undefined;

/** One call through the validating wrapper every transport uses. */
function send<C extends Channel>(reg: Register, channel: C, input: Input<C>): Result<Output<C>> {
  return invoke(reg, channel, input);
}

/** A paste, fill or clear as the grid sends it: through the API, so it is one undo step (api/undoable.ts). */
function setCells(reg: Register, request: SetCellsInput) {
  return expectOk(send(reg, 'grid:setCells', request));
}

const paste = (rows: SetCellsInput['rows'], extra: Partial<SetCellsInput> = {}): SetCellsInput => ({
  table: 'deltaker',
  action: 'paste',
  mode: 'gyldige',
  rows,
  ...extra,
});

describe('pasting a block into the Deltakere grid', () => {
  it('reads every cell as if typed: labels become codes, dates become ISO, new list values join their list', () => {
    const { reg } = tempRegister();
    createKull(reg, aKull({ navn: 'Vår 2026' }));
    const outcome = setCells(
      reg,
      paste([
        {
          id: null,
          cells: {
            navn: ' Kari Nordmann ',
            kull_id: 'vår 2026',
            fodselsar: '1990',
            kjonn: 'kvinne',
            ytelse: 'kvp',
            startdato: '1.3.26',
            brukersted: 'Kafé Engen',
            ansatt_hos_brukersted: 'x',
          },
        },
      ]),
    );
    expect(outcome.applied).toBe(true);
    expect(outcome.rejected).toEqual([]);
    expect(outcome.created).toHaveLength(1);
    expect(row(reg, outcome.created[0]!.id)).toMatchObject({
      navn: 'Kari Nordmann',
      fodselsar: 1990,
      kjonn: 'K',
      ytelse: 'KVP',
      startdato: '2026-03-01',
      brukersted: 'Kafé Engen',
      ansatt_hos_brukersted: 1,
    });
    expect(outcome.addedListValues).toEqual([{ list: 'brukersted', verdi: 'Kafé Engen' }]);
  });

  it('stores the valid cells and lists each refused one with its row, field, text and a Norwegian reason', () => {
    const { reg } = tempRegister();
    const a = createDeltaker(reg, aDeltaker({ navn: 'Ola', fodselsar: 1980 })).deltaker;
    const b = createDeltaker(reg, aDeltaker({ navn: 'Eva', startdato: '2026-02-02' })).deltaker;
    const outcome = setCells(
      reg,
      paste([
        { id: a.id, cells: { fodselsar: '19990', landbakgrunn: 'Eritrea' } },
        { id: b.id, cells: { startdato: '31.02.2026', landbakgrunn: 'Syria' } },
      ]),
    );
    expect(outcome.applied).toBe(true);
    expect(outcome.rejected.map(({ row, field, text }) => ({ row, field, text }))).toEqual([
      { row: 0, field: 'fodselsar', text: '19990' },
      { row: 1, field: 'startdato', text: '31.02.2026' },
    ]);
    for (const r of outcome.rejected) expectNorwegianMessage(r.message);
    expect(outcome.rejected[1]!.message).toMatch(/finnes ikke: februar 2026 har 28 dager/);
    expect(row(reg, a.id)).toMatchObject({ fodselsar: 1980, landbakgrunn: 'Eritrea' });
    expect(row(reg, b.id)).toMatchObject({ startdato: '2026-02-02', landbakgrunn: 'Syria' });
    expect(outcome.cellsChanged).toBe(2);
  });

  it('in «alt eller ingenting» mode writes nothing at all when one cell is refused: the file is byte-for-byte the same', () => {
    const handle = tempRegister();
    const a = createDeltaker(handle.reg, aDeltaker({ navn: 'Ola' })).deltaker;
    handle.reg.close();
    const before = fileBytes(handle.path);
    const reg = handle.reopen();
    const outcome = setCells(
      reg,
      paste(
        [
          { id: a.id, cells: { landbakgrunn: 'Eritrea', brukersted: 'Helt nytt sted' } },
          { id: null, cells: { navn: 'Ny Person', kjonn: 'q' } },
        ],
        { mode: 'alt-eller-ingenting' },
      ),
    );
    expect(outcome.applied).toBe(false);
    expect(outcome.rejected).toHaveLength(1);
    expect(outcome.step).toBeNull();
    reg.close();
    expect(fileBytes(handle.path).equals(before)).toBe(true);
  });

  it('adds rows past the end, and leaves out a new row without a name, saying why', () => {
    const { reg } = tempRegister();
    const kull = createKull(reg, aKull());
    const outcome = setCells(
      reg,
      paste(
        [
          { id: null, cells: { navn: 'Første', fodselsar: '1990' } },
          { id: null, cells: { navn: '', fodselsar: '1991' } },
          { id: null, cells: { navn: 'Tredje' } },
        ],
        { newRowKull: kull.id },
      ),
    );
    expect(outcome.created.map((c) => c.row)).toEqual([0, 2]);
    expect(outcome.rejected).toEqual([
      { row: 1, field: 'navn', text: '', message: 'Raden ble ikke lagt til: Navn kan ikke være tomt.' },
    ]);
    const stored = reg.db.prepare('SELECT navn, kull_id, fodselsar FROM deltaker ORDER BY id').all();
    expect(stored).toEqual([
      { navn: 'Første', kull_id: kull.id, fodselsar: 1990 },
      { navn: 'Tredje', kull_id: kull.id, fodselsar: null },
    ]);
  });

  it('is one transaction: a write that fails on the last row leaves none of the block behind', () => {
    const { reg } = tempRegister();
    const a = createDeltaker(reg, aDeltaker({ navn: 'Ola' })).deltaker;
    reg.db.exec(
      `CREATE TEMP TRIGGER feil BEFORE INSERT ON deltaker WHEN NEW.navn = 'Feiler'
       BEGIN SELECT RAISE(ABORT, 'simulert skrivefeil'); END`,
    );
    const before = snapshot(reg);
    const logRows = countRows(reg, 'endringslogg');
    expect(() =>
      setCells(
        reg,
        paste([
          { id: a.id, cells: { landbakgrunn: 'Eritrea', brukersted: 'Nytt sted' } },
          { id: null, cells: { navn: 'Grei' } },
          { id: null, cells: { navn: 'Feiler' } },
        ]),
      ),
    ).toThrow(/Noe uventet gikk galt/); // the English stays in the log (store/errors.ts)
    expect(snapshot(reg)).toEqual(before);
    expect(countRows(reg, 'endringslogg')).toBe(logRows);
  });

  it('logs every changed field in the endringslogg', () => {
    const { reg } = tempRegister();
    const a = createDeltaker(reg, aDeltaker({ navn: 'Ola', landbakgrunn: 'Norge' })).deltaker;
    setCells(reg, paste([{ id: a.id, cells: { landbakgrunn: 'Eritrea', navn: 'Ola' } }]));
    const log = reg.db
      .prepare(
        "SELECT felt, gammel, ny FROM endringslogg WHERE tabell = 'deltaker' AND rad_id = ? ORDER BY id DESC LIMIT 1",
      )
      .all(a.id);
    expect(log).toEqual([{ felt: 'landbakgrunn', gammel: 'Norge', ny: 'Eritrea' }]);
  });

  it('refuses a field that is not a deltaker field before touching anything', () => {
    const { reg } = tempRegister();
    const error = expectRefused(
      send(reg, 'grid:setCells', { table: 'deltaker', action: 'paste', rows: [{ id: null, cells: { id: '7' } }] }),
      'invalid_input',
    );
    expect(error.message).toMatch(/Ukjent felt «id»/);
  });
});

describe('undo and redo of a paste', () => {
  it('undo puts back exactly what was there (rows, added rows, list values); redo exactly what the paste left', () => {
    const { reg } = tempRegister();
    const a = createDeltaker(reg, aDeltaker({ navn: 'Ola', veileder: null })).deltaker;
    const b = createDeltaker(reg, aDeltaker({ navn: 'Eva', startdato: '2026-02-02' })).deltaker;
    const before = snapshot(reg);

    const outcome = setCells(
      reg,
      paste([
        { id: a.id, cells: { navn: 'Ola Hansen', veileder: 'Ny Veileder', ansatt_hos_brukersted: 'ja' } },
        { id: b.id, cells: { startdato: '', sluttdato: '1.6.26', avslutning: 'drop-out' } },
        { id: null, cells: { navn: 'Ny 1', fodselsar: '1999' } },
        { id: null, cells: { navn: 'Ny 2', brukersted: 'Ladegården' } },
      ]),
    );
    expect(outcome.created).toHaveLength(2);
    const after = snapshot(reg);

    const logRows = countRows(reg, 'endringslogg');
    const undone = undo(reg, 'deltaker');
    expect(undone?.step.label).toBe('Lim inn i 4 rader');
    expect(undone?.removed.sort()).toEqual(outcome.created.map((c) => c.id).sort());
    expect(snapshot(reg)).toEqual(before);
    // The undo is itself logged, field by field.
    expect(countRows(reg, 'endringslogg')).toBeGreaterThan(logRows);

    const logBeforeRedo = countRows(reg, 'endringslogg');
    redo(reg, 'deltaker');
    expect(snapshot(reg)).toEqual(after);
    expect(countRows(reg, 'endringslogg')).toBeGreaterThan(logBeforeRedo);
    undo(reg, 'deltaker');
    expect(snapshot(reg)).toEqual(before);
  });

  it('goes through the API as one step each, and says when there is nothing to undo', () => {
    const { reg } = tempRegister();
    const a = expectOk(send(reg, 'deltaker:create', { navn: 'Ola' })).deltaker;
    expectOk(send(reg, 'deltaker:update', { id: a.id, changes: { fodselsar: 1980 } }));
    expectOk(
      send(reg, 'grid:setCells', { table: 'deltaker', action: 'fill', rows: [{ id: a.id, cells: { kjonn: 'M' } }] }),
    );
    expect(expectOk(send(reg, 'grid:history:get', { table: 'deltaker' }))).toEqual({
      undo: 'Fyll ned i 1 rad',
      redo: null,
    });

    const first = expectOk(send(reg, 'grid:undo', { table: 'deltaker' }));
    expect(first).toMatchObject({ done: true, label: 'Fyll ned i 1 rad' });
    expect(first.changed).toMatchObject({ table: 'deltaker', rows: [{ id: a.id, kjonn: null, fodselsar: 1980 }] });
    expect(expectOk(send(reg, 'grid:undo', { table: 'deltaker' }))).toMatchObject({ label: 'Endre fødselsår' });
    expect(row(reg, a.id)).toMatchObject({ fodselsar: null });
    const created = expectOk(send(reg, 'grid:undo', { table: 'deltaker' }));
    expect(created).toMatchObject({ label: 'Ny deltaker', changed: { removed: [a.id] } });
    expect(countRows(reg, 'deltaker')).toBe(0);
    expect(expectOk(send(reg, 'grid:undo', { table: 'deltaker' }))).toMatchObject({ done: false, label: null });

    expectOk(send(reg, 'grid:redo', { table: 'deltaker' }));
    expectOk(send(reg, 'grid:redo', { table: 'deltaker' }));
    expect(row(reg, a.id)).toMatchObject({ navn: 'Ola', fodselsar: 1980, kjonn: null });
    expect(expectOk(send(reg, 'grid:history:get', { table: 'deltaker' }))).toEqual({
      undo: 'Endre fødselsår',
      redo: 'Fyll ned i 1 rad',
    });
  });

  it('brings deleted deltakere back under their own ids', () => {
    const { reg } = tempRegister();
    const a = expectOk(send(reg, 'deltaker:create', aDeltaker({ navn: 'Per', brukersted: 'Engen' }))).deltaker;
    const b = expectOk(send(reg, 'deltaker:create', aDeltaker({ navn: 'Liv' }))).deltaker;
    const before = snapshot(reg);
    expectOk(send(reg, 'deltaker:delete', { ids: [a.id, b.id] }));
    expect(countRows(reg, 'deltaker')).toBe(0);
    const undone = expectOk(send(reg, 'grid:undo', { table: 'deltaker' }));
    expect(undone.label).toBe('Slett 2 deltakere');
    expect(snapshot(reg)).toEqual(before);
  });

  it('refuses to undo over a change made some other way since, and changes nothing', () => {
    const { reg } = tempRegister();
    const a = createDeltaker(reg, aDeltaker({ navn: 'Ola', brukersted: 'Engen' })).deltaker;
    setCells(reg, paste([{ id: a.id, cells: { brukersted: 'Ladegården' } }]));
    // Someone renames the value in the list: every deltaker with it follows (not an undo step).
    expectOk(send(reg, 'codes:rename', { list: 'brukersted', fra: 'Ladegården', til: 'Ladegården sykehjem' }));
    const before = snapshot(reg);
    const error = expectRefused(send(reg, 'grid:undo', { table: 'deltaker' }), 'conflict');
    expect(error.message).toMatch(/Kan ikke angre «Lim inn i 1 rad»: «Ola» er endret/);
    expect(snapshot(reg)).toEqual(before);
    // The step is gone; the next undo goes on to the one before it (there is none here).
    expect(expectOk(send(reg, 'grid:undo', { table: 'deltaker' })).done).toBe(false);
  });

  it('keeps the two grids’ histories apart', () => {
    const { reg } = tempRegister();
    expectOk(send(reg, 'kull:create', aKull({ navn: 'Kull 1' })));
    expectOk(send(reg, 'deltaker:create', { navn: 'Ola' }));
    expect(expectOk(send(reg, 'grid:undo', { table: 'kull' })).label).toBe('Nytt kull');
    expect(countRows(reg, 'kull')).toBe(0);
    expect(countRows(reg, 'deltaker')).toBe(1);
  });

  it('refuses a write while the register is read-only', () => {
    const handle = tempRegister();
    handle.reg.close();
    const reg = handle.reopen({ readOnly: true });
    expectRefused(send(reg, 'grid:undo', { table: 'deltaker' }), 'read_only');
    expectRefused(
      send(reg, 'grid:setCells', { table: 'deltaker', action: 'paste', rows: [{ id: null, cells: { navn: 'X' } }] }),
      'read_only',
    );
  });
});

describe('fill down and clearing cells', () => {
  it('clearing refuses a required field with the same message as typing, and clears the rest', () => {
    const { reg } = tempRegister();
    const a = createDeltaker(reg, aDeltaker({ navn: 'Ola', landbakgrunn: 'Norge' })).deltaker;
    const outcome = setCells(reg, {
      table: 'deltaker',
      action: 'clear',
      mode: 'gyldige',
      rows: [{ id: a.id, cells: { navn: '', landbakgrunn: '' } }],
    });
    expect(outcome.rejected).toEqual([{ row: 0, field: 'navn', text: '', message: 'Navn kan ikke være tomt.' }]);
    expect(row(reg, a.id)).toMatchObject({ navn: 'Ola', landbakgrunn: null });
    expect(undo(reg, 'deltaker')?.step.label).toBe('Tøm celler i 1 rad');
    expect(row(reg, a.id)).toMatchObject({ landbakgrunn: 'Norge' });
  });

  it('a fill that changes nothing writes nothing and makes no undo step', () => {
    const { reg } = tempRegister();
    const a = createDeltaker(reg, aDeltaker({ navn: 'Ola', kjonn: 'M' })).deltaker;
    const logRows = countRows(reg, 'endringslogg');
    const outcome = setCells(reg, { ...paste([{ id: a.id, cells: { kjonn: 'Mann' } }]), action: 'fill' });
    expect(outcome).toMatchObject({ applied: false, step: null, cellsChanged: 0 });
    expect(countRows(reg, 'endringslogg')).toBe(logRows);
  });
});

describe('pasting into the Kull grid', () => {
  it('keeps kull names unique, needs a start date for a new kull, and gives it the planned end', () => {
    const { reg } = tempRegister();
    createKull(reg, aKull({ navn: 'Kull 1', startdato: '2026-01-05' }));
    const outcome = setCells(reg, {
      table: 'kull',
      action: 'paste',
      mode: 'gyldige',
      rows: [
        { id: null, cells: { navn: 'Kull 2', startdato: '6.4.26' } },
        { id: null, cells: { navn: 'kull 1', startdato: '6.7.26' } },
        { id: null, cells: { navn: 'Kull 3', startdato: '' } },
        { id: null, cells: { navn: 'KULL 2', startdato: '1.9.26' } },
      ],
    });
    expect(outcome.rejected.map((r) => [r.row, r.field, r.message])).toEqual([
      [1, 'navn', 'Raden ble ikke lagt til: Det finnes allerede et kull som heter «kull 1». Velg et annet navn.'],
      [2, 'startdato', 'Raden ble ikke lagt til: Startdato må fylles ut (dd.mm.åååå).'],
      [3, 'navn', 'Raden ble ikke lagt til: Det finnes allerede et kull som heter «KULL 2». Velg et annet navn.'],
    ]);
    expect(reg.db.prepare("SELECT planlagt_sluttdato AS slutt FROM kull WHERE navn = 'Kull 2'").get()).toEqual({
      slutt: '2026-07-06',
    });
  });

  it('will not undo the creation of a kull that has deltakere now, and keeps the step', () => {
    const { reg } = tempRegister();
    const kull = expectOk(send(reg, 'kull:create', aKull({ navn: 'Kull 9' })));
    expectOk(send(reg, 'deltaker:create', { navn: 'Ola', kull_id: kull.id }));
    const error = expectRefused(send(reg, 'grid:undo', { table: 'kull' }), 'in_use');
    expect(error.message).toMatch(/«Kull 9» har 1 deltaker/);
    expect(countRows(reg, 'kull')).toBe(1);
    expect(expectOk(send(reg, 'grid:history:get', { table: 'kull' })).undo).toBe('Nytt kull');
  });

  it('names a fill right and a cut as their undo steps; a cut of a required Navn is refused like Delete', () => {
    const { reg } = tempRegister();
    const a = expectOk(send(reg, 'deltaker:create', { navn: 'Ola', startdato: '2026-03-02' })).deltaker;
    expectOk(
      send(reg, 'grid:setCells', {
        table: 'deltaker',
        action: 'fill-right',
        rows: [{ id: a.id, cells: { brukersted: '02.03.2026' } }],
      }),
    );
    expect(expectOk(send(reg, 'grid:history:get', { table: 'deltaker' })).undo).toBe('Fyll til høyre i 1 rad');
    const cut = expectOk(
      send(reg, 'grid:setCells', {
        table: 'deltaker',
        action: 'cut',
        rows: [{ id: a.id, cells: { navn: '', brukersted: '' } }],
      }),
    );
    expect(cut.rejected).toMatchObject([{ field: 'navn', message: 'Navn kan ikke være tomt.' }]);
    expect(row(reg, a.id)).toMatchObject({ navn: 'Ola', brukersted: null });
    expect(expectOk(send(reg, 'grid:history:get', { table: 'deltaker' })).undo).toBe('Klipp ut fra 1 rad');
    expectOk(send(reg, 'grid:undo', { table: 'deltaker' }));
    expect(row(reg, a.id)).toMatchObject({ navn: 'Ola', brukersted: '02.03.2026' });
  });
});
