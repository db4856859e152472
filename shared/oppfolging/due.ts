/**
 * Who is due for follow-up (arsrapport.md «Lists of who is due»): the 6- and 12-month follow-ups
 * after an exit to work, and the midtevaluering of every active deltaker of a kull, whose date lies
 * within the last 30 or the next 14 days and is not answered yet. Pure: the store loads the
 * candidates, the screen «Å følge opp» and its tab's count show the result.
 */
import { addDays, format, parseISO } from 'date-fns';
import { addMonthsIso, daysBetween } from '../dates';
import type { Deltaker } from '../schema/deltaker';
import type { Kull } from '../schema/kull';
import { FOLLOW_UPS, wentToWork } from './section';

export type DueKind = 'seks' | 'tolv' | 'midtevaluering';
export type DueField = 'i_arbeid_etter_6_mnd' | 'i_arbeid_etter_12_mnd' | 'midtevaluering_dato';

/** In the order the screen groups them. */
export const DUE_KINDS: readonly { kind: DueKind; field: DueField; title: string; short: string }[] = [
  { kind: 'seks', field: 'i_arbeid_etter_6_mnd', title: 'Oppfølging 6 måneder etter avslutning', short: '6 mnd' },
  { kind: 'tolv', field: 'i_arbeid_etter_12_mnd', title: 'Oppfølging 12 måneder etter avslutning', short: '12 mnd' },
  { kind: 'midtevaluering', field: 'midtevaluering_dato', title: 'Midtevaluering i kullet', short: 'Midtevaluering' },
];

/** Days before and after today that a due date is listed. */
export const DUE_WINDOW = { pastDays: 30, aheadDays: 14 } as const;

export type DueItem = {
  kind: DueKind;
  deltaker_id: number;
  /** The field the answer goes into. */
  field: DueField;
  /** The follow-up's or the midtevaluering's date. */
  due: string;
  /** Negative: overdue by that many days; 0 today; positive: in that many days. */
  days_left: number;
};

export function shiftDays(iso: string, days: number): string {
  return format(addDays(parseISO(iso), days), 'yyyy-MM-dd');
}

export function dueWindow(today: string): { from: string; to: string } {
  return { from: shiftDays(today, -DUE_WINDOW.pastDays), to: shiftDays(today, DUE_WINDOW.aheadDays) };
}

/**
 * A deltaker's half-way date at the placement: startdato + half the kull's planned length (its
 * startdato to planlagt_sluttdato, in days, halved and rounded down). Null when the kull has no
 * planned end (then there is no half-way to speak of).
 */
export function halfWayDate(startdato: string, kull: Pick<Kull, 'startdato' | 'planlagt_sluttdato'>): string | null {
  if (kull.planlagt_sluttdato === null) return null;
  const length = daysBetween(kull.startdato, kull.planlagt_sluttdato);
  if (length <= 0) return null;
  return shiftDays(startdato, Math.floor(length / 2));
}

/** Active at the placement: started, not ended (the derived status «Aktiv»). */
function isActive(d: Pick<Deltaker, 'startdato' | 'avslutning'>): d is Deltaker & { startdato: string } {
  return d.startdato !== null && d.avslutning === null;
}

export function dueItems(deltakere: readonly Deltaker[], kull: readonly Kull[], today: string): DueItem[] {
  const { from, to } = dueWindow(today);
  const kullById = new Map(kull.map((k) => [k.id, k]));
  const items: DueItem[] = [];
  const add = (kind: DueKind, field: DueField, d: Deltaker, due: string) => {
    if (due >= from && due <= to)
      items.push({ kind, deltaker_id: d.id, field, due, days_left: daysBetween(today, due) });
  };
  for (const d of deltakere) {
    if (wentToWork(d)) {
      for (const followUp of FOLLOW_UPS) {
        if (d[followUp.field] === null)
          add(followUp.key, followUp.field, d, addMonthsIso(d.sluttdato, followUp.months));
      }
    }
    const k = d.kull_id === null ? undefined : kullById.get(d.kull_id);
    if (k && isActive(d) && d.midtevaluering_dato === null) {
      const halfWay = halfWayDate(d.startdato, k);
      if (halfWay !== null) add('midtevaluering', 'midtevaluering_dato', d, halfWay);
    }
  }
  const order = new Map(DUE_KINDS.map((k, i) => [k.kind, i]));
  return items.sort(
    (a, b) =>
      (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0) ||
      (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
      a.deltaker_id - b.deltaker_id,
  );
}
