import path from 'node:path';
import { EDITABLE_LIST_KEYS, EDITABLE_LIST_LABELS } from '../../shared/codes';
import { commitImport, type ImportKind, planImport } from '../io/import';
import { readTable } from '../io/table';
import { DomainError, userError } from '../store/errors';
import { defaultBackupFolder, userDataFolder } from '../store/location';
import type { Register } from '../store/open';
import { formatTime, RegisterSession } from '../store/session';

/** Exit status (rapporteringsskjema.md, "Command line"): 0 every row went in, 3 some rejected, 1 nothing written. */
export const EXIT = { ok: 0, nothingWritten: 1, someRejected: 3 } as const;

export async function runImport(dbPath: string, kind: string, file: string, sheet?: string): Promise<number> {
  if (kind !== 'kull' && kind !== 'deltakere') {
    process.stderr.write(`Feil: --kind må være «kull» eller «deltakere», ikke «${kind}».\n`);
    return EXIT.nothingWritten;
  }
  let table: Awaited<ReturnType<typeof readTable>>;
  try {
    table = await readTable(file, sheet ? { sheet } : {});
  } catch (error) {
    return fail(error);
  }
  const session = commandLineSession();
  let reg: Register;
  try {
    reg = await openForWriting(session, dbPath);
  } catch (error) {
    session.close();
    return fail(error);
  }
  try {
    const plan = planImport(reg, kind as ImportKind, table);
    for (const problem of plan.rejected) {
      process.stderr.write(`linje ${problem.line}, ${problem.field}: ${problem.message}\n`);
    }
    const result = commitImport(reg, plan);
    const what = kind === 'kull' ? 'kull' : 'deltakere';
    const lines = [`Importerte ${result.inserted} ${what} fra ${file}.`];
    if (result.duplicates > 0) lines.push(`${result.duplicates} rader fantes fra før og ble hoppet over.`);
    if (result.rejected.length > 0) {
      const rejectedLines = new Set(result.rejected.map((p) => p.line)).size;
      lines.push(`${rejectedLines} rader ble ikke importert (se feilene over). Rett dem i filen og importer på nytt.`);
    }
    for (const list of EDITABLE_LIST_KEYS) {
      const added = result.newListValues.filter((v) => v.list === list).map((v) => `«${v.verdi}»`);
      if (added.length > 0) lines.push(`Lagt til i listen ${EDITABLE_LIST_LABELS[list]}: ${added.join(', ')}.`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    if (result.inserted === 0 && result.rejected.length > 0) return EXIT.nothingWritten;
    return result.rejected.length > 0 ? EXIT.someRejected : EXIT.ok;
  } catch (error) {
    return fail(error);
  } finally {
    session.close();
  }
}

/**
 * The register opened as the app opens it (store/session.ts): with its lock, so nothing is imported
 * into a register someone has open, and with a backup before an upgrade to this version's schema.
 * The app's settings and backup folder on this machine are used; the daily backup and the recent
 * list are left to the app.
 */
function commandLineSession(): RegisterSession {
  const userData = userDataFolder();
  return new RegisterSession({
    configFile: path.join(userData, 'innstillinger.json'),
    defaultBackupFolder: defaultBackupFolder(userData),
    dailyBackup: false,
    rememberRecent: false,
  });
}

async function openForWriting(session: RegisterSession, dbPath: string): Promise<Register> {
  const outcome = await session.open(dbPath, { create: true });
  if (outcome.status === 'damaged') {
    throw new DomainError(
      'damaged',
      `${outcome.message}${outcome.newestGoodBackup ? ` Åpne det i Kullregister for å gjenopprette sikkerhetskopien fra ${formatTime(outcome.newestGoodBackup.time)}.` : ''}`,
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
    throw new DomainError('locked', `${who} Importer når det er lukket der.${stale}`);
  }
  return outcome.register;
}

function fail(error: unknown): number {
  const message = userError(error).message;
  process.stderr.write(`Feil: ${message} Ingenting ble skrevet.\n`);
  return EXIT.nothingWritten;
}
