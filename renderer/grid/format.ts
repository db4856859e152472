/**
 * Stored value → the text a cell shows (and an editor starts from). Always text that
 * parseFieldInput reads back as the same value, so opening and closing an editor changes nothing.
 */

import { codeLabel } from '../../shared/codes';
import { formatDate } from '../../shared/dates';
import type { FieldDef, FieldValue } from '../../shared/fields';

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
