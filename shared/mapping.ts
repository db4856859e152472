/**
 * Which column of a spreadsheet fills which field, for an import (the CLI and the import wizard).
 * Pure: the wizard's screen checks a mapping as the user changes it with the same rules the Node
 * side applies before it reads a row.
 */
import { DELTAKER_FIELDS, type FieldDef, KULL_FIELDS, matchHeader } from './fields';

export type ImportKind = 'kull' | 'deltakere';

/** A file column's field, or null: the column is not imported. */
export type ColumnMapping = (string | null)[];

export function fieldsFor(kind: ImportKind): readonly FieldDef<string>[] {
  return kind === 'kull' ? KULL_FIELDS : DELTAKER_FIELDS;
}

/** The fields a file must fill for its rows to be stored at all. */
export function requiredFields(kind: ImportKind): readonly string[] {
  return kind === 'kull' ? ['navn', 'startdato'] : ['navn'];
}

export function fieldLabel(kind: ImportKind, key: string): string {
  return fieldsFor(kind).find((f) => f.key === key)?.label ?? key;
}

/** A file column the automatic matching could not give a field. */
export type ColumnNote = {
  /** 0-based column index in the file. */
  column: number;
  header: string;
  reason: 'unknown' | 'duplicate';
  /** For a doubled column: the field it matched, which an earlier column has. */
  field: string | null;
  message: string;
};

/**
 * The first guess: each header matched to a field by key, label or synonym (fields.ts matchHeader).
 * Never throws: a column no field matches, or a second column for a field already taken, is left
 * out (null) and explained in `notes`, so the user can choose for it.
 */
export function suggestMapping(
  kind: ImportKind,
  headers: readonly string[],
): { mapping: ColumnMapping; notes: ColumnNote[] } {
  const fields = fieldsFor(kind);
  const mapping: ColumnMapping = [];
  const notes: ColumnNote[] = [];
  const seen = new Map<string, number>();
  headers.forEach((header, column) => {
    if (header.trim() === '') {
      mapping.push(null);
      return;
    }
    const key = matchHeader(fields, header);
    if (!key) {
      const known = fields.map((f) => f.key).join(', ');
      notes.push({
        column,
        header,
        reason: 'unknown',
        field: null,
        message: `Ukjent kolonne «${header}» (kolonne ${column + 1}). Gi kolonnen navnet på et felt (${known}) eller fjern den.`,
      });
      mapping.push(null);
      return;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      notes.push({
        column,
        header,
        reason: 'duplicate',
        field: key,
        message: `Kolonnene «${headers[earlier]}» og «${header}» er begge ${key}. Fjern den ene.`,
      });
      mapping.push(null);
      return;
    }
    seen.set(key, column);
    mapping.push(key);
  });
  return { mapping, notes };
}

/**
 * What is wrong with a mapping as a whole — a field chosen for two columns, a name that is no
 * field, a required field no column fills — as Norwegian sentences; empty when it can be used.
 */
export function mappingProblems(kind: ImportKind, mapping: readonly (string | null)[]): string[] {
  const fields = fieldsFor(kind);
  const problems: string[] = [];
  const columnsOf = new Map<string, number[]>();
  mapping.forEach((key, column) => {
    if (key === null) return;
    if (!fields.some((f) => f.key === key)) {
      problems.push(`Kolonne ${column + 1}: «${key}» er ikke et felt for ${kind}.`);
      return;
    }
    columnsOf.set(key, [...(columnsOf.get(key) ?? []), column + 1]);
  });
  for (const [key, columns] of columnsOf) {
    if (columns.length > 1) {
      problems.push(
        `Feltet ${fieldLabel(kind, key)} er valgt for flere kolonner (${columns.join(' og ')}). Velg det for bare én.`,
      );
    }
  }
  for (const key of requiredFields(kind)) {
    if (!columnsOf.has(key)) problems.push(`Ingen kolonne er koblet til ${fieldLabel(kind, key)}, som må være med.`);
  }
  return problems;
}
