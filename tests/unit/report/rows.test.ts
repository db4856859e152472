import { describe, expect, it } from 'vitest';
import { SLUTTARSAK } from '../../../shared/codes';
import { buildReport } from '../../../shared/report/engine';
import { report as reportSchema } from '../../../shared/report/schema';
import { FORM_ROWS } from '../../../shared/report/template';
import {
  aCompleted,
  aDeltaker,
  DAY_AFTER,
  DAY_BEFORE,
  FIRST_DAY,
  LAST_DAY,
  PERIOD,
  reportOf,
  rowOf,
  rowsCounting,
  times,
} from './builders';

const countedIn = (deltakere: Parameters<typeof reportOf>[0]) => rowsCounting(reportOf(deltakere));

describe('rows 1 and 2: referrals', () => {
  it('a referral on the first day of the period counts in row 1 (and waits in row 6)', () => {
    expect(countedIn([aDeltaker({ henvist_dato: FIRST_DAY })])).toEqual(['henviste', 'ventende']);
  });

  it('a referral on the last day of the period counts in row 1', () => {
    expect(countedIn([aDeltaker({ henvist_dato: LAST_DAY })])).toEqual(['henviste', 'ventende']);
  });

  it('a referral the day before the period is only waiting; one the day after counts nowhere', () => {
    expect(countedIn([aDeltaker({ henvist_dato: DAY_BEFORE })])).toEqual(['ventende']);
    expect(countedIn([aDeltaker({ henvist_dato: DAY_AFTER })])).toEqual([]);
  });

  it('an uaktuell referral in the period counts in rows 1 and 2, and is neither innom, waiting nor an exit', () => {
    const uaktuell = aDeltaker({ henvist_dato: '2026-03-02', sluttdato: '2026-03-20', avslutning: 'UAKT' });
    expect(countedIn([uaktuell])).toEqual(['henviste', 'uaktuelle']);
  });

  it('an uaktuell referral from last year is not in row 2, though it was closed this year', () => {
    const uaktuell = aDeltaker({ henvist_dato: '2025-11-03', sluttdato: '2026-01-10', avslutning: 'UAKT' });
    expect(countedIn([uaktuell])).toEqual([]);
  });

  it('a referral closed as uaktuell after the period is in row 2 (its status now) and still waiting at the end', () => {
    const uaktuell = aDeltaker({ henvist_dato: '2026-10-01', sluttdato: '2026-11-15', avslutning: 'UAKT' });
    expect(countedIn([uaktuell])).toEqual(['henviste', 'uaktuelle', 'ventende']);
  });
});

describe('rows 3 to 5: innom, started, active at the end', () => {
  it('a deltaker active over the whole period is innom and active at its end, but did not start in it', () => {
    expect(countedIn([aDeltaker({ henvist_dato: '2025-05-05', startdato: '2025-06-02' })])).toEqual([
      'innom',
      'aktive_ved_slutt',
    ]);
  });

  it('a deltaker referred last year who started on the first day counts in rows 3, 4 and 5, not in row 1', () => {
    expect(countedIn([aDeltaker({ henvist_dato: '2025-11-20', startdato: FIRST_DAY })])).toEqual([
      'innom',
      'startet',
      'aktive_ved_slutt',
    ]);
  });

  it('starting on the last day of the period is starting in it', () => {
    expect(countedIn([aDeltaker({ henvist_dato: '2026-10-01', startdato: LAST_DAY })])).toEqual([
      'henviste',
      'innom',
      'startet',
      'aktive_ved_slutt',
    ]);
  });

  it('starting the day after the period leaves the deltaker waiting at its end', () => {
    expect(countedIn([aDeltaker({ henvist_dato: '2026-10-01', startdato: DAY_AFTER })])).toEqual([
      'henviste',
      'ventende',
    ]);
  });

  it('an uaktuell referral is never innom, even with a startdato typed by mistake', () => {
    const d = aDeltaker({
      henvist_dato: '2026-03-02',
      startdato: '2026-03-10',
      sluttdato: '2026-03-20',
      avslutning: 'UAKT',
    });
    expect(countedIn([d])).toEqual(['henviste', 'uaktuelle']);
  });

  it('a deltaker who left on the first day of the period was innom', () => {
    const d = aDeltaker({
      henvist_dato: '2025-02-03',
      startdato: '2025-03-03',
      sluttdato: FIRST_DAY,
      avslutning: 'DROP',
    });
    expect(countedIn([d])).toEqual(['innom', 'drop_out', 'avsluttet']);
  });

  it('a deltaker who left the day before the period counts nowhere', () => {
    const d = aDeltaker({
      henvist_dato: '2025-02-03',
      startdato: '2025-03-03',
      sluttdato: DAY_BEFORE,
      avslutning: 'DROP',
    });
    expect(countedIn([d])).toEqual([]);
  });

  it('ending on the last day of the period is not being active at its end', () => {
    expect(countedIn([aCompleted(LAST_DAY)])).toEqual([
      'innom',
      'avsluttet',
      'gjennomfort',
      'sluttarsak.A',
      'til_arbeid',
    ]);
  });

  it('ending the day after the period is being active at its end', () => {
    expect(countedIn([aCompleted(DAY_AFTER)])).toEqual(['innom', 'aktive_ved_slutt']);
  });
});

describe('rows 6 and 7: waiting and «ikke møtt»', () => {
  it('a deltaker who never showed up is counted in row 7 (and innom, and row 11), not in row 12', () => {
    const d = aDeltaker({ henvist_dato: '2026-02-02', sluttdato: '2026-03-01', avslutning: 'IKKE' });
    expect(countedIn([d])).toEqual(['henviste', 'innom', 'ikke_mott', 'avsluttet']);
  });

  it('«ikke møtt» recorded after the period leaves the referral waiting at its end', () => {
    const d = aDeltaker({ henvist_dato: '2026-10-01', sluttdato: DAY_AFTER, avslutning: 'IKKE' });
    expect(countedIn([d])).toEqual(['henviste', 'ventende']);
  });

  it('«ikke møtt» recorded last year does not count this year', () => {
    const d = aDeltaker({ henvist_dato: '2025-10-01', sluttdato: DAY_BEFORE, avslutning: 'IKKE' });
    expect(countedIn([d])).toEqual([]);
  });
});

describe('rows 8 to 12: exits in the period', () => {
  it.each([
    ['DROP', 'drop_out'],
    ['FLK', 'flyttet_kommune'],
    ['FLB', 'flyttet_bydel'],
  ] as const)('leaving with %s in the period counts in row %s and in row 11', (avslutning, key) => {
    const d = aDeltaker({ henvist_dato: '2025-09-01', startdato: '2025-10-01', sluttdato: '2026-04-30', avslutning });
    expect(countedIn([d])).toEqual(['innom', key, 'avsluttet']);
  });

  it('row 11 adds rows 7 to 10 and 12, column by column', () => {
    const report = reportOf([
      aDeltaker({ henvist_dato: '2026-02-02', sluttdato: '2026-03-01', avslutning: 'IKKE', ytelse: 'KVP' }),
      aDeltaker({ startdato: '2025-10-01', sluttdato: '2026-04-30', avslutning: 'DROP', ytelse: 'OKS' }),
      aDeltaker({ startdato: '2025-10-01', sluttdato: '2026-04-30', avslutning: 'FLK', ytelse: 'INT' }),
      aDeltaker({ startdato: '2025-10-01', sluttdato: '2026-04-30', avslutning: 'FLB', ytelse: null }),
      aCompleted('2026-05-05', { ytelse: 'KVP' }),
      aCompleted('2026-05-06', { ytelse: 'OKS' }),
      aDeltaker({ henvist_dato: '2026-02-02', sluttdato: '2026-03-01', avslutning: 'UAKT', ytelse: 'KVP' }),
    ]);
    expect(rowOf(report, 'avsluttet')).toMatchObject({ nr: '11', total: 6, kvp: 2, oks: 2, andre: 2, pct: null });
  });
});

describe('rows 13 to 15: where the completed went', () => {
  it('each sluttårsak has its own row 13 line, in the form’s order', () => {
    const report = reportOf(
      SLUTTARSAK.map((code, i) => aCompleted(`2026-03-${String(i + 1).padStart(2, '0')}`, { sluttarsak: code.code })),
    );
    const lines = Object.keys(report.rows).filter((key) => key.startsWith('sluttarsak.'));
    expect(lines).toEqual(SLUTTARSAK.map((code) => `sluttarsak.${code.code}`));
    for (const code of SLUTTARSAK) {
      expect(rowOf(report, `sluttarsak.${code.code}`)).toMatchObject({ nr: '13', label: code.label, total: 1 });
    }
  });

  it('row 14 counts full-time and part-time work together', () => {
    const report = reportOf([
      aCompleted('2026-03-02', { sluttarsak: 'A' }),
      aCompleted('2026-03-02', { sluttarsak: 'AD' }),
      aCompleted('2026-03-02', { sluttarsak: 'UT' }),
    ]);
    expect(rowOf(report, 'til_arbeid')).toMatchObject({ total: 2, pct: 67 });
  });

  it('row 15 counts only completed deltakere who were hired at their placement', () => {
    const report = reportOf([
      aCompleted('2026-03-02', { ansatt_hos_brukersted: true }),
      aCompleted('2026-03-02', { ansatt_hos_brukersted: null }),
      aCompleted('2026-03-02', { ansatt_hos_brukersted: false }),
      aDeltaker({ startdato: '2025-10-01', sluttdato: '2026-04-30', avslutning: 'DROP', ansatt_hos_brukersted: true }),
    ]);
    expect(rowOf(report, 'ansatt_hos_brukersted')).toMatchObject({ total: 1, pct: 33 });
  });

  it('a sluttårsak on a drop-out (a data error) is not counted in row 13', () => {
    const d = aDeltaker({ startdato: '2025-10-01', sluttdato: '2026-04-30', avslutning: 'DROP', sluttarsak: 'A' });
    expect(rowOf(reportOf([d]), 'sluttarsak.A').total).toBe(0);
  });
});

describe('the split by ytelse', () => {
  it('KVP and ØKS have their own columns; every other benefit and a blank one is Andre', () => {
    const report = reportOf(
      (['KVP', 'OKS', 'INT', 'AAP', null] as const).map((ytelse) => aDeltaker({ henvist_dato: '2026-05-04', ytelse })),
    );
    expect(rowOf(report, 'henviste')).toMatchObject({ total: 5, kvp: 1, oks: 1, andre: 3 });
  });
});

describe('percentages', () => {
  it('row 12 is completed over completed + «ikke møtt» + drop-out, leaving moves out', () => {
    const report = reportOf([
      ...times(3, () => aCompleted('2026-04-01')),
      aDeltaker({ henvist_dato: '2026-02-02', sluttdato: '2026-03-01', avslutning: 'IKKE' }),
      ...times(5, () => aDeltaker({ startdato: '2025-10-01', sluttdato: '2026-04-30', avslutning: 'FLK' })),
    ]);
    expect(rowOf(report, 'gjennomfort').pct).toBe(75);
  });

  it('round half up: 1 of 8 is 13 %, not 12 %', () => {
    const report = reportOf([
      aCompleted('2026-04-01', { sluttarsak: 'AD' }),
      ...times(7, () => aCompleted('2026-04-01')),
    ]);
    expect(rowOf(report, 'sluttarsak.AD').pct).toBe(13);
  });

  it('29 of 200 is 15 %, with no floating-point drift to 14', () => {
    const report = reportOf([
      ...times(29, () => aCompleted('2026-04-01', { sluttarsak: 'UT' })),
      ...times(171, () => aCompleted('2026-04-01')),
    ]);
    expect(rowOf(report, 'sluttarsak.UT').pct).toBe(15);
  });

  it('a zero count over a non-zero denominator is 0 %', () => {
    expect(rowOf(reportOf([aCompleted('2026-04-01')]), 'sluttarsak.UT').pct).toBe(0);
  });

  it('with nobody completed, the percentages of rows 12 to 15 are null; rows without a percentage are always null', () => {
    const report = reportOf([aDeltaker({ henvist_dato: '2026-05-04' })]);
    for (const key of ['gjennomfort', 'sluttarsak.A', 'til_arbeid', 'ansatt_hos_brukersted', 'henviste', 'avsluttet']) {
      expect(rowOf(report, key).pct, key).toBeNull();
    }
  });
});

describe('the report as JSON', () => {
  it('has every row of the template, in form order, and passes its own schema', () => {
    const report = reportOf([aCompleted('2026-04-01'), aDeltaker({ henvist_dato: '2026-05-04' })]);
    expect(Object.keys(report.rows)).toEqual(FORM_ROWS.map((row) => row.key));
    expect(() => reportSchema.parse(report)).not.toThrow();
    expect(report).toMatchObject({ template: 'est-maanedsrapport', from: PERIOD.from, to: PERIOD.to });
  });

  it('never carries a name', () => {
    const text = JSON.stringify(reportOf([aCompleted('2026-04-01', { navn: 'Ola Særnavn' })]));
    expect(text).not.toContain('Særnavn');
  });

  it('is the same whatever order the deltakere come in', () => {
    const register = [
      aCompleted('2026-04-01', { henvist_fra: 'NorA', ytelse: 'KVP' }),
      aDeltaker({ henvist_dato: '2026-05-04', henvist_fra: 'Ukjent kontor', sluttdato: '2026-05-05' }),
      aDeltaker({ henvist_dato: '2026-05-04', henvist_fra: 'Annen etat', startdato: '2026-05-01' }),
      aDeltaker({ startdato: '2025-10-01', sluttdato: '2026-04-30', avslutning: 'DROP', dropout_arsak: 'Rus' }),
    ];
    expect(reportOf([...register].reverse())).toEqual(reportOf(register));
  });

  it('refuses a period that ends before it starts, or dates that are not dates', () => {
    expect(() => buildReport({ from: '2026-02-01', to: '2026-01-31', deltakere: [], kull: [] })).toThrow(RangeError);
    expect(() => buildReport({ from: '2026-02-30', to: '2026-03-31', deltakere: [], kull: [] })).toThrow(RangeError);
  });
});
