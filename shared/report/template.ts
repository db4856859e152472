/**
 * The municipality's rapporteringsskjema (EST's monthly form) as data: its rows, how each row is
 * counted, how its percentage is taken, and the sections printed after it. The engine only walks
 * this data, so a changed form is a change here, not in the engine.
 * Source: ../../../shared/spec/rapporteringsskjema.md (rows, sections) and domain.md (codes).
 */
import { DEFAULT_LISTS, KJONN, SLUTTARSAK } from '../codes';
import type { Deltaker } from '../schema/deltaker';

export const TEMPLATE_ID = 'est-maanedsrapport';
export const TEMPLATE_TITLE = 'Rapporteringsskjema til Etat for sosiale tjenester';

/** A report period, both ends inclusive, as ISO dates. */
export type Period = { readonly from: string; readonly to: string };

/** Whether a date (maybe blank) lies within the period, both ends inclusive. ISO dates compare as text. */
export function isInPeriod(iso: string | null, period: Period): boolean {
  return iso !== null && iso >= period.from && iso <= period.to;
}

type Matches = (d: Deltaker, period: Period) => boolean;

/**
 * How a row's percentage is taken: its own total over the sum of the totals of `per`.
 * A row without `pct` has none (JSON `null`, printed blank).
 */
export type PctRule = { readonly per: readonly string[] };

type LineBase = {
  readonly key: string;
  readonly nr: string;
  readonly label: string;
  /** The form's code, printed after the label on paper: "Arbeid fulltid (A)". */
  readonly code?: string;
  /** Printed indented under the line above ("– herav …", the sluttårsak lines). */
  readonly indent: boolean;
  readonly pct?: PctRule;
};

/**
 * A row that counts deltakere. With `within`, the row is a "herav" of that row: `matches` is asked
 * only for deltakere the parent row counted, so a sub-row can never exceed its parent.
 */
export type CountRow = LineBase & { readonly kind: 'count'; readonly within?: string; readonly matches: Matches };
/** A row that adds up other rows, column by column (row 11). */
export type SumRow = LineBase & { readonly kind: 'sum'; readonly sumOf: readonly string[] };
export type FormRow = CountRow | SumRow;
/** A printed line without numbers (the lead-in to row 13's sluttårsak lines). */
export type FormHeading = { readonly kind: 'heading'; readonly nr: string; readonly label: string };
export type FormLine = FormRow | FormHeading;

const sluttdatoInPeriod =
  (avslutning: string): Matches =>
  (d, p) =>
    d.avslutning === avslutning && isInPeriod(d.sluttdato, p);

/** The form in print order. Keys are stable: the JSON, the XLSX and the tests use them. */
export const FORM_LINES: readonly FormLine[] = [
  {
    kind: 'count',
    key: 'henviste',
    nr: '1',
    label: 'Antall henviste i perioden',
    indent: false,
    matches: (d, p) => isInPeriod(d.henvist_dato, p),
  },
  {
    kind: 'count',
    key: 'uaktuelle',
    nr: '2',
    label: '– herav henvisninger med status uaktuell',
    indent: true,
    within: 'henviste',
    matches: (d) => d.avslutning === 'UAKT',
  },
  {
    kind: 'count',
    key: 'innom',
    nr: '3',
    label: 'Antall deltakere innom i perioden',
    indent: false,
    // Started and not ended before the period; or never showed up, which the form counts when it is recorded.
    matches: (d, p) =>
      d.avslutning !== 'UAKT' &&
      ((d.startdato !== null && d.startdato <= p.to && (d.sluttdato === null || d.sluttdato >= p.from)) ||
        (d.avslutning === 'IKKE' && isInPeriod(d.sluttdato, p))),
  },
  {
    kind: 'count',
    key: 'startet',
    nr: '4',
    label: '– herav startet i perioden',
    indent: true,
    within: 'innom',
    matches: (d, p) => isInPeriod(d.startdato, p),
  },
  {
    kind: 'count',
    key: 'aktive_ved_slutt',
    nr: '5',
    label: 'Antall aktive ved periodens slutt',
    indent: false,
    // Ended on the period's last day = no longer active at its end (unlike status.isActiveOn, which includes that day).
    matches: (d, p) => d.startdato !== null && d.startdato <= p.to && (d.sluttdato === null || d.sluttdato > p.to),
  },
  {
    kind: 'count',
    key: 'ventende',
    nr: '6',
    label: 'Antall henvist, ikke startet ved periodens slutt',
    indent: false,
    matches: (d, p) =>
      d.henvist_dato !== null &&
      d.henvist_dato <= p.to &&
      (d.startdato === null || d.startdato > p.to) &&
      !(d.avslutning !== null && d.sluttdato !== null && d.sluttdato <= p.to),
  },
  {
    kind: 'count',
    key: 'ikke_mott',
    nr: '7',
    label: 'Antall «ikke møtt»',
    indent: false,
    matches: sluttdatoInPeriod('IKKE'),
  },
  {
    kind: 'count',
    key: 'drop_out',
    nr: '8',
    label: 'Antall «drop out»',
    indent: false,
    matches: sluttdatoInPeriod('DROP'),
  },
  {
    kind: 'count',
    key: 'flyttet_kommune',
    nr: '9',
    label: 'Antall avsluttet pga. flytting ut av kommunen',
    indent: false,
    matches: sluttdatoInPeriod('FLK'),
  },
  {
    kind: 'count',
    key: 'flyttet_bydel',
    nr: '10',
    label: 'Antall avsluttet pga. flytting til annen bydel',
    indent: false,
    matches: sluttdatoInPeriod('FLB'),
  },
  {
    kind: 'sum',
    key: 'avsluttet',
    nr: '11',
    label: 'Antall avsluttet i perioden, totalt',
    indent: false,
    sumOf: ['ikke_mott', 'drop_out', 'flyttet_kommune', 'flyttet_bydel', 'gjennomfort'],
  },
  {
    kind: 'count',
    key: 'gjennomfort',
    nr: '12',
    label:
      'Totalt antall deltakere med gjennomførte eller planmessig avviklet deltagelse i perioden – eksklusiv flytting',
    indent: false,
    matches: sluttdatoInPeriod('PLAN'),
    // Moving away is not a failure: the form leaves rows 9–10 out of the denominator.
    pct: { per: ['gjennomfort', 'ikke_mott', 'drop_out'] },
  },
  {
    kind: 'heading',
    nr: '13',
    label: 'Deltakere som har gjennomført eller planmessig avviklet i perioden, fordelt på hva de gikk til:',
  },
  ...SLUTTARSAK.map(
    (code): CountRow => ({
      kind: 'count',
      key: `sluttarsak.${code.code}`,
      nr: '13',
      label: code.label,
      code: code.code,
      indent: true,
      within: 'gjennomfort',
      matches: (d) => d.sluttarsak === code.code,
      pct: { per: ['gjennomfort'] },
    }),
  ),
  {
    kind: 'count',
    key: 'til_arbeid',
    nr: '14',
    label: '– herav til arbeid (A + AD)',
    indent: true,
    within: 'gjennomfort',
    matches: (d) => d.sluttarsak === 'A' || d.sluttarsak === 'AD',
    pct: { per: ['gjennomfort'] },
  },
  {
    kind: 'count',
    key: 'ansatt_hos_brukersted',
    nr: '15',
    label: '– herav ansatt hos brukerstedet',
    indent: true,
    within: 'gjennomfort',
    matches: (d) => d.ansatt_hos_brukersted === true,
    pct: { per: ['gjennomfort'] },
  },
];

/** A row's text on paper and in the files: the sluttårsak lines carry the form's code, "Arbeid fulltid (A)". */
export function printedLabel(row: FormRow): string {
  return row.code === undefined ? row.label : `${row.label} (${row.code})`;
}

export const FORM_ROWS: readonly FormRow[] = FORM_LINES.filter((line): line is FormRow => line.kind !== 'heading');

/** The report's benefit columns: KVP, ØKS, and Andre for every other code and blank. */
export const YTELSE_COLUMNS = [
  { key: 'kvp', label: 'KVP', ytelse: 'KVP' },
  { key: 'oks', label: 'ØKS', ytelse: 'OKS' },
  { key: 'andre', label: 'Andre', ytelse: null },
] as const;

export type KullCountKey =
  | 'deltakere'
  | 'aktive_ved_slutt'
  | 'planmessig_avsluttet'
  | 'til_arbeid'
  | 'ansatt_hos_brukersted'
  | 'utdanning'
  | 'avbrutt';
export type KullPctKey = 'pct_til_arbeid' | 'pct_ansatt_hos_brukersted';

/** An age group holds ages up to and including `upTo`; the last group (`upTo: null`) holds the rest. */
export type AgeGroup = { readonly key: string; readonly label: string; readonly upTo: number | null };
/** A varighet bucket holds whole months up to and including `upTo`; the last one the rest. */
export type MonthBucket = { readonly key: string; readonly label: string; readonly upTo: number | null };

/** The sections printed after the form, in print order. Each names the form row(s) it breaks down. */
export const SECTIONS = {
  kjonn_alder: {
    title: 'Kjønn og alder (deltakere innom)',
    row: 'innom',
    kjonn: KJONN,
    /** Blank kjønn is counted as A (the code means "annet/ukjent"). */
    blankKjonn: 'A',
    // Ages under 18 fold into the first group and over 67 into the last: the form has no other columns.
    ageGroups: [
      { key: '18-24', label: '18–24', upTo: 24 },
      { key: '25-29', label: '25–29', upTo: 29 },
      { key: '30-39', label: '30–39', upTo: 39 },
      { key: '40-49', label: '40–49', upTo: 49 },
      { key: '50-67', label: '50–67', upTo: null },
    ] satisfies readonly AgeGroup[],
    unknownAge: { key: 'ukjent', label: 'Ukjent' },
    headings: { kjonn: 'Kjønn', total: 'Totalt' },
  },
  henvist_fra: {
    title: 'Henvisninger fordelt på henvisende instans',
    row: 'henviste',
    field: 'henvist_fra',
    defaultList: DEFAULT_LISTS.henvist_fra,
    blankLabel: 'Ikke oppgitt',
    headings: { value: 'Henvist fra', count: 'Antall' },
  },
  varighet: {
    title: 'Varighet for avsluttede',
    rows: ['drop_out', 'flyttet_kommune', 'flyttet_bydel', 'gjennomfort'],
    buckets: [
      { key: '0-1', label: '0–1 mnd', upTo: 1 },
      { key: '2-3', label: '2–3 mnd', upTo: 3 },
      { key: '4-5', label: '4–5 mnd', upTo: 5 },
      { key: '6-11', label: '6–11 mnd', upTo: 11 },
      { key: '12+', label: '12 mnd eller mer', upTo: null },
    ] satisfies readonly MonthBucket[],
    headings: { value: 'Varighet', count: 'Antall' },
  },
  dropout_arsak: {
    title: 'Årsaker til drop-out',
    row: 'drop_out',
    field: 'dropout_arsak',
    defaultList: DEFAULT_LISTS.dropout_arsak,
    blankLabel: 'Ikke oppgitt',
    headings: { value: 'Årsak', count: 'Antall' },
  },
  ventetid: {
    title: 'Tid fra henvisning til oppstart',
    row: 'startet',
    /** The qualification program must start within six months (sosialtjenesteloven § 31). */
    longWaitMonths: 6,
    labels: {
      count: 'Antall startet i perioden med henvist dato',
      mean_days: 'Gjennomsnitt, dager',
      median_days: 'Median, dager',
      over_6_months: 'Ventet mer enn 6 måneder',
      not_measured: 'Uten henvist dato, eller henvist etter start (ikke målt)',
    },
    headings: { value: 'Mål', count: 'Verdi' },
  },
  kull: {
    title: 'Kulloversikt',
    /** A kull's counts are the form's rows for its own deltakere; a column counts a deltaker any of `rows` counted. */
    counts: [
      { key: 'deltakere', label: 'Deltakere', rows: ['innom'] },
      { key: 'aktive_ved_slutt', label: 'Aktive ved periodens slutt', rows: ['aktive_ved_slutt'] },
      { key: 'planmessig_avsluttet', label: 'Planmessig avsluttet', rows: ['gjennomfort'] },
      { key: 'til_arbeid', label: 'Til arbeid', rows: ['til_arbeid'] },
      { key: 'ansatt_hos_brukersted', label: 'Herav ansatt hos brukersted', rows: ['ansatt_hos_brukersted'] },
      { key: 'utdanning', label: 'Utdanning (UT + GS)', rows: ['sluttarsak.UT', 'sluttarsak.GS'] },
      { key: 'avbrutt', label: 'Avbrutt', rows: ['ikke_mott', 'drop_out', 'flyttet_kommune', 'flyttet_bydel'] },
    ] satisfies readonly { key: KullCountKey; label: string; rows: readonly string[] }[],
    pcts: [
      { key: 'pct_til_arbeid', label: '% til arbeid', of: 'til_arbeid', per: 'deltakere' },
      { key: 'pct_ansatt_hos_brukersted', label: '% ansatt', of: 'ansatt_hos_brukersted', per: 'deltakere' },
    ] satisfies readonly { key: KullPctKey; label: string; of: KullCountKey; per: KullCountKey }[],
    headings: { navn: 'Kull', startdato: 'Start', planlagt_sluttdato: 'Planlagt slutt', total: 'Totalt' },
    emptyText: 'Ingen kull i perioden.',
  },
  datakvalitet: {
    title: 'Datakvalitet',
    headings: { rule: 'Regel', count: 'Antall' },
  },
} as const;

export type SectionKey = keyof typeof SECTIONS;
export const SECTION_ORDER: readonly SectionKey[] = [
  'kjonn_alder',
  'henvist_fra',
  'varighet',
  'dropout_arsak',
  'ventetid',
  'kull',
  'datakvalitet',
];

/** The form's column headings, as printed and exported. */
export const FORM_HEADINGS = {
  nr: 'Nr',
  label: 'Tekst',
  total: 'Totalt',
  kvp: 'KVP',
  oks: 'ØKS',
  andre: 'Andre',
  pct: '%',
} as const;

/** The rows that count deltakere, in form order; the engine and the sections index them alike. */
export const COUNT_ROWS: readonly CountRow[] = FORM_ROWS.filter((row): row is CountRow => row.kind === 'count');
const COUNT_ROW_INDEX: ReadonlyMap<string, number> = new Map(COUNT_ROWS.map((row, i) => [row.key, i]));

/** Index of a count row in COUNT_ROWS; a template naming a row that does not exist is a programming error. */
export function countRowIndex(key: string): number {
  const index = COUNT_ROW_INDEX.get(key);
  if (index === undefined) throw new Error(`The report template has no count row "${key}".`);
  return index;
}

/** Whether a count row counts a deltaker: its own condition and, for a "herav" row, its parent's. */
export function rowCounts(row: CountRow, d: Deltaker, period: Period): boolean {
  if (row.within !== undefined && !rowCounts(COUNT_ROWS[countRowIndex(row.within)] as CountRow, d, period))
    return false;
  return row.matches(d, period);
}

/**
 * Whole percent of `part` in `whole`, rounded half up; null when `whole` is 0 (printed "–").
 * Integer arithmetic, so 29 of 200 is 15 (in floating point 0.145 × 100 = 14.4999…).
 */
export function percent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.floor((200 * part + whole) / (2 * whole));
}
