/**
 * The `oppfolging` section of arsrapport.md: for a period, the deltakere who went to work as planned
 * (avslutning PLAN, sluttårsak A or AD) whose follow-up date — sluttdato + 6 months, and + 12 months —
 * lies in the period, and what the follow-up found. Pure; the årsrapport runs it per year.
 */
import { addMonthsIso } from '../dates';
import type { DeltakerFields } from '../schema/deltaker';

export type OppfolgingField = 'i_arbeid_etter_6_mnd' | 'i_arbeid_etter_12_mnd';

/** The two follow-ups: their JSON key, months after sluttdato, and the field that holds the answer. */
export const FOLLOW_UPS = [
  { key: 'seks', months: 6, field: 'i_arbeid_etter_6_mnd', label: '6 måneder etter avslutning' },
  { key: 'tolv', months: 12, field: 'i_arbeid_etter_12_mnd', label: '12 måneder etter avslutning' },
] as const satisfies readonly { key: string; months: number; field: OppfolgingField; label: string }[];

export type FollowUpKey = (typeof FOLLOW_UPS)[number]['key'];

/** How many were due in the period, and the answers: ja, nei, ukjent, and not answered yet. */
export type FollowUpCounts = { count: number; ja: number; nei: number; ukjent: number; ubesvart: number };
export type OppfolgingSection = Record<FollowUpKey, FollowUpCounts>;

type Followed = Pick<
  DeltakerFields,
  'avslutning' | 'sluttarsak' | 'sluttdato' | 'i_arbeid_etter_6_mnd' | 'i_arbeid_etter_12_mnd'
>;

/** Went to work as planned: the only deltakere a follow-up is asked of (domain.md's rule). */
export function wentToWork(d: Followed): d is Followed & { sluttdato: string } {
  return d.avslutning === 'PLAN' && (d.sluttarsak === 'A' || d.sluttarsak === 'AD') && d.sluttdato !== null;
}

const zero = (): FollowUpCounts => ({ count: 0, ja: 0, nei: 0, ukjent: 0, ubesvart: 0 });

/** Each exit to work with its two follow-up dates and answers: worked out once, counted per period. */
export type FollowUpDates = readonly { due: Record<FollowUpKey, string>; answer: Record<FollowUpKey, string | null> }[];

export function followUpDates(deltakere: readonly Followed[]): FollowUpDates {
  const dates: { due: Record<FollowUpKey, string>; answer: Record<FollowUpKey, string | null> }[] = [];
  for (const d of deltakere) {
    if (!wentToWork(d)) continue;
    dates.push({
      due: { seks: addMonthsIso(d.sluttdato, 6), tolv: addMonthsIso(d.sluttdato, 12) },
      answer: { seks: d.i_arbeid_etter_6_mnd, tolv: d.i_arbeid_etter_12_mnd },
    });
  }
  return dates;
}

export function countFollowUps(
  dates: FollowUpDates,
  period: { readonly from: string; readonly to: string },
): OppfolgingSection {
  const section: OppfolgingSection = { seks: zero(), tolv: zero() };
  for (const d of dates) {
    for (const followUp of FOLLOW_UPS) {
      const due = d.due[followUp.key];
      if (due < period.from || due > period.to) continue;
      const counts = section[followUp.key];
      counts.count++;
      const answer = d.answer[followUp.key];
      if (answer === 'ja' || answer === 'nei' || answer === 'ukjent') counts[answer]++;
      else counts.ubesvart++;
    }
  }
  return section;
}

export function oppfolgingSection(
  deltakere: readonly Followed[],
  period: { readonly from: string; readonly to: string },
): OppfolgingSection {
  return countFollowUps(followUpDates(deltakere), period);
}
