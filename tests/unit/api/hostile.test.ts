/**
 * The renderer is never trusted: whatever reaches `invoke` — wrong types, huge or poisoned strings,
 * SQL fragments, unknown channels — nothing throws, nothing invalid is stored, and every refusal is
 * a Norwegian sentence.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { listValues } from '../../../electron/store/codes';
import type { Register } from '../../../electron/store/connection';
import { type Channel, contract } from '../../../shared/api';
import { deltakerFields } from '../../../shared/schema/deltaker';
import { kullFields } from '../../../shared/schema/kull';
import { settings } from '../../../shared/schema/settings';
import { aDeltaker, aKull } from '../helpers/builders';
import { expectNorwegianMessage, expectOk, expectRefused } from '../helpers/messages';
import { countRows, tempRegister } from '../helpers/register';

const SQL = "'; DROP TABLE deltaker;--";

/** Calls without the compile-time contract, as a hostile or buggy renderer would. */
function raw(reg: Register, channel: unknown, input: unknown) {
  const result = invoke(reg, channel as Channel, input);
  if (result.ok) {
    expect(contract[channel as Channel].result.safeParse(result.value).success).toBe(true);
  } else {
    expectNorwegianMessage(result.error.message);
  }
  return result;
}

function tables(reg: Register): string[] {
  return (
    reg.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  ).map((t) => t.name);
}

/** Everything stored still satisfies the schemas, and the file is sound. */
function expectNothingInvalidStored(reg: Register): void {
  // The tables of a fresh register, no more and no fewer (an injected CREATE or DROP would show).
  expect(tables(reg)).toEqual(tables(tempRegister().reg));
  expect(reg.db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(reg.db.pragma('foreign_key_check')).toEqual([]);
  const deltakere = expectOk(invoke(reg, 'deltaker:list', { kull: 'alle' }));
  for (const { id: _id, ...fields } of deltakere) {
    const parsed = deltakerFields.safeParse(fields);
    expect(parsed.success ? 'ok' : parsed.error.issues).toBe('ok');
  }
  for (const { id: _id, antall_aktive: _a, antall_deltakere: _d, ...fields } of expectOk(
    invoke(reg, 'kull:list', {}),
  )) {
    expect(kullFields.safeParse(fields).success).toBe(true);
  }
  expect(settings.safeParse(expectOk(invoke(reg, 'settings:get', {}))).success).toBe(true);
  for (const list of Object.values(expectOk(invoke(reg, 'codes:list', {})))) {
    for (const entry of list) {
      expect(entry.verdi.trim()).toBe(entry.verdi);
      expect(entry.verdi.length).toBeGreaterThan(0);
    }
  }
}

describe('unknown channels', () => {
  it.each([
    ['deltaker:drop'],
    ['codes:delete'],
    [''],
    ['__proto__'],
    ['constructor'],
    ['toString'],
    ['hasOwnProperty'],
    [SQL],
    [42],
    [null],
    [undefined],
    [{}],
    [['kull:list']],
  ])('refuses %j with a Norwegian message', (channel) => {
    const { reg } = tempRegister();
    const error = expectRefused(raw(reg, channel, {}), 'unknown_channel');
    expect(error.message).toMatch(/Ukjent funksjon/);
  });

  it('refuses a channel that cannot even be turned into text, without throwing', () => {
    const { reg } = tempRegister();
    expectRefused(raw(reg, Object.create(null), {}), 'unknown_channel');
    expectRefused(raw(reg, Symbol('kull:list'), {}), 'unknown_channel');
    const evil = {
      toString() {
        throw new Error('boom');
      },
    };
    expectRefused(raw(reg, evil, {}), 'unknown_channel');
  });
});

describe('inputs of the wrong shape', () => {
  it.each(Object.keys(contract) as Channel[])(
    '%s refuses a text, a number, a list and true as its input',
    (channel) => {
      const { reg } = tempRegister();
      for (const input of ['abc', 42, [], [1, 2], true]) {
        expectRefused(raw(reg, channel, input), 'invalid_input');
      }
    },
  );

  it('never throws, even for an input whose fields explode when read', () => {
    const { reg } = tempRegister();
    const exploding = {
      get navn(): string {
        throw new Error('boom');
      },
    };
    expect(() => invoke(reg, 'deltaker:create', exploding)).not.toThrow();
    expectNorwegianMessage(
      (invoke(reg, 'deltaker:create', exploding) as { ok: false; error: { message: string } }).error.message,
    );
    expect(countRows(reg, 'deltaker')).toBe(0);
  });

  it.each([
    ['navn as a number', { navn: 123 }],
    ['navn as a list', { navn: ['Kari'] }],
    ['navn as an object', { navn: { toString: () => 'Kari' } }],
    ['navn missing', { fodselsar: 1990 }],
    ['fodselsar as text', { navn: 'Kari', fodselsar: '1990' }],
    ['fodselsar with decimals', { navn: 'Kari', fodselsar: 1990.5 }],
    ['fodselsar not a number', { navn: 'Kari', fodselsar: Number.NaN }],
    ['fodselsar infinite', { navn: 'Kari', fodselsar: Number.POSITIVE_INFINITY }],
    ['fodselsar too young (this year − 14)', { navn: 'Kari', fodselsar: new Date().getFullYear() - 14 }],
    ['fodselsar before 1900', { navn: 'Kari', fodselsar: 1899 }],
    ['kull_id as text', { navn: 'Kari', kull_id: '1' }],
    ['kull_id negative', { navn: 'Kari', kull_id: -1 }],
    ['yes/no as text', { navn: 'Kari', ansatt_hos_brukersted: 'ja' }],
    ['kjønn outside the list', { navn: 'Kari', kjonn: 'X' }],
    ['kjønn as its label', { navn: 'Kari', kjonn: 'Kvinne' }],
    ['sluttårsak U (the seeds’ ambiguous code)', { navn: 'Kari', sluttarsak: 'U' }],
    ['ytelse in lower case', { navn: 'Kari', ytelse: 'kvp' }],
    ['avslutning as SQL', { navn: 'Kari', avslutning: SQL }],
    ['follow-up outside ja/nei/ukjent', { navn: 'Kari', i_arbeid_etter_6_mnd: 'kanskje' }],
    ['startdato 31 February', { navn: 'Kari', startdato: '2026-02-31' }],
    ['startdato as dd.mm.yyyy', { navn: 'Kari', startdato: '01.03.2026' }],
    ['startdato with a time', { navn: 'Kari', startdato: '2026-03-01T00:00:00Z' }],
    ['startdato as a number', { navn: 'Kari', startdato: 20260301 }],
    ['henvist_dato as SQL', { navn: 'Kari', henvist_dato: SQL }],
    ['sluttdato blank', { navn: 'Kari', sluttdato: '' }],
    ['brukersted as a number', { navn: 'Kari', brukersted: 7 }],
    ['blank navn', { navn: '' }],
    ['navn of spaces', { navn: '   ' }],
    ['navn of a tab and a line break', { navn: '\t\n' }],
    ['navn with a NUL character', { navn: 'Kari\u0000Nordmann' }],
    ['navn with a bell character', { navn: 'Kari\u0007' }],
    ['navn with an escape sequence', { navn: '\u001b[31mKari' }],
    ['merknad with DEL', { navn: 'Kari', merknad: 'a\u007fb' }],
    ['navn of 201 characters', { navn: 'x'.repeat(201) }],
    ['navn of a million characters', { navn: 'x'.repeat(1_000_000) }],
    ['merknad of ten million characters', { navn: 'Kari', merknad: 'x'.repeat(10_000_000) }],
  ])('deltaker:create refuses %s, in Norwegian, and stores nothing', (_what, input) => {
    const { reg } = tempRegister();
    const logRows = countRows(reg, 'endringslogg');
    const lists = countRows(reg, 'kodeverdi');
    const error = expectRefused(raw(reg, 'deltaker:create', input), 'invalid_input');
    expect(error.field).toBeDefined();
    expect(error.message.length).toBeLessThan(500);
    expect(countRows(reg, 'deltaker')).toBe(0);
    expect(countRows(reg, 'endringslogg')).toBe(logRows);
    expect(countRows(reg, 'kodeverdi')).toBe(lists);
  });

  it.each([
    ['a blank navn', { navn: ' ', startdato: '2026-03-02' }],
    ['a negative kapasitet', { navn: 'K', startdato: '2026-03-02', kapasitet: -1 }],
    ['a kapasitet with decimals', { navn: 'K', startdato: '2026-03-02', kapasitet: 2.5 }],
    ['a kapasitet as text', { navn: 'K', startdato: '2026-03-02', kapasitet: '10' }],
    ['a huge kapasitet', { navn: 'K', startdato: '2026-03-02', kapasitet: 1e12 }],
    ['no startdato', { navn: 'K' }],
    ['a startdato that does not exist', { navn: 'K', startdato: '2026-13-01' }],
    ['a planned end that does not exist', { navn: 'K', startdato: '2026-03-02', planlagt_sluttdato: '2026-06-31' }],
    ['a navn of 101 characters', { navn: 'k'.repeat(101), startdato: '2026-03-02' }],
  ])('kull:create refuses %s, in Norwegian, and stores nothing', (_what, input) => {
    const { reg } = tempRegister();
    expectRefused(raw(reg, 'kull:create', input), 'invalid_input');
    expect(countRows(reg, 'kull')).toBe(0);
  });

  it('kull:update refuses a negative kapasitet and leaves the kull as it was', () => {
    const { reg } = tempRegister();
    const kull = expectOk(invoke(reg, 'kull:create', aKull({ kapasitet: 4 })));
    const error = expectRefused(raw(reg, 'kull:update', { id: kull.id, changes: { kapasitet: -5 } }), 'invalid_input');
    expect(error).toMatchObject({
      field: 'changes.kapasitet',
      message: 'changes.kapasitet: Kapasitet kan ikke være negativ.',
    });
    expect(expectOk(invoke(reg, 'kull:list', {}))[0]?.kapasitet).toBe(4);
  });

  it.each([
    ['id 0', { id: 0, changes: {} }],
    ['id as text', { id: '1', changes: {} }],
    ['id with decimals', { id: 1.5, changes: {} }],
    ['no changes', { id: 1 }],
    ['changes as a list', { id: 1, changes: [] }],
    ['a blank navn', { id: 1, changes: { navn: '' } }],
    ['a startdato of 29 February 2026', { id: 1, changes: { startdato: '2026-02-29' } }],
  ])('deltaker:update refuses %s and leaves the deltaker as it was', (_what, input) => {
    const { reg } = tempRegister();
    const { deltaker } = expectOk(invoke(reg, 'deltaker:create', aDeltaker()));
    expectRefused(raw(reg, 'deltaker:update', input), 'invalid_input');
    expect(expectOk(invoke(reg, 'deltaker:list', { kull: 'alle' }))).toEqual([deltaker]);
  });

  it('a create cannot choose its own id, and an update cannot change one', () => {
    const { reg } = tempRegister();
    const { deltaker } = expectOk(raw(reg, 'deltaker:create', { navn: 'Kari', id: 999 }) as never) as {
      deltaker: { id: number };
    };
    expect(deltaker.id).not.toBe(999);
    raw(reg, 'deltaker:update', { id: deltaker.id, changes: { id: 555, navn: 'Kari N' } });
    expect(expectOk(invoke(reg, 'deltaker:list', { kull: 'alle' })).map((d) => [d.id, d.navn])).toEqual([
      [deltaker.id, 'Kari N'],
    ]);
  });

  it('a __proto__ key in the input pollutes nothing', () => {
    const { reg } = tempRegister();
    const input = JSON.parse('{"navn":"Kari","__proto__":{"polluted":"ja","kjonn":"X"}}');
    const result = raw(reg, 'deltaker:create', input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (result.ok) expect((result.value as { deltaker: { kjonn: unknown } }).deltaker.kjonn).toBeNull();
  });

  it.each([
    ['an empty selection', { ids: [] }],
    ['ids as text', { ids: ['1'] }],
    ['id 0', { ids: [0] }],
    ['a single id, not a list', { ids: 1 }],
    ['an SQL fragment', { ids: [SQL] }],
  ])('deltaker:delete refuses %s and deletes nothing', (_what, input) => {
    const { reg } = tempRegister();
    expectOk(invoke(reg, 'deltaker:create', aDeltaker()));
    expectRefused(raw(reg, 'deltaker:delete', input), 'invalid_input');
    expect(countRows(reg, 'deltaker')).toBe(1);
  });

  it.each([['1 OR 1=1'], ['ALLE'], [0], [-3], [1.5], [null], [['alle']]])(
    'deltaker:list refuses the kull filter %j',
    (kull) => {
      const { reg } = tempRegister();
      expectRefused(raw(reg, 'deltaker:list', { kull }), 'invalid_input');
    },
  );

  it.each([
    ['a fixed list', { list: 'kjonn', verdi: 'X' }],
    ['an unknown list', { list: 'deltaker; DROP TABLE kull', verdi: 'X' }],
    ['a blank value', { list: 'brukersted', verdi: '\t ' }],
    ['a value with a control character', { list: 'brukersted', verdi: 'Engen\u0000' }],
    ['a value of 201 characters', { list: 'brukersted', verdi: 'e'.repeat(201) }],
    ['a value as a number', { list: 'brukersted', verdi: 5 }],
  ])('codes:add refuses %s and adds nothing', (_what, input) => {
    const { reg } = tempRegister();
    const before = countRows(reg, 'kodeverdi');
    expectRefused(raw(reg, 'codes:add', input), 'invalid_input');
    expect(countRows(reg, 'kodeverdi')).toBe(before);
  });

  it('settings:update refuses text with control characters and a kull length of decimals', () => {
    const { reg } = tempRegister();
    expectRefused(raw(reg, 'settings:update', { tiltak: 'Mat\u0000prat' }), 'invalid_input');
    expectRefused(raw(reg, 'settings:update', { kull_lengde_mnd: 2.5 }), 'invalid_input');
    expectRefused(raw(reg, 'settings:update', { kull_lengde_mnd: '3' }), 'invalid_input');
  });
});

describe('SQL fragments are data, never code', () => {
  it(`stores "${SQL}" verbatim as a navn, and the table is still there`, () => {
    const handle = tempRegister();
    const { deltaker } = expectOk(
      raw(handle.reg, 'deltaker:create', { navn: SQL, merknad: 'x"); DELETE FROM kull; --' }),
    ) as {
      deltaker: { id: number };
    };
    const reg = handle.reopen();
    expect(tables(reg)).toContain('deltaker');
    const [stored] = expectOk(invoke(reg, 'deltaker:list', { kull: 'alle' }));
    expect(stored).toMatchObject({ id: deltaker.id, navn: SQL, merknad: 'x"); DELETE FROM kull; --' });
  });

  it('stores an SQL fragment as a kull name and as a new list value, verbatim', () => {
    const { reg } = tempRegister();
    expectOk(raw(reg, 'kull:create', aKull({ navn: "Kull'); DROP TABLE kull;--" })));
    const saved = expectOk(raw(reg, 'deltaker:create', { navn: 'Kari', brukersted: "Engen' OR '1'='1" })) as {
      addedListValues: unknown;
    };
    expect(saved.addedListValues).toEqual([{ list: 'brukersted', verdi: "Engen' OR '1'='1" }]);
    expect(expectOk(invoke(reg, 'kull:list', {})).map((k) => k.navn)).toEqual(["Kull'); DROP TABLE kull;--"]);
    expect(listValues(reg, 'brukersted').map((v) => v.verdi)).toEqual(["Engen' OR '1'='1"]);
    expectNothingInvalidStored(reg);
  });

  it('renames only the value named, even when the name looks like a condition that is always true', () => {
    const { reg } = tempRegister();
    const before = listValues(reg, 'dropout_arsak').map((v) => v.verdi);
    expectRefused(raw(reg, 'codes:rename', { list: 'dropout_arsak', fra: "x' OR '1'='1", til: 'Alt' }), 'not_found');
    expectRefused(raw(reg, 'codes:setHidden', { list: 'dropout_arsak', verdi: '%', skjult: true }), 'not_found');
    expect(listValues(reg, 'dropout_arsak').map((v) => v.verdi)).toEqual(before);
    expect(listValues(reg, 'dropout_arsak').every((v) => v.skjult === 0)).toBe(true);
  });
});

describe('what is allowed through is kept exactly', () => {
  it('keeps Norwegian letters, emoji, quotes and line breaks in text as they were typed', () => {
    const handle = tempRegister();
    const navn = 'Ærlig Øystein Åsheim 😀 "Øy" «sitat» O\'Brien';
    const merknad = 'Linje 1\nLinje 2\r\n\tinnrykk';
    expectOk(raw(handle.reg, 'deltaker:create', { navn, merknad }));
    const [stored] = expectOk(invoke(handle.reopen(), 'deltaker:list', { kull: 'alle' }));
    expect(stored).toMatchObject({ navn, merknad });
  });

  it('accepts a navn of exactly 200 characters', () => {
    const { reg } = tempRegister();
    expect(expectOk(raw(reg, 'deltaker:create', { navn: 'n'.repeat(200) }) as never)).toBeDefined();
  });
});

describe('failures of the file itself become Norwegian refusals, and nothing half-written', () => {
  it('a full disk is reported as such and the deltaker that did not fit is not stored', () => {
    const { reg } = tempRegister();
    const pages = reg.db.pragma('page_count', { simple: true }) as number;
    reg.db.pragma(`max_page_count = ${pages + 2}`);
    let stored = 0;
    let result = raw(reg, 'deltaker:create', { navn: 'Stor 0', merknad: 'x'.repeat(2000) });
    while (result.ok && stored < 50) {
      stored += 1;
      result = raw(reg, 'deltaker:create', { navn: `Stor ${stored}`, merknad: 'x'.repeat(2000) });
    }
    const error = expectRefused(result, 'disk_full');
    expect(error.message).toMatch(/Disken er full/);
    expect(countRows(reg, 'deltaker')).toBe(stored);
    expect(reg.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a register locked by another program is reported as busy and nothing is stored', () => {
    const handle = tempRegister();
    handle.reg.db.pragma('busy_timeout = 20');
    const other = lockedByAnotherProgram(handle.path);
    try {
      const error = expectRefused(raw(handle.reg, 'kull:create', aKull()), 'busy');
      expect(error.message).toMatch(/opptatt/);
    } finally {
      other.release();
    }
    expect(countRows(handle.reg, 'kull')).toBe(0);
  });
});

/** A second connection holding the write lock, as another program would. */
function lockedByAnotherProgram(file: string): { release: () => void } {
  const db = new Database(file);
  db.exec('BEGIN EXCLUSIVE');
  return {
    release: () => {
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

describe('random junk on every channel', () => {
  /** A small deterministic generator, so a failure can be replayed. */
  function prng(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state * 1664525 + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
  }

  const JUNK: unknown[] = [
    undefined,
    null,
    true,
    false,
    0,
    -1,
    1,
    2,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
    '',
    ' ',
    'Kari',
    'x'.repeat(5000),
    SQL,
    '\u0000',
    'Kari\u0007',
    '2026-02-31',
    '31.02.2026',
    '2026-03-01',
    '2026-01-05',
    'PLAN',
    'DROP',
    'A',
    'K',
    'ja',
    'alle',
    'uten',
    'henvist_fra',
    'brukersted',
    'Rus',
    'kull',
    [],
    [1],
    ['Rus'],
    {},
    { navn: 'x' },
  ];

  const KEYS = [
    ...Object.keys(deltakerFields.shape),
    ...Object.keys(kullFields.shape),
    ...Object.keys(settings.shape),
    'id',
    'ids',
    'kull',
    'list',
    'verdi',
    'fra',
    'til',
    'skjult',
    'verdier',
    'changes',
  ];

  it('2,000 random calls: nothing throws, every refusal is Norwegian, nothing invalid is stored', () => {
    const { reg } = tempRegister();
    expectOk(invoke(reg, 'kull:create', aKull()));
    expectOk(invoke(reg, 'deltaker:create', aDeltaker({ kull_id: 1 })));
    const random = prng(20260301);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const channels = Object.keys(contract) as Channel[];
    const junkObject = (depth: number): Record<string, unknown> => {
      const out: Record<string, unknown> = {};
      const n = Math.floor(random() * 5);
      for (let i = 0; i < n; i++) {
        const key = pick(KEYS);
        out[key] = depth > 0 && random() < 0.2 ? junkObject(depth - 1) : pick(JUNK);
      }
      return out;
    };
    let refused = 0;
    for (let i = 0; i < 2000; i++) {
      const channel = random() < 0.03 ? pick(['x:y', 'kull:drop', '']) : pick(channels);
      const input = random() < 0.1 ? pick(JUNK) : junkObject(1);
      let result: ReturnType<typeof invoke> | undefined;
      expect(() => {
        result = raw(reg, channel, input);
      }).not.toThrow();
      if (result && !result.ok) refused += 1;
    }
    expect(refused).toBeGreaterThan(0);
    expectNothingInvalidStored(reg);
  });
});
