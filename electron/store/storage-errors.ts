/**
 * SQLite's refusals while writing, said the way a user can act on them. The write they interrupted
 * was rolled back as a whole (every write is one transaction), so each message says nothing changed.
 */
import Database from 'better-sqlite3';
import { DomainError } from './errors';

export function asStorageError(error: unknown): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  const code = error.code;
  if (code === 'SQLITE_FULL') {
    return new DomainError(
      'disk_full',
      'Disken er full, så ingenting ble lagret. Frigjør plass på disken og prøv igjen.',
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DomainError(
      'busy',
      'Registeret er opptatt (brukes av et annet program), så ingenting ble lagret. Prøv igjen om litt.',
    );
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new DomainError(
      'read_only',
      'Registeret kan ikke skrives til (filen eller mappen er skrivebeskyttet), så ingenting ble lagret.',
    );
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new DomainError(
      'io_error',
      'Registeret kunne ikke skrives (feil ved lesing eller skriving av filen, kanskje mistet nettverkstilkobling). Ingenting ble lagret. Sjekk tilkoblingen og prøv igjen.',
    );
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new DomainError(
      'damaged',
      'Registeret er skadet. Ingenting ble lagret. Lukk programmet og åpne registeret på nytt for å gjenopprette en sikkerhetskopi.',
    );
  }
  return error;
}
