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
import {
  DELTAKER_FIELDS,
  type FieldDef,
  type FieldValue,
  KULL_FIELDS,
  matchHeader,
  type ParseContext,
  parseFieldInput,
} from '../../shared/fields';
import type { DeltakerFields } from '../../shared/schema/deltaker';
import type { KullFields } from '../../shared/schema/kull';
import { listValues } from '../store/codes';
import { insertDeltaker } from '../store/deltakere';
import { DomainError } from '../store/errors';
import { createKull, findKullIdByName, listKull } from '../store/kull';
import type { Register } from '../store/open';
import { prepared } from '../store/statements';
import { asStorageError } from '../store/storage-errors';
import type { Table } from './table';

export type ImportKind = 'kull' | 'deltakere';

export type RowProblem = { line: number; field: string; value: string; message: string };

export type ImportPlan = {
  kind: ImportKind;
  /** For each file column, the field it fills (or null: the user chose to leave it out). */
  mapping: (string | null)[];
  valid: { line: number; fields: Record<string, FieldValue> }[];
  rejected: RowProblem[];
  /** Lines equal to a row the register (or an earlier line) already has. */
  duplicates: number[];
  /** Values of the editable lists that the import will add. */
  newListValues: { list: EditableListKey; verdi: string }[];
};

export type ImportResult = {
  inserted: number;
  duplicates: number;
  rejected: RowProblem[];
  newListValues: { list: EditableListKey; verdi: string }[];
};

export function fieldsFor(kind: ImportKind): readonly FieldDef<string>[] {
  return kind === 'kull' ? KULL_FIELDS : DELTAKER_FIELDS;
}

/** Header → field by key, label or synonym. Unknown and doubled columns are refused with a message. */
export function mapColumns(kind: ImportKind, headers: readonly string[]): (string | null)[] {
  const fields = fieldsFor(kind);
  const mapping: (string | null)[] = [];
  const seen = new Map<string, number>();
  headers.forEach((header, index) => {
    if (header.trim() === '') {
      mapping.push(null);
      return;
    }
    const key = matchHeader(fields, header);
    if (!key) {
      const known = fields.map((f) => f.key).join(', ');
      throw new DomainError(
        'unknown_column',
        `Ukjent kolonne «${header}» (kolonne ${index + 1}). Gi kolonnen navnet på et felt (${known}) eller fjern den.`,
        header,
      );
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new DomainError(
        'duplicate_column',
        `Kolonnene «${headers[earlier]}» og «${header}» er begge ${key}. Fjern den ene.`,
        header,
      );
    }
    seen.set(key, index);
    mapping.push(key);
  });
  const required = kind === 'kull' ? ['navn', 'startdato'] : ['navn'];
  for (const key of required) {
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

/** Parses and checks every row; writes nothing. */
export function planImport(
  reg: Register,
  kind: ImportKind,
  table: Table,
  mapping = mapColumns(kind, table.headers),
): ImportPlan {
  const fields = fieldsFor(kind);
  const ctx = parseContext(reg);
  const plan: ImportPlan = { kind, mapping, valid: [], rejected: [], duplicates: [], newListValues: [] };
  const seenKeys = existingKeys(reg, kind);
  const newValues = new Map<string, { list: EditableListKey; verdi: string }>();

  for (const row of table.rows) {
    const values: Record<string, FieldValue> = {};
    let rowOk = true;
    mapping.forEach((key, col) => {
      if (!key) return;
      const def = fields.find((f) => f.key === key) as FieldDef<string>;
      const raw = row.cells[col] ?? '';
      const parsed = parseFieldInput(def, raw, ctx);
      if (!parsed.ok) {
        plan.rejected.push({ line: row.line, field: key, value: raw, message: parsed.message });
        rowOk = false;
        return;
      }
      values[key] = parsed.value;
    });
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
    const key = duplicateKey(kind, values);
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
    plan.valid.push({ line: row.line, fields: values });
  }
  plan.newListValues = [...newValues.values()];
  return plan;
}

/** Writes the plan's valid rows in one transaction: all of them or, on any failure, none. */
export function commitImport(
  reg: Register,
  plan: ImportPlan,
  onProgress?: (done: number, total: number) => void,
): ImportResult {
  const total = plan.valid.length;
  try {
    reg.db.transaction(() => {
      plan.valid.forEach((row, index) => {
        if (plan.kind === 'kull') {
          createKull(reg, row.fields as Partial<KullFields> & Pick<KullFields, 'navn' | 'startdato'>);
        } else {
          insertDeltaker(reg, row.fields as Partial<DeltakerFields>);
        }
        if (onProgress && (index % 500 === 0 || index === total - 1)) onProgress(index + 1, total);
      });
    })();
  } catch (error) {
    throw asStorageError(error); // a full disk, a lost share: in Norwegian, and nothing was written
  }
  return {
    inserted: total,
    duplicates: plan.duplicates.length,
    rejected: plan.rejected,
    newListValues: plan.newListValues,
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
