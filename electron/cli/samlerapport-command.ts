/**
 * `npm run cli -- samlerapport --from D --to D [--expect FILE] [--kommune NAVN] --format
 * json|xlsx|csv|html --out FILE|- FILE_OR_FOLDER…` (samlerapport.md, "Outputs"): merges the tiltak's
 * report files. Exit 0 when every file was merged, 3 when some were refused (listed on stderr), 1 when
 * nothing was merged (or on any error). Refused files are never repeated, only named with the reason.
 */
import fs from 'node:fs';
import { mergeSamlerapport, type Samlerapport } from '../../shared/report/samle/merge';
import { readSources } from '../io/kullrapport';
import { SAMLE_FORMATS, type SamleFormat, samleText, writeSamleFile } from '../io/samle-files';
import { DomainError } from '../store/errors';
import { checkFormatOption, checkPeriodOptions } from './report-options';

export type SamleOptions = {
  from: string;
  to: string;
  expect?: string | undefined;
  kommune?: string | undefined;
  format: string;
  out: string;
};

/** One expected tiltak a line; blank lines and lines starting with # are skipped. */
export function readExpectFile(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new DomainError('not_found', `Finner ikke listen over tiltak «${file}». Sjekk filnavnet bak --expect.`);
  }
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function checkOptions(options: SamleOptions, sources: readonly string[]): SamleFormat {
  checkPeriodOptions(options.from, options.to);
  const format = checkFormatOption(options, SAMLE_FORMATS, 'samlerapport.xlsx');
  if (sources.length === 0) {
    throw new DomainError('no_files', 'Oppgi rapportfilene (eller en mappe med dem) etter valgene.');
  }
  return format;
}

export async function runSamlerapport(options: SamleOptions, sources: readonly string[]): Promise<number> {
  let report: Samlerapport;
  try {
    const format = checkOptions(options, sources);
    const expected = options.expect ? readExpectFile(options.expect) : [];
    const inputs = await readSources(sources);
    if (inputs.length === 0) {
      throw new DomainError('no_files', 'Fant ingen rapportfiler (.kullrapport.json eller .xlsx) der. Sjekk mappen.');
    }
    report = mergeSamlerapport(inputs, {
      from: options.from,
      to: options.to,
      expected,
      ...(options.kommune ? { totalName: options.kommune } : {}),
    });
    if (options.out === '-') process.stdout.write(samleText(report, format as Exclude<SamleFormat, 'xlsx'>));
    else await writeSamleFile(report, format, options.out);
  } catch (error) {
    process.stderr.write(`Feil: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  for (const refused of report.refused) process.stderr.write(`Avvist: ${refused.reason}\n`);
  for (const file of report.replaced) process.stderr.write(`Erstattet av en nyere fil for samme tiltak: «${file}»\n`);
  for (const name of report.missing) process.stderr.write(`Mangler: ${name}\n`);
  process.stderr.write(
    `Slått sammen: ${report.tiltak.length} tiltak. Avvist: ${report.refused.length}. Mangler: ${report.missing.length}.\n`,
  );
  if (report.tiltak.length === 0) return 1;
  return report.refused.length > 0 ? 3 : 0;
}
