import { describe, expect, it } from 'vitest';
import { call, handlers, invoke, isChannel } from '../../../electron/api/handlers';
import type { Register } from '../../../electron/store/connection';
import { SCHEMA_VERSION } from '../../../electron/store/migrations';
import { type Channel, contract, type Input } from '../../../shared/api';
import { DEFAULT_LISTS } from '../../../shared/codes';
import { codeChannels } from '../../../shared/contract/codes';
import { DELTAKER_PAGE_COLUMNS, deltakerChannels, deltakereOfPage } from '../../../shared/contract/deltaker';
import { kullChannels } from '../../../shared/contract/kull';
import { registerChannels } from '../../../shared/contract/register';
import { DEFAULT_SETTINGS } from '../../../shared/schema/settings';
import { aDeltaker, aKull } from '../helpers/builders';
import { expectOk, expectRefused } from '../helpers/messages';
import { countRows, fileBytes, tempRegister } from '../helpers/register';

const FOUNDATION_CHANNELS = Object.keys({
  ...registerChannels,
  ...kullChannels,
  ...deltakerChannels,
  ...codeChannels,
}).sort();
const called = new Set<Channel>();

/** Calls a channel through the one wrapper every transport uses, and checks an answer against the contract. */
function send<C extends Channel>(reg: Register, channel: C, input: Input<C>) {
  called.add(channel);
  const result = invoke(reg, channel, input);
  if (result.ok) expect(contract[channel].result.safeParse(result.value).success).toBe(true);
  return result;
}

/** A register with one kull holding one deltaker, through the API. */
function seeded() {
  const handle = tempRegister();
  const kull = expectOk(send(handle.reg, 'kull:create', aKull({ navn: 'Kull 13', kapasitet: 12 })));
  const { deltaker } = expectOk(send(handle.reg, 'deltaker:create', aDeltaker({ kull_id: kull.id, navn: 'Kari' })));
  return { ...handle, kull, deltaker };
}

describe('the handler map', () => {
  it('has exactly one handler per channel of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('knows its channels and nothing else', () => {
    expect(isChannel('kull:list')).toBe(true);
    for (const name of ['kull:drop', '', '__proto__', 'constructor', 'hasOwnProperty', 42, null, undefined]) {
      expect(isChannel(name)).toBe(false);
    }
  });
});

describe('register and settings channels', () => {
  it('register:info tells where the register is, its schema version, and that it is writable', () => {
    const { reg, path } = tempRegister();
    expect(expectOk(send(reg, 'register:info', {}))).toEqual({ path, schemaVersion: SCHEMA_VERSION, readOnly: false });
  });

  it('settings:get gives the defaults of a new register', () => {
    const { reg } = tempRegister();
    expect(expectOk(send(reg, 'settings:get', {}))).toEqual(DEFAULT_SETTINGS);
  });

  it('settings:update changes the given settings and keeps them after reopening', () => {
    const handle = tempRegister();
    const value = expectOk(send(handle.reg, 'settings:update', { tiltak: ' Sykkelvert ', kull_lengde_mnd: 4 }));
    expect(value).toEqual({ ...DEFAULT_SETTINGS, tiltak: 'Sykkelvert', kull_lengde_mnd: 4 });
    expect(expectOk(send(handle.reopen(), 'settings:get', {}))).toEqual(value);
  });

  it('settings:update refuses a kull length of 0 months and an unknown opptak', () => {
    const { reg } = tempRegister();
    expect(expectRefused(send(reg, 'settings:update', { kull_lengde_mnd: 0 }), 'invalid_input').field).toBe(
      'kull_lengde_mnd',
    );
    expectRefused(send(reg, 'settings:update', { opptak: 'av og til' as 'kull' }), 'invalid_input');
    expect(expectOk(send(reg, 'settings:get', {}))).toEqual(DEFAULT_SETTINGS);
  });
});

describe('kull channels', () => {
  it('kull:create makes a kull with planned end start + 3 months and kull:list shows it with counts', () => {
    const { reg } = tempRegister();
    const kull = expectOk(send(reg, 'kull:create', aKull({ navn: 'Vår 2026', startdato: '2026-03-02' })));
    expect(kull).toMatchObject({ navn: 'Vår 2026', planlagt_sluttdato: '2026-06-02', antall_deltakere: 0 });
    expect(expectOk(send(reg, 'kull:list', {}))).toEqual([kull]);
  });

  it('kull:create refuses a blank navn, a negative kapasitet and an impossible startdato, in Norwegian', () => {
    const { reg } = tempRegister();
    expect(expectRefused(send(reg, 'kull:create', aKull({ navn: '   ' })), 'invalid_input')).toMatchObject({
      field: 'navn',
      message: 'navn: Navn kan ikke være tomt.',
    });
    expect(expectRefused(send(reg, 'kull:create', aKull({ kapasitet: -1 })), 'invalid_input').message).toContain(
      'Kapasitet kan ikke være negativ.',
    );
    expect(expectRefused(send(reg, 'kull:create', aKull({ startdato: '2026-02-31' })), 'invalid_input').field).toBe(
      'startdato',
    );
    expect(countRows(reg, 'kull')).toBe(0);
  });

  it('kull:create refuses a second kull of the same name in another case', () => {
    const { reg } = seeded();
    const error = expectRefused(send(reg, 'kull:create', aKull({ navn: 'KULL 13' })), 'duplicate');
    expect(error.field).toBe('navn');
    expect(countRows(reg, 'kull')).toBe(1);
  });

  it('kull:update changes a kull and returns it', () => {
    const { reg, kull } = seeded();
    const [before] = expectOk(send(reg, 'kull:list', {}));
    const updated = expectOk(send(reg, 'kull:update', { id: kull.id, changes: { kapasitet: 0, merknad: 'Fullt' } }));
    expect(updated).toEqual({ ...before, kapasitet: 0, merknad: 'Fullt' });
    expect(updated.antall_deltakere).toBe(1);
  });

  it('kull:update refuses a kull that does not exist', () => {
    const { reg } = tempRegister();
    expectRefused(send(reg, 'kull:update', { id: 5, changes: { kapasitet: 1 } }), 'not_found');
  });

  it('kull:delete is refused while the kull has deltakere, and allowed when it has none', () => {
    const { reg, kull, deltaker } = seeded();
    const error = expectRefused(send(reg, 'kull:delete', { id: kull.id }), 'in_use');
    expect(error.message).toContain('1 deltaker');
    expectOk(send(reg, 'deltaker:update', { id: deltaker.id, changes: { kull_id: null } }));
    expect(expectOk(send(reg, 'kull:delete', { id: kull.id }))).toEqual({ id: kull.id });
    expect(expectOk(send(reg, 'kull:list', {}))).toEqual([]);
  });
});

describe('deltaker channels', () => {
  it('deltaker:create stores a deltaker and reports the list values it added', () => {
    const { reg } = tempRegister();
    const saved = expectOk(
      send(reg, 'deltaker:create', aDeltaker({ brukersted: 'Ladegården', henvist_fra: 'nav årstad' })),
    );
    expect(saved.addedListValues).toEqual([{ list: 'brukersted', verdi: 'Ladegården' }]);
    expect(saved.deltaker).toMatchObject({ brukersted: 'Ladegården', henvist_fra: 'NAV Årstad' });
  });

  it('deltaker:create needs nothing but a navn', () => {
    const { reg } = tempRegister();
    expect(expectOk(send(reg, 'deltaker:create', { navn: 'Ola' })).deltaker.navn).toBe('Ola');
  });

  it('deltaker:create says that a missing navn is missing', () => {
    const { reg } = tempRegister();
    const error = expectRefused(send(reg, 'deltaker:create', {} as Input<'deltaker:create'>), 'invalid_input');
    expect(error.field).toBe('navn');
    expect(error.message).toMatch(/mangler/i);
  });

  it('deltaker:create stores blank optional text as empty (null), trimmed text trimmed', () => {
    const { reg } = tempRegister();
    const { deltaker } = expectOk(
      send(reg, 'deltaker:create', { navn: ' Per ', landbakgrunn: '  ', merknad: ' notat ', dropout_arsak: '' }),
    );
    expect(deltaker).toMatchObject({ navn: 'Per', landbakgrunn: null, merknad: 'notat', dropout_arsak: null });
  });

  it('deltaker:list gives all deltakere, those of a kull, or those without kull', () => {
    const { reg, kull, deltaker } = seeded();
    const uten = expectOk(send(reg, 'deltaker:create', { navn: 'Uten kull' })).deltaker;
    expect(expectOk(send(reg, 'deltaker:list', { kull: 'alle' }))).toEqual([deltaker, uten]);
    expect(expectOk(send(reg, 'deltaker:list', { kull: kull.id }))).toEqual([deltaker]);
    expect(expectOk(send(reg, 'deltaker:list', { kull: 'uten' }))).toEqual([uten]);
  });

  it('deltaker:page gives the same deltakere a page at a time, as arrays of values in a fixed column order', () => {
    const { reg, kull, deltaker } = seeded();
    const uten = expectOk(send(reg, 'deltaker:create', { navn: 'Uten kull', ansatt_hos_brukersted: false })).deltaker;
    const first = expectOk(send(reg, 'deltaker:page', { kull: 'alle', limit: 1 }));
    expect(first).toMatchObject({ total: 2, next: deltaker.id });
    expect(deltakereOfPage(first)).toEqual([deltaker]);
    const second = expectOk(send(reg, 'deltaker:page', { kull: 'alle', after: first.next!, limit: 1 }));
    expect(second).toMatchObject({ total: 2, next: null });
    expect(deltakereOfPage(second)).toEqual([uten]);
    expect(deltakereOfPage(expectOk(send(reg, 'deltaker:page', { kull: kull.id })))).toEqual([deltaker]);
    expect(deltakereOfPage(expectOk(send(reg, 'deltaker:page', { kull: 'uten' })))).toEqual([uten]);
    expect(first.columns).toEqual([...DELTAKER_PAGE_COLUMNS]);
  });

  it('deltaker:update changes fields and keeps them after reopening', () => {
    const handle = seeded();
    const changes = { sluttdato: '2026-05-29', avslutning: 'PLAN', sluttarsak: 'A', ansatt_hos_brukersted: true };
    const { deltaker } = expectOk(send(handle.reg, 'deltaker:update', { id: handle.deltaker.id, changes }));
    expect(deltaker).toEqual({ ...handle.deltaker, ...changes });
    expect(expectOk(send(handle.reopen(), 'deltaker:list', { kull: 'alle' }))).toEqual([deltaker]);
  });

  it('deltaker:update refuses a deltaker that is gone and a kull that does not exist', () => {
    const { reg, deltaker } = seeded();
    expectRefused(send(reg, 'deltaker:update', { id: 9999, changes: { navn: 'X' } }), 'not_found');
    expect(
      expectRefused(send(reg, 'deltaker:update', { id: deltaker.id, changes: { kull_id: 9999 } }), 'not_found').field,
    ).toBe('kull_id');
  });

  it('deltaker:delete deletes the given deltakere and says how many', () => {
    const { reg, deltaker } = seeded();
    expect(expectOk(send(reg, 'deltaker:delete', { ids: [deltaker.id] }))).toEqual({ deleted: 1 });
    expect(expectOk(send(reg, 'deltaker:list', { kull: 'alle' }))).toEqual([]);
  });

  it('deltaker:delete refuses an empty selection', () => {
    const { reg } = seeded();
    expectRefused(send(reg, 'deltaker:delete', { ids: [] }), 'invalid_input');
    expect(countRows(reg, 'deltaker')).toBe(1);
  });
});

describe('code list channels', () => {
  it('codes:list gives the four editable lists with their defaults and use counts', () => {
    const { reg } = seeded();
    const lists = expectOk(send(reg, 'codes:list', {}));
    expect(lists.henvist_fra.map((v) => v.verdi)).toEqual([...DEFAULT_LISTS.henvist_fra]);
    expect(lists.henvist_fra.find((v) => v.verdi === 'NAV Årstad')?.i_bruk).toBe(1);
    expect(lists.brukersted).toEqual([]);
  });

  it('codes:add adds a value, and refuses a blank one or one the list has', () => {
    const { reg } = tempRegister();
    const lists = expectOk(send(reg, 'codes:add', { list: 'brukersted', verdi: ' Ladegården ' }));
    expect(lists.brukersted).toEqual([{ verdi: 'Ladegården', skjult: false, i_bruk: 0 }]);
    expect(
      expectRefused(send(reg, 'codes:add', { list: 'brukersted', verdi: '  ' }), 'invalid_input').message,
    ).toContain('Verdien kan ikke være tom.');
    expectRefused(send(reg, 'codes:add', { list: 'brukersted', verdi: 'LADEGÅRDEN' }), 'duplicate');
  });

  it('codes:add cannot reach the fixed code lists', () => {
    const { reg } = tempRegister();
    expectRefused(send(reg, 'codes:add', { list: 'sluttarsak' as 'brukersted', verdi: 'Ny' }), 'invalid_input');
  });

  it('codes:rename renames a value and the deltakere follow; a clash is refused', () => {
    const { reg, deltaker } = seeded();
    const lists = expectOk(
      send(reg, 'codes:rename', { list: 'henvist_fra', fra: 'NAV Årstad', til: 'NAV Årstad og Fana' }),
    );
    expect(lists.henvist_fra.find((v) => v.verdi === 'NAV Årstad og Fana')?.i_bruk).toBe(1);
    const [after] = expectOk(send(reg, 'deltaker:list', { kull: 'alle' }));
    expect(after).toEqual({ ...deltaker, henvist_fra: 'NAV Årstad og Fana' });
    expectRefused(send(reg, 'codes:rename', { list: 'henvist_fra', fra: 'NorA', til: 'annet' }), 'duplicate');
  });

  it('codes:setHidden hides and shows a value', () => {
    const { reg } = tempRegister();
    const hidden = expectOk(send(reg, 'codes:setHidden', { list: 'dropout_arsak', verdi: 'Rus', skjult: true }));
    expect(hidden.dropout_arsak.find((v) => v.verdi === 'Rus')?.skjult).toBe(true);
    const shown = expectOk(send(reg, 'codes:setHidden', { list: 'dropout_arsak', verdi: 'Rus', skjult: false }));
    expect(shown.dropout_arsak.find((v) => v.verdi === 'Rus')?.skjult).toBe(false);
    expectRefused(
      send(reg, 'codes:setHidden', { list: 'dropout_arsak', verdi: 'Finnes ikke', skjult: true }),
      'not_found',
    );
  });

  it('codes:reorder puts a list in a new order and refuses an order that leaves a value out', () => {
    const { reg } = tempRegister();
    const reversed = [...DEFAULT_LISTS.dropout_arsak].reverse();
    expect(
      expectOk(send(reg, 'codes:reorder', { list: 'dropout_arsak', verdier: reversed })).dropout_arsak.map(
        (v) => v.verdi,
      ),
    ).toEqual(reversed);
    expectRefused(send(reg, 'codes:reorder', { list: 'dropout_arsak', verdier: reversed.slice(1) }), 'bad_order');
  });

  it('has no channel that deletes a list value (values are hidden, never deleted)', () => {
    const { reg } = tempRegister();
    expectRefused(invoke(reg, 'codes:delete' as Channel, { list: 'brukersted', verdi: 'x' }), 'unknown_channel');
  });
});

describe('a register opened read-only', () => {
  /** One valid input per write channel, so the only reason to refuse is that the register is read-only. */
  function writes(kullId: number, deltakerId: number): { [C in Channel]?: Input<C> } {
    return {
      'settings:update': { tiltak: 'Endret' },
      'kull:create': aKull({ navn: 'Nytt kull' }),
      'kull:update': { id: kullId, changes: { kapasitet: 1 } },
      'kull:delete': { id: kullId },
      'deltaker:create': { navn: 'Ny' },
      'deltaker:update': { id: deltakerId, changes: { navn: 'Endret' } },
      'deltaker:delete': { ids: [deltakerId] },
      'codes:add': { list: 'brukersted', verdi: 'Ny' },
      'codes:rename': { list: 'dropout_arsak', fra: 'Rus', til: 'Rusproblemer' },
      'codes:setHidden': { list: 'dropout_arsak', verdi: 'Rus', skjult: true },
      'codes:reorder': { list: 'dropout_arsak', verdier: [...DEFAULT_LISTS.dropout_arsak].reverse() },
    };
  }

  it('refuses every write with a Norwegian message, and the file stays byte-for-byte the same', () => {
    const handle = seeded();
    handle.reg.close();
    const before = fileBytes(handle.path);
    const reg = handle.reopen({ readOnly: true });
    const inputs = writes(handle.kull.id, handle.deltaker.id);
    for (const channel of Object.keys(inputs) as Channel[]) {
      const error = expectRefused(invoke(reg, channel, inputs[channel]), 'read_only');
      expect(error.message).toMatch(/skrivebeskyttet/);
    }
    reg.close();
    expect(fileBytes(handle.path).equals(before)).toBe(true);
  });

  it('covers every channel that is not a read', () => {
    const reads = ['register:info', 'settings:get', 'kull:list', 'deltaker:list', 'deltaker:page', 'codes:list'];
    expect([...Object.keys(writes(1, 1)), ...reads].sort()).toEqual(FOUNDATION_CHANNELS);
  });

  it('still answers every read, and says it is read-only', () => {
    const handle = seeded();
    const reg = handle.reopen({ readOnly: true });
    expect(expectOk(send(reg, 'register:info', {})).readOnly).toBe(true);
    expect(expectOk(send(reg, 'settings:get', {}))).toEqual(DEFAULT_SETTINGS);
    expect(expectOk(send(reg, 'kull:list', {}))).toHaveLength(1);
    expect(expectOk(send(reg, 'deltaker:list', { kull: 'alle' }))).toEqual([handle.deltaker]);
    expect(expectOk(send(reg, 'codes:list', {})).henvist_fra).toHaveLength(DEFAULT_LISTS.henvist_fra.length);
  });
});

describe('call: the typed shortcut for the CLI', () => {
  it('returns the value, and throws the Norwegian refusal as an error', () => {
    const { reg } = tempRegister();
    expect(call(reg, 'kull:create', aKull()).navn).toBe('Kull 13');
    expect(() => call(reg, 'kull:create', aKull())).toThrow(/finnes allerede/);
  });
});

// Last in the file: tests run in order, so by now every channel should have been called. The
// channels of later features (report, safety, privacy …) are covered by their own test folders.
describe('coverage of the contract', () => {
  it('every register, kull, deltaker and code-list channel was called by a test above', () => {
    expect([...called].sort()).toEqual(FOUNDATION_CHANNELS);
    for (const channel of FOUNDATION_CHANNELS) expect(Object.keys(contract)).toContain(channel);
  });
});
