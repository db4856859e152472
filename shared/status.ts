/**
 * The derived status of a deltaker. Never typed: it follows from startdato and avslutning, so it
 * can never disagree with the dates.
 */
import { AVSLUTNING, codeLabel } from './codes';
import type { DeltakerFields } from './schema/deltaker';

export type StatusKey = 'HENVIST' | 'AKTIV' | (typeof AVSLUTNING)[number]['code'];

export type Status = { key: StatusKey; label: string };

export function deriveStatus(d: Pick<DeltakerFields, 'startdato' | 'avslutning'>): Status {
  if (d.avslutning) {
    return { key: d.avslutning as StatusKey, label: codeLabel(AVSLUTNING, d.avslutning) };
  }
  if (d.startdato) return { key: 'AKTIV', label: 'Aktiv' };
  return { key: 'HENVIST', label: 'Henvist' };
}

/** Active on a day: started on or before it, not ended before it. */
export function isActiveOn(d: Pick<DeltakerFields, 'startdato' | 'sluttdato'>, dayIso: string): boolean {
  return d.startdato !== null && d.startdato <= dayIso && (d.sluttdato === null || d.sluttdato >= dayIso);
}
