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
  /**
   * Files that leave the app print counts of 1–4 in the årsrapport's landbakgrunn, brukersted and
   * veileder as «<5» (arsrapport.md «Small numbers»). On by default; the leder may turn it off.
   */
  skjul_sma_tall: z.boolean(),
});
export type Settings = z.infer<typeof settings>;

export const DEFAULT_SETTINGS: Settings = {
  tiltak: '',
  avdeling: '',
  kontaktperson: '',
  opptak: 'kull',
  kull_lengde_mnd: 3,
  skjul_sma_tall: true,
};
