/**
 * How the report's numbers and periods read for people (screen, print, PDF). The CSV and XLSX carry
 * plain numbers instead; see csv.ts.
 */
import { formatDate, isIsoDate, lastDayOfMonth, MONTH_NAMES } from '../dates';

/** No-break space: keeps "1 234" and "84 %" on one line. */
const NBSP = '\u00a0';

/** Printed for a percentage whose denominator is 0. */
export const NO_PCT = '–';

/** `84` → "84 %"; null (zero denominator) → "–". */
export function formatPct(pct: number | null): string {
  return pct === null ? NO_PCT : `${pct} %`;
}

/** Whole numbers with a space between thousands, as Norwegian forms write them: 12 345. */
export function formatCount(n: number): string {
  const sign = n < 0 ? '−' : '';
  const digits = String(Math.abs(Math.trunc(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** One decimal with a decimal comma: 12.5 → "12,5", 12 → "12,0"; null → "–". */
export function formatDecimal(value: number | null): string {
  if (value === null) return NO_PCT;
  const [whole = '0', fraction = '0'] = Math.abs(value).toFixed(1).split('.');
  return `${value < 0 ? '−' : ''}${formatCount(Number(whole))},${fraction}`;
}

export { MONTH_NAMES };

/** (2026, 10) → "oktober 2026". */
export function monthLabel(year: number, month: number): string {
  const name = MONTH_NAMES[month - 1];
  if (name === undefined) throw new RangeError(`Ugyldig måned: ${month}.`);
  return `${name} ${year}`;
}

/** "2026-01-01", "2026-10-31" → "01.01.2026–31.10.2026". */
export function rangeLabel(from: string, to: string): string {
  return `${formatDate(from)}–${formatDate(to)}`;
}

/** A whole calendar month reads as "oktober 2026"; any other period as its dates. */
export function periodLabel(from: string, to: string): string {
  if (isIsoDate(from) && isIsoDate(to) && from.endsWith('-01') && from.slice(0, 7) === to.slice(0, 7)) {
    const year = Number(from.slice(0, 4));
    const month = Number(from.slice(5, 7));
    if (to === lastDayOfMonth(year, month)) return monthLabel(year, month);
  }
  return rangeLabel(from, to);
}
