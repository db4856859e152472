/**
 * Import of kull or deltakere from a table (CSV/XLSX): map the columns to fields, parse every cell
 * as if typed, then write the valid rows in one transaction. The CLI and the app's import wizard
 * both use this module.
 *
 * Re-importing the same rows creates no duplicates: a row equal to one already in the register (same
 * navn, fødselsår, kull, henvist dato and startdato for a deltaker; same navn for a kull) is skipped
 * and counted, so importing a file twice — or a file that overlaps an earlier one — is safe.
 */
import { EDITABLE_LIST_KEYS, type EditableListKey } from '../../shared/codes';
import { todayIso, yearOf } from '../../shared/dates';
import { type FieldDef, type FieldValue, type ParseContext, parseFieldInput } from '../../shared/fields';
import { fieldsFor, type ImportKind, mappingProblems, requiredFields, suggestMapping } from '../../shared/mapping';
import type { DeltakerFields } from '../../shared/schema/deltaker';
import type { KullFields } from '../../shared/schema/kull';
import { listValues } from '../store/codes';
import type { Register } from '../store/connection';
import { insertDeltaker } from '../store/deltakere';
import { asKnownError, DomainError } from '../store/errors';
import { createKull, findKullIdByName, listKull } from '../store/kull';
import { prepared } from '../store/statements';
import type { Table } from './table';

export type { ColumnMapping, ColumnNote, ImportKind } from '../../shared/mapping';
export { fieldsFor, mappingProblems, suggestMapping } from '../../shared/mapping';

/** `missingKull`: the kull named on the line is not in the register (grouped on the screen by kull). */
export type RowProblem = { line: number; field: string; value: string; message: string; missingKull?: string };

/**
 * What to do with deltakere whose kull is not in the register: leave the lines out (the CLI, and the
 * wizard until the user chooses), create the kull first, or import the deltakere without a kull.
 */
export type MissingKullChoice = 'refuse' | 'create' | 'without';

/** A kull the file names that the register lacks: its name as first written, and its lines. */
export type MissingKull = {
  navn: string;
  lines: number[];
  /** The startdato it gets when created: its deltakere's earliest startdato, else henvist dato, else today. */
  startdato: string;
};

export type ImportPlan = {
  kind: ImportKind;
  /** For each file column, the field it fills (or null: the user chose to leave it out). */
  mapping: (string | null)[];
  /** `newKull`: the key of a kull in `missingKull` that is created first and set on the row. */
  valid: { line: number; fields: Record<string, FieldValue>; newKull?: string }[];
  rejected: RowProblem[];
  /** Kull the file names that the register lacks, in the order first met (whatever the choice). */
  missingKull: MissingKull[];
  missingKullChoice: MissingKullChoice;
  /** Lines equal to a row the register (or an earlier line) already has. */
  duplicates: number[];
  /** Values of the editable lists that the import will add. */
  newListValues: { list: EditableListKey; verdi: string }[];
};

export type ImportResult = {
  inserted: number;
  /** The id of the first row written (to show it in its grid); null when nothing was. */
  firstId: number | null;
  duplicates: number;
  rejected: RowProblem[];
  newListValues: { list: EditableListKey; verdi: string }[];
  /** Names of the kull the import created (the «Opprett kullene» choice). */
  createdKull: string[];
};

/** The CLI's mapping: unknown and doubled columns are refused with a message (no silent data loss). */
export function mapColumns(kind: ImportKind, headers: readonly string[]): (string | null)[] {
  const { mapping, notes } = suggestMapping(kind, headers);
  const note = notes[0];
  if (note) {
    throw new DomainError(note.reason === 'unknown' ? 'unknown_column' : 'duplicate_column', note.message, note.header);
  }
  for (const key of requiredFields(kind)) {
    if (!mapping.includes(key)) {
      throw new DomainError('missing_column', `Filen mangler kolonnen «${key}», som må være med.`, key);
    }
  }
  return mapping;
}

export function parseContext(reg: Register): ParseContext {
  const lists = new Map<EditableListKey, string[]>();
  for (const list of EDITABLE_LIST_KEYS)
    lists.set(
      list,
      listValues(reg, list).map((v) => v.verdi),
    );
  return {
    kullByName: (navn) => findKullIdByName(reg, navn),
    listValues: (list) => lists.get(list) ?? [],
    thisYear: yearOf(todayIso()),
  };
}

/**
 * Parses and checks every row; writes nothing. Without a mapping the headers are matched as the CLI
 * does (unknown columns refused); the wizard passes the mapping the user confirmed.
 */
export function planImport(
  reg: Register,
  kind: ImportKind,
  table: Table,
  mapping = mapColumns(kind, table.headers),
  missingKullChoice: MissingKullChoice = 'refuse',
): ImportPlan {
  const problems = mappingProblems(kind, mapping);
  if (problems.length > 0) throw new DomainError('invalid_mapping', problems.join(' '));
  const fields = fieldsFor(kind);
  const ctx = parseContext(reg);
  const plan: ImportPlan = {
    kind,
    mapping,
    valid: [],
    rejected: [],
    duplicates: [],
    newListValues: [],
    missingKull: [],
    missingKullChoice,
  };
  const seenKeys = existingKeys(reg, kind);
  const newValues = new Map<string, { list: EditableListKey; verdi: string }>();
  const missing = new Map<string, MissingKull & { dates: { start: string[]; henvist: string[] } }>();

  for (const row of table.rows) {
    const values: Record<string, FieldValue> = {};
    let rowOk = true;
    let newKull: string | undefined;
    let missingId: string | undefined;
    mapping.forEach((key, col) => {
      if (!key) return;
      const def = fields.find((f) => f.key === key) as FieldDef<string>;
      const raw = row.cells[col] ?? '';
      const parsed = parseFieldInput(def, raw, ctx);
      if (!parsed.ok && def.kind.type === 'kull') {
        // The only way a kull cell fails: no kull of that name. Grouped by kull, and the user chooses.
        const navn = raw.trim();
        const id = navn.toLocaleLowerCase('nb');
        const group = missing.get(id) ?? { navn, lines: [], startdato: '', dates: { start: [], henvist: [] } };
        group.lines.push(row.line);
        missing.set(id, group);
        missingId = id;
        if (missingKullChoice === 'refuse') {
          plan.rejected.push({ line: row.line, field: key, value: raw, message: parsed.message, missingKull: navn });
          rowOk = false;
          return;
        }
        values[key] = null;
        if (missingKullChoice === 'create') newKull = id;
        return;
      }
      if (!parsed.ok) {
        plan.rejected.push({ line: row.line, field: key, value: raw, message: parsed.message });
        rowOk = false;
        return;
      }
      values[key] = parsed.value;
    });
    // Whatever the choice, the startdato a created kull would get is shown (dates that parsed).
    const group = missingId === undefined ? undefined : missing.get(missingId);
    if (group) {
      if (typeof values.startdato === 'string') group.dates.start.push(values.startdato);
      if (typeof values.henvist_dato === 'string') group.dates.henvist.push(values.henvist_dato);
    }
    if (!rowOk) continue;
    if (kind === 'kull' && values.navn && !values.startdato) {
      plan.rejected.push({
        line: row.line,
        field: 'startdato',
        value: '',
        message: 'Startdato må fylles ut (dd.mm.åååå).',
      });
      continue;
    }
    // A kull still to be created stands in by its name: two equal lines of it are still one row.
    const key = duplicateKey(kind, newKull === undefined ? values : { ...values, kull_id: `ny\u0000${newKull}` });
    if (seenKeys.has(key)) {
      plan.duplicates.push(row.line);
      continue;
    }
    seenKeys.add(key);
    if (kind === 'deltakere') {
      for (const list of EDITABLE_LIST_KEYS) {
        const value = values[list];
        if (typeof value !== 'string') continue;
        const known = ctx.listValues(list).some((v) => v.toLocaleLowerCase('nb') === value.toLocaleLowerCase('nb'));
        const id = `${list}\u0000${value.toLocaleLowerCase('nb')}`;
        if (!known && !newValues.has(id)) newValues.set(id, { list, verdi: value });
      }
    }
    plan.valid.push(
      newKull === undefined ? { line: row.line, fields: values } : { line: row.line, fields: values, newKull },
    );
  }
  plan.newListValues = [...newValues.values()];
  const today = todayIso();
  plan.missingKull = [...missing.values()].map(({ navn, lines, dates }) => ({
    navn,
    lines,
    startdato: earliest(dates.start) ?? earliest(dates.henvist) ?? today,
  }));
  return plan;
}

function earliest(dates: readonly string[]): string | undefined {
  return dates.length === 0 ? undefined : dates.reduce((a, b) => (b < a ? b : a));
}

/**
 * Inside the import's transaction, before the rows: the kull the plan creates (the user chose
 * «Opprett kullene»), by key. One typed in under Kull since the preview is used, not made twice.
 */
function createMissingKull(reg: Register, plan: ImportPlan): { ids: Map<string, number>; created: string[] } {
  const ids = new Map<string, number>();
  const created: string[] = [];
  const needed = new Set(plan.valid.flatMap((row) => (row.newKull === undefined ? [] : [row.newKull])));
  for (const kull of plan.missingKull) {
    const key = kull.navn.toLocaleLowerCase('nb');
    if (!needed.has(key)) continue;
    const existing = findKullIdByName(reg, kull.navn);
    if (existing !== undefined) ids.set(key, existing);
    else {
      ids.set(key, createKull(reg, { navn: kull.navn, startdato: kull.startdato }).id);
      created.push(kull.navn);
    }
  }
  return { ids, created };
}

/** Writes the plan's valid rows in one transaction: all of them or, on any failure, none. */
export function commitImport(
  reg: Register,
  plan: ImportPlan,
  onProgress?: (done: number, total: number) => void,
): ImportResult {
  const total = plan.valid.length;
  let firstId: number | null = null;
  let created: string[] = [];
  try {
    reg.db.transaction(() => {
      const kull = createMissingKull(reg, plan);
      created = kull.created;
      plan.valid.forEach((row, index) => {
        const id = writeRow(reg, plan.kind, row, kull.ids);
        firstId ??= id;
        if (onProgress && (index % 500 === 0 || index === total - 1)) onProgress(index + 1, total);
      });
    })();
  } catch (error) {
    throw asKnownError(error); // a full disk, a lost share: in Norwegian, and nothing was written
  }
  return resultOf(plan, firstId, created);
}

export type AsyncCommitOptions = {
  /** Called between slices with the rows written so far (inside the open transaction) and at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Longest stretch of writing before the event loop gets a turn (progress polls, the window). */
  sliceMs?: number;
  /**
   * Asked between slices and just before COMMIT: a refusal (the user cancelled, the lock was lost)
   * rolls everything back and is thrown.
   */
  check?: () => DomainError | null;
};

/**
 * The same write as `commitImport` — one transaction, all or nothing — but it gives the event loop
 * a turn every `sliceMs`, so the app can answer progress polls and stay responsive while a large
 * file goes in. better-sqlite3's `.transaction()` helper cannot span an `await`, so this one opens
 * the transaction with BEGIN IMMEDIATE and ends it with COMMIT or ROLLBACK itself. While it is open,
 * every other write on the connection must wait (api/import.ts refuses them): it would otherwise
 * join this transaction and be rolled back with it. A crash mid-way leaves SQLite's rollback journal,
 * and the next open undoes the partial import.
 */
export async function commitImportInSlices(
  reg: Register,
  plan: ImportPlan,
  options: AsyncCommitOptions = {},
): Promise<ImportResult> {
  const { onProgress, sliceMs = 40, check } = options;
  const total = plan.valid.length;
  const db = reg.db;
  if (db.inTransaction) {
    throw new DomainError('busy', 'Registeret er midt i en annen lagring. Vent litt og prøv igjen.');
  }
  let firstId: number | null = null;
  let line = 0;
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    throw asKnownError(error);
  }
  let created: string[] = [];
  try {
    const kull = createMissingKull(reg, plan);
    created = kull.created;
    let sliceStart = performance.now();
    for (let index = 0; index < total; index++) {
      const row = plan.valid[index] as ImportPlan['valid'][number];
      line = row.line;
      const id = writeRow(reg, plan.kind, row, kull.ids);
      line = 0;
      firstId ??= id;
      if (performance.now() - sliceStart >= sliceMs && index < total - 1) {
        onProgress?.(index + 1, total);
        await new Promise<void>((resolve) => setImmediate(resolve));
        const refusal = check?.();
        if (refusal) throw refusal;
        if (!db.open) throw closedDuringImport();
        sliceStart = performance.now();
      }
    }
    const refusal = check?.();
    if (refusal) throw refusal;
    db.exec('COMMIT');
  } catch (error) {
    if (db.open && db.inTransaction) db.exec('ROLLBACK');
    throw lineError(asKnownError(error), line);
  }
  onProgress?.(total, total);
  return resultOf(plan, firstId, created);
}

function closedDuringImport(): DomainError {
  return new DomainError('not_open', 'Registeret ble lukket under importen. Ingenting ble importert.');
}

/** A row that fails while being written (its kull deleted meanwhile …) names its line; nothing was written. */
function lineError(error: unknown, line: number): unknown {
  if (!(error instanceof DomainError) || line === 0) return error;
  if (['disk_full', 'busy', 'read_only', 'io_error', 'damaged', 'not_open'].includes(error.code)) return error;
  return new DomainError(error.code, `Linje ${line}: ${error.message} Ingenting ble importert.`, error.field);
}

function writeRow(
  reg: Register,
  kind: ImportKind,
  row: ImportPlan['valid'][number],
  newKullIds: ReadonlyMap<string, number>,
): number {
  if (kind === 'kull') {
    return createKull(reg, row.fields as Partial<KullFields> & Pick<KullFields, 'navn' | 'startdato'>).id;
  }
  const kullId = row.newKull === undefined ? undefined : newKullIds.get(row.newKull);
  const fields = kullId === undefined ? row.fields : { ...row.fields, kull_id: kullId };
  return insertDeltaker(reg, fields as Partial<DeltakerFields>).id;
}

function resultOf(plan: ImportPlan, firstId: number | null, createdKull: string[]): ImportResult {
  return {
    createdKull,
    inserted: plan.valid.length,
    duplicates: plan.duplicates.length,
    rejected: plan.rejected,
    newListValues: plan.newListValues,
    firstId,
  };
}

function duplicateKey(kind: ImportKind, values: Record<string, FieldValue>): string {
  if (kind === 'kull') return String(values.navn ?? '').toLocaleLowerCase('nb');
  return [values.navn, values.fodselsar, values.kull_id, values.henvist_dato, values.startdato]
    .map((v) => String(v ?? '').toLocaleLowerCase('nb'))
    .join('\u0000');
}

function existingKeys(reg: Register, kind: ImportKind): Set<string> {
  if (kind === 'kull') return new Set(listKull(reg).map((k) => duplicateKey('kull', { navn: k.navn })));
  const rows = prepared(
    reg.db,
    'SELECT navn, fodselsar, kull_id, henvist_dato, startdato FROM deltaker',
  ).all() as Record<string, FieldValue>[];
  return new Set(rows.map((r) => duplicateKey('deltakere', r)));
}
