/**
 * What the user is told about an open register's lock and read-only state: who has it, since when,
 * and what to do. Norwegian, one place, used by opening, lock hand-over and the safety status.
 */
import { formatTime } from '../../shared/dates';
import { DomainError, reasonOf } from '../store/errors';
import type { LockHolder } from './lock';
import type { OpenState } from './state';

/** Refused because another user has the register: carries who, for the glue's take-over dialog. */
export class LockedError extends DomainError {
  readonly holder: LockHolder;
  constructor(message: string, holder: LockHolder) {
    super('locked', message);
    this.holder = holder;
  }
}

export function publicHolder(holder: LockHolder) {
  return {
    id: holder.id,
    user: holder.user,
    host: holder.host,
    since: holder.since,
    lastSeen: holder.lastSeen,
    stale: holder.stale,
  };
}

export function holderSentence(holder: LockHolder): string {
  return `Registeret er åpent hos ${holder.user} på ${holder.host} siden ${formatTime(holder.since)}${holder.stale ? ` (sist aktiv ${formatTime(holder.lastSeen)})` : ''}.`;
}

export function readOnlyMessage(s: OpenState): string | null {
  switch (s.readOnlyReason) {
    case null:
      return null;
    case 'locked':
      return s.holder
        ? `${holderSentence(s.holder)} Du kan se på det, men ikke endre noe.${s.holder.stale ? ' Låsen ser forlatt ut: hvis du vet at det ikke er i bruk, kan du ta den over.' : ''}`
        : 'Den som hadde registeret åpent, har lukket det. Du ser det fortsatt skrivebeskyttet: åpne det for redigering når du vil endre noe.';
    case 'lock_lost':
      return s.holder
        ? `Registeret er tatt over av ${s.holder.user} på ${s.holder.host}. Det du har lagret, er med, men du kan ikke endre mer før de har lukket det.${s.holder.stale ? ' Låsen deres ser forlatt ut: hvis du vet at registeret ikke er i bruk der, kan du ta den tilbake.' : ''}`
        : 'En annen tok over registeret, men har lukket det igjen. Det du lagret før, er med: åpne det for redigering når du vil endre noe.';
    case 'no_write_access':
      return 'Du har ikke skrivetilgang til mappen der registeret ligger, så det er åpnet skrivebeskyttet. Be IT om skrivetilgang.';
    case 'file_read_only':
      return 'Registerfilen er skrivebeskyttet, så den er åpnet bare for lesing. Vil du endre noe: fjern «Skrivebeskyttet» under filens egenskaper (eller be IT om skrivetilgang), og åpne registeret på nytt.';
  }
}

export function messageOf(error: unknown): string {
  return reasonOf(error); // Norwegian, from the one mapping (errors.ts)
}
