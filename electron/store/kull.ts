/**
 * The kull table: one row per cohort, with the counts the grid shows computed in SQL.
 */
import { addMonthsIso, todayIso } from '../../shared/dates';
import type { KullFields, KullRow } from '../../shared/schema/kull';
import { logChanges } from './changelog';
import type { Register } from './connection';
import { DomainError } from './errors';
import type { RowStore } from './row-store';
import { getSettings } from './settings';
import { prepared } from './statements';

const KULL_COLUMNS = ['navn', 'startdato', 'planlagt_sluttdato', 'kapasitet', 'merknad'] as const;

// "Aktive" = started, not ended, on the given day (the derived status Aktiv, as of today).
const SELECT_KULL_ROWS = `
  SELECT k.id, k.navn, k.startdato, k.planlagt_sluttdato, k.kapasitet, k.merknad,
    (SELECT count(*) FROM deltaker d WHERE d.kull_id = k.id) AS antall_deltakere,
    (SELECT count(*) FROM deltaker d WHERE d.kull_id = k.id AND d.startdato IS NOT NULL AND d.startdato <= @today
       AND d.avslutning IS NULL) AS antall_aktive
  FROM kull k`;

export function listKull(reg: Register, today = todayIso()): KullRow[] {
  return prepared(reg.db, `${SELECT_KULL_ROWS} ORDER BY k.startdato, k.navn`).all({ today }) as KullRow[];
}

export function getKull(reg: Register, id: number, today = todayIso()): KullRow {
  const row = prepared(reg.db, `${SELECT_KULL_ROWS} WHERE k.id = @id`).get({ today, id }) as KullRow | undefined;
  if (!row) throw new DomainError('not_found', 'Kullet finnes ikke lenger. Last listen på nytt.');
  return row;
}

export function findKullIdByName(reg: Register, navn: string): number | undefined {
  const wanted = navn.trim();
  const row = prepared(reg.db, 'SELECT id FROM kull WHERE navn = ? COLLATE NOCASE').get(wanted) as
    | { id: number }
    | undefined;
  if (row) return row.id;
  // SQLite's NOCASE folds only A–Z: "VÅR 2026" and "Vår 2026" need Norwegian case folding.
  const key = wanted.toLocaleLowerCase('nb');
  const all = prepared(reg.db, 'SELECT id, navn FROM kull').all() as { id: number; navn: string }[];
  return all.find((k) => k.navn.toLocaleLowerCase('nb') === key)?.id;
}

function assertUniqueName(reg: Register, navn: string, exceptId: number | null): void {
  const other = findKullIdByName(reg, navn);
  if (other !== undefined && other !== exceptId) {
    throw new DomainError(
      'duplicate',
      `Det finnes allerede et kull som heter «${navn.trim()}». Velg et annet navn.`,
      'navn',
    );
  }
}

export function createKull(
  reg: Register,
  input: Partial<KullFields> & Pick<KullFields, 'navn' | 'startdato'>,
): KullRow {
  const fields: KullFields = {
    navn: input.navn.trim(),
    startdato: input.startdato,
    planlagt_sluttdato:
      input.planlagt_sluttdato !== undefined
        ? input.planlagt_sluttdato
        : addMonthsIso(input.startdato, getSettings(reg).kull_lengde_mnd),
    kapasitet: input.kapasitet ?? null,
    merknad: input.merknad ?? null,
  };
  const id = reg.db.transaction(() => insertKull(reg, fields))();
  return getKull(reg, id);
}

export function updateKull(reg: Register, id: number, changes: Partial<KullFields>): KullRow {
  reg.db.transaction(() => patchKull(reg, id, changes))();
  return getKull(reg, id);
}

const INSERT_KULL =
  'INSERT INTO kull (navn, startdato, planlagt_sluttdato, kapasitet, merknad) VALUES (@navn, @startdato, @planlagt_sluttdato, @kapasitet, @merknad)';
const UPDATE_KULL =
  'UPDATE kull SET navn = @navn, startdato = @startdato, planlagt_sluttdato = @planlagt_sluttdato, kapasitet = @kapasitet, merknad = @merknad WHERE id = @id';

/** Inserts one kull (navn must be free); call inside a transaction. Returns its id. */
export function insertKull(reg: Register, fields: KullFields): number {
  assertUniqueName(reg, fields.navn, null);
  const { lastInsertRowid } = prepared(reg.db, INSERT_KULL).run(fields);
  const newId = Number(lastInsertRowid);
  logChanges(reg, 'kull', newId, null, fields);
  return newId;
}

/** Applies changes to one kull; call inside a transaction. */
export function patchKull(reg: Register, id: number, changes: Partial<KullFields>): void {
  const before = pickKull(getKull(reg, id));
  const next: KullFields = { ...before, ...changes };
  if (changes.navn !== undefined) {
    next.navn = changes.navn.trim();
    assertUniqueName(reg, next.navn, id);
  }
  prepared(reg.db, UPDATE_KULL).run({ ...next, id });
  logChanges(reg, 'kull', id, before, next);
}

/** A kull's stored fields, or null when it is gone. */
export function readKullFields(reg: Register, id: number): KullFields | null {
  const row = prepared(reg.db, `SELECT ${KULL_COLUMNS.join(', ')} FROM kull WHERE id = ?`).get(id) as
    | KullFields
    | undefined;
  return row ?? null;
}

/** Exact writes for undo and redo (store/undo.ts), every change in the endringslogg. */
export const kullRows: RowStore<KullFields> = {
  read: readKullFields,
  insert: (reg, id, fields) => {
    assertUniqueName(reg, fields.navn, id);
    prepared(reg.db, INSERT_KULL.replace('(navn,', '(id, navn,').replace('(@navn,', '(@id, @navn,')).run({
      ...fields,
      id,
    });
    logChanges(reg, 'kull', id, null, fields);
  },
  update: (reg, id, changes) => {
    const before = readKullFields(reg, id);
    if (!before) throw new DomainError('not_found', 'Kullet finnes ikke lenger.');
    const next = { ...before, ...changes };
    if (changes.navn !== undefined) assertUniqueName(reg, next.navn, id);
    prepared(reg.db, UPDATE_KULL).run({ ...next, id });
    logChanges(reg, 'kull', id, before, next);
  },
  remove: (reg, id) => {
    const before = getKull(reg, id);
    if (before.antall_deltakere > 0) {
      throw new DomainError(
        'in_use',
        `«${before.navn}» har ${before.antall_deltakere} ${before.antall_deltakere === 1 ? 'deltaker' : 'deltakere'} nå og kan ikke fjernes. Flytt deltakerne først.`,
      );
    }
    prepared(reg.db, 'DELETE FROM kull WHERE id = ?').run(id);
    logChanges(reg, 'kull', id, pickKull(before), null);
  },
  name: (fields) => fields.navn,
};

export function deleteKull(reg: Register, id: number): void {
  reg.db.transaction(() => {
    const before = getKull(reg, id);
    if (before.antall_deltakere > 0) {
      throw new DomainError(
        'in_use',
        `«${before.navn}» har ${before.antall_deltakere} ${before.antall_deltakere === 1 ? 'deltaker' : 'deltakere'} og kan ikke slettes. Flytt eller slett deltakerne først.`,
      );
    }
    prepared(reg.db, 'DELETE FROM kull WHERE id = ?').run(id);
    logChanges(reg, 'kull', id, pickKull(before), null);
  })();
}

function pickKull(row: KullFields): KullFields {
  const out = {} as Record<string, unknown>;
  for (const key of KULL_COLUMNS) out[key] = row[key];
  return out as KullFields;
}
