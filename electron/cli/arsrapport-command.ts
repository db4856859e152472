/**
 * `npm run cli -- arsrapport --db F [--years 2019-2024] --format json|xlsx|csv|html --out F|-`
 * (arsrapport.md): the same årsrapport, tables and charts as the app. Exit 0 on success, 1 with a
 * Norwegian message otherwise. Never creates a register.
 */
import fs from 'node:fs';
import {
  type ArsrapportView,
  arsrapportDocument,
  arsrapportViewCsv,
  arsrapportViewJson,
  loadArsrapportView,
  writeArsrapportFile,
} from '../io/arsrapport-files';
import { writeFileAtomic } from '../io/atomic-write';
import { DomainError } from '../store/errors';
import { openRegister } from '../store/open';
import { checkFormatOption } from './report-options';

const FORMATS = ['json', 'csv', 'xlsx', 'html'] as const;

export type ArsrapportOptions = { db: string; years?: string | undefined; format: string; out: string };

/** "2019-2024" (or with an en dash), or one year "2024". */
export function parseYears(text: string): { first: number; last: number } {
  const match = /^\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*$/.exec(text);
  if (!match) {
    throw new DomainError(
      'bad_years',
      `--years «${text}» forstås ikke. Skriv for eksempel 2019-2024, eller ett år: 2024.`,
    );
  }
  const first = Number(match[1]);
  const last = Number(match[2] ?? match[1]);
  if (first > last) throw new DomainError('bad_years', '--years: første år kan ikke være etter siste år.');
  return { first, last };
}

export async function runArsrapport(options: ArsrapportOptions): Promise<number> {
  try {
    const format = checkFormatOption(options, FORMATS, 'arsrapport.xlsx');
    const span = options.years === undefined ? {} : parseYears(options.years);
    if (!fs.existsSync(options.db)) {
      throw new DomainError(
        'not_found',
        `Finner ikke registeret «${options.db}». Sjekk filnavnet (arsrapport lager aldri et nytt register).`,
      );
    }
    const reg = openRegister(options.db, { readOnly: true });
    let view: ArsrapportView;
    try {
      view = loadArsrapportView(reg, span);
    } catch (error) {
      if (error instanceof RangeError) throw new DomainError('bad_years', error.message);
      throw error;
    } finally {
      reg.close();
    }
    if (format === 'xlsx') await writeArsrapportFile(view, 'xlsx', options.out);
    else {
      const text =
        format === 'json'
          ? arsrapportViewJson(view)
          : format === 'csv'
            ? arsrapportViewCsv(view)
            : arsrapportDocument(view);
      if (options.out === '-') process.stdout.write(text);
      else writeFileAtomic(options.out, text);
    }
    return 0;
  } catch (error) {
    process.stderr.write(`Feil: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
