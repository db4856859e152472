/**
 * Small look-ups of deltakere by id, for screens that show only a few of them: the Rapport
 * screen's data-quality list names the rows it lists (not every deltaker through deltaker:list,
 * ~38 MB at 100,000), and the Deltakere grid, coming back to rows it loaded before, asks only for
 * what changed since (shown at once instead of downloading every page again).
 */
import { z } from 'zod';
import { id } from '../schema/common';
import type { ChannelTable } from './channel';
import { deltakerPage } from './deltaker';

/** More ids than this in one call: ask in parts (a data-quality page asks for a few dozen). */
export const LOOKUP_MAX_IDS = 5_000;

const ids = z.array(id).max(LOOKUP_MAX_IDS, { error: `Spør etter høyst ${LOOKUP_MAX_IDS} deltakere om gangen.` });

export const lookupChannels = {
  /** The names of the given deltakere (ids no longer stored are left out). */
  'deltaker:names': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: true,
    input: z.object({ ids }),
    result: z.array(z.object({ id, navn: z.string() })),
  },
  /** The given deltakere in the compact shape of deltaker:page (ids no longer stored are left out). */
  'deltaker:rows': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: true,
    input: z.object({ ids }),
    result: deltakerPage,
  },
  /**
   * Which deltakere changed since a mark of the endringslogg: `mark` to ask from next time,
   * `register` which open register the mark belongs to (a restore or another register gives another),
   * `total` the deltakere stored now. `ids` is null for the first call (`since` null) and when
   * more than LOOKUP_MAX_IDS changed (then load everything again).
   */
  'deltaker:changes': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({ since: z.number().int().min(0).nullable() }),
    result: z.object({
      register: z.string(),
      mark: z.number().int(),
      total: z.number().int(),
      ids: z.array(id).nullable(),
    }),
  },
} as const satisfies ChannelTable;
