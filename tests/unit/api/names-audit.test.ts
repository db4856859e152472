/**
 * The names audit (architecture.md: reports and their files hold aggregates only; anything that
 * writes names says so first). Every channel whose contract entry says `returnsNames: false` is
 * called on a register holding a deltaker with an unmistakable name and merknad, and neither its
 * answer nor a file it writes may hold them. A new channel that does not return names must be
 * given a call here (the table's type asks for it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { resetSamle } from '../../../electron/api/samlerapport';
import type { Register } from '../../../electron/store/connection';
import { type Channel, type Contract, contract, type Input } from '../../../shared/api';
import { aDeltaker, aKull } from '../helpers/builders';
import { expectOk } from '../helpers/messages';
import { tempSession } from '../safety/helpers';

const NAME = 'Sentinella Navnesen';
const MERKNAD = 'Hemmelighet Merknadsen';

type Nameless = { [C in Channel]: Contract[C]['returnsNames'] extends false ? C : never }[Channel];

type Setup = { reg: Register; dir: string; deltaker: number; emptyKull: number };

/** A call of each channel that returns no names; `file` is where the call writes, if it writes. */
const CALLS: { [C in Nameless]: (s: Setup) => Input<C> | Promise<Input<C>> } = {
  'app:state': () => ({}),
  'app:about': () => ({}),
  'register:create': () => ({
    tiltak: 'Annet',
    avdeling: '',
    kontaktperson: '',
    opptak: 'kull',
    plassering: 'standard',
  }),
  'register:open': () => ({}),
  'register:openRecent': ({ dir }) => ({ path: path.join(dir, 'annet.sqlite') }),
  'register:openDemo': () => ({}),
  'register:info': () => ({}),
  'settings:get': () => ({}),
  'settings:update': () => ({ avdeling: 'Årstad' }),
  'kull:list': () => ({}),
  'kull:create': () => aKull({ navn: 'Kull 99' }),
  'kull:update': ({ emptyKull }) => ({ id: emptyKull, changes: { kapasitet: 3 } }),
  'kull:delete': ({ emptyKull }) => ({ id: emptyKull }),
  'deltaker:delete': ({ deltaker }) => ({ ids: [deltaker] }),
  'deltaker:changes': () => ({ since: 0 }),
  'codes:list': () => ({}),
  'codes:add': () => ({ list: 'brukersted', verdi: 'Kafé Sentrum' }),
  'codes:rename': () => ({ list: 'henvist_fra', fra: 'NAV Årstad', til: 'NAV Årstad og Fana' }),
  'codes:setHidden': () => ({ list: 'henvist_fra', verdi: 'NAV Årstad', skjult: true }),
  'codes:reorder': ({ reg }) => ({
    list: 'henvist_fra',
    verdier: expectOk(invoke(reg, 'codes:list', {}))
      .henvist_fra.map((v) => v.verdi)
      .reverse(),
  }),
  'safety:status': () => ({}),
  'safety:takeOverLock': () => ({ lockId: 'ingen' }),
  'safety:acknowledgeSingleUser': () => ({}),
  'backup:list': () => ({}),
  'backup:create': () => ({}),
  'backup:inspect': ({ reg }) => ({ name: expectOk(invoke(reg, 'backup:list', {})).backups[0]?.name ?? 'ingen' }),
  'backup:restore': ({ reg }) => ({ name: expectOk(invoke(reg, 'backup:list', {})).backups[0]?.name ?? 'ingen' }),
  'backup:chooseFolder': () => ({}),
  'backup:useDefaultFolder': () => ({}),
  'hendelse:list': () => ({}),
  'privacy:anonymisePreview': () => ({ years: 1 }),
  'privacy:anonymise': ({ reg }) => ({
    years: 1,
    expectedCount: expectOk(invoke(reg, 'privacy:anonymisePreview', { years: 1 })).count,
  }),
  'privacy:deletePerson': ({ deltaker }) => ({ id: deltaker }),
  'report:build': () => ({ from: '2024-01-01', to: '2024-12-31' }),
  'report:monthly': () => ({ year: 2024, month: 3 }),
  'report:html': () => ({ from: '2024-01-01', to: '2024-12-31' }),
  'report:export': ({ dir }) => ({
    from: '2024-01-01',
    to: '2024-12-31',
    format: 'csv',
    path: path.join(dir, 'r.csv'),
  }),
  'report:print': () => ({}),
  'arsrapport:build': () => ({ first: 2023, last: 2024 }),
  'arsrapport:html': () => ({ first: 2024, last: 2024 }),
  'arsrapport:export': ({ dir }) => ({ first: 2024, last: 2024, format: 'csv', path: path.join(dir, 'a.csv') }),
  'arsrapport:print': () => ({}),
  'import:open': ({ dir }) => ({ path: importFile(dir) }),
  'import:progress': () => ({}),
  'import:cancel': () => ({}),
  'import:saveSummary': async ({ reg, dir }) => {
    expectOk(await invoke(reg, 'import:open', { path: importFile(dir) }));
    const { mapping } = expectOk(invoke(reg, 'import:columns', { kind: 'deltakere' }));
    expectOk(await invoke(reg, 'import:commit', { kind: 'deltakere', mapping }));
    return { path: path.join(dir, 'sammendrag.csv') };
  },
  'samle:state': () => ({}),
  'samle:choose': () => ({ folder: false }),
  // A dropped file with a name in it: refused, and the name is not repeated.
  'samle:drop': () => ({
    files: [{ name: 'a.kullrapport.json', data: Buffer.from(JSON.stringify({ navn: NAME })).toString('base64') }],
  }),
  'samle:remove': () => ({ id: '1' }),
  'samle:clear': () => ({}),
  'samle:settings': () => ({ kommune: 'Bergen', forventet: ['Audit'] }),
  'samle:view': async (s) => ({ ...(await samleFromThisRegister(s)), from: '2024-01-01', to: '2024-12-31' }),
  'samle:export': async (s) => ({
    ...(await samleFromThisRegister(s)),
    from: '2024-01-01',
    to: '2024-12-31',
    format: 'json',
    path: path.join(s.dir, 'samle.json'),
  }),
  'samle:print': () => ({}),
  'grid:history:get': () => ({ table: 'deltaker' }),
  'grid:layout:get': () => ({ table: 'deltaker' }),
  'grid:layout:set': () => ({ table: 'deltaker', layout: { pasteMode: 'alt-eller-ingenting' } }),
};

/** What cannot succeed in a test without the app's window and dialogs (refused, still without names). */
const REFUSED_HERE = new Set<Channel>([
  'app:state',
  'app:about',
  'register:create',
  'register:open',
  'register:openRecent',
  'register:openDemo',
  'safety:takeOverLock',
  'backup:chooseFolder',
  'report:print',
  'samle:choose',
  'samle:settings',
  'samle:print',
  'arsrapport:print',
]);

/** This register's report file (holding the name's deltaker) given to the samlerapport; adds nothing to the input. */
async function samleFromThisRegister({ reg, dir }: Setup): Promise<Record<string, never>> {
  resetSamle();
  expectOk(invoke(reg, 'settings:update', { tiltak: 'Audit' }));
  const file = path.join(dir, 'audit.kullrapport.json');
  expectOk(
    await invoke(reg, 'report:export', { from: '2024-01-01', to: '2024-12-31', format: 'kullrapport', path: file }),
  );
  const data = fs.readFileSync(file).toString('base64');
  expectOk(await invoke(reg, 'samle:drop', { files: [{ name: 'audit.kullrapport.json', data }] }));
  return {};
}

/** A file to import in which the name is refused (too long a fødselsår) and in which it goes in. */
function importFile(dir: string): string {
  const file = path.join(dir, 'import.csv');
  fs.writeFileSync(file, `Navn;Fødselsår;Merknad\n${NAME};19x0;${MERKNAD}\n${NAME} 2;1990;${MERKNAD}\n`);
  return file;
}

async function setUp(): Promise<Setup> {
  const t = tempSession();
  const outcome = await t.session.open(t.registerPath, { create: true });
  if (outcome.status !== 'open') throw new Error('expected open');
  const reg = outcome.register;
  await t.session.idle(); // the day's first backup, for backup:restore
  const kull = expectOk(invoke(reg, 'kull:create', aKull({ navn: 'Vår 2024', startdato: '2024-01-08' }))).id;
  const emptyKull = expectOk(invoke(reg, 'kull:create', aKull({ navn: 'Tomt', startdato: '2024-08-05' }))).id;
  const deltaker = expectOk(
    invoke(
      reg,
      'deltaker:create',
      aDeltaker({
        navn: NAME,
        merknad: MERKNAD,
        kull_id: kull,
        henvist_dato: '2024-01-02',
        startdato: '2024-01-08',
        sluttdato: '2024-03-15',
        avslutning: 'PLAN',
        sluttarsak: 'A',
      }),
    ),
  ).deltaker.id;
  return { reg, dir: t.dir, deltaker, emptyKull };
}

describe('the names audit', () => {
  it('every channel is marked in the contract, and every one that returns no names has a call here', () => {
    const nameless = (Object.keys(contract) as Channel[]).filter((c) => !contract[c].returnsNames);
    expect(nameless.sort()).toEqual(Object.keys(CALLS).sort());
  });

  it.each(Object.keys(CALLS) as Nameless[])('%s answers and writes without names', async (channel) => {
    const setup = await setUp();
    const input = await (CALLS[channel] as (s: Setup) => unknown)(setup);
    const result = await invoke(setup.reg, channel, input as never);
    if (!REFUSED_HERE.has(channel)) expectOk(result);
    const answer = JSON.stringify(result);
    expect(answer).not.toContain(NAME);
    expect(answer).not.toContain(MERKNAD);
    const written = typeof (input as { path?: unknown }).path === 'string' ? (input as { path: string }).path : null;
    if (written && channel !== 'import:open' && fs.existsSync(written)) {
      const text = fs.readFileSync(written, 'utf8');
      expect(text).not.toContain(NAME);
      expect(text).not.toContain(MERKNAD);
    }
  });

  it('would see a name: the channels that say they return names do return this one', async () => {
    const { reg } = await setUp();
    expect(JSON.stringify(expectOk(invoke(reg, 'deltaker:list', { kull: 'alle' })))).toContain(NAME);
  });
});
