import { z } from 'zod';
import { isIsoDate } from '../dates';

/** A stored calendar date, `yyyy-mm-dd`, that exists. */
export const isoDate = z.string().refine(isIsoDate, { message: 'Ugyldig dato. Skriv dd.mm.åååå.' });

export const id = z.number().int().positive();

/** Free text as stored: trimmed, no control characters, bounded. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Teksten er for lang (maks ${max} tegn).` })
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), {
      message: 'Teksten inneholder ugyldige tegn.',
    });

/** Free text that may be left out: blank means no value (null), exactly as a blank cell is read. */
export const optionalText = (max: number) =>
  text(max)
    .nullable()
    .transform((s) => (s === '' ? null : s));
