/**
 * An endringslogg entry as the user reads it: the field's label (shared/fields.ts) and the old and
 * new values as the grid shows them — code labels, dates dd.mm.yyyy, the kull's name, Ja/Nei. The log
 * stores every value as text (store/changelog.ts): booleans as «ja»/«nei», numbers as digits.
 */
import type { LogTable } from '../../shared/contract/history';
import { deltakerField, type FieldDef, type FieldValue, kullField } from '../../shared/fields';
import { formatFieldValue } from '../grid/format';

/** What privacy tools put in place of a removed value (store/privacy.ts SCRUBBED). */
const SCRUBBED = '(fjernet)';

const OTHER_LABELS: Record<string, string> = {
  // kodeverdi rows (the editable lists) and the register's settings
  liste: 'Liste',
  verdi: 'Verdi',
  skjult: 'Skjult',
  rekkefolge: 'Rekkefølge',
};

function fieldDef(table: LogTable, felt: string): FieldDef<string> | undefined {
  if (table === 'deltaker') return deltakerField(felt);
  if (table === 'kull') return kullField(felt);
  return undefined;
}

export function fieldLabel(table: LogTable, felt: string): string {
  return fieldDef(table, felt)?.label ?? OTHER_LABELS[felt] ?? felt;
}

/** One logged value as the grid would show it; blank for none. */
export function valueText(
  table: LogTable,
  felt: string,
  text: string | null,
  kullName: (id: number) => string,
): string {
  if (text === null) return '';
  if (text === SCRUBBED) return text;
  const def = fieldDef(table, felt);
  if (!def) return text;
  let value: FieldValue = text;
  if (def.kind.type === 'yesno') value = text === 'ja' ? true : text === 'nei' ? false : text;
  if (def.kind.type === 'kull') {
    const id = Number(text);
    return Number.isInteger(id) ? kullName(id) : text;
  }
  const shown = formatFieldValue(def, value, kullName);
  return shown === '' ? text : shown;
}
