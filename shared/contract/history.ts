import { z } from 'zod';
import type { ChannelTable } from './channel';

export const logTable = z.enum(['kull', 'deltaker', 'kodeverdi', 'innstilling']);
export type LogTable = z.infer<typeof logTable>;

export const historyEntry = z.object({
  tid: z.string(),
  bruker: z.string(),
  felt: z.string(),
  gammel: z.string().nullable(),
  ny: z.string().nullable(),
});

export const hendelse = z.object({
  tid: z.string(),
  bruker: z.string(),
  maskin: z.string(),
  hva: z.enum(['anonymisering', 'sletting', 'innsyn', 'gjenoppretting', 'las_overtatt']),
  antall: z.number().int().nullable(),
  beskrivelse: z.string(),
});

export type HendelseEntry = z.infer<typeof hendelse>;

export const historyChannels = {
  /** One row's change history, oldest first (innstilling: id 0). */
  'history:list': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: true,
    input: z.object({ table: logTable, id: z.number().int().nonnegative() }),
    result: z.array(historyEntry),
  },
  /** Register events (privacy actions, restores, lock take-overs), newest first. */
  'hendelse:list': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({}),
    result: z.array(hendelse),
  },
} as const satisfies ChannelTable;
