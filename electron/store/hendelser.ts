/**
 * The hendelse log (migration 002): register-level events with who, which machine and when.
 * Descriptions name a deltaker only by row number, never by name.
 */
import os from 'node:os';
import type { Register } from './connection';
import { prepared } from './statements';

export type HendelseKind = 'anonymisering' | 'sletting' | 'innsyn' | 'eksport' | 'gjenoppretting' | 'las_overtatt';

export type Hendelse = {
  tid: string;
  bruker: string;
  maskin: string;
  hva: HendelseKind;
  antall: number | null;
  beskrivelse: string;
};

export function machineName(): string {
  try {
    return os.hostname() || 'ukjent';
  } catch {
    return 'ukjent';
  }
}

/** Records one event; call inside the transaction of the change it describes, when there is one. */
export function logHendelse(
  reg: Register,
  hva: HendelseKind,
  beskrivelse: string,
  antall: number | null = null,
  maskin: string = machineName(),
): void {
  prepared(
    reg.db,
    'INSERT INTO hendelse (tid, bruker, maskin, hva, antall, beskrivelse) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(new Date().toISOString(), reg.user, maskin, hva, antall, beskrivelse);
}

/** The newest events first. */
export function listHendelser(reg: Register, limit = 500): Hendelse[] {
  return prepared(
    reg.db,
    'SELECT tid, bruker, maskin, hva, antall, beskrivelse FROM hendelse ORDER BY id DESC LIMIT ?',
  ).all(limit) as Hendelse[];
}

export function countHendelser(reg: Register): number {
  return (prepared(reg.db, 'SELECT count(*) AS n FROM hendelse').get() as { n: number }).n;
}
