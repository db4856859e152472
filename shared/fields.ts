/**
 * Every field a user can type, paste or import, described once: its Norwegian label, the names
 * a spreadsheet header may use for it, and how text becomes a stored value. The grids, the paste
 * code and the importers all read user input through `parseFieldInput`, so a cell means the same
 * thing wherever it was typed.
 */
import { AVSLUTNING, type Code, type EditableListKey, JA_NEI_UKJENT, KJONN, SLUTTARSAK, YTELSE } from './codes';
import { parseDateInput } from './dates';
import { type Parsed, parseCode, parseInteger, parseText, parseYesNo } from './parse';
import type { DeltakerFields } from './schema/deltaker';
import type { KullFields } from './schema/kull';

export type FieldKind =
  | { type: 'text'; max: number; required?: boolean }
  | { type: 'integer'; min: number | 'fodselsar-min'; max: number | 'fodselsar-max' }
  | { type: 'date'; required?: boolean }
  | { type: 'code'; list: readonly Code[] }
  | { type: 'list'; list: EditableListKey }
  | { type: 'yesno' }
  | { type: 'kull' };

export type FieldDef<K extends string> = {
  key: K;
  label: string;
  kind: FieldKind;
  /** Other header names a spreadsheet may use (lower case; compared without case, spaces or punctuation). */
  synonyms: readonly string[];
};

export const DELTAKER_FIELDS: readonly FieldDef<keyof DeltakerFields>[] = [
  {
    key: 'navn',
    label: 'Navn',
    kind: { type: 'text', max: 200, required: true },
    synonyms: ['fullt navn', 'deltaker', 'deltakernavn', 'name'],
  },
  { key: 'kull_id', label: 'Kull', kind: { type: 'kull' }, synonyms: ['kull', 'kullnavn', 'cohort'] },
  {
    key: 'fodselsar',
    label: 'Fødselsår',
    kind: { type: 'integer', min: 'fodselsar-min', max: 'fodselsar-max' },
    synonyms: ['født', 'fodt', 'år født'],
  },
  { key: 'kjonn', label: 'Kjønn', kind: { type: 'code', list: KJONN }, synonyms: ['kjonn'] },
  {
    key: 'landbakgrunn',
    label: 'Landbakgrunn',
    kind: { type: 'text', max: 100 },
    synonyms: ['land', 'opprinnelsesland', 'nasjonalitet'],
  },
  {
    key: 'henvist_fra',
    label: 'Henvist fra',
    kind: { type: 'list', list: 'henvist_fra' },
    synonyms: ['nav-kontor', 'nav kontor', 'henvisende instans', 'henviser'],
  },
  {
    key: 'ytelse',
    label: 'Ytelse',
    kind: { type: 'code', list: YTELSE },
    synonyms: ['stønad', 'inntekt', 'ytelsestype'],
  },
  {
    key: 'henvist_dato',
    label: 'Henvist dato',
    kind: { type: 'date' },
    synonyms: ['henvist', 'henvisningsdato', 'dato henvist'],
  },
  {
    key: 'startdato',
    label: 'Startdato',
    kind: { type: 'date' },
    synonyms: ['start', 'oppstart', 'oppstartsdato', 'dato start'],
  },
  {
    key: 'brukersted',
    label: 'Brukersted',
    kind: { type: 'list', list: 'brukersted' },
    synonyms: ['praksisplass', 'praksissted', 'arbeidssted', 'sykehjem'],
  },
  {
    key: 'veileder',
    label: 'Veileder',
    kind: { type: 'list', list: 'veileder' },
    synonyms: ['kontaktperson', 'arbeidsleder'],
  },
  { key: 'forlenget_til', label: 'Forlenget til', kind: { type: 'date' }, synonyms: ['forlenget', 'forlengelse'] },
  { key: 'sluttdato', label: 'Sluttdato', kind: { type: 'date' }, synonyms: ['slutt', 'avsluttet dato', 'dato slutt'] },
  {
    key: 'avslutning',
    label: 'Avslutning',
    kind: { type: 'code', list: AVSLUTNING },
    synonyms: ['avslutningstype', 'status ved slutt'],
  },
  {
    key: 'sluttarsak',
    label: 'Sluttårsak',
    kind: { type: 'code', list: SLUTTARSAK },
    synonyms: ['sluttårsak', 'gikk til', 'resultat'],
  },
  {
    key: 'dropout_arsak',
    label: 'Årsak til drop-out',
    kind: { type: 'list', list: 'dropout_arsak' },
    synonyms: ['drop-out-årsak', 'dropoutårsak', 'årsak drop-out', 'dropout årsak'],
  },
  {
    key: 'ansatt_hos_brukersted',
    label: 'Ansatt hos brukersted',
    kind: { type: 'yesno' },
    synonyms: ['ansatt', 'fikk jobb på brukersted'],
  },
  {
    key: 'i_arbeid_etter_6_mnd',
    label: 'I arbeid etter 6 mnd',
    kind: { type: 'code', list: JA_NEI_UKJENT },
    synonyms: ['i arbeid etter 6 måneder', 'arbeid etter 6 mnd'],
  },
  {
    key: 'i_arbeid_etter_12_mnd',
    label: 'I arbeid etter 12 mnd',
    kind: { type: 'code', list: JA_NEI_UKJENT },
    synonyms: ['i arbeid etter 12 måneder', 'arbeid etter 12 mnd'],
  },
  {
    key: 'midtevaluering_dato',
    label: 'Midtevaluering',
    kind: { type: 'date' },
    synonyms: ['midtevaluering dato', 'dato midtevaluering', 'midtveisevaluering'],
  },
  {
    key: 'merknad',
    label: 'Merknad',
    kind: { type: 'text', max: 2000 },
    synonyms: ['kommentar', 'notat', 'merknader'],
  },
];

export const KULL_FIELDS: readonly FieldDef<keyof KullFields>[] = [
  { key: 'navn', label: 'Navn', kind: { type: 'text', max: 100, required: true }, synonyms: ['kull', 'kullnavn'] },
  { key: 'startdato', label: 'Startdato', kind: { type: 'date', required: true }, synonyms: ['start', 'oppstart'] },
  {
    key: 'planlagt_sluttdato',
    label: 'Planlagt slutt',
    kind: { type: 'date' },
    synonyms: ['planlagt sluttdato', 'sluttdato', 'slutt'],
  },
  {
    key: 'kapasitet',
    label: 'Kapasitet',
    kind: { type: 'integer', min: 0, max: 100000 },
    synonyms: ['plasser', 'antall plasser'],
  },
  { key: 'merknad', label: 'Merknad', kind: { type: 'text', max: 2000 }, synonyms: ['kommentar', 'notat'] },
];

/** What parsing needs to know about the register: its kull (by navn) and the editable lists. */
export type ParseContext = {
  kullByName: (navn: string) => number | undefined;
  listValues: (list: EditableListKey) => readonly string[];
  thisYear: number;
};

export function fodselsarRange(thisYear: number): { min: number; max: number } {
  return { min: 1900, max: thisYear - 15 };
}

export type FieldValue = string | number | boolean | null;

/** Text → stored value for one field, or a message that says what is wrong and what to do. */
export function parseFieldInput(def: FieldDef<string>, raw: string, ctx: ParseContext): Parsed<FieldValue> {
  const kind = def.kind;
  switch (kind.type) {
    case 'text':
      return parseText(raw, def.label, kind.max, kind.required ?? false);
    case 'integer': {
      const years = fodselsarRange(ctx.thisYear);
      const min = kind.min === 'fodselsar-min' ? years.min : kind.min;
      const max = kind.max === 'fodselsar-max' ? years.max : kind.max;
      return parseInteger(raw, def.label, { min, max });
    }
    case 'date': {
      const parsed = parseDateInput(raw);
      if (parsed.ok && parsed.value === null && kind.required) {
        return { ok: false, message: `${def.label} må fylles ut (dd.mm.åååå).` };
      }
      return parsed;
    }
    case 'code':
      return parseCode(kind.list, raw, def.label.toLocaleLowerCase('nb'));
    case 'list':
      return parseListValue(raw, ctx.listValues(kind.list), def.label);
    case 'yesno':
      return parseYesNo(raw, def.label);
    case 'kull': {
      const text = raw.trim();
      if (text === '') return { ok: true, value: null };
      const id = ctx.kullByName(text);
      if (id === undefined) {
        return {
          ok: false,
          message: `Finner ikke kullet «${text}». Opprett det under Kull først, eller la feltet stå tomt.`,
        };
      }
      return { ok: true, value: id };
    }
  }
}

/**
 * Editable lists are open: a known value is matched without regard to case (so the list keeps one
 * spelling), an unknown one is accepted as typed and becomes a new list entry when saved.
 */
export function parseListValue(raw: string, values: readonly string[], label: string): Parsed<string | null> {
  const parsed = parseText(raw, label, 200, false);
  if (!parsed.ok || parsed.value === null) return parsed;
  const wanted = parsed.value.toLocaleLowerCase('nb');
  const known = values.find((v) => v.toLocaleLowerCase('nb') === wanted);
  return { ok: true, value: known ?? parsed.value };
}

/** Header text → field key, by key, label or synonym; case, spaces, `_`, `-` and `.` ignored. */
export function matchHeader<K extends string>(fields: readonly FieldDef<K>[], header: string): K | undefined {
  const norm = normaliseHeader(header);
  if (norm === '') return undefined;
  return fields.find(
    (f) =>
      normaliseHeader(f.key) === norm ||
      normaliseHeader(f.label) === norm ||
      f.synonyms.some((s) => normaliseHeader(s) === norm),
  )?.key;
}

function normaliseHeader(text: string): string {
  return text
    .trim()
    .toLocaleLowerCase('nb')
    .replace(/[\s_.\-–]+/g, '');
}

export function deltakerField(key: string): FieldDef<keyof DeltakerFields> | undefined {
  return DELTAKER_FIELDS.find((f) => f.key === key);
}

export function kullField(key: string): FieldDef<keyof KullFields> | undefined {
  return KULL_FIELDS.find((f) => f.key === key);
}
