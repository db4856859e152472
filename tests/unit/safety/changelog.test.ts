/**
 * The endringslogg (architecture.md): every change made through the API is recorded — time, OS user,
 * table, row, field, old and new — and one row's history can be read back through `history:list`.
 * Privacy actions, restores and lock take-overs go to the hendelse log instead (no names there).
 */
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { commitImport, planImport } from '../../../electron/io/import';
import { readCsv } from '../../../electron/io/table';
import { type Channel, contract, type Input } from '../../../shared/api';
import { aDeltaker } from '../helpers/builders';
import { expectOk } from '../helpers/messages';
import { countRows, TEST_USER } from '../helpers/register';
import { tempSession } from './helpers';

/** A valid call of every channel that changes the register, given a deltaker and a kull to work on. */
const WRITES: { [C in Channel]?: (ids: { deltaker: number; other: number; kull: number }) => Input<C> } = {
  'kull:create': () => ({ navn: 'Kull 99', startdato: '2026-05-04' }),
  'kull:update': ({ kull }) => ({ id: kull, changes: { kapasitet: 12 } }),
  'kull:delete': ({ kull }) => ({ id: kull }),
  'deltaker:create': () => aDeltaker({ navn: 'Ny deltaker' }),
  'deltaker:update': ({ deltaker }) => ({ id: deltaker, changes: { veileder: 'Per', merknad: 'Notat' } }),
  'deltaker:delete': ({ other }) => ({ ids: [other] }),
  'codes:add': () => ({ list: 'brukersted', verdi: 'Kafé Sentrum' }),
  'codes:rename': () => ({ list: 'henvist_fra', fra: 'NAV Årstad', til: 'NAV Årstad og Fana' }),
  'codes:setHidden': () => ({ list: 'henvist_fra', verdi: 'NAV Årstad', skjult: true }),
  'codes:reorder': () => ({ list: 'henvist_fra', verdier: [] }), // filled in below: the list reversed
  'settings:update': () => ({ tiltak: 'Sykkelvert' }),
  'grid:setCells': ({ deltaker }) => ({
    table: 'deltaker',
    action: 'paste',
    rows: [
      { id: deltaker, cells: { landbakgrunn: 'Eritrea' } as Record<string, string> },
      { id: null, cells: { navn: 'Limt inn' } },
    ],
  }),
  // Undoes the last change of the setup (Ola added): Ola's row goes, and that is logged.
  'grid:undo': () => ({ table: 'deltaker' }),
};

/** Channels that change only the app's settings on this machine, or write to the hendelse log. */
const NOT_IN_ENDRINGSLOGG = new Set<Channel>([
  'backup:restore',
  'backup:chooseFolder',
  'backup:useDefaultFolder',
  'privacy:anonymise',
  'privacy:deletePerson',
  'privacy:exportPerson',
  // Asynchronous, after a file is chosen: its log entries are checked in tests/unit/import/wizard.test.ts.
  'import:commit',
  // A grid's column layout: not register data (docs/grid.md).
  'grid:layout:set',
  // Needs an undone step first: its log entries are checked in tests/unit/grid/batch.test.ts.
  'grid:redo',
]);

async function openRegisterWithRows() {
  const t = tempSession();
  const outcome = await t.session.open(t.registerPath, { create: true });
  if (outcome.status !== 'open') throw new Error('expected open');
  const reg = outcome.register;
  const kull = expectOk(invoke(reg, 'kull:create', { navn: 'Kull 1', startdato: '2026-01-05' })).id;
  const deltaker = expectOk(invoke(reg, 'deltaker:create', aDeltaker({ navn: 'Kari' }))).deltaker.id;
  const other = expectOk(invoke(reg, 'deltaker:create', aDeltaker({ navn: 'Ola' }))).deltaker.id;
  return { t, reg, ids: { deltaker, other, kull } };
}

describe('the endringslogg', () => {
  it('every channel that changes the register is covered here (a new one must be added)', () => {
    // `writes` in the contract (shared/contract/channel.ts) says which channels change the register.
    const writing = (Object.keys(contract) as Channel[]).filter(
      (c) => contract[c].writes && !NOT_IN_ENDRINGSLOGG.has(c),
    );
    expect(writing.sort()).toEqual(Object.keys(WRITES).sort());
  });

  it.each(Object.keys(WRITES) as Channel[])(
    '%s writes its change to the log, with time, user, table, row, field, old and new',
    async (channel) => {
      const { reg, ids } = await openRegisterWithRows();
      const input = (WRITES[channel] as (i: typeof ids) => unknown)(ids);
      const finalInput =
        channel === 'codes:reorder'
          ? {
              list: 'henvist_fra',
              verdier: expectOk(invoke(reg, 'codes:list', {}))
                .henvist_fra.map((v) => v.verdi)
                .reverse(),
            }
          : input;
      const lastBefore = (reg.db.prepare('SELECT coalesce(max(id), 0) AS n FROM endringslogg').get() as { n: number })
        .n;
      const since = new Date().toISOString();
      expectOk(invoke(reg, channel, finalInput as never));
      const added = reg.db.prepare('SELECT * FROM endringslogg WHERE id > ?').all(lastBefore) as {
        tid: string;
        bruker: string;
        tabell: string;
        felt: string;
      }[];
      expect(added.length).toBeGreaterThan(0);
      for (const entry of added) {
        expect(entry.bruker).toBe(TEST_USER);
        expect(entry.tid >= since.slice(0, 16)).toBe(true);
        expect(entry.felt).not.toBe('');
      }
    },
  );

  it('history:list gives one row’s changes, oldest first', async () => {
    const { reg, ids } = await openRegisterWithRows();
    expectOk(invoke(reg, 'deltaker:update', { id: ids.deltaker, changes: { navn: 'Kari Nordmann' } }));
    expectOk(
      invoke(reg, 'deltaker:update', { id: ids.deltaker, changes: { sluttdato: '2026-05-29', avslutning: 'PLAN' } }),
    );
    const history = expectOk(invoke(reg, 'history:list', { table: 'deltaker', id: ids.deltaker }));
    const navn = history.filter((e) => e.felt === 'navn').map((e) => [e.gammel, e.ny]);
    expect(navn).toEqual([
      [null, 'Kari'],
      ['Kari', 'Kari Nordmann'],
    ]);
    expect(history.at(-1)).toMatchObject({ bruker: TEST_USER });
    expect(history.map((e) => e.felt)).toContain('avslutning');
    expect(expectOk(invoke(reg, 'history:list', { table: 'kull', id: ids.kull })).map((e) => e.felt)).toContain('navn');
    expectOk(invoke(reg, 'settings:update', { avdeling: 'Årstad' }));
    expect(expectOk(invoke(reg, 'history:list', { table: 'innstilling', id: 0 }))).toContainEqual(
      expect.objectContaining({ felt: 'avdeling', ny: 'Årstad' }),
    );
  });

  it('a row’s history starts with every field its creation set, kull first (a reused row number’s older entries are left out)', async () => {
    const t = tempSession();
    const outcome = await t.session.open(t.registerPath, { create: true });
    if (outcome.status !== 'open') throw new Error('expected open');
    const reg = outcome.register;
    const kull = expectOk(invoke(reg, 'kull:create', { navn: 'Kull 1', startdato: '2026-03-02' }));
    const first = expectOk(invoke(reg, 'deltaker:create', aDeltaker({ navn: 'Først', kull_id: kull.id }))).deltaker;
    expectOk(invoke(reg, 'deltaker:delete', { ids: [first.id] }));
    // Older entries end the second before: the next creation gets its own time.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = expectOk(invoke(reg, 'deltaker:create', aDeltaker({ navn: 'Etterpå', kull_id: kull.id }))).deltaker;
    expect(again.id).toBe(first.id);
    const history = expectOk(invoke(reg, 'history:list', { table: 'deltaker', id: again.id }));
    expect(history[0]).toMatchObject({ felt: 'kull_id', gammel: null, ny: String(kull.id) });
    expect(history.map((e) => e.ny)).toContain('Etterpå');
    expect(history.some((e) => e.gammel === 'Først' || e.ny === 'Først')).toBe(false);
  });

  it('an import is logged row by row too', async () => {
    const { reg } = await openRegisterWithRows();
    const before = countRows(reg, 'endringslogg');
    commitImport(reg, planImport(reg, 'deltakere', readCsv(Buffer.from('navn;fodselsar\nImportert Person;1990\n'))));
    expect(countRows(reg, 'endringslogg')).toBeGreaterThan(before);
  });
});
