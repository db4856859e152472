/**
 * `anonymise`, `erase` and `export-person` for IT (architecture.md, «Command line for IT»): the
 * app's own handlers (api/privacy.ts) on a register opened through a session, so an erasure reaches
 * every backup in the register's backup folders, and retention can run as a scheduled task.
 */
import path from 'node:path';
import type { Channel, Input, Output } from '../../shared/api';
import { INNSYN_WARNING } from '../../shared/contract/privacy';
import { formatDate } from '../../shared/dates';
import { invoke } from '../api/handlers';
import { innsynHtmlBeside, writeInnsyn } from '../io/innsyn-file';
import { listBackups } from '../register/backup-files';
import type { Register } from '../store/connection';
import { DomainError } from '../store/errors';
import { openRegister } from '../store/open';
import { innsynDocument, previewAnonymise } from '../store/privacy';
import { openForWriting, withSession } from './cli-session';
import { mustExist } from './register-commands';

function call<C extends Channel>(reg: Register, channel: C, input: Input<C>): Output<C> {
  const result = invoke(reg, channel, input);
  if (result instanceof Promise) throw new Error('asynkron kanal');
  if (!result.ok) throw new DomainError(result.error.code, result.error.message);
  return result.value as Output<C>;
}

/** The files an erasure could not clean: the run fails, and says which files still hold people. */
function stillHolding(done: string, files: readonly string[]): void {
  if (files.length === 0) return;
  throw new DomainError(
    'not_everywhere',
    `${done} Men disse filene kunne ikke renses og inneholder fortsatt opplysningene: ${files.join(', ')}. Be IT slette dem eller gi skrivetilgang, og kjør kommandoen en gang til.`,
  );
}

export type AnonymiseOptions = { db: string; years: string; dryRun?: boolean; backupFolder?: string };

export async function runAnonymise(options: AnonymiseOptions): Promise<number> {
  const file = path.resolve(options.db);
  return withSession(options.backupFolder, async (session) => {
    const years = Number(options.years);
    if (!/^\d+$/.test(options.years) || years < 1 || years > 100) {
      throw new DomainError('invalid_input', `--years må være et helt tall fra 1 til 100, ikke «${options.years}».`);
    }
    mustExist(file);
    if (options.dryRun) {
      // Only reads: no lock, no upgrade, no change.
      const reg = openRegister(file, { readOnly: true });
      try {
        const { cutoff, count } = previewAnonymise(reg, years);
        const backups = listBackups(session.backupFolderFor(file), file).length;
        process.stdout.write(
          `${count} deltakere har sluttdato før ${formatDate(cutoff)} og ville blitt anonymisert, også i ${backups} sikkerhetskopier. Ingenting er endret (--dry-run).\n`,
        );
      } finally {
        reg.close();
      }
      return;
    }
    const reg = await openForWriting(session, file, { what: 'Anonymiser når det er lukket der.' });
    const preview = call(reg, 'privacy:anonymisePreview', { years });
    const done = call(reg, 'privacy:anonymise', { years, expectedCount: preview.count });
    const summary = `${done.anonymised} deltakere med sluttdato før ${formatDate(done.cutoff)} er anonymisert, og ${done.backupsCleaned} sikkerhetskopier er renset.`;
    stillHolding(summary, done.stillHolding);
    process.stdout.write(`${summary}\n`);
  });
}

export type EraseOptions = { db: string; id: string; backupFolder?: string };

export async function runErase(options: EraseOptions): Promise<number> {
  const file = path.resolve(options.db);
  return withSession(options.backupFolder, async (session) => {
    const id = Number(options.id);
    if (!/^\d+$/.test(options.id) || id < 1) {
      throw new DomainError('invalid_input', `--id må være et radnummer (et helt tall), ikke «${options.id}».`);
    }
    mustExist(file);
    const reg = await openForWriting(session, file, { what: 'Slett når det er lukket der.' });
    const done = call(reg, 'privacy:deletePerson', { id });
    const summary = `Deltaker nr. ${id} er slettet for godt, med ${done.logEntriesRemoved} linjer i endringsloggen, og ${done.backupsCleaned} sikkerhetskopier er renset.`;
    stillHolding(summary, done.stillHolding);
    process.stdout.write(`${summary}\n`);
  });
}

export type ExportPersonOptions = { db: string; id: string; out: string; backupFolder?: string };

/** Innsyn to a file (0600); the warning that it holds names goes to standard error. */
export async function runExportPerson(options: ExportPersonOptions): Promise<number> {
  const file = path.resolve(options.db);
  return withSession(options.backupFolder, async (session) => {
    const id = Number(options.id);
    if (!/^\d+$/.test(options.id) || id < 1) {
      throw new DomainError('invalid_input', `--id må være et radnummer (et helt tall), ikke «${options.id}».`);
    }
    mustExist(file);
    const reg = await openForWriting(session, file, {
      what: 'Innsyn føres i hendelsesloggen; prøv når det er lukket der.',
    });
    const out = path.resolve(options.out);
    const document = innsynDocument(reg, id, path.basename(file));
    // As from the window: the JSON, and beside it the page the person can read and print.
    const htmlFile = innsynHtmlBeside(out);
    const bytes = writeInnsyn(reg, id, document, out, { host: session.erasureScope().host, htmlFile });
    process.stderr.write(`${INNSYN_WARNING}\n`);
    process.stdout.write(
      `Innsyn for deltaker nr. ${id} lagret i «${out}» (${bytes} byte) og som lesbar side i «${htmlFile}».\n`,
    );
  });
}
