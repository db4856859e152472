/**
 * Builds the årsrapport: for each year of the span, the monthly engine (buildReport) run for 1
 * January–31 December with the breakdowns fed in the same pass, and the same for «siden oppstart»
 * (the register's first date to the end of the last year). Each year's rows and sections are
 * therefore the rapporteringsskjema for that year, by construction. Pure and deterministic.
 */
import { yearOf } from '../../dates';
import { countFollowUps, followUpDates } from '../../oppfolging/section';
import type { Deltaker } from '../../schema/deltaker';
import type { Kull } from '../../schema/kull';
import { buildReport, type ListOrder } from '../engine';
import {
  landLines,
  listLines,
  type RawBreakdowns,
  rawBreakdowns,
  type SharedLines,
  shapeBreakdowns,
} from './breakdowns';
import { ARSRAPPORT_TEMPLATE, type Arsrapport, type ArsrapportBlock } from './schema';

/** At most this many years side by side (arsrapport.md). */
export const MAX_YEARS = 10;

export type YearSpan = { readonly first: number; readonly last: number };

export type ArsrapportInput = {
  readonly deltakere: readonly Deltaker[];
  readonly kull: readonly Kull[];
  /** The register's lists in its order (visible values); the defaults of domain.md when left out. */
  readonly lists?: ListOrder & { readonly brukersted?: readonly string[]; readonly veileder?: readonly string[] };
  readonly years: YearSpan;
  readonly register: Arsrapport['register'];
  readonly madeOn: string;
  readonly hideSmallNumbers: boolean;
};

/** The register's first date: the earliest henvist_dato, startdato or sluttdato of any deltaker. */
export function registerFirstDate(
  deltakere: readonly Pick<Deltaker, 'henvist_dato' | 'startdato' | 'sluttdato'>[],
): string | null {
  let first: string | null = null;
  for (const d of deltakere) {
    for (const date of [d.henvist_dato, d.startdato, d.sluttdato]) {
      if (date !== null && (first === null || date < first)) first = date;
    }
  }
  return first;
}

/**
 * The default span: the register's first year to the last complete year, the last ten at most. A
 * register that started this year (no complete year yet) shows this year; an empty one last year.
 */
export function defaultYears(firstDate: string | null, today: string): YearSpan {
  const thisYear = yearOf(today);
  const last = thisYear - 1;
  if (firstDate === null) return { first: last, last };
  const first = yearOf(firstDate);
  if (first > last) return { first: thisYear, last: thisYear };
  return { first: Math.max(first, last - MAX_YEARS + 1), last };
}

/** Refuses a span the wrong way round or longer than ten years (a Norwegian message). */
export function checkYears(span: YearSpan): void {
  if (!Number.isInteger(span.first) || !Number.isInteger(span.last) || span.first < 1900 || span.last > 2100) {
    throw new RangeError('Velg år mellom 1900 og 2100.');
  }
  if (span.first > span.last) throw new RangeError('Første år kan ikke være etter siste år.');
  if (span.last - span.first + 1 > MAX_YEARS) {
    throw new RangeError(
      `Velg høyst ${MAX_YEARS} år om gangen (${span.first}–${span.last} er ${span.last - span.first + 1}).`,
    );
  }
}

type Ran = {
  from: string;
  to: string;
  rows: ArsrapportBlock['rows'];
  sections: ArsrapportBlock['sections'];
  raw: RawBreakdowns;
};

export function buildArsrapport(input: ArsrapportInput): Arsrapport {
  checkYears(input.years);
  const { first, last } = input.years;
  const run = (from: string, to: string): Ran => {
    const collector = rawBreakdowns();
    const report = buildReport({
      from,
      to,
      deltakere: input.deltakere,
      kull: input.kull,
      ...(input.lists ? { lists: input.lists } : {}),
      collectors: [collector],
      datakvalitet: false,
    });
    return { from, to, rows: report.rows, sections: report.sections, raw: collector.finish() };
  };

  const end = `${String(last).padStart(4, '0')}-12-31`;
  const yearStart = `${String(first).padStart(4, '0')}-01-01`;
  const firstDate = registerFirstDate(input.deltakere);
  const since = run(firstDate !== null && firstDate < yearStart ? firstDate : yearStart, end);
  const years = Array.from({ length: last - first + 1 }, (_, i) => {
    const year = first + i;
    const yyyy = String(year).padStart(4, '0');
    return { year, ran: run(`${yyyy}-01-01`, `${yyyy}-12-31`) };
  });

  // One set of lines for every block, chosen over «siden oppstart» (which holds every year's values).
  const lines: SharedLines = {
    land: landLines(since.raw.land),
    brukersted: listLines(since.raw.brukersted, input.lists?.brukersted ?? []),
    veileder: listLines(since.raw.veileder, input.lists?.veileder ?? []),
  };
  const followUps = followUpDates(input.deltakere);
  const block = (ran: Ran): ArsrapportBlock => ({
    from: ran.from,
    to: ran.to,
    rows: ran.rows,
    sections: ran.sections,
    breakdowns: shapeBreakdowns(ran.raw, ran, lines, input.hideSmallNumbers),
    oppfolging: countFollowUps(followUps, ran),
  });

  return {
    template: ARSRAPPORT_TEMPLATE,
    register: input.register,
    made_on: input.madeOn,
    small_numbers_hidden: input.hideSmallNumbers,
    years: years.map(({ year, ran }) => ({ year, ...block(ran) })),
    since_start: block(since),
  };
}
