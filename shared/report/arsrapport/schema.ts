/**
 * The årsrapport's JSON contract (arsrapport.md «Outputs and CLI»): the form's rows and sections per
 * year and «siden oppstart», the breakdowns, and the follow-up. Aggregates only, never a name. The
 * cells a file would print as «<5» carry `suppressed: true` (with the exact count beside it).
 */
import { z } from 'zod';
import { isoDate } from '../../schema/common';
import { reportRow, reportSections } from '../schema';

export const ARSRAPPORT_TEMPLATE = 'arsrapport';

const count = z.number().int().min(0);
const pct = z.number().int().min(0).nullable();

const kjonnCounts = z.object({ K: count, M: count, A: count });
const resultat = z.object({ gjennomfort: count, til_arbeid: count, pct });

export const landLine = z.object({
  /** The value as compared (trimmed, lower case); "" for blank, "*andre" for «Andre land». */
  key: z.string(),
  /** As printed; "" is «Ikke oppgitt». */
  label: z.string(),
  count,
  suppressed: z.boolean(),
});
export type LandLine = z.infer<typeof landLine>;

export const BRUKERSTED_COUNTS = ['innom', 'startet', 'gjennomfort', 'til_arbeid', 'ansatt_hos_brukersted'] as const;
export const VEILEDER_COUNTS = ['innom', 'aktive_ved_slutt'] as const;

const flag = z.boolean();

export const brukerstedLine = z.object({
  key: z.string(),
  label: z.string(),
  innom: count,
  startet: count,
  gjennomfort: count,
  til_arbeid: count,
  ansatt_hos_brukersted: count,
  /** Per count: whether a file prints it as «<5». */
  suppressed: z.object({
    innom: flag,
    startet: flag,
    gjennomfort: flag,
    til_arbeid: flag,
    ansatt_hos_brukersted: flag,
  }),
});
export type BrukerstedLine = z.infer<typeof brukerstedLine>;

export const veilederLine = z.object({
  key: z.string(),
  label: z.string(),
  innom: count,
  aktive_ved_slutt: count,
  suppressed: z.object({ innom: flag, aktive_ved_slutt: flag }),
});
export type VeilederLine = z.infer<typeof veilederLine>;

export const ventetidKvp = z.object({
  count,
  mean_days: z.number().nullable(),
  /** mean_days ÷ 30.44 from the exact mean, one decimal, rounded half up. */
  mean_months: z.number().nullable(),
  median_days: z.number().nullable(),
  over_6_months: count,
  not_measured: count,
});
export type VentetidKvp = z.infer<typeof ventetidKvp>;

export const breakdowns = z.object({
  henviste_kjonn: kjonnCounts,
  resultat_kjonn: z.object({ K: resultat, M: resultat, A: resultat }),
  landbakgrunn: z.array(landLine),
  arbeid_eller_utdanning: z.object({ count, pct }),
  arbeid_av_avsluttede: z.object({ count, pct }),
  brukersted: z.array(brukerstedLine),
  veileder: z.array(veilederLine),
  ventetid_kvp: ventetidKvp,
});
export type Breakdowns = z.infer<typeof breakdowns>;

const followUp = z.object({ count, ja: count, nei: count, ukjent: count, ubesvart: count });
export const oppfolging = z.object({ seks: followUp, tolv: followUp });

const block = {
  from: isoDate,
  to: isoDate,
  rows: z.record(z.string(), reportRow),
  sections: reportSections,
  breakdowns,
  oppfolging,
};

export const arsrapportYear = z.object({ year: z.number().int(), ...block });
export const sinceStart = z.object(block);

export const arsrapport = z.object({
  template: z.literal(ARSRAPPORT_TEMPLATE),
  register: z.object({
    tiltak: z.string(),
    avdeling: z.string(),
    kontaktperson: z.string(),
    opptak: z.enum(['kull', 'lopende']),
  }),
  made_on: isoDate,
  /** Whether files print counts of 1–4 in landbakgrunn, brukersted and veileder as «<5». */
  small_numbers_hidden: z.boolean(),
  years: z.array(arsrapportYear),
  since_start: sinceStart,
});
export type Arsrapport = z.infer<typeof arsrapport>;
export type ArsrapportBlock = z.infer<typeof sinceStart>;
export type ArsrapportYear = z.infer<typeof arsrapportYear>;
