import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../shared/report/engine';
import { aDeltaker, PERIOD } from './builders';

const N = 100_000;

/** Four kinds in turn: waiting, active, completed (A or UT), drop-out; ytelse KVP, OKS, blank in turn. */
function generated() {
  return Array.from({ length: N }, (_, i) => {
    const date = `2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const ytelse = (['KVP', 'OKS', null] as const)[i % 3] ?? null;
    switch (i % 4) {
      case 0:
        return aDeltaker({ id: i + 1, ytelse, henvist_dato: date });
      case 1:
        return aDeltaker({ id: i + 1, ytelse, henvist_dato: date, startdato: date });
      case 2:
        return aDeltaker({
          id: i + 1,
          ytelse,
          henvist_dato: '2025-05-02',
          startdato: '2025-06-02',
          sluttdato: date,
          avslutning: 'PLAN',
          sluttarsak: i % 8 === 2 ? 'A' : 'UT',
        });
      default:
        return aDeltaker({
          id: i + 1,
          ytelse,
          henvist_dato: '2025-05-02',
          startdato: '2025-06-02',
          sluttdato: date,
          avslutning: 'DROP',
        });
    }
  });
}

const howMany = (test: (i: number) => boolean) => Array.from({ length: N }, (_, i) => i).filter(test).length;

describe('a register of 100,000 deltakere', () => {
  const report = buildReport({ ...PERIOD, deltakere: generated(), kull: [] });

  it('gives the right totals in every row', () => {
    expect(report.rows.henviste?.total).toBe(50_000);
    expect(report.rows.ventende?.total).toBe(25_000);
    expect(report.rows.innom?.total).toBe(75_000);
    expect(report.rows.startet?.total).toBe(25_000);
    expect(report.rows.aktive_ved_slutt?.total).toBe(25_000);
    expect(report.rows.gjennomfort).toMatchObject({ total: 25_000, pct: 50 });
    expect(report.rows.drop_out?.total).toBe(25_000);
    expect(report.rows.avsluttet?.total).toBe(50_000);
    expect(report.rows['sluttarsak.A']).toMatchObject({ total: 12_500, pct: 50 });
  });

  it('splits by ytelse so that KVP + ØKS + Andre is Totalt', () => {
    expect(report.rows.henviste).toMatchObject({
      kvp: howMany((i) => i % 4 < 2 && i % 3 === 0),
      oks: howMany((i) => i % 4 < 2 && i % 3 === 1),
      andre: howMany((i) => i % 4 < 2 && i % 3 === 2),
    });
    for (const row of Object.values(report.rows)) expect(row.kvp + row.oks + row.andre).toBe(row.total);
  });

  it('fills the sections from the same deltakere', () => {
    expect(report.sections.kjonn_alder.total.total).toBe(75_000);
    expect(report.sections.ventetid).toMatchObject({ count: 25_000, mean_days: 0, median_days: 0 });
    expect(report.sections.varighet.reduce((sum, item) => sum + item.count, 0)).toBe(50_000);
    expect(report.datakvalitet.every((item) => item.count === 0)).toBe(true);
  });
});
