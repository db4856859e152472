import { afterEach, describe, expect, it } from 'vitest';
import {
  addMonthsIso,
  daysBetween,
  formatDate,
  formatTime,
  isIsoDate,
  lastDayOfMonth,
  parseDateInput,
  todayIso,
  toIso,
  wholeMonthsBetween,
  yearOf,
} from '../../../shared/dates';
import { expectNorwegianMessage } from '../helpers/messages';

function parsedValue(raw: string): string | null {
  const result = parseDateInput(raw);
  if (!result.ok) throw new Error(`expected «${raw}» to parse, got: ${result.message}`);
  return result.value;
}

function refusal(raw: string): string {
  const result = parseDateInput(raw);
  if (result.ok) throw new Error(`expected «${raw}» to be refused, got ${result.value}`);
  return result.message;
}

describe('parseDateInput reads what a user types', () => {
  it.each([
    ['01.03.2026', '2026-03-01'],
    ['1.3.2026', '2026-03-01'],
    ['31.12.2025', '2025-12-31'],
    ['2026-03-01', '2026-03-01'],
    ['2026-3-1', '2026-03-01'],
    ['1.3.26', '2026-03-01'],
    ['01.03.26', '2026-03-01'],
    ['  15.08.2026  ', '2026-08-15'],
    ['\t2026-08-15\n', '2026-08-15'],
  ])('«%s» is the date %s', (raw, iso) => {
    expect(parsedValue(raw)).toBe(iso);
  });

  it('reads a two-digit year 00–69 as 2000–2069 and 70–99 as 1970–1999, the same every year', () => {
    expect(parsedValue('1.1.00')).toBe('2000-01-01');
    expect(parsedValue('1.1.69')).toBe('2069-01-01');
    expect(parsedValue('1.1.70')).toBe('1970-01-01');
    expect(parsedValue('1.1.99')).toBe('1999-01-01');
    expect(parsedValue('31.12.49')).toBe('2049-12-31');
    expect(parsedValue('31.12.51')).toBe('2051-12-31');
  });

  it('turns a blank cell into no date (null), not an error', () => {
    expect(parseDateInput('')).toEqual({ ok: true, value: null });
    expect(parseDateInput('   ')).toEqual({ ok: true, value: null });
  });

  it('accepts 29 February in leap years only (2000 is one, 1900 is not)', () => {
    expect(parsedValue('29.02.2024')).toBe('2024-02-29');
    expect(parsedValue('29.02.2000')).toBe('2000-02-29');
    expect(parsedValue('29.2.00')).toBe('2000-02-29');
    expect(parsedValue('29.2.96')).toBe('1996-02-29');
    refusal('29.02.2025');
    refusal('29.02.1900');
    refusal('2026-02-29');
    refusal('29.2.25');
  });

  it.each([
    '31.02.2026',
    '30.02.2026',
    '31.04.2026',
    '32.01.2026',
    '00.01.2026',
    '01.00.2026',
    '01.13.2026',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
  ])('refuses the impossible date «%s», saying it does not exist (the format typed was right)', (raw) => {
    const message = refusal(raw);
    expectNorwegianMessage(message);
    expect(message).toContain(raw);
    expect(message).toContain('finnes ikke');
  });

  it('says why a day does not exist: the month has fewer days that year', () => {
    expect(refusal('31.02.2025')).toBe('«31.02.2025» finnes ikke: februar 2025 har 28 dager.');
    expect(refusal('29.02.2025')).toBe('«29.02.2025» finnes ikke: februar 2025 har 28 dager.');
    expect(parseDateInput('29.02.2024')).toEqual({ ok: true, value: '2024-02-29' });
    expect(refusal('31.04.2026')).toBe('«31.04.2026» finnes ikke: april 2026 har 30 dager.');
    expect(refusal('01.13.2026')).toContain('måneden må være 1–12');
  });

  it.each([
    'i går',
    'mars 2026',
    '1.3',
    '01-03-2026',
    '2026/03/01',
    '2026.03.01',
    '01.03.20266',
    '1.3.2',
    '1..2026',
    '20260301',
    '46082',
    '01.03.2026 12:00',
    "'; DROP TABLE deltaker;--",
  ])('refuses text that is no date, «%s», and says how to write one', (raw) => {
    const message = refusal(raw);
    expectNorwegianMessage(message);
    expect(message).toContain('dd.mm.åååå');
  });

  it('refuses years before 1900 and after 2100, and accepts both ends', () => {
    expect(parsedValue('01.01.1900')).toBe('1900-01-01');
    expect(parsedValue('31.12.2100')).toBe('2100-12-31');
    expect(refusal('31.12.1899')).toContain('1899');
    expect(refusal('01.01.2101')).toContain('2101');
    expect(refusal('0001-01-01')).toMatch(/Året 1 /);
    expectNorwegianMessage(refusal('9999-12-31'));
  });
});

describe('dates do not move with the time zone', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  // Offsets in minutes on 1 January, to prove the zone really changed inside the test process.
  it.each([
    ['Europe/Oslo', -60],
    ['America/Los_Angeles', 480],
    ['Pacific/Kiritimati', -840],
    ['Pacific/Pago_Pago', 660],
    ['UTC', 0],
  ] as const)('in %s, 1 March stays 1 March through parsing, formatting and month arithmetic', (tz, januaryOffset) => {
    process.env.TZ = tz;
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(januaryOffset);
    expect(parsedValue('01.03.2026')).toBe('2026-03-01');
    expect(parsedValue('2026-03-29')).toBe('2026-03-29');
    expect(formatDate('2026-03-01')).toBe('01.03.2026');
    expect(formatDate('2026-10-25')).toBe('25.10.2026');
    expect(addMonthsIso('2026-02-28', 1)).toBe('2026-03-28');
    expect(addMonthsIso('2026-03-29', 1)).toBe('2026-04-29');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(lastDayOfMonth(2026, 3)).toBe('2026-03-31');
  });
});

describe('formatDate shows a stored date the Norwegian way', () => {
  it('shows an ISO date as dd.mm.yyyy', () => {
    expect(formatDate('2026-03-01')).toBe('01.03.2026');
    expect(formatDate('1999-12-31')).toBe('31.12.1999');
  });

  it('shows no date as an empty cell', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
  });

  it('shows a value that is not a stored date as it is, rather than inventing a date', () => {
    expect(formatDate('2026-02-31')).toBe('2026-02-31');
    expect(formatDate('01.03.2026')).toBe('01.03.2026');
  });

  it('gives back what a user typed when the shown text is parsed again', () => {
    for (const iso of ['2026-01-01', '2024-02-29', '1970-06-15', '2069-12-31']) {
      expect(parsedValue(formatDate(iso))).toBe(iso);
    }
  });
});

describe('isIsoDate accepts only stored dates that exist', () => {
  it('accepts yyyy-mm-dd dates that exist', () => {
    expect(isIsoDate('2026-03-01')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });

  it.each(['2026-02-29', '2026-3-1', '01.03.2026', '2026-03-01T00:00', ' 2026-03-01', '', '2026-13-01', '2026-00-01'])(
    'refuses «%s»',
    (value) => {
      expect(isIsoDate(value)).toBe(false);
    },
  );
});

describe('addMonthsIso (planned end of a kull, the six-month rule)', () => {
  it('adds whole months to the same day of the month', () => {
    expect(addMonthsIso('2026-03-02', 3)).toBe('2026-06-02');
    expect(addMonthsIso('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonthsIso('2026-01-05', 6)).toBe('2026-07-05');
  });

  it('ends on the last day of a shorter month instead of spilling into the next', () => {
    expect(addMonthsIso('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonthsIso('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsIso('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonthsIso('2026-03-31', 3)).toBe('2026-06-30');
  });

  it('goes backwards for negative months and stays put for zero', () => {
    expect(addMonthsIso('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsIso('2026-03-01', 0)).toBe('2026-03-01');
  });
});

describe('wholeMonthsBetween', () => {
  it('counts whole calendar months: 1 March → 31 May is 2, → 1 June is 3', () => {
    expect(wholeMonthsBetween('2026-03-01', '2026-05-31')).toBe(2);
    expect(wholeMonthsBetween('2026-03-01', '2026-06-01')).toBe(3);
  });

  it('is 0 within the same month and for the same day', () => {
    expect(wholeMonthsBetween('2026-03-01', '2026-03-31')).toBe(0);
    expect(wholeMonthsBetween('2026-03-15', '2026-03-15')).toBe(0);
  });

  it('counts across a year end', () => {
    expect(wholeMonthsBetween('2025-11-10', '2026-02-10')).toBe(3);
    expect(wholeMonthsBetween('2025-11-10', '2026-02-09')).toBe(2);
  });

  it('is never negative when the dates are the wrong way round', () => {
    expect(wholeMonthsBetween('2026-06-01', '2026-03-01')).toBe(0);
  });
});

describe('the small date helpers', () => {
  it('daysBetween counts calendar days, negative when the second date is earlier', () => {
    expect(daysBetween('2026-01-01', '2026-01-31')).toBe(30);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
  });

  it('todayIso gives the local calendar day of the moment it is given', () => {
    expect(todayIso(new Date(2026, 2, 1, 23, 59))).toBe('2026-03-01');
    expect(todayIso(new Date(2026, 2, 1, 0, 0))).toBe('2026-03-01');
  });

  it('yearOf reads the year of a stored date', () => {
    expect(yearOf('2026-03-01')).toBe(2026);
  });

  it('lastDayOfMonth knows month lengths and leap years', () => {
    expect(lastDayOfMonth(2026, 2)).toBe('2026-02-28');
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2026, 4)).toBe('2026-04-30');
    expect(lastDayOfMonth(2026, 12)).toBe('2026-12-31');
  });

  it('toIso gives the local calendar day of a Date (the grid’s date filter compares stored dates with it)', () => {
    expect(toIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(toIso(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });

  it('formatTime says a moment as a sentence does, in local time, and «ukjent tid» for no moment', () => {
    expect(formatTime(new Date(2026, 2, 5, 14, 4).toISOString())).toBe('05.03.2026 kl. 14:04');
    expect(formatTime(new Date(2026, 10, 30, 9, 0).toISOString())).toBe('30.11.2026 kl. 09:00');
    expect(formatTime('ikke en tid')).toBe('ukjent tid');
  });
});
