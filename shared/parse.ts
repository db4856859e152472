/**
 * Reading user input (a typed cell, a pasted cell, a file cell) into stored values.
 * Every function returns either the value or a Norwegian message that says what to do.
 */
import type { Code } from './codes';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** Code or label, any letter case, surrounding spaces ignored. Blank → null. */
export function parseCode(list: readonly Code[], raw: string, fieldLabel: string): Parsed<string | null> {
  const text = raw.trim();
  if (text === '') return ok(null);
  const wanted = text.toLocaleLowerCase('nb');
  const hit = list.find((c) => c.code.toLocaleLowerCase('nb') === wanted || c.label.toLocaleLowerCase('nb') === wanted);
  if (hit) return ok(hit.code);
  const choices = list.map((c) => `${c.code} (${c.label})`).join(', ');
  return fail(`«${text}» er ikke en gyldig verdi for ${fieldLabel}. Velg en av: ${choices}.`);
}

const YES = new Set(['ja', 'j', 'true', '1', 'x', 'yes', 'y']);
const NO = new Set(['nei', 'n', 'false', '0', 'no']);

/** ja/nei, j/n, true/false, 1/0, x (yes); blank is "no / unknown" and stored as null. */
export function parseYesNo(raw: string, fieldLabel: string): Parsed<boolean | null> {
  const text = raw.trim().toLocaleLowerCase('nb');
  if (text === '') return ok(null);
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return fail(`«${raw.trim()}» er ikke ja eller nei (${fieldLabel}). Skriv ja, nei, j, n, x eller la feltet stå tomt.`);
}

export function parseInteger(
  raw: string,
  fieldLabel: string,
  range: { min: number; max: number },
): Parsed<number | null> {
  const text = raw.trim().replace(/\s/g, '');
  if (text === '') return ok(null);
  if (!/^-?\d+$/.test(text)) return fail(`«${raw.trim()}» er ikke et heltall (${fieldLabel}). Skriv bare sifre.`);
  const value = Number(text);
  if (value < range.min || value > range.max) {
    return fail(`${fieldLabel} må være mellom ${range.min} og ${range.max}, ikke ${value}.`);
  }
  return ok(value);
}

export function parseText(
  raw: string,
  fieldLabel: string,
  maxLength: number,
  required: boolean,
): Parsed<string | null> {
  const text = raw.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  if (text === '') return required ? fail(`${fieldLabel} kan ikke være tomt.`) : ok(null);
  if (text.length > maxLength) return fail(`${fieldLabel} er for langt (${text.length} tegn). Maks ${maxLength} tegn.`);
  return ok(text);
}

/**
 * A number as Norwegians type it in a filter or a field: thousands apart by spaces (also the
 * no-break spaces that copied figures carry) or not at all, a decimal comma or point:
 * «100 000» → 100000, «2,5» → 2.5. Null for blank or what is no number.
 */
export function parseNumberText(raw: string | null | undefined): number | null {
  const text = (raw ?? '').trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(',', '.'));
}

/** 100000 → «100 000» (no-break space), 2.5 → «2,5». */
export function formatNumberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : value.toLocaleString('nb-NO', { maximumFractionDigits: 10 });
}
