import { describe, expect, it } from 'vitest';
import { checkFormatOption, checkPeriodOptions } from '../../../electron/cli/report-options';
import { SAMLE_FORMATS } from '../../../electron/io/samle-files';

const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message };
  }
  throw new Error('not refused');
};

describe('the options the report commands check alike', () => {
  it('a period of two real dates in order passes; else each is refused saying what to type', () => {
    expect(() => checkPeriodOptions('2026-01-01', '2026-12-31')).not.toThrow();
    expect(refusal(() => checkPeriodOptions('2026-02-30', '2026-12-31'))).toEqual({
      code: 'bad_date',
      message: '--from «2026-02-30» er ikke en gyldig dato. Skriv åååå-mm-dd, for eksempel 2026-10-31.',
    });
    expect(refusal(() => checkPeriodOptions('2026-01-01', '31.12.2026')).message).toMatch(/^--to «31\.12\.2026»/);
    expect(refusal(() => checkPeriodOptions('2026-12-01', '2026-01-31'))).toEqual({
      code: 'bad_period',
      message: '--from kan ikke være etter --to.',
    });
  });

  it('names the formats the command writes, and sends an XLSX to a file', () => {
    expect(checkFormatOption({ format: 'csv', out: '-' }, SAMLE_FORMATS, 'samlerapport.xlsx')).toBe('csv');
    expect(refusal(() => checkFormatOption({ format: 'pdf', out: 'x' }, SAMLE_FORMATS, 'samlerapport.xlsx'))).toEqual({
      code: 'bad_format',
      message: 'Ukjent format «pdf». Velg json, xlsx, csv eller html.',
    });
    expect(refusal(() => checkFormatOption({ format: 'xlsx', out: '-' }, SAMLE_FORMATS, 'samlerapport.xlsx'))).toEqual({
      code: 'bad_out',
      message: 'XLSX kan ikke skrives til standard ut. Oppgi en fil med --out samlerapport.xlsx.',
    });
  });
});
