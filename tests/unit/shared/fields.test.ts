import { describe, expect, it } from 'vitest';
import {
  DELTAKER_FIELDS,
  deltakerField,
  type FieldDef,
  type FieldValue,
  fodselsarRange,
  KULL_FIELDS,
  kullField,
  matchHeader,
  parseFieldInput,
  parseListValue,
} from '../../../shared/fields';
import type { Parsed } from '../../../shared/parse';
import { emptyDeltakerFields } from '../../../shared/schema/deltaker';
import { kullFields } from '../../../shared/schema/kull';
import { aParseContext } from '../helpers/builders';
import { expectNorwegianMessage } from '../helpers/messages';

function deltakerDef(key: string): FieldDef<string> {
  const def = deltakerField(key);
  if (!def) throw new Error(`no deltaker field ${key}`);
  return def;
}

function kullDef(key: string): FieldDef<string> {
  const def = kullField(key);
  if (!def) throw new Error(`no kull field ${key}`);
  return def;
}

const ctx = aParseContext({ kull: { 'Kull 13': 13, 'Vår 2026': 14 }, thisYear: 2026 });

function cell(key: string, raw: string, context = ctx): FieldValue {
  const result = parseFieldInput(deltakerDef(key), raw, context);
  if (!result.ok) throw new Error(`expected ${key} «${raw}» to parse, got: ${result.message}`);
  return result.value;
}

function refused(result: Parsed<FieldValue>): string {
  if (result.ok) throw new Error(`expected a refusal, got ${String(result.value)}`);
  expectNorwegianMessage(result.message);
  return result.message;
}

describe('the field table', () => {
  it('describes every deltaker column exactly once, and nothing else', () => {
    const keys = DELTAKER_FIELDS.map((f) => f.key).sort();
    expect(keys).toEqual(Object.keys(emptyDeltakerFields()).sort());
  });

  it('describes every kull column exactly once, and nothing else', () => {
    expect(KULL_FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(kullFields.shape).sort());
  });

  it('finds a field by its key, and nothing for an unknown key', () => {
    expect(deltakerField('sluttarsak')?.label).toBe('Sluttårsak');
    expect(kullField('kapasitet')?.label).toBe('Kapasitet');
    expect(deltakerField('status')).toBeUndefined();
    expect(kullField('__proto__')).toBeUndefined();
  });
});

describe('matchHeader reads the column headers of an imported sheet', () => {
  it.each([
    ['Fødselsår', 'fodselsar'],
    ['FØDSELSÅR', 'fodselsar'],
    ['fodselsar', 'fodselsar'],
    ['Født', 'fodselsar'],
    ['Startdato', 'startdato'],
    ['Oppstart', 'startdato'],
    ['NAV-kontor', 'henvist_fra'],
    ['NAV kontor', 'henvist_fra'],
    ['nav_kontor', 'henvist_fra'],
    ['Henvist fra', 'henvist_fra'],
    ['henvist_fra', 'henvist_fra'],
    ['Henvist', 'henvist_dato'],
    ['Henvist dato', 'henvist_dato'],
    ['Sluttårsak', 'sluttarsak'],
    ['Sluttarsak', 'sluttarsak'],
    ['Gikk til', 'sluttarsak'],
    ['Sluttdato', 'sluttdato'],
    ['Kjønn', 'kjonn'],
    ['Navn', 'navn'],
    ['Fullt navn', 'navn'],
    ['Kull', 'kull_id'],
    ['Drop-out-årsak', 'dropout_arsak'],
    ['Årsak til drop-out', 'dropout_arsak'],
    ['I arbeid etter 6 mnd.', 'i_arbeid_etter_6_mnd'],
    ['Ansatt hos brukersted', 'ansatt_hos_brukersted'],
    ['Praksisplass', 'brukersted'],
    ['Forlenget til', 'forlenget_til'],
    ['  Merknad  ', 'merknad'],
  ])('«%s» is %s', (header, key) => {
    expect(matchHeader(DELTAKER_FIELDS, header)).toBe(key);
  });

  it('matches nothing for an unknown or blank header', () => {
    expect(matchHeader(DELTAKER_FIELDS, 'Telefon')).toBeUndefined();
    expect(matchHeader(DELTAKER_FIELDS, '')).toBeUndefined();
    expect(matchHeader(DELTAKER_FIELDS, ' - _ . ')).toBeUndefined();
    expect(matchHeader(DELTAKER_FIELDS, 'Status')).toBeUndefined();
  });

  it('reads the kull sheet headers, where "Sluttdato" means the planned end', () => {
    expect(matchHeader(KULL_FIELDS, 'Kullnavn')).toBe('navn');
    expect(matchHeader(KULL_FIELDS, 'Startdato')).toBe('startdato');
    expect(matchHeader(KULL_FIELDS, 'Sluttdato')).toBe('planlagt_sluttdato');
    expect(matchHeader(KULL_FIELDS, 'Planlagt slutt')).toBe('planlagt_sluttdato');
    expect(matchHeader(KULL_FIELDS, 'Antall plasser')).toBe('kapasitet');
  });

  it('never lets two fields answer to the same header: every key, label and synonym leads back to its own field', () => {
    for (const fields of [DELTAKER_FIELDS, KULL_FIELDS] as readonly (readonly FieldDef<string>[])[]) {
      for (const field of fields) {
        for (const name of [field.key, field.label, ...field.synonyms]) {
          expect({ name, key: matchHeader(fields, name) }).toEqual({ name, key: field.key });
        }
      }
    }
  });
});

describe('parseFieldInput: one cell of a deltaker', () => {
  it('requires a navn and trims it', () => {
    expect(cell('navn', '  Ola Nordmann ')).toBe('Ola Nordmann');
    expect(refused(parseFieldInput(deltakerDef('navn'), '  ', ctx))).toBe('Navn kan ikke være tomt.');
  });

  it('finds a kull by its name in any letter case, and leaves a blank kull empty', () => {
    expect(cell('kull_id', 'kull 13')).toBe(13);
    expect(cell('kull_id', ' VÅR 2026 ')).toBe(14);
    expect(cell('kull_id', '')).toBeNull();
  });

  it('refuses a kull that does not exist and says to create it first', () => {
    const message = refused(parseFieldInput(deltakerDef('kull_id'), 'Kull 99', ctx));
    expect(message).toContain('«Kull 99»');
    expect(message).toMatch(/Opprett/);
  });

  it('accepts fodselsar from 1900 up to this year − 15, and not one year outside', () => {
    expect(cell('fodselsar', '1900')).toBe(1900);
    expect(cell('fodselsar', '2011')).toBe(2011);
    expect(refused(parseFieldInput(deltakerDef('fodselsar'), '2012', ctx))).toContain('2011');
    expect(refused(parseFieldInput(deltakerDef('fodselsar'), '1899', ctx))).toContain('1900');
    expect(cell('fodselsar', '2012', aParseContext({ thisYear: 2027 }))).toBe(2012);
  });

  it('fodselsarRange moves with the year it is given', () => {
    expect(fodselsarRange(2026)).toEqual({ min: 1900, max: 2011 });
    expect(fodselsarRange(2030)).toEqual({ min: 1900, max: 2015 });
  });

  it('reads the fixed code fields by code or label', () => {
    expect(cell('kjonn', 'kvinne')).toBe('K');
    expect(cell('ytelse', 'Kvalifiseringsstønad')).toBe('KVP');
    expect(cell('avslutning', 'planmessig avsluttet')).toBe('PLAN');
    expect(cell('sluttarsak', 'arbeid fulltid')).toBe('A');
    expect(cell('i_arbeid_etter_6_mnd', 'Ja')).toBe('ja');
    expect(cell('i_arbeid_etter_6_mnd', 'UKJENT')).toBe('ukjent');
  });

  it('refuses a value outside a fixed code list, naming the field', () => {
    expect(refused(parseFieldInput(deltakerDef('kjonn'), 'X', ctx))).toContain('kjønn');
    expect(refused(parseFieldInput(deltakerDef('sluttarsak'), 'Jobb', ctx))).toContain('sluttårsak');
    expect(refused(parseFieldInput(deltakerDef('ytelse'), 'NAV', ctx))).toContain('ytelse');
  });

  it('reads dates in every accepted shape and refuses a date that does not exist', () => {
    expect(cell('henvist_dato', '05.01.2026')).toBe('2026-01-05');
    expect(cell('startdato', '2.2.26')).toBe('2026-02-02');
    expect(cell('sluttdato', '2026-05-29')).toBe('2026-05-29');
    expect(cell('forlenget_til', '')).toBeNull();
    expect(refused(parseFieldInput(deltakerDef('sluttdato'), '31.02.2026', ctx))).toContain('31.02.2026');
  });

  it('reads the yes/no field', () => {
    expect(cell('ansatt_hos_brukersted', 'x')).toBe(true);
    expect(cell('ansatt_hos_brukersted', 'nei')).toBe(false);
    expect(cell('ansatt_hos_brukersted', '')).toBeNull();
    refused(parseFieldInput(deltakerDef('ansatt_hos_brukersted'), 'kanskje', ctx));
  });

  it('keeps free text as typed (trimmed) and refuses it past the maximum length', () => {
    expect(cell('landbakgrunn', ' Somalia ')).toBe('Somalia');
    expect(cell('merknad', 'a'.repeat(2000))).toHaveLength(2000);
    refused(parseFieldInput(deltakerDef('merknad'), 'a'.repeat(2001), ctx));
    refused(parseFieldInput(deltakerDef('landbakgrunn'), 'a'.repeat(101), ctx));
  });

  it('matches a known value of an editable list without regard to case, so the list keeps one spelling', () => {
    expect(cell('henvist_fra', 'nav årstad')).toBe('NAV Årstad');
    expect(cell('henvist_fra', '  NAV BERGEN SØR ')).toBe('NAV Bergen Sør');
    expect(cell('dropout_arsak', 'psykisk helse')).toBe('Psykisk helse');
  });

  it('accepts a value an editable list does not have yet, as typed, instead of refusing it', () => {
    expect(cell('henvist_fra', 'NAV Fana')).toBe('NAV Fana');
    expect(cell('brukersted', 'Ladegården sykehjem')).toBe('Ladegården sykehjem');
    expect(cell('veileder', '')).toBeNull();
  });
});

describe('parseFieldInput: one cell of a kull', () => {
  it('requires navn and startdato', () => {
    expect(refused(parseFieldInput(kullDef('navn'), '', ctx))).toContain('Navn');
    expect(refused(parseFieldInput(kullDef('startdato'), '  ', ctx))).toContain('Startdato');
    expect(parseFieldInput(kullDef('startdato'), '02.03.2026', ctx)).toEqual({ ok: true, value: '2026-03-02' });
  });

  it('leaves planned end blank when nothing is typed', () => {
    expect(parseFieldInput(kullDef('planlagt_sluttdato'), '', ctx)).toEqual({ ok: true, value: null });
  });

  it('accepts kapasitet 0 and refuses a negative one', () => {
    expect(parseFieldInput(kullDef('kapasitet'), '0', ctx)).toEqual({ ok: true, value: 0 });
    expect(parseFieldInput(kullDef('kapasitet'), '15', ctx)).toEqual({ ok: true, value: 15 });
    expect(refused(parseFieldInput(kullDef('kapasitet'), '-1', ctx))).toContain('Kapasitet');
  });
});

describe('parseListValue', () => {
  const values = ['Ladegården', 'Kafé Mat & prat Engen'];

  it('returns the list spelling of a known value', () => {
    expect(parseListValue('LADEGÅRDEN', values, 'Brukersted')).toEqual({ ok: true, value: 'Ladegården' });
    expect(parseListValue('kafé mat & prat engen', values, 'Brukersted')).toEqual({
      ok: true,
      value: 'Kafé Mat & prat Engen',
    });
  });

  it('returns a new value trimmed and cleaned of control characters', () => {
    expect(parseListValue('  Ny\u0000 plass ', values, 'Brukersted')).toEqual({ ok: true, value: 'Ny plass' });
  });

  it('returns null for a blank cell and refuses a value longer than 200 characters', () => {
    expect(parseListValue(' ', values, 'Brukersted')).toEqual({ ok: true, value: null });
    const result = parseListValue('x'.repeat(201), values, 'Brukersted');
    expect(result.ok).toBe(false);
  });
});
