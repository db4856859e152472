import { describe, expect, it } from 'vitest';
import { DEFAULT_LISTS } from '../../../shared/codes';
import { buildReport } from '../../../shared/report/engine';
import { ROW_RULES } from '../../../shared/rules';
import { aCompleted, aDeltaker, aKull, PERIOD, reportOf, times } from './builders';

/** Started before the period and still active: innom, nothing else. */
const anActive = (fields: Parameters<typeof aDeltaker>[0] = {}) =>
  aDeltaker({ henvist_dato: '2025-05-05', startdato: '2025-06-02', ...fields });

const countsOf = (items: readonly { key: string; count: number }[]) =>
  Object.fromEntries(items.filter((item) => item.count > 0).map((item) => [item.key, item.count]));

describe('kjønn og alder', () => {
  it('age is the year of the period’s end minus fødselsår, and falls in its group at every edge', () => {
    const born = [2002, 2001, 1997, 1996, 1987, 1986, 1977, 1976, 1959];
    const report = reportOf(born.map((fodselsar) => anActive({ kjonn: 'K', fodselsar })));
    const kvinner = report.sections.kjonn_alder.rows.find((row) => row.key === 'K');
    expect(kvinner?.counts).toEqual({ '18-24': 1, '25-29': 2, '30-39': 2, '40-49': 2, '50-67': 2, ukjent: 0 });
    expect(kvinner?.total).toBe(9);
  });

  it('under 18 counts in 18–24, over 67 in 50–67, and a blank fødselsår in «ukjent»', () => {
    const report = reportOf([
      anActive({ kjonn: 'M', fodselsar: 2010 }),
      anActive({ kjonn: 'M', fodselsar: 1950 }),
      anActive({ kjonn: 'M', fodselsar: null }),
    ]);
    const menn = report.sections.kjonn_alder.rows.find((row) => row.key === 'M');
    expect(menn?.counts).toMatchObject({ '18-24': 1, '50-67': 1, ukjent: 1 });
  });

  it('a blank kjønn is counted as A (annet/ukjent), and the total line adds up the rows', () => {
    const report = reportOf([anActive({ kjonn: null, fodselsar: 1990 }), anActive({ kjonn: 'K', fodselsar: 1990 })]);
    const { rows, total } = report.sections.kjonn_alder;
    expect(rows.map((row) => [row.key, row.total])).toEqual([
      ['K', 1],
      ['M', 0],
      ['A', 1],
    ]);
    expect(total).toMatchObject({ total: 2, counts: { '30-39': 2 } });
  });

  it('counts only deltakere innom: not a waiting referral, not an uaktuell one', () => {
    const report = reportOf([
      anActive({ fodselsar: 1990 }),
      aDeltaker({ henvist_dato: '2026-05-04', fodselsar: 1990 }),
      aDeltaker({ henvist_dato: '2026-05-04', sluttdato: '2026-05-05', avslutning: 'UAKT', fodselsar: 1990 }),
    ]);
    expect(report.sections.kjonn_alder.total.total).toBe(1);
  });
});

describe('henvist fra', () => {
  it('lists the list’s values in order with zeros, then other values alphabetically, then blank', () => {
    const referred = (henvist_fra: string | null) => aDeltaker({ henvist_dato: '2026-05-04', henvist_fra });
    const items = reportOf([
      referred('NorA'),
      referred('NorA'),
      referred('nav årstad'),
      referred('Zeta-kontoret'),
      referred('Alfa-kontoret'),
      referred(null),
    ]).sections.henvist_fra;
    expect(items.slice(0, DEFAULT_LISTS.henvist_fra.length).map((item) => item.key)).toEqual([
      ...DEFAULT_LISTS.henvist_fra,
    ]);
    expect(countsOf(items)).toEqual({ 'NAV Årstad': 1, NorA: 2, 'Alfa-kontoret': 1, 'Zeta-kontoret': 1, '': 1 });
    expect(items.slice(DEFAULT_LISTS.henvist_fra.length)).toEqual([
      { key: 'Alfa-kontoret', label: 'Alfa-kontoret', count: 1 },
      { key: 'Zeta-kontoret', label: 'Zeta-kontoret', count: 1 },
      { key: '', label: 'Ikke oppgitt', count: 1 },
    ]);
  });

  it('counts the referrals of the period only (row 1)', () => {
    const report = reportOf([
      aDeltaker({ henvist_dato: '2026-05-04', henvist_fra: 'NorA' }),
      aDeltaker({ henvist_dato: '2025-05-04', startdato: '2025-06-01', henvist_fra: 'NorA' }),
    ]);
    expect(countsOf(report.sections.henvist_fra)).toEqual({ NorA: 1 });
  });

  it('uses the register’s own list order when it is given', () => {
    const report = buildReport({
      ...PERIOD,
      deltakere: [aDeltaker({ henvist_dato: '2026-05-04', henvist_fra: 'NorA' })],
      kull: [],
      lists: { henvist_fra: ['NorA', 'NAV Årstad'] },
    });
    expect(report.sections.henvist_fra.map((item) => item.key)).toEqual(['NorA', 'NAV Årstad']);
  });
});

describe('varighet', () => {
  const ended = (startdato: string, sluttdato: string, avslutning = 'PLAN') =>
    aDeltaker({ startdato, sluttdato, avslutning, sluttarsak: avslutning === 'PLAN' ? 'A' : null });

  it('puts each exit in its bucket by whole calendar months, at every edge', () => {
    const report = reportOf([
      ended('2026-01-15', '2026-03-14'), // 1
      ended('2026-01-15', '2026-03-15'), // 2
      ended('2026-01-15', '2026-05-14'), // 3
      ended('2026-01-15', '2026-05-15'), // 4
      ended('2025-11-15', '2026-05-14'), // 5
      ended('2025-11-15', '2026-05-15'), // 6
      ended('2025-05-15', '2026-05-14'), // 11
      ended('2025-05-15', '2026-05-15'), // 12
    ]);
    expect(report.sections.varighet).toEqual([
      { key: '0-1', label: '0–1 mnd', count: 1 },
      { key: '2-3', label: '2–3 mnd', count: 2 },
      { key: '4-5', label: '4–5 mnd', count: 2 },
      { key: '6-11', label: '6–11 mnd', count: 2 },
      { key: '12+', label: '12 mnd eller mer', count: 1 },
    ]);
  });

  it('counts a month to a month’s last day as the six-month rule does: 31 August → 28 February is 6 months', () => {
    const report = reportOf([
      ended('2025-08-31', '2026-02-28'), // 6, the day the six-month rule calls "six months on"
      ended('2025-08-31', '2026-02-27'), // 5
      ended('2026-01-31', '2026-02-28'), // 1
      ended('2026-01-31', '2026-03-30'), // 1
      ended('2026-01-31', '2026-03-31'), // 2
    ]);
    expect(countsOf(report.sections.varighet)).toEqual({ '0-1': 2, '2-3': 1, '4-5': 1, '6-11': 1 });
  });

  it('counts drop-outs and moves too, but not «ikke møtt», uaktuell, or an exit without startdato', () => {
    const report = reportOf([
      ended('2026-01-15', '2026-02-20', 'DROP'),
      ended('2026-01-15', '2026-02-20', 'FLK'),
      ended('2026-01-15', '2026-02-20', 'FLB'),
      aDeltaker({ henvist_dato: '2026-01-15', sluttdato: '2026-02-20', avslutning: 'IKKE' }),
      aDeltaker({ henvist_dato: '2026-01-15', sluttdato: '2026-02-20', avslutning: 'UAKT' }),
      aDeltaker({ henvist_dato: '2026-01-15', sluttdato: '2026-02-20', avslutning: 'DROP' }),
    ]);
    expect(countsOf(report.sections.varighet)).toEqual({ '0-1': 3 });
  });
});

describe('årsaker til drop-out', () => {
  it('breaks down the drop-outs of the period by årsak, in the list’s order', () => {
    const dropped = (sluttdato: string, dropout_arsak: string | null) =>
      aDeltaker({ startdato: '2025-09-01', sluttdato, avslutning: 'DROP', dropout_arsak });
    const items = reportOf([
      dropped('2026-02-01', 'Rus'),
      dropped('2026-02-01', 'flyttet utland'),
      dropped('2026-02-01', 'Flyttet utland'),
      dropped('2026-02-01', null),
      dropped('2025-12-01', 'Rus'),
    ]).sections.dropout_arsak;
    expect(items.map((item) => item.key)).toEqual([...DEFAULT_LISTS.dropout_arsak, '']);
    expect(countsOf(items)).toEqual({ 'Flyttet utland': 2, Rus: 1, '': 1 });
  });
});

describe('ventetid', () => {
  const started = (henvist_dato: string | null, startdato: string) => aDeltaker({ henvist_dato, startdato });

  it('measures henvist → start for those who started in the period: mean to one decimal, median', () => {
    const report = reportOf([
      started('2026-03-01', '2026-03-11'),
      started('2026-03-01', '2026-03-21'),
      started('2026-03-01', '2026-04-01'),
    ]);
    expect(report.sections.ventetid).toEqual({
      count: 3,
      mean_days: 20.3,
      median_days: 20,
      over_6_months: 0,
      not_measured: 0,
    });
  });

  it('an even count takes the mean of the two middle waits as median; the mean rounds half up', () => {
    const report = reportOf([
      started('2026-03-01', '2026-03-11'),
      started('2026-03-01', '2026-03-21'),
      started('2026-03-01', '2026-04-01'),
      started('2026-03-01', '2026-04-10'),
    ]);
    // 10, 20, 31, 40 days: mean 25.25 → 25.3, median (20 + 31) / 2.
    expect(report.sections.ventetid).toMatchObject({ count: 4, mean_days: 25.3, median_days: 25.5 });
  });

  it('exactly six months is not more than six months; one day later is, also from a month’s last day', () => {
    const report = reportOf([
      started('2026-01-31', '2026-07-31'),
      started('2026-01-31', '2026-08-01'),
      started('2025-08-31', '2026-02-28'),
      started('2025-08-31', '2026-03-01'),
    ]);
    expect(report.sections.ventetid.over_6_months).toBe(2);
  });

  it('a start without henvist dato, or referred after the start, is not measured', () => {
    const report = reportOf([started(null, '2026-03-11'), started('2026-03-12', '2026-03-11')]);
    expect(report.sections.ventetid).toEqual({
      count: 0,
      mean_days: null,
      median_days: null,
      over_6_months: 0,
      not_measured: 2,
    });
  });

  it('counts only those who started in the period', () => {
    expect(reportOf([started('2025-03-01', '2025-12-31')]).sections.ventetid.count).toBe(0);
  });
});

describe('kulloversikt', () => {
  it('gives a kull that runs in the period its deltakere’s figures, and adds them up on a total line', () => {
    const kull = aKull({ id: 101, navn: 'Vår 2026', startdato: '2026-03-02', planlagt_sluttdato: '2026-06-01' });
    const member = (fields: Parameters<typeof aDeltaker>[0]) =>
      aDeltaker({ kull_id: 101, henvist_dato: '2026-02-01', startdato: '2026-03-02', ...fields });
    const report = reportOf(
      [
        member({ sluttdato: '2026-06-01', avslutning: 'PLAN', sluttarsak: 'A', ansatt_hos_brukersted: true }),
        member({ sluttdato: '2026-06-01', avslutning: 'PLAN', sluttarsak: 'AD' }),
        member({ sluttdato: '2026-06-01', avslutning: 'PLAN', sluttarsak: 'UT' }),
        member({ sluttdato: '2026-06-01', avslutning: 'PLAN', sluttarsak: 'GS' }),
        member({ sluttdato: '2026-04-01', avslutning: 'DROP' }),
        member({ startdato: null, sluttdato: '2026-03-02', avslutning: 'IKKE' }),
        member({ startdato: '2026-03-02', sluttdato: null, forlenget_til: '2026-12-01' }),
        member({ startdato: null, sluttdato: '2026-02-15', avslutning: 'UAKT' }),
      ],
      { kull: [kull] },
    );
    const expected = {
      deltakere: 7,
      aktive_ved_slutt: 1,
      planmessig_avsluttet: 4,
      til_arbeid: 2,
      ansatt_hos_brukersted: 1,
      utdanning: 2,
      avbrutt: 2,
      pct_til_arbeid: 29,
      pct_ansatt_hos_brukersted: 14,
    };
    expect(report.sections.kull.lines).toEqual([
      { kull_id: 101, navn: 'Vår 2026', startdato: '2026-03-02', planlagt_sluttdato: '2026-06-01', ...expected },
    ]);
    expect(report.sections.kull.total).toEqual(expected);
  });

  it('leaves out a kull planned to end before the period, unless one of its deltakere is still innom', () => {
    const ended = aKull({ id: 201, navn: 'Høst 2025', startdato: '2025-09-01', planlagt_sluttdato: '2025-12-01' });
    const extended = aKull({ id: 202, navn: 'Sommer 2025', startdato: '2025-06-02', planlagt_sluttdato: '2025-09-01' });
    const report = reportOf([aDeltaker({ kull_id: 202, startdato: '2025-06-02' })], { kull: [ended, extended] });
    expect(report.sections.kull.lines.map((line) => line.navn)).toEqual(['Sommer 2025']);
  });

  it('shows a kull on the period’s first or last day, in order of start, and one without planned end only if it starts in the period', () => {
    const report = reportOf([], {
      kull: [
        aKull({ id: 301, navn: 'Starter siste dag', startdato: '2026-10-31', planlagt_sluttdato: '2027-01-31' }),
        aKull({ id: 302, navn: 'Slutter første dag', startdato: '2025-10-01', planlagt_sluttdato: '2026-01-01' }),
        aKull({ id: 303, navn: 'Uten slutt, startet i fjor', startdato: '2025-03-01', planlagt_sluttdato: null }),
        aKull({ id: 304, navn: 'Uten slutt, startet i år', startdato: '2026-04-01', planlagt_sluttdato: null }),
        aKull({ id: 305, navn: 'Starter etter perioden', startdato: '2026-11-01', planlagt_sluttdato: '2027-02-01' }),
      ],
    });
    expect(report.sections.kull.lines.map((line) => line.navn)).toEqual([
      'Slutter første dag',
      'Uten slutt, startet i år',
      'Starter siste dag',
    ]);
    expect(report.sections.kull.total.pct_til_arbeid).toBeNull();
  });
});

describe('datakvalitet', () => {
  it('lists every row rule in order, with the period’s deltakere who break it, ids ascending', () => {
    const report = reportOf([
      aCompleted('2026-04-01', { id: 9002, sluttarsak: null }),
      aCompleted('2026-04-01', { id: 9001, sluttarsak: null }),
      aDeltaker({ id: 9003, henvist_dato: '2026-05-04', avslutning: 'UAKT' }),
    ]);
    expect(report.datakvalitet.map((item) => item.rule)).toEqual(ROW_RULES.map((rule) => rule.key));
    const broken = report.datakvalitet.filter((item) => item.count > 0);
    expect(broken).toEqual([
      { rule: 'sluttdato_mangler', count: 1, deltaker_ids: [9003] },
      { rule: 'sluttarsak_mangler', count: 2, deltaker_ids: [9001, 9002] },
    ]);
  });

  it('does not check deltakere who count nowhere in the period', () => {
    const lastYear = aDeltaker({
      henvist_dato: '2025-03-01',
      startdato: '2025-02-01',
      sluttdato: '2025-06-01',
      avslutning: 'DROP',
    });
    expect(reportOf([lastYear]).datakvalitet.every((item) => item.count === 0)).toBe(true);
    expect(reportOf([lastYear], { period: { from: '2025-01-01', to: '2025-12-31' } }).datakvalitet).toContainEqual({
      rule: 'henvist_etter_start',
      count: 1,
      deltaker_ids: [lastYear.id],
    });
  });

  it('checks a deltaker still active at the period’s end, though nothing happened to them in it', () => {
    const active = aDeltaker({ startdato: '2024-01-01', i_arbeid_etter_6_mnd: 'ja' });
    expect(reportOf([active]).datakvalitet).toContainEqual({
      rule: 'oppfolging_uten_arbeid',
      count: 1,
      deltaker_ids: [active.id],
    });
  });

  it('checks many deltakere the same way', () => {
    const report = reportOf(times(5, () => aCompleted('2026-04-01', { sluttarsak: null })));
    expect(report.datakvalitet.find((item) => item.rule === 'sluttarsak_mangler')?.count).toBe(5);
  });
});
