import { addMonths, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oppfolgingSection } from '../../../shared/oppfolging/section';
import { anyRegister } from '../helpers/generate';
import { aCompleted, aDeltaker } from '../report/builders';

const YEAR = { from: '2026-01-01', to: '2026-12-31' };

describe('the oppfolging section', () => {
  it('counts those whose sluttdato + 6 months lies in the period, with their answers', () => {
    const section = oppfolgingSection(
      [
        aCompleted('2025-07-01', { i_arbeid_etter_6_mnd: 'ja' }), // due 2026-01-01
        aCompleted('2025-08-31', { sluttarsak: 'AD', i_arbeid_etter_6_mnd: 'nei' }), // due 2026-02-28
        aCompleted('2026-06-30', { i_arbeid_etter_6_mnd: 'ukjent' }), // due 2026-12-30
        aCompleted('2026-07-01'), // due 2027-01-01: next year
        aCompleted('2025-06-30', { i_arbeid_etter_6_mnd: 'ja' }), // due 2025-12-30: last year
        aCompleted('2025-12-01'), // due 2026-06-01, not answered
      ],
      YEAR,
    );
    expect(section.seks).toEqual({ count: 4, ja: 1, nei: 1, ukjent: 1, ubesvart: 1 });
  });

  it('counts the 12-month follow-up from the same exits a year on', () => {
    const section = oppfolgingSection(
      [aCompleted('2025-01-15', { i_arbeid_etter_12_mnd: 'ja' }), aCompleted('2025-12-31'), aCompleted('2026-01-01')],
      YEAR,
    );
    expect(section.tolv).toEqual({ count: 2, ja: 1, nei: 0, ukjent: 0, ubesvart: 1 });
  });

  it('leaves out exits that were not to work, or not planmessig', () => {
    const section = oppfolgingSection(
      [
        aCompleted('2025-09-01', { sluttarsak: 'UT', i_arbeid_etter_6_mnd: 'ja' }),
        aDeltaker({ startdato: '2025-01-01', sluttdato: '2025-09-01', avslutning: 'DROP', sluttarsak: 'A' }),
        aDeltaker({ startdato: '2025-01-01', avslutning: 'PLAN', sluttarsak: 'A' }), // no sluttdato
      ],
      YEAR,
    );
    expect(section.seks.count).toBe(0);
    expect(section.tolv.count).toBe(0);
  });

  it('equals a naive count with date-fns over generated registers', () => {
    fc.assert(
      fc.property(anyRegister(), fc.integer({ min: 2018, max: 2027 }), ({ deltakere }, year) => {
        const period = { from: `${year}-01-01`, to: `${year}-12-31` };
        const section = oppfolgingSection(deltakere, period);
        for (const [key, months, field] of [
          ['seks', 6, 'i_arbeid_etter_6_mnd'],
          ['tolv', 12, 'i_arbeid_etter_12_mnd'],
        ] as const) {
          const due = deltakere.filter((d) => {
            if (d.avslutning !== 'PLAN' || !['A', 'AD'].includes(d.sluttarsak ?? '') || !d.sluttdato) return false;
            const at = format(addMonths(parseISO(d.sluttdato), months), 'yyyy-MM-dd');
            return at >= period.from && at <= period.to;
          });
          const answered = (a: string) => due.filter((d) => d[field] === a).length;
          expect(section[key]).toEqual({
            count: due.length,
            ja: answered('ja'),
            nei: answered('nei'),
            ukjent: answered('ukjent'),
            ubesvart: due.filter((d) => d[field] === null).length,
          });
        }
      }),
      { numRuns: 150 },
    );
  });
});
