/**
 * The årsrapport's channels (arsrapport.md): the numbers (JSON), the HTML the screen shows and the
 * printer prints (with the charts as SVG), and saving it as a file. All of them only read the
 * register. Whether small numbers are hidden is the setting `skjul_sma_tall` (settings:update).
 */
import { z } from 'zod';
import { arsrapport } from '../report/arsrapport/schema';
import type { ChannelTable } from './channel';

const year = z
  .number()
  .int()
  .min(1900, { error: 'Velg et år fra 1900.' })
  .max(2100, { error: 'Velg et år til og med 2100.' });

/** The span of years; left out, the default (the register's first year to the last complete year, ten at most). */
const span = z
  .object({ first: year.optional(), last: year.optional() })
  .refine((s) => s.first === undefined || s.last === undefined || s.first <= s.last, {
    message: 'Første år kan ikke være etter siste år.',
    path: ['last'],
  });

export const ARSRAPPORT_FORMATS = ['pdf', 'xlsx', 'csv', 'json'] as const;
export type ArsrapportFormat = (typeof ARSRAPPORT_FORMATS)[number];

const read = { writes: false, undoable: false, returnsNames: false } as const;

export const arsrapportChannels = {
  'arsrapport:build': { ...read, async: false, input: span, result: arsrapport },
  'arsrapport:html': {
    ...read,
    async: false,
    input: span,
    result: z.object({
      html: z.string(),
      title: z.string(),
      fileName: z.string(),
      first: year,
      last: year,
      /** The register's first year (null when it holds no dates yet): the picker's earliest choice. */
      registerFirstYear: year.nullable(),
      smallNumbersHidden: z.boolean(),
    }),
  },
  /** In the app the user picks the file in a save dialog; from Node `path` says where. PDF only in the app. */
  'arsrapport:export': {
    ...read,
    async: true,
    input: z
      .object({
        first: year.optional(),
        last: year.optional(),
        format: z.enum(ARSRAPPORT_FORMATS),
        path: z.string().min(1).optional(),
      })
      .refine((s) => s.first === undefined || s.last === undefined || s.first <= s.last, {
        message: 'Første år kan ikke være etter siste år.',
        path: ['last'],
      }),
    result: z.object({ saved: z.boolean(), path: z.string().nullable(), bytes: z.number().int() }),
  },
  /** The printer dialog for the årsrapport the screen shows (only in the app). */
  'arsrapport:print': { ...read, async: true, input: z.object({}), result: z.object({ printed: z.boolean() }) },
} as const satisfies ChannelTable;
