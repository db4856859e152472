/**
 * The row-level rules of domain.md. A row that breaks one is still stored (the team may know
 * something the rule does not), but it is flagged in the grid and counted in the report's
 * Datakvalitet section. The keys are stable: the report JSON carries them.
 */
import { daysBetween, isAfterMonthsFrom } from './dates';
import type { DeltakerFields } from './schema/deltaker';

export type RuleKey =
  | 'henvist_etter_start'
  | 'start_etter_slutt'
  | 'forlenget_for_start'
  | 'sluttdato_mangler'
  | 'avslutning_mangler'
  | 'sluttarsak_mangler'
  | 'sluttarsak_uten_plan'
  | 'dropout_arsak_uten_drop'
  | 'startdato_ved_ikke_startet'
  | 'oppfolging_uten_arbeid'
  | 'oppfolging_12_uten_arbeid'
  | 'ventetid_over_6_mnd';

type Rule = {
  key: RuleKey;
  title: string;
  /** The message shown on the row; `d` breaks the rule. */
  message: (d: DeltakerFields) => string;
  breaks: (d: DeltakerFields) => boolean;
};

/** In the order the Datakvalitet section lists them. */
export const ROW_RULES: readonly Rule[] = [
  {
    key: 'henvist_etter_start',
    title: 'Henvist dato er etter startdato',
    message: () => 'Henvist dato er etter startdato. Sjekk begge datoene.',
    breaks: (d) => d.henvist_dato !== null && d.startdato !== null && d.henvist_dato > d.startdato,
  },
  {
    key: 'start_etter_slutt',
    title: 'Startdato er etter sluttdato',
    message: () => 'Startdato er etter sluttdato. Sjekk begge datoene.',
    breaks: (d) => d.startdato !== null && d.sluttdato !== null && d.startdato > d.sluttdato,
  },
  {
    key: 'forlenget_for_start',
    title: 'Forlenget til er før startdato',
    message: () => '«Forlenget til» er før startdato.',
    breaks: (d) => d.forlenget_til !== null && d.startdato !== null && d.forlenget_til < d.startdato,
  },
  {
    key: 'sluttdato_mangler',
    title: 'Avslutning uten sluttdato',
    message: () => 'Avslutning er satt, men sluttdato mangler. Fyll inn sluttdato.',
    breaks: (d) => d.avslutning !== null && d.sluttdato === null,
  },
  {
    key: 'avslutning_mangler',
    title: 'Sluttdato uten avslutning',
    message: () => 'Sluttdato er satt, men avslutning mangler. Velg hvordan deltakelsen ble avsluttet.',
    breaks: (d) => d.sluttdato !== null && d.avslutning === null,
  },
  {
    key: 'sluttarsak_mangler',
    title: 'Planmessig avsluttet uten sluttårsak',
    message: () => 'Planmessig avsluttet, men sluttårsak mangler. Velg hva deltakeren gikk til.',
    breaks: (d) => d.avslutning === 'PLAN' && d.sluttarsak === null,
  },
  {
    key: 'sluttarsak_uten_plan',
    title: 'Sluttårsak uten planmessig avslutning',
    message: () => 'Sluttårsak brukes bare når avslutning er «Planmessig avsluttet».',
    breaks: (d) => d.sluttarsak !== null && d.avslutning !== 'PLAN',
  },
  {
    key: 'dropout_arsak_uten_drop',
    title: 'Drop-out-årsak uten drop-out',
    message: () => 'Årsak til drop-out brukes bare når avslutning er «Drop-out».',
    breaks: (d) => d.dropout_arsak !== null && d.avslutning !== 'DROP',
  },
  {
    key: 'startdato_ved_ikke_startet',
    title: 'Startdato ved «ikke møtt» eller «uaktuell»',
    message: () => '«Ikke møtt» og «Uaktuell» skal ikke ha startdato. Fjern startdato eller endre avslutning.',
    breaks: (d) => (d.avslutning === 'IKKE' || d.avslutning === 'UAKT') && d.startdato !== null,
  },
  {
    key: 'oppfolging_uten_arbeid',
    title: 'Oppfølging etter 6 mnd uten sluttårsak arbeid',
    message: () => '«I arbeid etter 6 mnd» brukes bare når sluttårsak er arbeid (A eller AD).',
    breaks: (d) => d.i_arbeid_etter_6_mnd !== null && d.sluttarsak !== 'A' && d.sluttarsak !== 'AD',
  },
  {
    key: 'oppfolging_12_uten_arbeid',
    title: 'Oppfølging etter 12 mnd uten sluttårsak arbeid',
    message: () => '«I arbeid etter 12 mnd» brukes bare når sluttårsak er arbeid (A eller AD).',
    breaks: (d) => d.i_arbeid_etter_12_mnd !== null && d.sluttarsak !== 'A' && d.sluttarsak !== 'AD',
  },
  {
    key: 'ventetid_over_6_mnd',
    title: 'Mer enn 6 måneder fra henvisning til start',
    message: (d) =>
      `Startet ${daysBetween(d.henvist_dato ?? '', d.startdato ?? '')} dager etter henvisning, mer enn 6 måneder (sosialtjenesteloven § 31).`,
    breaks: (d) => d.henvist_dato !== null && d.startdato !== null && isAfterMonthsFrom(d.startdato, d.henvist_dato, 6),
  },
];

export type RowWarning = { rule: RuleKey; message: string };

export function rowWarnings(d: DeltakerFields): RowWarning[] {
  const warnings: RowWarning[] = [];
  for (const rule of ROW_RULES) {
    if (rule.breaks(d)) warnings.push({ rule: rule.key, message: rule.message(d) });
  }
  return warnings;
}

export function ruleTitle(key: RuleKey): string {
  return ROW_RULES.find((r) => r.key === key)?.title ?? key;
}
