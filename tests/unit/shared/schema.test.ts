import { describe, expect, it } from 'vitest';
import { kullFilter } from '../../../shared/api';
import { editableListKey, listValue } from '../../../shared/schema/codelist';
import { id, isoDate, text } from '../../../shared/schema/common';
import { deltakerFields } from '../../../shared/schema/deltaker';
import { kullFields } from '../../../shared/schema/kull';
import { DEFAULT_SETTINGS, settings } from '../../../shared/schema/settings';
import { aDeltaker, aKull } from '../helpers/builders';
import { expectNorwegianMessage } from '../helpers/messages';

const thisYear = new Date().getFullYear();

function firstIssue(result: { success: boolean; error?: { issues: { message: string }[] } }): string {
  expect(result.success).toBe(false);
  const message = result.error?.issues[0]?.message ?? '';
  return message;
}

describe('isoDate accepts only stored dates that exist', () => {
  it('accepts 2026-03-01 and refuses 2026-02-31, 01.03.2026 and a timestamp, in Norwegian', () => {
    expect(isoDate.safeParse('2026-03-01').success).toBe(true);
    for (const bad of ['2026-02-31', '01.03.2026', '2026-03-01T00:00:00Z', '']) {
      const message = firstIssue(isoDate.safeParse(bad));
      expectNorwegianMessage(message);
    }
  });
});

describe('text: stored free text', () => {
  it('accepts text up to its maximum and refuses one character more, in Norwegian', () => {
    expect(text(5).safeParse('abcde').success).toBe(true);
    expectNorwegianMessage(firstIssue(text(5).safeParse('abcdef')));
  });

  it.each(['\u0000', '\u0007', '\u001b', '\u007f'])('refuses the control character U+%s', (ch) => {
    expectNorwegianMessage(firstIssue(text(50).safeParse(`Kari${ch}Nordmann`)));
  });

  it('keeps line breaks and tabs', () => {
    expect(text(50).safeParse('linje 1\r\nlinje 2\t.').success).toBe(true);
  });

  it('is stored trimmed, as its comment promises', () => {
    expect(text(50).parse('  Somalia  ')).toBe('Somalia');
  });
});

describe('id', () => {
  it('is a positive whole number', () => {
    expect(id.safeParse(1).success).toBe(true);
    for (const bad of [0, -1, 1.5, '1', null, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(id.safeParse(bad).success).toBe(false);
    }
  });
});

describe('deltakerFields', () => {
  it('accepts a complete valid deltaker', () => {
    expect(deltakerFields.safeParse(aDeltaker()).success).toBe(true);
  });

  it('refuses a blank navn with «Navn kan ikke være tomt.»', () => {
    expect(firstIssue(deltakerFields.safeParse(aDeltaker({ navn: '   ' })))).toBe('Navn kan ikke være tomt.');
  });

  it('refuses codes outside the fixed lists, and labels too (the API takes codes only)', () => {
    for (const [field, value] of [
      ['kjonn', 'X'],
      ['kjonn', 'Kvinne'],
      ['ytelse', 'kvp'],
      ['avslutning', 'SLUTT'],
      ['sluttarsak', 'U'],
      ['i_arbeid_etter_6_mnd', 'JA'],
    ] as const) {
      const message = firstIssue(deltakerFields.safeParse(aDeltaker({ [field]: value })));
      expectNorwegianMessage(message);
    }
  });

  it('accepts fodselsar from 1900 up to this year − 15', () => {
    expect(deltakerFields.safeParse(aDeltaker({ fodselsar: 1900 })).success).toBe(true);
    expect(deltakerFields.safeParse(aDeltaker({ fodselsar: thisYear - 15 })).success).toBe(true);
  });

  it('refuses fodselsar before 1900 or after this year − 15 (domain.md: 1900…this year − 15), in Norwegian', () => {
    expectNorwegianMessage(firstIssue(deltakerFields.safeParse(aDeltaker({ fodselsar: 1899 }))));
    const tooYoung = firstIssue(deltakerFields.safeParse(aDeltaker({ fodselsar: thisYear - 14 })));
    expectNorwegianMessage(tooYoung);
    expect(tooYoung).toContain(String(thisYear - 15));
    expect(deltakerFields.safeParse(aDeltaker({ fodselsar: 2100 })).success).toBe(false);
  });

  it('stores a blank optional text as no value (null), the way a blank cell is read', () => {
    const parsed = deltakerFields.parse(aDeltaker({ landbakgrunn: '  ', dropout_arsak: '', merknad: ' \n ' }));
    expect(parsed.landbakgrunn).toBeNull();
    expect(parsed.dropout_arsak).toBeNull();
    expect(parsed.merknad).toBeNull();
  });
});

describe('kullFields', () => {
  const full = { navn: 'Kull 13', startdato: '2026-03-02', planlagt_sluttdato: null, kapasitet: 12, merknad: null };

  it('accepts a valid kull', () => {
    expect(kullFields.safeParse(full).success).toBe(true);
  });

  it('refuses a negative kapasitet with a Norwegian message, and accepts 0', () => {
    expect(firstIssue(kullFields.safeParse({ ...full, kapasitet: -1 }))).toBe('Kapasitet kan ikke være negativ.');
    expect(kullFields.safeParse({ ...full, kapasitet: 0 }).success).toBe(true);
  });

  it('refuses a blank navn and a startdato that is not a date', () => {
    expect(firstIssue(kullFields.safeParse({ ...full, navn: ' ' }))).toBe('Navn kan ikke være tomt.');
    expectNorwegianMessage(firstIssue(kullFields.safeParse({ ...aKull(), ...full, startdato: '31.02.2026' })));
  });
});

describe('settings', () => {
  it('has valid defaults: kull intake, three-month kull', () => {
    expect(settings.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.kull_lengde_mnd).toBe(3);
  });

  it('accepts a kull length of 1 to 60 months', () => {
    expect(settings.safeParse({ ...DEFAULT_SETTINGS, kull_lengde_mnd: 1 }).success).toBe(true);
    expect(settings.safeParse({ ...DEFAULT_SETTINGS, kull_lengde_mnd: 60 }).success).toBe(true);
    expect(settings.safeParse({ ...DEFAULT_SETTINGS, kull_lengde_mnd: 0 }).success).toBe(false);
    expect(settings.safeParse({ ...DEFAULT_SETTINGS, kull_lengde_mnd: 61 }).success).toBe(false);
  });

  it('accepts only kull or lopende as opptak', () => {
    expect(settings.safeParse({ ...DEFAULT_SETTINGS, opptak: 'lopende' }).success).toBe(true);
    expect(settings.safeParse({ ...DEFAULT_SETTINGS, opptak: 'løpende' }).success).toBe(false);
  });
});

describe('code list values and filters', () => {
  it('a list value may not be blank', () => {
    expect(firstIssue(listValue.safeParse('   '))).toBe('Verdien kan ikke være tom.');
    expect(listValue.safeParse('NAV Fana').success).toBe(true);
  });

  it('only the four editable lists can be named', () => {
    expect(editableListKey.safeParse('brukersted').success).toBe(true);
    expect(editableListKey.safeParse('sluttarsak').success).toBe(false);
  });

  it('the kull filter is alle, uten or a kull id', () => {
    expect(kullFilter.safeParse('alle').success).toBe(true);
    expect(kullFilter.safeParse('uten').success).toBe(true);
    expect(kullFilter.safeParse(3).success).toBe(true);
    expect(kullFilter.safeParse('3').success).toBe(false);
    expect(kullFilter.safeParse(0).success).toBe(false);
  });
});
