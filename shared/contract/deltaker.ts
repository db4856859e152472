import { z } from 'zod';
import { editableListKey } from '../schema/codelist';
import { id } from '../schema/common';
import { deltaker, deltakerFields } from '../schema/deltaker';

const deltakerSaved = z.object({
  deltaker,
  /** Values of the editable lists that this save added (typed for the first time). */
  addedListValues: z.array(z.object({ list: editableListKey, verdi: z.string() })),
});

export const kullFilter = z.union([z.literal('alle'), z.literal('uten'), id]);
export type KullFilter = z.infer<typeof kullFilter>;

export const deltakerChannels = {
  /** The deltakere of all kull, one kull, or those without kull. */
  'deltaker:list': { input: z.object({ kull: kullFilter }), result: z.array(deltaker) },
  /** Add a deltaker (navn required; everything else may follow). */
  'deltaker:create': {
    input: deltakerFields.partial().extend({ navn: deltakerFields.shape.navn }),
    result: deltakerSaved,
  },
  /** Change fields of one deltaker. */
  'deltaker:update': { input: z.object({ id, changes: deltakerFields.partial() }), result: deltakerSaved },
  /** Delete deltakere for good. */
  'deltaker:delete': { input: z.object({ ids: z.array(id).min(1) }), result: z.object({ deleted: z.number().int() }) },
} as const;
