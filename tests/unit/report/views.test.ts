import { describe, expect, it } from 'vitest';
import { lastCompleteMonth, viewRequest } from '../../../shared/report/views';

describe('the Rapport screen’s periods', () => {
  it('opens on the last month that has ended; in January that is December last year', () => {
    expect(lastCompleteMonth('2026-11-23')).toEqual({ year: 2026, month: 10 });
    expect(lastCompleteMonth('2026-11-01')).toEqual({ year: 2026, month: 10 });
    expect(lastCompleteMonth('2027-01-15')).toEqual({ year: 2026, month: 12 });
  });

  it('asks for a month as the monthly view, a year and a free range as one period', () => {
    expect(viewRequest({ mode: 'month', year: 2024, month: 2 })).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
      monthly: true,
    });
    expect(viewRequest({ mode: 'year', year: 2021 })).toEqual({ from: '2021-01-01', to: '2021-12-31' });
    expect(viewRequest({ mode: 'range', from: '2018-01-01', to: '2022-12-31' })).toEqual({
      from: '2018-01-01',
      to: '2022-12-31',
    });
  });
});
