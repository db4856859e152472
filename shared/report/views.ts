/**
 * The periods the Rapport screen offers: a month (with its hittil i år block), a whole year, or a
 * free range; and which month it opens on.
 */
import { lastDayOfMonth } from '../dates';
import { monthPeriods } from './engine';

export type ViewChoice =
  | { readonly mode: 'month'; readonly year: number; readonly month: number }
  | { readonly mode: 'year'; readonly year: number }
  | { readonly mode: 'range'; readonly from: string; readonly to: string };

/** What report:html and report:export take for a choice. */
export type ViewRequest = { from: string; to: string; monthly?: boolean };

/** The month a coordinator reports on: the last one that has ended (in January, December last year). */
export function lastCompleteMonth(todayIso: string): { year: number; month: number } {
  const year = Number(todayIso.slice(0, 4));
  const month = Number(todayIso.slice(5, 7));
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
}

export function viewRequest(choice: ViewChoice): ViewRequest {
  switch (choice.mode) {
    case 'month': {
      const { month } = monthPeriods(choice.year, choice.month);
      return { from: month.from, to: month.to, monthly: true };
    }
    case 'year':
      return { from: `${String(choice.year).padStart(4, '0')}-01-01`, to: lastDayOfMonth(choice.year, 12) };
    case 'range':
      return { from: choice.from, to: choice.to };
  }
}
