import { z } from 'zod';
import { id } from '../schema/common';
import { kullFields, kullRow } from '../schema/kull';
import type { ChannelTable } from './channel';

export const kullChannels = {
  /** All kull, with how many deltakere each has and how many are active today. */
  'kull:list': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({}),
    result: z.array(kullRow),
  },
  /** Create a kull; planlagt slutt defaults to start + the register's kull length. */
  'kull:create': {
    writes: true,
    undoable: 'kull',
    async: false,
    returnsNames: false,
    input: kullFields.partial().extend({ navn: kullFields.shape.navn, startdato: kullFields.shape.startdato }),
    result: kullRow,
  },
  /** Change fields of one kull. */
  'kull:update': {
    writes: true,
    undoable: 'kull',
    async: false,
    returnsNames: false,
    input: z.object({ id, changes: kullFields.partial() }),
    result: kullRow,
  },
  /** Delete a kull; refused while it has deltakere. */
  'kull:delete': {
    writes: true,
    undoable: 'kull',
    async: false,
    returnsNames: false,
    input: z.object({ id }),
    result: z.object({ id }),
  },
} as const satisfies ChannelTable;
