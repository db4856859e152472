/**
 * Opening a register from the app, with the dialogs the session's refusals call for: a damaged file
 * offers its newest good backup, a stale lock on a single-user file offers a deliberate take-over.
 */
import { dialog } from 'electron';
import { formatTime } from '../../shared/dates';
import { LockedError, type RegisterSession } from '../register/session';

export async function openInteractive(
  session: RegisterSession,
  file: string,
  options: { create?: boolean; takeOverLockId?: string } = {},
): Promise<boolean> {
  try {
    let outcome = await session.open(file, options);
    if (outcome.status === 'damaged') {
      const backup = outcome.newestGoodBackup;
      if (!backup) {
        dialog.showErrorBox(
          'Kullregister',
          `${outcome.message} Det finnes ingen sikkerhetskopi å gjenopprette fra. Kontakt IT.`,
        );
        return false;
      }
      const choice = dialog.showMessageBoxSync({
        type: 'warning',
        title: 'Kullregister',
        message: outcome.message,
        detail: `Den nyeste gode sikkerhetskopien er fra ${formatTime(backup.time)}. Endringer etter den går tapt. Den skadde filen blir tatt vare på blant sikkerhetskopiene.`,
        buttons: ['Gjenopprett sikkerhetskopien', 'Avbryt'],
        defaultId: 0,
        cancelId: 1,
      });
      if (choice !== 0) return false;
      outcome = await session.restoreDamaged(outcome.path, backup.name);
    }
    return outcome.status === 'open';
  } catch (error) {
    if (error instanceof LockedError && error.holder.stale && options.takeOverLockId === undefined) {
      const choice = dialog.showMessageBoxSync({
        type: 'warning',
        title: 'Kullregister',
        message: error.message,
        detail:
          'Ta over låsen bare hvis du vet at registeret ikke er i bruk. Har den andre det fortsatt åpent, mister de endringer de ikke har lagret.',
        buttons: ['Ta over låsen', 'Avbryt'],
        defaultId: 1,
        cancelId: 1,
      });
      if (choice === 0) return openInteractive(session, file, { takeOverLockId: error.holder.id });
      return false;
    }
    dialog.showErrorBox('Kullregister', error instanceof Error ? error.message : String(error));
    return false;
  }
}
