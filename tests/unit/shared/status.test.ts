import { describe, expect, it } from 'vitest';
import { AVSLUTNING } from '../../../shared/codes';
import { deriveStatus, isActiveOn } from '../../../shared/status';
import { aDeltaker } from '../helpers/builders';

describe('deriveStatus: status follows from the dates and the avslutning, never typed', () => {
  it('is Henvist with no startdato and no avslutning', () => {
    expect(deriveStatus(aDeltaker({ startdato: null }))).toEqual({ key: 'HENVIST', label: 'Henvist' });
  });

  it('is Aktiv with a startdato and no avslutning', () => {
    expect(deriveStatus(aDeltaker())).toEqual({ key: 'AKTIV', label: 'Aktiv' });
  });

  it.each(AVSLUTNING.map((a) => [a.code, a.label]))('is the label of avslutning %s: «%s»', (code, label) => {
    expect(deriveStatus(aDeltaker({ avslutning: code, sluttdato: '2026-04-01' }))).toEqual({ key: code, label });
  });

  it('lets the avslutning decide even without a startdato (a no-show)', () => {
    expect(deriveStatus(aDeltaker({ startdato: null, avslutning: 'IKKE' })).label).toBe('Ikke møtt');
  });
});

describe('isActiveOn: started on or before the day, not ended before it', () => {
  const d = aDeltaker({ startdato: '2026-02-02', sluttdato: '2026-05-29', avslutning: 'PLAN', sluttarsak: 'A' });

  it('is active on the first and the last day', () => {
    expect(isActiveOn(d, '2026-02-02')).toBe(true);
    expect(isActiveOn(d, '2026-05-29')).toBe(true);
    expect(isActiveOn(d, '2026-03-15')).toBe(true);
  });

  it('is not active the day before the start or the day after the end', () => {
    expect(isActiveOn(d, '2026-02-01')).toBe(false);
    expect(isActiveOn(d, '2026-05-30')).toBe(false);
  });

  it('stays active with no sluttdato, and is never active without a startdato', () => {
    expect(isActiveOn(aDeltaker(), '2030-01-01')).toBe(true);
    expect(isActiveOn(aDeltaker({ startdato: null }), '2026-03-01')).toBe(false);
  });
});
