/**
 * Stored value → the text a cell shows, an editor starts from, a copy puts on the clipboard and an
 * export writes. Always text that parseFieldInput reads back as the same value, so opening and
 * closing an editor, or copying a block and pasting it back, changes nothing.
 */
import { codeLabel } from './codes';
import { formatDate } from './dates';
import type { FieldDef, FieldValue } from './fields';

export function formatFieldValue(
  def: FieldDef<string>,
  value: FieldValue | undefined,
  kullName: (id: number) => string,
): string {
  if (value === null || value === undefined) return '';
  const kind = def.kind;
  switch (kind.type) {
    case 'date':
      return formatDate(String(value));
    case 'code':
      return codeLabel(kind.list, String(value));
    case 'yesno':
      return value === true ? 'Ja' : value === false ? 'Nei' : '';
    case 'kull':
      return typeof value === 'number' ? kullName(value) : '';
    default:
      return String(value);
  }
}
