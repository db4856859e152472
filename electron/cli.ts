/**
 * The command line: `npm run cli -- import|report|samlerapport|init|backup|restore|anonymise|erase|export-person …`
 * and `npm run demo -- --db FILE`. Plain Node, no Electron: it calls the same store and handlers as the app.
 */
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { runImport } from './cli/import-command';
import { runAnonymise, runErase, runExportPerson } from './cli/privacy-commands';
import { runBackup, runInit, runRestore } from './cli/register-commands';
import { runReport } from './cli/report-command';
import { runSamlerapport } from './cli/samlerapport-command';
import { userError } from './store/errors';

const DEMO_DIR = path.resolve(import.meta.dirname, '..', 'resources', 'demo');

const program = new Command()
  .name('kullregister')
  .description(
    'Kullregister fra kommandolinjen: lag et register, importer, lag rapporteringsskjemaet, ta og gjenopprett sikkerhetskopier, anonymiser og slett.',
  )
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

const BACKUP_FOLDER = [
  '--backup-folder <mappe>',
  'mappen for sikkerhetskopier (standard: den innstillingene sier)',
] as const;

program
  .command('import')
  .description('Importer kull eller deltakere fra en CSV- eller XLSX-fil')
  .requiredOption('--db <fil>', 'registerfilen (lages som nytt, tomt register hvis den ikke finnes)')
  .requiredOption('--kind <type>', 'kull eller deltakere')
  .option('--sheet <ark>', 'arket i en XLSX-fil (standard: det første)')
  .option(...BACKUP_FOLDER)
  .argument('<fil>', 'filen som skal importeres (.csv eller .xlsx)')
  .action(async (file: string, options: { db: string; kind: string; sheet?: string; backupFolder?: string }) => {
    process.exitCode = await runImport(options.db, options.kind, file, options.sheet, options.backupFolder);
  });

program
  .command('report')
  .description('Lag rapporteringsskjemaet for en periode')
  .requiredOption('--db <fil>', 'registerfilen (må finnes)')
  .requiredOption('--from <dato>', 'første dag i perioden (yyyy-mm-dd)')
  .requiredOption('--to <dato>', 'siste dag i perioden (yyyy-mm-dd)')
  .option('--format <format>', 'json, csv, xlsx, html eller kullrapport (filen til samlerapporten)', 'json')
  .option('--out <fil>', 'filen som skal skrives, eller - for standard ut', '-')
  .action(async (options: { db: string; from: string; to: string; format: string; out: string }) => {
    process.exitCode = await runReport(options);
  });

program
  .command('init')
  .description('Lag et nytt, tomt register (skriver aldri over en fil)')
  .requiredOption('--db <fil>', 'registerfilen som skal lages')
  .requiredOption('--tiltak <navn>', 'navnet på tiltaket')
  .requiredOption('--avdeling <navn>', 'avdelingen')
  .option('--kontaktperson <navn>', 'kontaktpersonen i rapporten', '')
  .requiredOption('--opptak <type>', 'kull eller lopende')
  .option(...BACKUP_FOLDER)
  .action(async (options) => {
    process.exitCode = await runInit(options);
  });

program
  .command('backup')
  .description('Ta en sikkerhetskopi nå, eller list dem (--list: NAVN, tid og type, nyeste først)')
  .requiredOption('--db <fil>', 'registerfilen')
  .option('--list', 'list sikkerhetskopiene i stedet for å ta en')
  .option(...BACKUP_FOLDER)
  .action(async (options) => {
    process.exitCode = await runBackup(options);
  });

program
  .command('restore')
  .description('Gjenopprett registeret fra en sikkerhetskopi (navn fra backup --list)')
  .requiredOption('--db <fil>', 'registerfilen')
  .requiredOption('--backup <navn>', 'sikkerhetskopien')
  .option(...BACKUP_FOLDER)
  .action(async (options) => {
    process.exitCode = await runRestore(options);
  });

program
  .command('anonymise')
  .description('Anonymiser deltakere med sluttdato for mer enn N år siden, også i sikkerhetskopiene')
  .requiredOption('--db <fil>', 'registerfilen')
  .requiredOption('--years <n>', 'antall år')
  .option('--dry-run', 'bare vis hvor mange det gjelder')
  .option(...BACKUP_FOLDER)
  .action(async (options) => {
    process.exitCode = await runAnonymise(options);
  });

program
  .command('erase')
  .description('Slett én deltaker for godt (også i endringsloggen og sikkerhetskopiene)')
  .requiredOption('--db <fil>', 'registerfilen')
  .requiredOption('--id <n>', 'radnummeret til deltakeren')
  .option(...BACKUP_FOLDER)
  .action(async (options) => {
    process.exitCode = await runErase(options);
  });

program
  .command('export-person')
  .description(
    'Innsyn: lagre alt om én deltaker i en JSON-fil og en lesbar HTML-side ved siden av (inneholder personopplysninger)',
  )
  .requiredOption('--db <fil>', 'registerfilen')
  .requiredOption('--id <n>', 'radnummeret til deltakeren')
  .requiredOption('--out <fil>', 'JSON-filen som skal skrives (siden får samme navn med .html)')
  .option(...BACKUP_FOLDER)
  .action(async (options) => {
    process.exitCode = await runExportPerson(options);
  });

program
  .command('samlerapport')
  .description('Slå sammen tiltakenes rapportfiler til én samlerapport for kommunen')
  .requiredOption('--from <dato>', 'første dag i perioden (yyyy-mm-dd)')
  .requiredOption('--to <dato>', 'siste dag i perioden (yyyy-mm-dd)')
  .option('--expect <fil>', 'liste over tiltak som skal levere, ett navn per linje (gir «Hvem mangler»)')
  .option('--kommune <navn>', 'navnet på summen (standard: «Kommunen totalt»)')
  .option('--format <format>', 'json, xlsx, csv eller html', 'json')
  .option('--out <fil>', 'filen som skal skrives, eller - for standard ut', '-')
  .argument('<filer...>', 'rapportfiler (.kullrapport.json, .xlsx) eller mapper med dem')
  .action(
    async (
      files: string[],
      options: { from: string; to: string; expect?: string; kommune?: string; format: string; out: string },
    ) => {
      process.exitCode = await runSamlerapport(options, files);
    },
  );

program
  .command('arsrapport')
  .description('Lag årsrapporten: skjemaets rader år for år, fordelinger, oppfølging og diagrammer')
  .requiredOption('--db <fil>', 'registerfilen (må finnes)')
  .option('--years <år>', 'årene, for eksempel 2019-2024 (standard: fra første år til siste hele år, høyst ti)')
  .option('--format <format>', 'json, csv, xlsx eller html', 'json')
  .option('--out <fil>', 'filen som skal skrives, eller - for standard ut', '-')
  .action(async (options: { db: string; years?: string; format: string; out: string }) => {
    // Loaded only here: the charts' library is large, and the other commands do not need it.
    const { runArsrapport } = await import('./cli/arsrapport-command');
    process.exitCode = await runArsrapport(options);
  });

program
  .command('demo')
  .description('Lag et register med eksempeldata (Sykkelvert: 13 kull, 238 fiktive deltakere)')
  .requiredOption('--db <fil>', 'registerfilen som skal lages eller fylles')
  .action(async (options: { db: string }) => {
    const kull = await runImport(options.db, 'kull', path.join(DEMO_DIR, 'sykkelvert-kull.csv'));
    if (kull !== 0) {
      process.exitCode = kull;
      return;
    }
    process.exitCode = await runImport(options.db, 'deltakere', path.join(DEMO_DIR, 'sykkelvert-deltakere.csv'));
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(`Feil: ${userError(error).message}\n`);
    process.exitCode = 1;
  }
}
