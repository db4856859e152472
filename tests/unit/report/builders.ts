/**
 * Builders for the report's tests. `aDeltaker` starts blank (a name and a fresh id, nothing else), so
 * each test states exactly the fields its behaviour is about.
 */
import { buildReport } from '../../../shared/report/engine';
import type { Report, ReportRow } from '../../../shared/report/schema';
import type { Period } from '../../../shared/report/template';
import { type Deltaker, type DeltakerFields, emptyDeltakerFields } from '../../../shared/schema/deltaker';
import type { Kull } from '../../../shared/schema/kull';

/** The period most tests use: hittil i år at the end of October 2026. */
export const PERIOD: Period = { from: '2026-01-01', to: '2026-10-31' };
export const DAY_BEFORE = '2025-12-31';
export const FIRST_DAY = PERIOD.from;
export const LAST_DAY = PERIOD.to;
export const DAY_AFTER = '2026-11-01';

let nextId = 1;

export function aDeltaker(fields: Partial<DeltakerFields> & { id?: number } = {}): Deltaker {
  const { id = nextId++, ...rest } = fields;
  return { ...emptyDeltakerFields(), navn: 'Kari Nordmann', ...rest, id };
}

/** Planmessig avsluttet on `sluttdato`, having started a month earlier. */
export function aCompleted(sluttdato: string, fields: Partial<DeltakerFields> & { id?: number } = {}): Deltaker {
  return aDeltaker({
    henvist_dato: '2025-06-02',
    startdato: '2025-08-04',
    sluttdato,
    avslutning: 'PLAN',
    sluttarsak: 'A',
    ...fields,
  });
}

let nextKullId = 1;

export function aKull(fields: Partial<Kull> = {}): Kull {
  const id = fields.id ?? nextKullId++;
  return {
    navn: `Kull ${id}`,
    startdato: '2026-03-02',
    planlagt_sluttdato: '2026-06-01',
    kapasitet: 15,
    merknad: null,
    ...fields,
    id,
  };
}

export function times(n: number, build: (i: number) => Deltaker): Deltaker[] {
  return Array.from({ length: n }, (_, i) => build(i));
}

export function reportOf(
  deltakere: readonly Deltaker[],
  options: { period?: Period; kull?: readonly Kull[] } = {},
): Report {
  const period = options.period ?? PERIOD;
  return buildReport({ from: period.from, to: period.to, deltakere, kull: options.kull ?? [] });
}

export function rowOf(report: Report, key: string): ReportRow {
  const row = report.rows[key];
  if (row === undefined) throw new Error(`the report has no row "${key}"`);
  return row;
}

/** The rows (by key) whose total is not 0: what a deltaker "counts in". */
export function rowsCounting(report: Report): string[] {
  return Object.entries(report.rows)
    .filter(([, row]) => row.total > 0)
    .map(([key]) => key);
}
