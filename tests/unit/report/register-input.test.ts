/**
 * The store's part of the report (electron/store/report.ts) on a real register file: a period that
 * reaches over every date is read without the WHERE clause (a ten-year report), a shorter one with
 * it, and the report is the same as the engine's over exactly the deltakere that can count.
 */
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { buildReportFromRegister, reportInputFromRegister } from '../../../electron/store/report';
import { buildReport, canMatterForPeriod } from '../../../shared/report/engine';
import { aDeltaker } from '../helpers/builders';
import { expectOk } from '../helpers/messages';
import { tempRegister } from '../helpers/register';

const PEOPLE = [
  aDeltaker({
    navn: 'A',
    henvist_dato: '2019-02-01',
    startdato: '2019-03-01',
    sluttdato: '2019-06-01',
    avslutning: 'PLAN',
  }),
  aDeltaker({
    navn: 'B',
    henvist_dato: '2023-05-01',
    startdato: null,
    sluttdato: null,
    avslutning: null,
    ytelse: 'OKS',
  }),
  aDeltaker({ navn: 'C', henvist_dato: null, startdato: null, sluttdato: null, avslutning: null }), // no dates: never counts
  aDeltaker({ navn: 'D', henvist_dato: '2024-01-10', startdato: '2024-02-01', sluttdato: null, avslutning: null }),
];

describe('reportInputFromRegister', () => {
  it.each([
    { from: '2010-01-01', to: '2030-12-31', covers: true },
    { from: '2019-06-01', to: '2024-12-31', covers: false },
    { from: '2023-01-01', to: '2023-12-31', covers: false },
  ])('$from–$to gives the engine’s report over the deltakere that can count', ({ from, to, covers }) => {
    const { reg } = tempRegister();
    for (const person of PEOPLE) expectOk(invoke(reg, 'deltaker:create', person));
    const input = reportInputFromRegister(reg, from, to);
    const period = { from, to };
    const canCount = input.deltakere.filter((d) => canMatterForPeriod(d, period));
    // The whole span is read as it is (the dateless C too); a shorter one is narrowed in SQL.
    expect(input.deltakere.length).toBe(covers ? PEOPLE.length : canCount.length);
    expect(buildReport(input)).toEqual(buildReport({ ...input, deltakere: canCount }));
    expect(
      input.deltakere.every((d) => d.ansatt_hos_brukersted === null || typeof d.ansatt_hos_brukersted === 'boolean'),
    ).toBe(true);
    expect(input.deltakere.every((d) => d.navn === '')).toBe(true); // names never reach the report
    reg.close();
  });

  it('buildReportFromRegister streams the same rows into the engine; a refused period starts no read', () => {
    const { reg } = tempRegister();
    for (const person of PEOPLE) expectOk(invoke(reg, 'deltaker:create', person));
    for (const [from, to] of [
      ['2010-01-01', '2030-12-31'],
      ['2019-06-01', '2024-12-31'],
    ] as const) {
      expect(buildReportFromRegister(reg, from, to)).toEqual(buildReport(reportInputFromRegister(reg, from, to)));
    }
    expect(() => buildReportFromRegister(reg, '2024-12-31', '2024-01-01')).toThrow(RangeError);
    // The connection is not left busy with an unfinished read: a write goes through.
    expectOk(invoke(reg, 'deltaker:create', aDeltaker({ navn: 'E' })));
    reg.close();
  });
});
