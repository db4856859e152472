import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CAN_MATTER_SQL } from '../../../electron/store/report';
import { AVSLUTNING } from '../../../shared/codes';
import { lastDayOfMonth } from '../../../shared/dates';
import { buildReport, canMatterForPeriod, monthPeriods } from '../../../shared/report/engine';
import { COUNT_ROWS, type Period, rowCounts } from '../../../shared/report/template';
import type { Deltaker } from '../../../shared/schema/deltaker';
import { aDeltaker } from './builders';

describe('monthPeriods', () => {
  it('gives the month and the year up to the month’s last day', () => {
    expect(monthPeriods(2026, 10)).toEqual({
      month: { from: '2026-10-01', to: '2026-10-31' },
      hittilIAr: { from: '2026-01-01', to: '2026-10-31' },
    });
  });

  it('knows February in a leap year, and December', () => {
    expect(monthPeriods(2024, 2).month).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthPeriods(2025, 2).month.to).toBe('2025-02-28');
    expect(monthPeriods(2026, 12).hittilIAr).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('refuses a month that does not exist', () => {
    expect(() => monthPeriods(2026, 13)).toThrow(RangeError);
    expect(() => monthPeriods(2026, 0)).toThrow(RangeError);
  });
});

/** A deterministic register of odd cases around a period: blank and crossed dates, every avslutning. */
function randomRegister(n: number, seed: number): Deltaker[] {
  let state = seed;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const date = () => {
    if (random() < 0.2) return null;
    const year = 2025 + Math.floor(random() * 3);
    const month = 1 + Math.floor(random() * 12);
    const day = [1, 15, 28, 30, 31][Math.floor(random() * 5)] as number;
    return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, Number(lastDayOfMonth(year, month).slice(8)))).padStart(2, '0')}`;
  };
  const avslutninger = [null, null, ...AVSLUTNING.map((a) => a.code)];
  return Array.from({ length: n }, () =>
    aDeltaker({
      henvist_dato: date(),
      startdato: date(),
      sluttdato: date(),
      avslutning: avslutninger[Math.floor(random() * avslutninger.length)] ?? null,
    }),
  );
}

const PERIODS: readonly Period[] = [
  { from: '2026-01-01', to: '2026-10-31' },
  { from: '2026-03-01', to: '2026-03-31' },
  { from: '2026-02-28', to: '2026-02-28' },
];

describe('canMatterForPeriod: which deltakere the store may leave out', () => {
  const register = randomRegister(5000, 7);

  it.each(PERIODS)('a deltaker it leaves out counts in no row of $from–$to', (period) => {
    const leftOut = register.filter((d) => !canMatterForPeriod(d, period));
    expect(leftOut.length).toBeGreaterThan(100);
    const counted = leftOut.filter((d) => COUNT_ROWS.some((row) => rowCounts(row, d, period)));
    expect(counted).toEqual([]);
  });

  it.each(PERIODS)(
    'the report built with it counts in each row exactly whom the row’s condition names ($from–$to)',
    (period) => {
      const report = buildReport({ ...period, deltakere: register, kull: [] });
      for (const row of COUNT_ROWS) {
        const expected = register.filter((d) => rowCounts(row, d, period)).length;
        expect(report.rows[row.key]?.total, row.key).toBe(expected);
      }
    },
  );

  it.each(PERIODS)('CAN_MATTER_SQL picks the same deltakere in SQLite for $from–$to', (period) => {
    const db = new Database(':memory:');
    try {
      db.exec(
        'CREATE TABLE deltaker (id INTEGER PRIMARY KEY, henvist_dato TEXT, startdato TEXT, sluttdato TEXT, avslutning TEXT)',
      );
      const insert = db.prepare(
        'INSERT INTO deltaker (id, henvist_dato, startdato, sluttdato, avslutning) VALUES (@id, @henvist_dato, @startdato, @sluttdato, @avslutning)',
      );
      db.transaction(() => {
        for (const { id, henvist_dato, startdato, sluttdato, avslutning } of register) {
          insert.run({ id, henvist_dato, startdato, sluttdato, avslutning });
        }
      })();
      const ids = db
        .prepare(`SELECT id FROM deltaker WHERE ${CAN_MATTER_SQL} ORDER BY id`)
        .pluck()
        .all(period) as number[];
      expect(ids).toEqual(register.filter((d) => canMatterForPeriod(d, period)).map((d) => d.id));
    } finally {
      db.close();
    }
  });
});
