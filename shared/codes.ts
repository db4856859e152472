/**
 * The fixed code lists of domain.md, and the default values of the editable lists.
 * Order matters: it is the order the form and the dropdowns show.
 */

export type Code = { readonly code: string; readonly label: string };

export const KJONN = [
  { code: 'K', label: 'Kvinne' },
  { code: 'M', label: 'Mann' },
  { code: 'A', label: 'Annet/ukjent' },
] as const satisfies readonly Code[];

export const YTELSE = [
  { code: 'KVP', label: 'Kvalifiseringsstønad' },
  { code: 'OKS', label: 'Økonomisk sosialhjelp' },
  { code: 'INT', label: 'Introduksjonsstønad' },
  { code: 'AAP', label: 'Arbeidsavklaringspenger' },
  { code: 'OS', label: 'Overgangsstønad' },
  { code: 'DP', label: 'Dagpenger' },
  { code: 'ING', label: 'Ingen ytelse' },
  { code: 'ANN', label: 'Annen ytelse' },
] as const satisfies readonly Code[];

export const AVSLUTNING = [
  { code: 'PLAN', label: 'Planmessig avsluttet' },
  { code: 'IKKE', label: 'Ikke møtt' },
  { code: 'DROP', label: 'Drop-out' },
  { code: 'FLK', label: 'Flyttet ut av kommunen' },
  { code: 'FLB', label: 'Flyttet til annen bydel' },
  { code: 'UAKT', label: 'Uaktuell' },
] as const satisfies readonly Code[];

/** The form's outcome codes. The seeds print "U" for both Uføretrygdet and Ukjent; we use UF and UK. */
export const SLUTTARSAK = [
  { code: 'A', label: 'Arbeid fulltid' },
  { code: 'AD', label: 'Arbeid deltid' },
  { code: 'UT', label: 'Utdanning' },
  { code: 'GS', label: 'Grunnskole' },
  { code: 'AS', label: 'Arbeidsmarkedstiltak i statlig regi' },
  { code: 'KVP', label: 'Overført til kvalifiseringsprogram' },
  { code: 'AP', label: 'Arbeidsavklaringspenger' },
  { code: 'SU', label: 'Økonomisk sosialhjelp / uavklart helse' },
  { code: 'SH', label: 'Økonomisk sosialhjelp som hovedinntektskilde' },
  { code: 'UF', label: 'Uføretrygdet' },
  { code: 'FF', label: 'Forsørget av familie' },
  { code: 'FP', label: 'Fødselspermisjon' },
  { code: 'AN', label: 'Annet' },
  { code: 'UK', label: 'Ukjent' },
] as const satisfies readonly Code[];

/** Follow-up six and twelve months after an exit to work. Blank means "not asked yet". */
export const JA_NEI_UKJENT = [
  { code: 'ja', label: 'Ja' },
  { code: 'nei', label: 'Nei' },
  { code: 'ukjent', label: 'Ukjent' },
] as const satisfies readonly Code[];

export type KjonnCode = (typeof KJONN)[number]['code'];
export type YtelseCode = (typeof YTELSE)[number]['code'];
export type AvslutningCode = (typeof AVSLUTNING)[number]['code'];
export type SluttarsakCode = (typeof SLUTTARSAK)[number]['code'];
export type JaNeiUkjent = (typeof JA_NEI_UKJENT)[number]['code'];

export const FIXED_CODE_LISTS = {
  kjonn: KJONN,
  ytelse: YTELSE,
  avslutning: AVSLUTNING,
  sluttarsak: SLUTTARSAK,
  i_arbeid_etter_6_mnd: JA_NEI_UKJENT,
  i_arbeid_etter_12_mnd: JA_NEI_UKJENT,
} as const;
export type FixedCodeListKey = keyof typeof FIXED_CODE_LISTS;

export function codeLabel(list: readonly Code[], code: string | null | undefined): string {
  if (code == null || code === '') return '';
  return list.find((c) => c.code === code)?.label ?? code;
}

/** Lists the team edits (add, rename, hide, reorder). A value still in use is hidden, never deleted. */
export const EDITABLE_LIST_KEYS = ['henvist_fra', 'brukersted', 'dropout_arsak', 'veileder'] as const;
export type EditableListKey = (typeof EDITABLE_LIST_KEYS)[number];

export const EDITABLE_LIST_LABELS: Record<EditableListKey, string> = {
  henvist_fra: 'Henvist fra',
  brukersted: 'Brukersted',
  dropout_arsak: 'Årsak til drop-out',
  veileder: 'Veileder',
};

export const DEFAULT_LISTS: Record<EditableListKey, readonly string[]> = {
  henvist_fra: [
    'NAV Bergen Sør',
    'NAV Bergenhus',
    'NAV Bergen Vest',
    'NAV Årstad',
    'NAV Bergen Nord',
    'Ny sjanse',
    'NorA',
    'Introduksjonssenteret',
    'Bergen læringscenter',
    'Annet',
  ],
  brukersted: [],
  dropout_arsak: [
    'Flyttet utland',
    'Flyttet innland',
    'Institusjonsopphold',
    'Helseutfordringer',
    'Rus',
    'Psykisk helse',
    'Plass på AMO-kurs',
    'Ikke tilgjengelig',
    'Ønsker ikke tiltaket',
    'Annet',
  ],
  veileder: [],
};
