import { z } from 'zod';
import { AVSLUTNING, JA_NEI_UKJENT, KJONN, SLUTTARSAK, YTELSE } from '../codes';
import { id, isoDate, optionalText, text } from './common';

const codeOf = <T extends readonly { code: string }[]>(list: T, what: string) =>
  z
    .string()
    .refine((v) => list.some((c) => c.code === v), { message: `Ugyldig kode for ${what}.` })
    .nullable();

/** domain.md: 1900 … this year − 15 (year only: data minimisation). Read at check time, so it moves with the year. */
const fodselsar = z
  .number()
  .int()
  .refine((year) => year >= 1900 && year <= new Date().getFullYear() - 15, {
    error: () => `Fødselsår må være mellom 1900 og ${new Date().getFullYear() - 15}.`,
  })
  .nullable();

export const deltakerFields = z.object({
  kull_id: id.nullable(),
  navn: text(200).refine((s) => s.trim() !== '', { message: 'Navn kan ikke være tomt.' }),
  fodselsar,
  kjonn: codeOf(KJONN, 'kjønn'),
  landbakgrunn: optionalText(100),
  henvist_fra: optionalText(200),
  ytelse: codeOf(YTELSE, 'ytelse'),
  henvist_dato: isoDate.nullable(),
  startdato: isoDate.nullable(),
  brukersted: optionalText(200),
  veileder: optionalText(200),
  forlenget_til: isoDate.nullable(),
  sluttdato: isoDate.nullable(),
  avslutning: codeOf(AVSLUTNING, 'avslutning'),
  sluttarsak: codeOf(SLUTTARSAK, 'sluttårsak'),
  dropout_arsak: optionalText(200),
  ansatt_hos_brukersted: z.boolean().nullable(),
  i_arbeid_etter_6_mnd: codeOf(JA_NEI_UKJENT, 'i arbeid etter 6 mnd'),
  i_arbeid_etter_12_mnd: codeOf(JA_NEI_UKJENT, 'i arbeid etter 12 mnd'),
  /** The mid-term evaluation at the placement (Sykkelvert); arsrapport.md. */
  midtevaluering_dato: isoDate.nullable(),
  merknad: optionalText(2000),
});
export type DeltakerFields = z.infer<typeof deltakerFields>;
export type DeltakerField = keyof DeltakerFields;

export const deltaker = deltakerFields.extend({ id });
export type Deltaker = z.infer<typeof deltaker>;

/** A blank deltaker: every field empty except what the caller gives. */
export function emptyDeltakerFields(): DeltakerFields {
  return {
    kull_id: null,
    navn: '',
    fodselsar: null,
    kjonn: null,
    landbakgrunn: null,
    henvist_fra: null,
    ytelse: null,
    henvist_dato: null,
    startdato: null,
    brukersted: null,
    veileder: null,
    forlenget_til: null,
    sluttdato: null,
    avslutning: null,
    sluttarsak: null,
    dropout_arsak: null,
    ansatt_hos_brukersted: null,
    i_arbeid_etter_6_mnd: null,
    i_arbeid_etter_12_mnd: null,
    midtevaluering_dato: null,
    merknad: null,
  };
}
