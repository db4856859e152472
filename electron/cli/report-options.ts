/**
 * The options the report commands (report, samlerapport, arsrapport) check alike, each refused in
 * Norwegian with what to type instead.
 */
import { isIsoDate } from '../../shared/dates';
import { DomainError } from '../store/errors';

/** --from and --to: real dates, in order. */
export function checkPeriodOptions(from: string, to: string): void {
  for (const [name, value] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (!isIsoDate(value)) {
      throw new DomainError(
        'bad_date',
        `${name} «${value}» er ikke en gyldig dato. Skriv åååå-mm-dd, for eksempel 2026-10-31.`,
      );
    }
  }
  if (from > to) throw new DomainError('bad_period', '--from kan ikke være etter --to.');
}

/** --format is one the command writes, and an XLSX goes to a file (`example` names one), not standard out. */
export function checkFormatOption<F extends string>(
  options: { format: string; out: string },
  formats: readonly F[],
  example: string,
): F {
  if (!formats.includes(options.format as F)) {
    const listed = `${formats.slice(0, -1).join(', ')} eller ${formats.at(-1)}`;
    throw new DomainError('bad_format', `Ukjent format «${options.format}». Velg ${listed}.`);
  }
  if (options.format === 'xlsx' && options.out === '-') {
    throw new DomainError('bad_out', `XLSX kan ikke skrives til standard ut. Oppgi en fil med --out ${example}.`);
  }
  return options.format as F;
}
