import { z } from 'zod';
import { EDITABLE_LIST_KEYS } from '../codes';
import { text } from './common';

export const editableListKey = z.enum(EDITABLE_LIST_KEYS);

export const listValue = text(200).refine((s) => s.trim() !== '', { message: 'Verdien kan ikke være tom.' });

export const codeListEntry = z.object({
  verdi: z.string(),
  skjult: z.boolean(),
  /** How many deltakere use the value; a used value can be hidden, never deleted. */
  i_bruk: z.number().int(),
});
export type CodeListEntry = z.infer<typeof codeListEntry>;

export const codeLists = z.record(editableListKey, z.array(codeListEntry));
export type CodeLists = z.infer<typeof codeLists>;
