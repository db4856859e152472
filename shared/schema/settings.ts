import { z } from 'zod';
import { text } from './common';

/** What the report header and the first-run screen need; stored in the register itself. */
export const settings = z.object({
  tiltak: text(200),
  avdeling: text(200),
  kontaktperson: text(200),
  /** `kull` for programs like Sykkelvert, `lopende` for continuous intake like Mat & prat. */
  opptak: z.enum(['kull', 'lopende']),
  kull_lengde_mnd: z.number().int().min(1).max(60),
});
export type Settings = z.infer<typeof settings>;

export const DEFAULT_SETTINGS: Settings = {
  tiltak: '',
  avdeling: '',
  kontaktperson: '',
  opptak: 'kull',
  kull_lengde_mnd: 3,
};
