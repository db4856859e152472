import { z } from 'zod';
import { id } from '../schema/common';
import { kullFields, kullRow } from '../schema/kull';

export const kullChannels = {
  /** All kull, with how many deltakere each has and how many are active today. */
  'kull:list': { input: z.object({}), result: z.array(kullRow) },
  /** Create a kull; planlagt slutt defaults to start + the register's kull length. */
  'kull:create': {
    input: kullFields.partial().extend({ navn: kullFields.shape.navn, startdato: kullFields.shape.startdato }),
    result: kullRow,
  },
  /** Change fields of one kull. */
  'kull:update': { input: z.object({ id, changes: kullFields.partial() }), result: kullRow },
  /** Delete a kull; refused while it has deltakere. */
  'kull:delete': { input: z.object({ id }), result: z.object({ id }) },
} as const;
