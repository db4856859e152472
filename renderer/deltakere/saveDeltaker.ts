/**
 * One deltaker field to the store: `deltaker:update` with only that field, or — for a new row's
 * first name — `deltaker:create`. Says which editable-list values the save added.
 */
import type { Result } from '../../shared/api';
import { EDITABLE_LIST_LABELS } from '../../shared/codes';
import type { FieldValue } from '../../shared/fields';
import type { Deltaker, DeltakerField } from '../../shared/schema/deltaker';
import { invoke } from '../bridge';
import type { Saved } from '../grid/cellSaver';
import type { Drafts } from './drafts';

export async function saveDeltakerField(
  drafts: Drafts,
  row: Deltaker,
  field: DeltakerField,
  value: FieldValue,
  onListsChanged: () => void,
): Promise<Result<Saved<Deltaker>>> {
  const changes = { [field]: value };
  const storedId = drafts.storedId(row.id);
  if (storedId === undefined && field !== 'navn') {
    return {
      ok: false,
      error: { code: 'no_name', message: 'Skriv navnet først: deltakeren lagres når den har et navn.' },
    };
  }
  const result =
    storedId === undefined
      ? await invoke('deltaker:create', { ...changes, navn: row.navn, kull_id: row.kull_id })
      : await invoke('deltaker:update', { id: storedId, changes });
  if (!result.ok) return result;

  const { deltaker, addedListValues } = result.value;
  if (storedId === undefined) drafts.created(row.id, deltaker.id);
  if (addedListValues.length > 0) onListsChanged();
  const notice = addedListValues
    .map((a) => `«${a.verdi}» lagt til i listen ${EDITABLE_LIST_LABELS[a.list]}.`)
    .join(' ');
  // While a new row is on screen it keeps its draft id; Drafts.settle gives it the stored one later.
  const saved = { ...deltaker, id: row.id };
  return { ok: true, value: notice ? { row: saved, notice } : { row: saved } };
}
