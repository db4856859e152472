import { EDITABLE_LIST_KEYS, EDITABLE_LIST_LABELS } from '../../shared/codes';
import { commitImport, type ImportKind, planImport } from '../io/import';
import { readTable } from '../io/table';
import type { Register } from '../store/connection';
import { userError } from '../store/errors';
import { commandLineSession, openForWriting } from './cli-session';

/** Exit status (rapporteringsskjema.md, "Command line"): 0 every row went in, 3 some rejected, 1 nothing written. */
export const EXIT = { ok: 0, nothingWritten: 1, someRejected: 3 } as const;

/**
 * Imports a file as the app does: through a session (lock, backup before an upgrade), and after the
 * same backup the app takes before every import (`for-import`, register/backups.ts); no backup, no
 * import. `backupFolder` replaces the folder the app's settings name (`--backup-folder`).
 */
export async function runImport(
  dbPath: string,
  kind: string,
  file: string,
  sheet?: string,
  backupFolder?: string,
): Promise<number> {
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
  const session = commandLineSession(backupFolder);
  let reg: Register;
  try {
    reg = await openForWriting(session, dbPath, { create: true, what: 'Importer når det er lukket der.' });
  } catch (error) {
    session.close();
    return fail(error);
  }
  try {
    const plan = planImport(reg, kind as ImportKind, table);
    for (const problem of plan.rejected) {
      process.stderr.write(`linje ${problem.line}, ${problem.field}: ${problem.message}\n`);
    }
    const backup = await session.backupBeforeImport();
    process.stdout.write(`Sikkerhetskopi tatt før importen: ${backup.name}\n`);
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

function fail(error: unknown): number {
  const message = userError(error).message;
  process.stderr.write(`Feil: ${message} Ingenting ble skrevet.\n`);
  return EXIT.nothingWritten;
}
