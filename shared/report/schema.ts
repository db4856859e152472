/**
 * The report's JSON contract (rapporteringsskjema.md, "JSON"): what the CLI prints, the API returns
 * and the tests read. Aggregates, ids and rule keys only; never a name.
 */
import { z } from 'zod';
import { ROW_RULES, type RuleKey } from '../rules';
import { id, isoDate } from '../schema/common';
import { TEMPLATE_ID } from './template';

const count = z.number().int().min(0);
/** Whole percent, rounded half up; null when the denominator is 0 or the row has no percentage. */
const pct = z.number().int().min(0).nullable();

export const reportRow = z.object({
  nr: z.string(),
  label: z.string(),
  total: count,
  kvp: count,
  oks: count,
  andre: count,
  pct,
});
export type ReportRow = z.infer<typeof reportRow>;

/** One line of a breakdown: a code, list value or bucket, and how many deltakere it holds. */
export const countItem = z.object({ key: z.string(), label: z.string(), count });
export type CountItem = z.infer<typeof countItem>;

/** Counts per age group key ("18-24" … "ukjent"), in the template's order. */
const ageCounts = z.record(z.string(), count);

export const kjonnAlderSection = z.object({
  age_groups: z.array(z.object({ key: z.string(), label: z.string() })),
  rows: z.array(z.object({ key: z.string(), label: z.string(), counts: ageCounts, total: count })),
  total: z.object({ counts: ageCounts, total: count }),
});
export type KjonnAlderSection = z.infer<typeof kjonnAlderSection>;

export const ventetidSection = z.object({
  /** Deltakere in row 4 whose wait could be measured (henvist_dato set and not after startdato). */
  count,
  /** Days, one decimal, rounded half up; null when nobody was measured. */
  mean_days: z.number().nullable(),
  /** Days; the mean of the two middle values for an even count (so .0 or .5). */
  median_days: z.number().nullable(),
  over_6_months: count,
  /** Row 4 deltakere without henvist_dato, or referred after they started. */
  not_measured: count,
});
export type VentetidSection = z.infer<typeof ventetidSection>;

const kullFigures = {
  deltakere: count,
  aktive_ved_slutt: count,
  planmessig_avsluttet: count,
  til_arbeid: count,
  ansatt_hos_brukersted: count,
  utdanning: count,
  avbrutt: count,
  pct_til_arbeid: pct,
  pct_ansatt_hos_brukersted: pct,
};
export const kullLine = z.object({
  kull_id: id,
  navn: z.string(),
  startdato: isoDate,
  planlagt_sluttdato: isoDate.nullable(),
  ...kullFigures,
});
export type KullLine = z.infer<typeof kullLine>;
export const kullTotal = z.object(kullFigures);
export type KullTotal = z.infer<typeof kullTotal>;
export const kullSection = z.object({ lines: z.array(kullLine), total: kullTotal });
export type KullSection = z.infer<typeof kullSection>;

const ruleKeys = ROW_RULES.map((rule) => rule.key) as [RuleKey, ...RuleKey[]];

export const datakvalitetItem = z.object({
  rule: z.enum(ruleKeys),
  count,
  /** Ascending. */
  deltaker_ids: z.array(id),
});
export type DatakvalitetItem = z.infer<typeof datakvalitetItem>;

export const reportSections = z.object({
  kjonn_alder: kjonnAlderSection,
  henvist_fra: z.array(countItem),
  varighet: z.array(countItem),
  dropout_arsak: z.array(countItem),
  ventetid: ventetidSection,
  kull: kullSection,
});
export type ReportSections = z.infer<typeof reportSections>;

export const report = z.object({
  template: z.literal(TEMPLATE_ID),
  from: isoDate,
  to: isoDate,
  /** Keyed by the template's row keys, in form order. */
  rows: z.record(z.string(), reportRow),
  sections: reportSections,
  datakvalitet: z.array(datakvalitetItem),
});
export type Report = z.infer<typeof report>;

/** The report's heading in every output (HTML, PDF, CSV, XLSX): who made it, for which period. */
export type ReportHeader = {
  tiltak: string;
  avdeling: string;
  kontaktperson: string;
  /** ISO date the report was made. */
  madeOn: string;
  /** How the period reads in the header: "oktober 2026", "01.01.2026–31.10.2026". */
  periodLabel: string;
};
