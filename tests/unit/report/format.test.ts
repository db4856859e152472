import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDecimal,
  formatPct,
  monthLabel,
  periodLabel,
  rangeLabel,
} from '../../../shared/report/format';

describe('formatting the report for people', () => {
  it('prints a percentage with " %", and a zero denominator as "–"', () => {
    expect(formatPct(84)).toBe('84 %');
    expect(formatPct(0)).toBe('0 %');
    expect(formatPct(null)).toBe('–');
  });

  it('groups thousands with a no-break space, as Norwegian forms do', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234)).toBe('1\u00a0234');
    expect(formatCount(100000)).toBe('100\u00a0000');
  });

  it('writes one decimal with a decimal comma, and nothing to show as "–"', () => {
    expect(formatDecimal(12.5)).toBe('12,5');
    expect(formatDecimal(20)).toBe('20,0');
    expect(formatDecimal(1234.5)).toBe('1\u00a0234,5');
    expect(formatDecimal(null)).toBe('–');
  });

  it('names a month in Norwegian', () => {
    expect(monthLabel(2026, 10)).toBe('oktober 2026');
    expect(monthLabel(2026, 1)).toBe('januar 2026');
    expect(() => monthLabel(2026, 13)).toThrow(RangeError);
  });

  it('writes a free period as its dates, dd.mm.yyyy–dd.mm.yyyy', () => {
    expect(rangeLabel('2026-01-01', '2026-10-31')).toBe('01.01.2026–31.10.2026');
  });

  it('calls a whole calendar month by its name, and anything else by its dates', () => {
    expect(periodLabel('2026-10-01', '2026-10-31')).toBe('oktober 2026');
    expect(periodLabel('2024-02-01', '2024-02-29')).toBe('februar 2024');
    expect(periodLabel('2026-10-01', '2026-10-30')).toBe('01.10.2026–30.10.2026');
    expect(periodLabel('2026-01-01', '2026-10-31')).toBe('01.01.2026–31.10.2026');
  });
});
