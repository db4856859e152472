import { z } from 'zod';
import { id, isoDate, optionalText, text } from './common';

export const kullFields = z.object({
  navn: text(100).refine((s) => s.trim() !== '', { message: 'Navn kan ikke være tomt.' }),
  startdato: isoDate,
  planlagt_sluttdato: isoDate.nullable(),
  kapasitet: z
    .number()
    .int()
    .min(0, { message: 'Kapasitet kan ikke være negativ.' })
    .max(100000, { message: 'Kapasitet kan ikke være over 100000.' })
    .nullable(),
  merknad: optionalText(2000),
});
export type KullFields = z.infer<typeof kullFields>;

export const kull = kullFields.extend({ id });
export type Kull = z.infer<typeof kull>;

/** A kull as the grid shows it: with its computed counts. */
export const kullRow = kull.extend({
  antall_deltakere: z.number().int(),
  antall_aktive: z.number().int(),
});
export type KullRow = z.infer<typeof kullRow>;
