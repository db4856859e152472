/**
 * The command line: `npm run cli -- import|report …` and `npm run demo -- --db FILE`.
 * Plain Node, no Electron: it calls the same store and handlers as the app.
 */
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { runImport } from './cli/import-command';
import { runReport } from './cli/report-command';
import { DomainError } from './store/errors';

const DEMO_DIR = path.resolve(import.meta.dirname, '..', 'resources', 'demo');

const program = new Command()
  .name('kullregister')
  .description('Kullregister fra kommandolinjen: importer kull og deltakere, lag rapporteringsskjemaet.')
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

program
  .command('import')
  .description('Importer kull eller deltakere fra en CSV- eller XLSX-fil')
  .requiredOption('--db <fil>', 'registerfilen (lages som nytt, tomt register hvis den ikke finnes)')
  .requiredOption('--kind <type>', 'kull eller deltakere')
  .option('--sheet <ark>', 'arket i en XLSX-fil (standard: det første)')
  .argument('<fil>', 'filen som skal importeres (.csv eller .xlsx)')
  .action(async (file: string, options: { db: string; kind: string; sheet?: string }) => {
    process.exitCode = await runImport(options.db, options.kind, file, options.sheet);
  });

program
  .command('report')
  .description('Lag rapporteringsskjemaet for en periode')
  .requiredOption('--db <fil>', 'registerfilen (må finnes)')
  .requiredOption('--from <dato>', 'første dag i perioden (yyyy-mm-dd)')
  .requiredOption('--to <dato>', 'siste dag i perioden (yyyy-mm-dd)')
  .option('--format <format>', 'json, csv, xlsx eller html', 'json')
  .option('--out <fil>', 'filen som skal skrives, eller - for standard ut', '-')
  .action(async (options: { db: string; from: string; to: string; format: string; out: string }) => {
    process.exitCode = await runReport(options);
  });

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
  } else if (error instanceof DomainError) {
    process.stderr.write(`Feil: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`Uventet feil: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
