/**
 * `init`, `backup` (and `--list`) and `restore` for IT (architecture.md, «Command line for IT»):
 * the same store and session as the app, exit 0 on success and 1 with a Norwegian message, and
 * nothing half done — a failed init leaves no file, a backup is renamed into place only when whole,
 * a restore replaces the register in one rename.
 */
import fs from 'node:fs';
import path from 'node:path';
import { newRegister } from '../../shared/contract/app';
import { formatTime } from '../../shared/dates';
import { listBackups } from '../register/backup-files';
import { DomainError } from '../store/errors';
import { updateSettings } from '../store/settings';
import { openForWriting, withSession } from './cli-session';

export type InitOptions = {
  db: string;
  tiltak: string;
  avdeling: string;
  kontaktperson?: string;
  opptak: string;
  backupFolder?: string;
};

const initInput = newRegister.omit({ plassering: true });

/** A new, empty register with the report header's settings. Never touches an existing file. */
export async function runInit(options: InitOptions): Promise<number> {
  const file = path.resolve(options.db);
  let created = false;
  const status = await withSession(
    options.backupFolder,
    async (session) => {
      const parsed = initInput.safeParse({
        tiltak: options.tiltak,
        avdeling: options.avdeling,
        kontaktperson: options.kontaktperson ?? '',
        opptak: options.opptak,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join('.') ?? '';
        const message =
          field === 'opptak'
            ? `--opptak må være «kull» eller «lopende», ikke «${options.opptak}».`
            : field === 'tiltak'
              ? 'Skriv navnet på tiltaket med --tiltak.'
              : `--${field}: ${issue?.message ?? 'ugyldig verdi'}.`;
        throw new DomainError('invalid_input', message);
      }
      if (fs.existsSync(file)) {
        throw new DomainError(
          'exists',
          `Det finnes allerede en fil «${file}». init lager bare nye registre og skriver aldri over en fil; velg et annet filnavn.`,
        );
      }
      created = true;
      const reg = await openForWriting(session, file, { create: true });
      updateSettings(reg, parsed.data);
      process.stdout.write(
        `Laget registeret «${file}» for ${parsed.data.tiltak}${parsed.data.avdeling ? `, ${parsed.data.avdeling}` : ''} (opptak: ${parsed.data.opptak === 'kull' ? 'kull' : 'løpende'}).\n`,
      );
    },
    ' Ingen fil er laget.',
  );
  if (status !== 0 && created) {
    for (const leftover of [file, `${file}-journal`]) fs.rmSync(leftover, { force: true });
  }
  return status;
}

export type BackupOptions = { db: string; list?: boolean; backupFolder?: string };

/** A backup now, or the list of backups: NAME<TAB>made (ISO 8601)<TAB>kind, newest first. */
export async function runBackup(options: BackupOptions): Promise<number> {
  const file = path.resolve(options.db);
  return withSession(options.backupFolder, async (session) => {
    if (options.list) {
      const folder = session.backupFolderFor(file);
      for (const b of listBackups(folder, file)) process.stdout.write(`${b.name}\t${b.time}\t${b.kind}\n`);
      return;
    }
    mustExist(file);
    await openForWriting(session, file, { what: 'Ta sikkerhetskopien når det er lukket der.' });
    const made = await session.backupNow('manuell');
    process.stdout.write(`Sikkerhetskopi laget: ${made.file}\n`);
  });
}

export type RestoreOptions = { db: string; backup: string; backupFolder?: string };

/**
 * Puts a backup in the register's place, as «Gjenopprett» does: the current file is kept as a
 * backup first, the hendelse log is carried over and every recorded erasure applied again. A
 * damaged register is restored too (it is kept among the backups as «skadet»).
 */
export async function runRestore(options: RestoreOptions): Promise<number> {
  const file = path.resolve(options.db);
  return withSession(options.backupFolder, async (session) => {
    mustExist(file);
    const outcome = await session.open(file);
    if (outcome.status === 'damaged') {
      const restored = await session.restoreDamaged(file, options.backup);
      if (restored.status !== 'open') throw new DomainError('damaged', restored.message);
      process.stdout.write(
        `Registeret var skadet og er gjenopprettet fra «${options.backup}». Den skadde filen er tatt vare på blant sikkerhetskopiene.\n`,
      );
      return;
    }
    session.close();
    await openForWriting(session, file, { what: 'Gjenopprett når det er lukket der.' });
    const done = session.restoreBackup(options.backup);
    process.stdout.write(
      `Registeret er gjenopprettet fra sikkerhetskopien fra ${formatTime(done.restoredFrom.time)}. Registeret slik det var, er lagret som «${done.savedCurrentAs.name}». Hendelsesloggen er beholdt, og ${done.erasuresReapplied} slettinger og anonymiseringer er gjort på nytt.\n`,
    );
  });
}

export function mustExist(file: string): void {
  if (!fs.existsSync(file)) {
    throw new DomainError(
      'not_found',
      `Finner ikke registeret «${file}». Sjekk filnavnet, eller lag et nytt med init.`,
    );
  }
}
