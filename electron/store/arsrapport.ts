/**
 * Loading what the årsrapport needs: every deltaker (the «siden oppstart» block spans the whole
 * register), without names or merknad, the kull, the lists in the register's order, and the
 * header from the settings. The engine (shared/report/arsrapport/build.ts) does the rest.
 */
import type { EditableListKey } from '../../shared/codes';
import { todayIso } from '../../shared/dates';
import { buildArsrapport, defaultYears, registerFirstDate, type YearSpan } from '../../shared/report/arsrapport/build';
import type { Arsrapport } from '../../shared/report/arsrapport/schema';
import type { DeltakerField } from '../../shared/schema/deltaker';
import type { Kull } from '../../shared/schema/kull';
import { listValues } from './codes';
import type { Register } from './connection';
import { DELTAKER_COLUMNS, fromDb } from './deltakere';
import { getSettings } from './settings';
import { prepared } from './statements';

/** Free text the årsrapport never reads: not loaded, so names never reach it. */
const NOT_READ: ReadonlySet<DeltakerField> = new Set(['navn', 'merknad']);
const COLUMNS = DELTAKER_COLUMNS.map((column) =>
  NOT_READ.has(column) ? `${column === 'navn' ? "''" : 'NULL'} AS ${column}` : column,
).join(', ');

function visible(reg: Register, list: EditableListKey): string[] {
  return listValues(reg, list)
    .filter((value) => value.skjult === 0)
    .map((value) => value.verdi);
}

/** The register's first date, straight from SQL (the span picker's earliest year). */
export function firstRegisterDate(reg: Register): string | null {
  const row = prepared(
    reg.db,
    'SELECT min(d) AS first FROM (SELECT min(henvist_dato) AS d FROM deltaker UNION ALL SELECT min(startdato) FROM deltaker UNION ALL SELECT min(sluttdato) FROM deltaker)',
  ).get() as { first: string | null };
  return row.first;
}

export type ArsrapportRequest = { first?: number | undefined; last?: number | undefined };

/** The span asked for, or the default; a span given by one end only keeps the other end's default. */
export function requestedYears(reg: Register, request: ArsrapportRequest, today: string = todayIso()): YearSpan {
  const fallback = defaultYears(firstRegisterDate(reg), today);
  const first = request.first ?? (request.last !== undefined ? Math.min(fallback.first, request.last) : fallback.first);
  const last = request.last ?? (request.first !== undefined ? Math.max(fallback.last, request.first) : fallback.last);
  return { first, last };
}

export function buildArsrapportFromRegister(
  reg: Register,
  request: ArsrapportRequest = {},
  today: string = todayIso(),
): Arsrapport {
  const deltakere = (
    prepared(reg.db, `SELECT id, ${COLUMNS} FROM deltaker ORDER BY id`).all() as Parameters<typeof fromDb>[0][]
  ).map(fromDb);
  const kull = prepared(
    reg.db,
    'SELECT id, navn, startdato, planlagt_sluttdato, kapasitet, merknad FROM kull ORDER BY id',
  ).all() as Kull[];
  const settings = getSettings(reg);
  const years =
    request.first === undefined && request.last === undefined
      ? defaultYears(registerFirstDate(deltakere), today)
      : requestedYears(reg, request, today);
  return buildArsrapport({
    deltakere,
    kull,
    lists: {
      henvist_fra: visible(reg, 'henvist_fra'),
      dropout_arsak: visible(reg, 'dropout_arsak'),
      brukersted: visible(reg, 'brukersted'),
      veileder: visible(reg, 'veileder'),
    },
    years,
    register: {
      tiltak: settings.tiltak,
      avdeling: settings.avdeling,
      kontaktperson: settings.kontaktperson,
      opptak: settings.opptak,
    },
    madeOn: today,
    hideSmallNumbers: settings.skjul_sma_tall,
  });
}
