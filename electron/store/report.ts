/**
 * Loading what the report engine needs for one period. The engine is pure (shared/report); here we
 * only narrow the deltakere in SQL to those that can count in the period (CAN_MATTER_SQL, the same
 * condition as canMatterForPeriod) so a monthly report in a ten-year register reads a few rows.
 */
import type Database from 'better-sqlite3';
import type { EditableListKey } from '../../shared/codes';
import { todayIso } from '../../shared/dates';
import { buildReport, type ListOrder, monthPeriods, type ReportInput } from '../../shared/report/engine';
import { periodLabel } from '../../shared/report/format';
import type { Report, ReportHeader } from '../../shared/report/schema';
import type { Deltaker, DeltakerField } from '../../shared/schema/deltaker';
import type { Kull } from '../../shared/schema/kull';
import { listValues } from './codes';
import type { Register } from './connection';
import { DELTAKER_COLUMNS, type fromDb } from './deltakere';
import { getSettings } from './settings';
import { prepared } from './statements';

/**
 * canMatterForPeriod (shared/report/engine.ts) as SQL over the deltaker columns, with named
 * parameters `:from` and `:to`; tests/unit/report/periods.test.ts checks that the two agree.
 */
export const CAN_MATTER_SQL = `(henvist_dato BETWEEN :from AND :to)
  OR (sluttdato BETWEEN :from AND :to)
  OR (startdato <= :to AND (sluttdato IS NULL OR sluttdato >= :from))
  OR (henvist_dato <= :to AND (startdato IS NULL OR startdato > :to)
      AND (avslutning IS NULL OR sluttdato IS NULL OR sluttdato > :to))`;

/**
 * Free-text fields no row, section or rule reads. They are not loaded at all (a quarter less to read
 * at 100,000 deltakere), so names never even reach the report's code; they arrive as blank.
 */
const NOT_READ: ReadonlySet<DeltakerField> = new Set(['navn', 'landbakgrunn', 'brukersted', 'veileder', 'merknad']);
const COLUMNS = DELTAKER_COLUMNS.map((column) =>
  NOT_READ.has(column) ? `${column === 'navn' ? "''" : 'NULL'} AS ${column}` : column,
).join(', ');

/** The sections list a list's values in the register's order; hidden values only when someone has them. */
function listOrder(reg: Register, list: EditableListKey): string[] {
  return listValues(reg, list)
    .filter((value) => value.skjult === 0)
    .map((value) => value.verdi);
}

export function buildReportFromRegister(reg: Register, from: string, to: string): Report {
  // The rows streamed into the engine's one pass, each gone once counted: at 100,000 deltakere the
  // array of reportInputFromRegister costs a tenth more (every row kept through the garbage collector).
  const { query, params } = deltakerQuery(reg, from, to);
  return buildReport({ ...otherInput(reg), from, to, deltakere: streamed(query, params) });
}

/**
 * Whether the period reaches over every date in the register (the earliest henvist/start/slutt to
 * the latest, read from their indexes). Then the WHERE would keep every row worth reading and only
 * cost time (a ten-year report): the engine applies canMatterForPeriod to each row anyway.
 */
function periodCoversRegister(reg: Register, from: string, to: string): boolean {
  const span = prepared(
    reg.db,
    `SELECT min((SELECT min(henvist_dato) FROM deltaker), (SELECT min(startdato) FROM deltaker),
                (SELECT min(sluttdato) FROM deltaker)) AS first,
            max((SELECT max(henvist_dato) FROM deltaker), (SELECT max(startdato) FROM deltaker),
                (SELECT max(sluttdato) FROM deltaker)) AS last`,
  ).get() as { first: string | null; last: string | null };
  return span.first === null || span.last === null || (from <= span.first && to >= span.last);
}

/** The SELECT of the deltakere who can count in the period, in id order. */
function deltakerQuery(
  reg: Register,
  from: string,
  to: string,
): { query: Database.Statement; params: Record<string, string> } {
  const where = periodCoversRegister(reg, from, to) ? '' : `WHERE ${CAN_MATTER_SQL}`;
  const query = prepared(reg.db, `SELECT id, ${COLUMNS} FROM deltaker ${where} ORDER BY id`);
  return { query, params: where ? { from, to } : {} };
}

/** Every kull and the lists' order. */
function otherInput(reg: Register): Pick<ReportInput, 'kull' | 'lists'> {
  const kull = prepared(
    reg.db,
    'SELECT id, navn, startdato, planlagt_sluttdato, kapasitet, merknad FROM kull ORDER BY id',
  ).all() as Kull[];
  const lists: ListOrder = {
    henvist_fra: listOrder(reg, 'henvist_fra'),
    dropout_arsak: listOrder(reg, 'dropout_arsak'),
  };
  return { kull, lists };
}

/** What the engine needs for one period: the deltakere who can count in it, every kull, the lists' order. */
export function reportInputFromRegister(
  reg: Register,
  from: string,
  to: string,
): ReportInput & { readonly deltakere: Deltaker[] } {
  const { query, params } = deltakerQuery(reg, from, to);
  const rows = query.all(params) as DbRow[];
  return { ...otherInput(reg), from, to, deltakere: rows.map(fromDbInPlace) };
}

type DbRow = Parameters<typeof fromDb>[0];

/** The rows as the engine reads them; the query starts at the first row asked for (not if the period is refused). */
function* streamed(query: Database.Statement, params: Record<string, string>): Generator<Deltaker> {
  for (const row of query.iterate(params)) yield fromDbInPlace(row as DbRow);
}

/** fromDb without the copy: these rows are the report's own, and 100,000 copies cost a tenth of it. */
function fromDbInPlace(row: DbRow): Deltaker {
  const converted = row as unknown as { ansatt_hos_brukersted: number | boolean | null };
  if (converted.ansatt_hos_brukersted !== null) converted.ansatt_hos_brukersted = converted.ansatt_hos_brukersted === 1;
  return row as unknown as Deltaker;
}

/** The monthly report's two blocks: the month, and hittil i år (1 January to the month's last day). */
export function buildMonthlyFromRegister(
  reg: Register,
  year: number,
  month: number,
): { month: Report; hittilIAr: Report } {
  const periods = monthPeriods(year, month);
  return {
    month: buildReportFromRegister(reg, periods.month.from, periods.month.to),
    hittilIAr: buildReportFromRegister(reg, periods.hittilIAr.from, periods.hittilIAr.to),
  };
}

/** The report's header from the register's settings: tiltak, avdeling, kontaktperson, period, date made. */
export function reportHeader(reg: Register, from: string, to: string, madeOn: string = todayIso()): ReportHeader {
  const settings = getSettings(reg);
  return {
    tiltak: settings.tiltak,
    avdeling: settings.avdeling,
    kontaktperson: settings.kontaktperson,
    madeOn,
    periodLabel: periodLabel(from, to),
  };
}
