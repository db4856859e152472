/**
 * dates.ts does month and day arithmetic in integers for speed; these tests hold it to date-fns
 * (what it replaced) for every day 1900–2100, and pin the one place it deliberately differs from
 * date-fns' differenceInMonths: whole months at a month's end follow addMonthsIso.
 */
import { addMonths, differenceInCalendarDays, format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { addMonthsIso, daysBetween, isAfterMonthsFrom, wholeMonthsBetween } from '../../../shared/dates';

/** Every calendar day from 1900-01-01 to 2100-12-31, as local-midnight Dates and ISO text. */
function everyDay(): { date: Date; iso: string }[] {
  const days: { date: Date; iso: string }[] = [];
  for (
    let date = new Date(1900, 0, 1);
    date.getFullYear() <= 2100;
    date = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1)
  ) {
    days.push({ date, iso: format(date, 'yyyy-MM-dd') });
  }
  return days;
}

const DAYS = everyDay();

describe('the integer date arithmetic gives what date-fns gives, for every day 1900–2100', () => {
  it('covers 201 years of days', () => {
    expect(DAYS).toHaveLength(73_414);
    expect(DAYS[0]?.iso).toBe('1900-01-01');
    expect(DAYS.at(-1)?.iso).toBe('2100-12-31');
  });

  it.each([1, -1, 3, 6, 12, -12, 13, 0, -240, 25])('addMonthsIso(day, %i) equals date-fns addMonths', (months) => {
    const wrong = DAYS.filter(
      ({ date, iso }) => addMonthsIso(iso, months) !== format(addMonths(date, months), 'yyyy-MM-dd'),
    );
    expect(wrong.map((d) => d.iso)).toEqual([]);
  });

  it('daysBetween equals date-fns differenceInCalendarDays, both ways and across every DST change', () => {
    const anchor = DAYS[36_500] as { date: Date; iso: string };
    const wrong: string[] = [];
    for (let i = 0; i < DAYS.length; i++) {
      const day = DAYS[i] as { date: Date; iso: string };
      const later = DAYS[Math.min(DAYS.length - 1, i + 1 + (i % 400))] as { date: Date; iso: string };
      if (daysBetween(anchor.iso, day.iso) !== differenceInCalendarDays(day.date, anchor.date)) wrong.push(day.iso);
      if (daysBetween(later.iso, day.iso) !== differenceInCalendarDays(day.date, later.date)) wrong.push(day.iso);
    }
    expect(wrong).toEqual([]);
  });
});

describe('isAfterMonthsFrom is later > addMonthsIso(iso, months), for every day 1900–2100', () => {
  it.each([6, 1, -1, 12, 0])('months %i, with the day itself, the days around it and odd texts as later', (months) => {
    const odd = ['', '2', '2026', '2026-0', '9999-99-99', '0000-00-00', '2026-02-30', 'abc', '2026-03-01x', '20260301'];
    const wrong: string[] = [];
    for (let i = 0; i < DAYS.length; i++) {
      const { iso } = DAYS[i] as { iso: string };
      const target = addMonthsIso(iso, months);
      const laters = [target, `${target}0`, target.slice(0, 9), DAYS[i + 180]?.iso ?? '', DAYS[i + 183]?.iso ?? ''];
      if (i % 997 === 0) laters.push(...odd);
      for (const later of laters) {
        if (isAfterMonthsFrom(later, iso, months) !== later > target) wrong.push(`${later} vs ${iso}+${months}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the day after six months is after, the day itself is not; the year 9999 runs on into 10000 as text', () => {
    expect(isAfterMonthsFrom('2026-03-01', '2025-08-31', 6)).toBe(true);
    expect(isAfterMonthsFrom('2026-02-28', '2025-08-31', 6)).toBe(false);
    expect(isAfterMonthsFrom('9999-12-31', '9999-07-01', 6)).toBe('9999-12-31' > addMonthsIso('9999-07-01', 6));
    expect(() => isAfterMonthsFrom('2026-01-01', '01.03.2026', 6)).toThrow(RangeError);
  });
});

describe('wholeMonthsBetween means the same month as addMonthsIso', () => {
  /** The definition, by counting: the largest n with addMonthsIso(from, n) ≤ to. */
  function byCounting(from: string, to: string): number {
    let n = 0;
    while (addMonthsIso(from, n + 1) <= to) n++;
    return n;
  }

  it('is the largest n with addMonthsIso(from, n) ≤ to, for every start day of 2023–2025 and ends up to 14 months on', () => {
    const starts = DAYS.filter((d) => d.iso >= '2023-01-01' && d.iso <= '2025-12-31');
    const wrong: string[] = [];
    for (const start of starts) {
      const first = DAYS.indexOf(start);
      for (let k = 0; k < 430; k += 7 + (first % 5)) {
        const end = DAYS[first + k] as { iso: string };
        if (wholeMonthsBetween(start.iso, end.iso) !== byCounting(start.iso, end.iso))
          wrong.push(`${start.iso}→${end.iso}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('ends of months: 31 January → 28 February is one month, 31 August → 28 February is six', () => {
    expect(wholeMonthsBetween('2026-01-31', '2026-02-28')).toBe(1);
    expect(wholeMonthsBetween('2026-01-31', '2026-02-27')).toBe(0);
    expect(wholeMonthsBetween('2024-01-31', '2024-02-28')).toBe(0);
    expect(wholeMonthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(wholeMonthsBetween('2025-08-31', '2026-02-28')).toBe(6);
    expect(wholeMonthsBetween('2026-01-31', '2026-04-30')).toBe(3);
    expect(wholeMonthsBetween('2026-03-30', '2026-04-30')).toBe(1);
    expect(wholeMonthsBetween('2026-03-31', '2026-04-30')).toBe(1);
  });

  it('so a ventetid of exactly six months (not over the rule) is six whole months', () => {
    for (const henvist of ['2025-08-31', '2026-01-31', '2025-12-31', '2026-03-15']) {
      const sixMonthsOn = addMonthsIso(henvist, 6);
      expect(wholeMonthsBetween(henvist, sixMonthsOn)).toBe(6);
      expect(
        wholeMonthsBetween(
          henvist,
          addMonthsIso(sixMonthsOn, 0).replace(/\d\d$/, (d) => String(Number(d) - 1).padStart(2, '0')),
        ),
      ).toBe(5);
    }
  });

  it('refuses text that is not a stored date instead of computing with it', () => {
    expect(() => addMonthsIso('2026-13-01', 1)).toThrow(RangeError);
    expect(() => daysBetween('', '2026-01-01')).toThrow(RangeError);
    expect(() => wholeMonthsBetween('01.03.2026', '2026-05-01')).toThrow(RangeError);
  });

  it('a day the month does not have (edited outside the app) runs on into the next month, as a Date would', () => {
    expect(daysBetween('2025-09-30', '2025-09-31')).toBe(1);
    expect(daysBetween('2025-09-31', '2025-10-01')).toBe(0);
    expect(addMonthsIso('2026-02-30', 1)).toBe('2026-03-30');
  });
});
