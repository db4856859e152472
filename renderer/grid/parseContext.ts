/**
 * What parseFieldInput needs from the open register, built from what the screen already loaded:
 * the kull (matched by navn, any case) and every value of the editable lists (hidden ones too, so
 * a known value keeps its spelling).
 */
import type { EditableListKey } from '../../shared/codes';
import type { ParseContext } from '../../shared/fields';
import type { CodeLists } from '../../shared/schema/codelist';

export type KullRef = { id: number; navn: string };

export function makeParseContext(kull: readonly KullRef[], lists: CodeLists | null): ParseContext {
  const byName = new Map(kull.map((k) => [k.navn.trim().toLocaleLowerCase('nb'), k.id]));
  return {
    kullByName: (navn) => byName.get(navn.trim().toLocaleLowerCase('nb')),
    listValues: (list: EditableListKey) => lists?.[list]?.map((entry) => entry.verdi) ?? [],
    thisYear: new Date().getFullYear(),
  };
}

/** The values a dropdown offers for an editable list: the visible ones, in the team's order. */
export function visibleListValues(lists: CodeLists | null, list: EditableListKey): string[] {
  return lists?.[list]?.filter((entry) => !entry.skjult).map((entry) => entry.verdi) ?? [];
}
