/**
 * How the command line opens a register: through a `RegisterSession`, as the app does (lock, backup
 * before an upgrade, the app's settings and backup folder on this machine), with no daily backup and
 * no entry in the recent list. `--backup-folder` replaces the folder the settings name.
 */
import path from 'node:path';
import { formatTime } from '../../shared/dates';
import { defaultBackupFolder, userDataFolder } from '../register/location';
import { RegisterSession } from '../register/session';
import type { Register } from '../store/connection';
import { DomainError, userError } from '../store/errors';

export function commandLineSession(backupFolder?: string): RegisterSession {
  const userData = userDataFolder();
  return new RegisterSession({
    configFile: path.join(userData, 'innstillinger.json'),
    defaultBackupFolder: defaultBackupFolder(userData),
    dailyBackup: false,
    rememberRecent: false,
    ...(backupFolder ? { backupFolder: path.resolve(backupFolder) } : {}),
  });
}

/**
 * Opens for writing, or refuses in Norwegian: a register someone has open in Kullregister, a
 * damaged one, a read-only folder. `what` finishes the refusal: «Importer når det er lukket der.»
 */
export async function openForWriting(
  session: RegisterSession,
  dbPath: string,
  options: { create?: boolean; what?: string } = {},
): Promise<Register> {
  const outcome = await session.open(dbPath, { create: options.create ?? false });
  if (outcome.status === 'damaged') {
    throw new DomainError(
      'damaged',
      `${outcome.message}${outcome.newestGoodBackup ? ` Åpne det i Kullregister, eller bruk «restore --backup ${outcome.newestGoodBackup.name}», for å gjenopprette sikkerhetskopien fra ${formatTime(outcome.newestGoodBackup.time)}.` : ''}`,
    );
  }
  if (outcome.register.readOnly) {
    const { readOnlyReason, lockHolder: holder } = session.status();
    if (readOnlyReason === 'file_read_only') {
      throw new DomainError(
        'file_read_only',
        'Registerfilen er skrivebeskyttet. Fjern «Skrivebeskyttet» under filens egenskaper (eller be IT om skrivetilgang), og prøv igjen.',
      );
    }
    if (readOnlyReason === 'no_write_access') {
      throw new DomainError(
        'folder_read_only',
        'Du har ikke skrivetilgang til mappen der registeret ligger. Be IT om skrivetilgang.',
      );
    }
    const who = holder
      ? `Registeret er åpent i Kullregister hos ${holder.user} på ${holder.host} siden ${formatTime(holder.since)}.`
      : 'Registeret er åpent i Kullregister hos en annen.';
    const stale = holder?.stale
      ? ' Hvis det ikke er i bruk der lenger, kan du åpne det i Kullregister og ta over låsen.'
      : '';
    throw new DomainError('locked', `${who} ${options.what ?? 'Prøv igjen når det er lukket der.'}${stale}`);
  }
  return outcome.register;
}

/** Runs one command with a session that is always closed; exit 0, or 1 with «Feil: …» on standard error. */
export async function withSession(
  backupFolder: string | undefined,
  work: (session: RegisterSession) => Promise<void> | void,
  suffix = ' Ingenting er endret.',
): Promise<number> {
  const session = commandLineSession(backupFolder);
  try {
    await work(session);
    return 0;
  } catch (error) {
    return fail(error, suffix);
  } finally {
    session.close();
  }
}

export function fail(error: unknown, suffix = ''): number {
  const message = userError(error).message;
  process.stderr.write(`Feil: ${message}${message.includes('ikke endret') ? '' : suffix}\n`);
  return 1;
}
