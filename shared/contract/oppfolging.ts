/**
 * «Å følge opp» (arsrapport.md): who is due for a 6- or 12-month follow-up or a midtevaluering now.
 * The list holds names: it is shown in the app only, never written to a file. An answer is written
 * with `deltaker:update`, like a typed cell (validated, in the endringslogg, one undo step).
 */
import { z } from 'zod';
import { id, isoDate } from '../schema/common';
import type { ChannelTable } from './channel';

export const dueKind = z.enum(['seks', 'tolv', 'midtevaluering']);

export const dueLine = z.object({
  kind: dueKind,
  deltaker_id: id,
  field: z.enum(['i_arbeid_etter_6_mnd', 'i_arbeid_etter_12_mnd', 'midtevaluering_dato']),
  due: isoDate,
  days_left: z.number().int(),
  navn: z.string(),
  kull: z.string().nullable(),
  brukersted: z.string().nullable(),
  startdato: isoDate.nullable(),
  sluttdato: isoDate.nullable(),
});
export type DueLine = z.infer<typeof dueLine>;

export const oppfolgingChannels = {
  /** The due list for today (or the day given), and how many lines each kind has. */
  'oppfolging:list': {
    writes: false,
    undoable: false,
    async: false,
    // The lines carry names: shown on the screen, never written to a file.
    returnsNames: true,
    input: z.object({ today: isoDate.optional() }),
    result: z.object({
      today: isoDate,
      from: isoDate,
      to: isoDate,
      lines: z.array(dueLine),
      counts: z.object({ seks: z.number().int(), tolv: z.number().int(), midtevaluering: z.number().int() }),
    }),
  },
} as const satisfies ChannelTable;
