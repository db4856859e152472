import { describe, expect, it } from 'vitest';
import { AVSLUTNING, JA_NEI_UKJENT, KJONN, SLUTTARSAK, YTELSE } from '../../../shared/codes';
import { type Parsed, parseCode, parseInteger, parseText, parseYesNo } from '../../../shared/parse';
import { expectNorwegianMessage } from '../helpers/messages';

function parsedValue<T>(result: Parsed<T>): T {
  if (!result.ok) throw new Error(`expected a value, got: ${result.message}`);
  return result.value;
}

function messageOf<T>(result: Parsed<T>): string {
  if (result.ok) throw new Error(`expected a refusal, got ${String(result.value)}`);
  expectNorwegianMessage(result.message);
  return result.message;
}

describe('parseCode: a fixed code list accepts exactly a code or its label', () => {
  it('accepts "arbeid fulltid" as A (the label, in any letter case)', () => {
    expect(parsedValue(parseCode(SLUTTARSAK, 'arbeid fulltid', 'sluttårsak'))).toBe('A');
    expect(parsedValue(parseCode(SLUTTARSAK, 'ARBEID FULLTID', 'sluttårsak'))).toBe('A');
    expect(parsedValue(parseCode(SLUTTARSAK, 'Arbeid Fulltid', 'sluttårsak'))).toBe('A');
  });

  it('accepts the code itself in any letter case', () => {
    expect(parsedValue(parseCode(SLUTTARSAK, 'ad', 'sluttårsak'))).toBe('AD');
    expect(parsedValue(parseCode(YTELSE, 'kvp', 'ytelse'))).toBe('KVP');
    expect(parsedValue(parseCode(AVSLUTNING, 'Drop', 'avslutning'))).toBe('DROP');
  });

  it('ignores surrounding spaces', () => {
    expect(parsedValue(parseCode(KJONN, '  k  ', 'kjønn'))).toBe('K');
    expect(parsedValue(parseCode(YTELSE, '\tØkonomisk sosialhjelp \n', 'ytelse'))).toBe('OKS');
  });

  it('folds Norwegian letters too: "ØKONOMISK SOSIALHJELP" is OKS, "ikke MØTT" is IKKE', () => {
    expect(parsedValue(parseCode(YTELSE, 'ØKONOMISK SOSIALHJELP', 'ytelse'))).toBe('OKS');
    expect(parsedValue(parseCode(AVSLUTNING, 'ikke MØTT', 'avslutning'))).toBe('IKKE');
    expect(parsedValue(parseCode(SLUTTARSAK, 'UFØRETRYGDET', 'sluttårsak'))).toBe('UF');
  });

  it('treats a blank cell as no value', () => {
    expect(parsedValue(parseCode(KJONN, '', 'kjønn'))).toBeNull();
    expect(parsedValue(parseCode(KJONN, '   ', 'kjønn'))).toBeNull();
  });

  it.each([
    [SLUTTARSAK, 'U', 'sluttårsak'],
    [SLUTTARSAK, 'Arbeid', 'sluttårsak'],
    [SLUTTARSAK, 'arbeid  fulltid', 'sluttårsak'],
    [KJONN, 'Kvinner', 'kjønn'],
    [YTELSE, 'sosialhjelp', 'ytelse'],
    [AVSLUTNING, 'Drop out', 'avslutning'],
    [JA_NEI_UKJENT, 'kanskje', 'i arbeid etter 6 mnd'],
  ] as const)('refuses anything that is neither code nor label (%#: «%s»)', (list, raw, label) => {
    const message = messageOf(parseCode(list, raw, label));
    expect(message).toContain(`«${raw}»`);
    expect(message).toContain(label);
  });

  it('lists the valid choices, code and label, in the refusal', () => {
    const message = messageOf(parseCode(KJONN, 'x', 'kjønn'));
    expect(message).toContain('K (Kvinne)');
    expect(message).toContain('M (Mann)');
    expect(message).toContain('A (Annet/ukjent)');
  });

  it('accepts every code and every label of every fixed list exactly as the spec writes them', () => {
    for (const list of [KJONN, YTELSE, AVSLUTNING, SLUTTARSAK, JA_NEI_UKJENT]) {
      for (const { code, label } of list) {
        expect(parsedValue(parseCode(list, code, 'felt'))).toBe(code);
        expect(parsedValue(parseCode(list, label, 'felt'))).toBe(code);
      }
    }
  });
});

describe('parseYesNo: ja/nei, j/n, true/false, 1/0, x, blank', () => {
  it.each(['ja', 'Ja', 'JA', 'j', 'J', 'true', 'TRUE', '1', 'x', 'X', ' ja '])('«%s» is yes', (raw) => {
    expect(parsedValue(parseYesNo(raw, 'Ansatt hos brukersted'))).toBe(true);
  });

  it.each(['nei', 'Nei', 'NEI', 'n', 'N', 'false', 'False', '0', ' nei '])('«%s» is no', (raw) => {
    expect(parsedValue(parseYesNo(raw, 'Ansatt hos brukersted'))).toBe(false);
  });

  it('stores a blank cell as unknown (null), not as no', () => {
    expect(parsedValue(parseYesNo('', 'Ansatt hos brukersted'))).toBeNull();
    expect(parsedValue(parseYesNo('  ', 'Ansatt hos brukersted'))).toBeNull();
  });

  it.each(['kanskje', '2', 'jaa', 'ja nei', '-', 'ukjent', 'xx'])('refuses «%s» and says which words work', (raw) => {
    const message = messageOf(parseYesNo(raw, 'Ansatt hos brukersted'));
    expect(message).toContain(`«${raw}»`);
    expect(message).toContain('Ansatt hos brukersted');
    expect(message).toMatch(/ja, nei/);
  });
});

describe('parseInteger', () => {
  const range = { min: 1900, max: 2011 };

  it('reads digits, ignoring spaces around and inside (a pasted "1 990")', () => {
    expect(parsedValue(parseInteger('1990', 'Fødselsår', range))).toBe(1990);
    expect(parsedValue(parseInteger(' 1990 ', 'Fødselsår', range))).toBe(1990);
    expect(parsedValue(parseInteger('1 990', 'Fødselsår', range))).toBe(1990);
  });

  it('accepts both ends of the range and refuses one past each end', () => {
    expect(parsedValue(parseInteger('1900', 'Fødselsår', range))).toBe(1900);
    expect(parsedValue(parseInteger('2011', 'Fødselsår', range))).toBe(2011);
    const low = messageOf(parseInteger('1899', 'Fødselsår', range));
    expect(low).toContain('1900');
    expect(low).toContain('2011');
    expect(low).toContain('1899');
    messageOf(parseInteger('2012', 'Fødselsår', range));
  });

  it('treats a blank cell as no value', () => {
    expect(parsedValue(parseInteger('', 'Kapasitet', { min: 0, max: 100 }))).toBeNull();
  });

  it('reads a negative number and refuses it when the range starts at 0', () => {
    expect(parsedValue(parseInteger('-3', 'Tall', { min: -10, max: 10 }))).toBe(-3);
    expect(messageOf(parseInteger('-1', 'Kapasitet', { min: 0, max: 100 }))).toContain('Kapasitet');
  });

  it.each(['12.5', '12,5', '1e3', '0x10', '+5', 'tolv', '12a', '--1', 'Infinity', 'NaN'])(
    'refuses «%s» as not a whole number',
    (raw) => {
      expect(messageOf(parseInteger(raw, 'Kapasitet', { min: 0, max: 100000 }))).toContain('heltall');
    },
  );

  it('refuses a number too large to hold exactly, rather than storing a rounded one', () => {
    messageOf(parseInteger('99999999999999999999', 'Kapasitet', { min: 0, max: 100000 }));
  });
});

describe('parseText', () => {
  it('trims the text', () => {
    expect(parsedValue(parseText('  Kari Nordmann  ', 'Navn', 200, true))).toBe('Kari Nordmann');
  });

  it('removes control characters a paste may carry, but keeps the letters around them', () => {
    expect(parsedValue(parseText('Kari\u0000 Nord\u0007mann\u001b', 'Navn', 200, true))).toBe('Kari Nordmann');
    expect(parsedValue(parseText('a\u007fb', 'Merknad', 200, false))).toBe('ab');
  });

  it('keeps line breaks and tabs inside a merknad', () => {
    expect(parsedValue(parseText('linje 1\nlinje 2\tslutt', 'Merknad', 2000, false))).toBe('linje 1\nlinje 2\tslutt');
  });

  it('refuses a blank required field with a message naming it, and stores a blank optional one as null', () => {
    expect(messageOf(parseText('   ', 'Navn', 200, true))).toBe('Navn kan ikke være tomt.');
    expect(messageOf(parseText('\u0000\u0001', 'Navn', 200, true))).toContain('Navn');
    expect(parsedValue(parseText('   ', 'Merknad', 2000, false))).toBeNull();
  });

  it('accepts text of exactly the maximum length and refuses one character more', () => {
    expect(parsedValue(parseText('a'.repeat(200), 'Navn', 200, true))).toHaveLength(200);
    const message = messageOf(parseText('a'.repeat(201), 'Navn', 200, true));
    expect(message).toContain('201');
    expect(message).toContain('200');
  });

  it('keeps an SQL fragment as the text it is', () => {
    expect(parsedValue(parseText("'; DROP TABLE deltaker;--", 'Navn', 200, true))).toBe("'; DROP TABLE deltaker;--");
  });
});

describe('parseNumberText (numbers typed in filters)', () => {
  it('reads thousands spaces, no-break spaces and a decimal comma', async () => {
    const { parseNumberText, formatNumberText } = await import('../../../shared/parse');
    expect(parseNumberText('100 000')).toBe(100_000);
    expect(parseNumberText('100\u00a0000')).toBe(100_000);
    expect(parseNumberText(' 1 990 ')).toBe(1990);
    expect(parseNumberText('2,5')).toBe(2.5);
    expect(parseNumberText('-3')).toBe(-3);
    expect(parseNumberText('')).toBeNull();
    expect(parseNumberText('12a')).toBeNull();
    expect(parseNumberText('1,2,3')).toBeNull();
    expect(formatNumberText(100_000)).toBe('100\u00a0000');
    expect(formatNumberText(2.5)).toBe('2,5');
    expect(formatNumberText(null)).toBe('');
  });
});
