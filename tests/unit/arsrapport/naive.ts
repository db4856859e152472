/**
 * The årsrapport's breakdowns counted a second way, straight from the spec's wording, with plain
 * loops and none of the engine's code: what the property tests compare the engine against.
 */
import type { Deltaker } from '../../../shared/schema/deltaker';

export type P = { from: string; to: string };
const inP = (d: string | null, p: P) => d !== null && d >= p.from && d <= p.to;

export const naive = {
  henviste: (d: Deltaker, p: P) => inP(d.henvist_dato, p),
  innom: (d: Deltaker, p: P) =>
    d.avslutning !== 'UAKT' &&
    ((d.startdato !== null && d.startdato <= p.to && (d.sluttdato === null || d.sluttdato >= p.from)) ||
      (d.avslutning === 'IKKE' && inP(d.sluttdato, p))),
  startet: (d: Deltaker, p: P) => naive.innom(d, p) && inP(d.startdato, p),
  aktive: (d: Deltaker, p: P) =>
    d.startdato !== null && d.startdato <= p.to && (d.sluttdato === null || d.sluttdato > p.to),
  gjennomfort: (d: Deltaker, p: P) => d.avslutning === 'PLAN' && inP(d.sluttdato, p),
  tilArbeid: (d: Deltaker, p: P) => naive.gjennomfort(d, p) && (d.sluttarsak === 'A' || d.sluttarsak === 'AD'),
  ansatt: (d: Deltaker, p: P) => naive.gjennomfort(d, p) && d.ansatt_hos_brukersted === true,
  avsluttet: (d: Deltaker, p: P) =>
    ['IKKE', 'DROP', 'FLK', 'FLB', 'PLAN'].includes(d.avslutning ?? '') && inP(d.sluttdato, p),
};

export const kjonnOf = (d: Deltaker) => (d.kjonn === 'K' || d.kjonn === 'M' ? d.kjonn : 'A');
export const fold = (v: string | null) => (v ?? '').trim().toLocaleLowerCase('nb');

export function countBy(list: readonly Deltaker[], key: (d: Deltaker) => string): Map<string, number> {
  const map = new Map<string, number>();
  for (const d of list) map.set(key(d), (map.get(key(d)) ?? 0) + 1);
  return map;
}

/** Whole percent, half up, by the textbook formula (in floating point, then Math.round on a scaled integer). */
export function pctOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.floor((part * 100) / whole + 0.5 + 1e-9);
}
