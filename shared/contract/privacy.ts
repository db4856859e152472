import { z } from 'zod';
import { id } from '../schema/common';
import type { ChannelTable } from './channel';

/** Shown before an innsyn export is written, and written into the file itself. */
export const INNSYN_WARNING =
  'Denne filen inneholder personopplysninger: navn, fødselsår og opplysninger om deltakelsen i tiltaket. Oppbevar den trygt, gi den bare til den det gjelder, og slett den når den er levert.';

const years = z
  .number({ error: 'Skriv antall år som et helt tall.' })
  .int({ error: 'Skriv antall år som et helt tall.' })
  .min(1, { error: 'Antall år må være minst 1.' })
  .max(100, { error: 'Antall år kan være høyst 100.' });

/** What an erasure did to the copies: backups cleaned, and every file that still holds the person (could not be written). */
const copies = {
  backupsCleaned: z.number().int(),
  stillHolding: z.array(z.string()),
  partialsRemoved: z.number().int(),
};

export const privacyChannels = {
  /** How many deltakere ended more than N years ago and would be anonymised, and how many backups would be cleaned too. */
  'privacy:anonymisePreview': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({ years }),
    result: z.object({ cutoff: z.string(), count: z.number().int(), backupsToClean: z.number().int() }),
  },
  /** Anonymise them (navn, fødselsår, merknad removed, also from the endringslogg and every backup). */
  'privacy:anonymise': {
    writes: true,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({ years, expectedCount: z.number().int().nonnegative() }),
    result: z.object({
      cutoff: z.string(),
      anonymised: z.number().int(),
      logEntriesScrubbed: z.number().int(),
      ...copies,
    }),
  },
  /** Delete one deltaker for good, on their request, with the endringslogg of the row, also in every backup; works for a row the grid has deleted. */
  'privacy:deletePerson': {
    writes: true,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({ id }),
    result: z.object({ id, logEntriesRemoved: z.number().int(), ...copies }),
  },
  /** Deltakere deleted from the grid whose old values are still in the endringslogg (newest deletion first). */
  'privacy:deleted:list': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: true,
    input: z.object({}),
    result: z.array(z.object({ id, navn: z.string().nullable(), slettet: z.string() })),
  },
  /** Innsyn: save everything stored about one deltaker to a JSON file and a readable HTML page beside it (the app asks where). Holds names. */
  'privacy:exportPerson': {
    writes: true,
    undoable: false,
    async: false,
    returnsNames: true,
    input: z.object({ id }),
    result: z.object({
      saved: z.boolean(),
      file: z.string().nullable(),
      /** The same content as a page the person can read (HTML beside the JSON). */
      htmlFile: z.string().nullable(),
      bytes: z.number().int(),
      warning: z.string(),
    }),
  },
} as const satisfies ChannelTable;
