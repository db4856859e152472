/**
 * The report file a tiltak sends for the samlerapport (`.kullrapport.json`, samlerapport.md "The
 * report file"): the register's tiltak, the report's rows and sections for one or two periods, the
 * ventetid additions that make the city's mean and median exact, datakvalitet as counts only, and a
 * checksum over the canonical JSON of everything else. Pure: the hash comes from the caller
 * (node:crypto in electron/), so this module runs anywhere.
 */
import { z } from 'zod';
import { formatDate } from '../../dates';
import { isoDate } from '../../schema/common';
import type { VentetidDetail } from '../engine';
import { periodLabel } from '../format';
import { countItem, kjonnAlderSection, kullSection, type Report, reportRow, ventetidSection } from '../schema';
import { TEMPLATE_ID } from '../template';
import { findPersonalData } from './personal';

export const KULLRAPPORT_FORMAT = 'kullrapport';
export const KULLRAPPORT_VERSION = 1;
export const KULLRAPPORT_EXTENSION = '.kullrapport.json';
/** The hidden sheet of a Kullregister XLSX that carries the same file. */
export const KULLRAPPORT_SHEET = 'kullrapport';

/** sha256 of a text's UTF-8 bytes, as lowercase hex. */
export type Sha256 = (text: string) => string;

const count = z.number().int().min(0);

export const fileVentetid = ventetidSection.extend({
  /** The sum of the measured waits, in days: the mean is sum_days / count. */
  sum_days: count,
  /** How many waited exactly that many days: `{ "<days>": count }`, for the city's median. */
  days: z.record(z.string().regex(/^\d+$/), count),
});
export type FileVentetid = z.infer<typeof fileVentetid>;

export const fileSections = z.object({
  kjonn_alder: kjonnAlderSection,
  henvist_fra: z.array(countItem),
  varighet: z.array(countItem),
  dropout_arsak: z.array(countItem),
  ventetid: fileVentetid,
  kull: kullSection,
});
export type FileSections = z.infer<typeof fileSections>;

/** Datakvalitet as counts only: never which deltakere. */
export const countOnlyQuality = z.array(z.object({ rule: z.string(), count }));
export type CountOnlyQuality = z.infer<typeof countOnlyQuality>;

export const filePeriod = z.object({
  from: isoDate,
  to: isoDate,
  rows: z.record(z.string(), reportRow),
  sections: fileSections,
  datakvalitet: countOnlyQuality,
});
export type FilePeriod = z.infer<typeof filePeriod>;

export const fileRegister = z.object({
  tiltak: z.string(),
  avdeling: z.string(),
  kontaktperson: z.string(),
  opptak: z.enum(['kull', 'lopende']),
});
export type FileRegister = z.infer<typeof fileRegister>;

export const kullrapportFile = z.object({
  format: z.literal(KULLRAPPORT_FORMAT),
  version: z.literal(KULLRAPPORT_VERSION),
  template: z.literal(TEMPLATE_ID),
  register: fileRegister,
  made_at: z.iso.datetime({ offset: true }),
  periods: z.array(filePeriod).min(1),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
});
export type KullrapportFile = z.infer<typeof kullrapportFile>;

/**
 * The canonical JSON the checksum is taken of (docs/samlerapport.md): object keys sorted by UTF-16
 * code units, no whitespace, strings and numbers exactly as JSON.stringify writes them, keys whose
 * value is undefined left out. For this file's data (strings, integers, one-decimal numbers, null)
 * this is the JSON Canonicalization Scheme of RFC 8785.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

/** The checksum of a file: sha256 of the canonical JSON of everything but `checksum`. */
export function checksumOf(file: Record<string, unknown>, sha256: Sha256): string {
  const { checksum: _left_out, ...rest } = file;
  return sha256(canonicalJson(rest));
}

/** A moment as local time with its UTC offset, to the second: 2026-11-30T14:02:11+01:00. */
export function localTimestamp(now: Date): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -now.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` +
    `T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

/** One period of the file from the report and its ventetid detail: the report's JSON, ids dropped. */
export function filePeriodOf(report: Report, ventetid: VentetidDetail): FilePeriod {
  return {
    from: report.from,
    to: report.to,
    rows: report.rows,
    sections: { ...report.sections, ventetid: { ...report.sections.ventetid, ...ventetid } },
    datakvalitet: report.datakvalitet.map(({ rule, count }) => ({ rule, count })),
  };
}

export function buildKullrapport(
  input: { register: FileRegister; madeAt: string; periods: readonly FilePeriod[] },
  sha256: Sha256,
): KullrapportFile {
  const body: Omit<KullrapportFile, 'checksum'> = {
    format: KULLRAPPORT_FORMAT,
    version: KULLRAPPORT_VERSION,
    template: TEMPLATE_ID,
    register: input.register,
    made_at: input.madeAt,
    periods: [...input.periods],
  };
  return { ...body, checksum: checksumOf(body, sha256) };
}

/** The file as it is written: pretty JSON (the checksum does not depend on the layout). */
export function kullrapportText(file: KullrapportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** `Mat & prat 2026-10-01–2026-10-31.kullrapport.json`, without characters Windows refuses. */
export function kullrapportFileName(tiltak: string, from: string, to: string): string {
  const cleaned = tiltak
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `${cleaned || 'tiltak'} ${from}–${to}${KULLRAPPORT_EXTENSION}`;
}

export type CheckedFile = { ok: true; file: KullrapportFile } | { ok: false; reason: string };

const ASK_AGAIN = 'Be tiltaket lage filen på nytt med «Lagre for samlerapport» på Rapport-skjermen.';

/** Why a file is not a report file, in Norwegian, naming the file and saying what to do. */
export const REFUSALS = {
  broken: (name: string) =>
    `«${name}» kan ikke leses: filen er ødelagt eller ikke fullstendig (ikke gyldig JSON). ${ASK_AGAIN}`,
  notReport: (name: string) =>
    `«${name}» er ikke en rapportfil fra Kullregister. Velg filer som slutter på ${KULLRAPPORT_EXTENSION}, eller Excel-filer lagret fra Rapport-skjermen i Kullregister.`,
  noSheet: (name: string) =>
    `«${name}» er en Excel-fil uten rapportdata fra Kullregister (det skjulte arket «${KULLRAPPORT_SHEET}» mangler). Be tiltaket lagre rapporten som Excel fra Rapport-skjermen på nytt, eller sende filen fra «Lagre for samlerapport».`,
  template: (name: string, template: string) =>
    `«${name}» er laget for et annet skjema («${template}»), ikke rapporteringsskjemaet til Etat for sosiale tjenester. Be tiltaket sende rapporten på dette skjemaet.`,
  newer: (name: string, version: unknown) =>
    `«${name}» er laget av en nyere versjon av Kullregister (filformat ${String(version)}). Oppdater Kullregister her, og prøv igjen.`,
  changed: (name: string) =>
    `«${name}» er endret etter at den ble laget (kontrollsummen stemmer ikke), så tallene kan ikke brukes. ${ASK_AGAIN}`,
  personal: (name: string, what: string) =>
    `«${name}» ser ut til å inneholde personopplysninger (${what}) og er ikke lest inn; innholdet vises ikke. Slett filen, og ${ASK_AGAIN.charAt(0).toLowerCase()}${ASK_AGAIN.slice(1)} Den tar bare med tall.`,
  invalid: (name: string, where: string) => `«${name}» har feil innhold (${where}). ${ASK_AGAIN}`,
  period: (name: string, wanted: { from: string; to: string }, has: readonly { from: string; to: string }[]) =>
    `«${name}» har ikke perioden ${periodLabel(wanted.from, wanted.to)}. Den har: ${has
      .map((p) => periodLabel(p.from, p.to))
      .join(
        ', ',
      )}. Velg en av disse periodene, eller be tiltaket sende rapporten for ${periodLabel(wanted.from, wanted.to)}.`,
} as const;

/**
 * Reads a report file's text: everything that is not a whole, unchanged file of this format and
 * version is refused with the reason. Personal data is looked for first, in the whole tree, so such
 * a file is refused whatever else is wrong with it, and nothing of it is repeated.
 */
export function checkKullrapport(text: string, name: string, sha256: Sha256): CheckedFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, reason: REFUSALS.broken(name) };
  }
  let personal: string | null;
  try {
    personal = findPersonalData(parsed);
  } catch {
    // Nested deeper than the stack allows: no report file is.
    return { ok: false, reason: REFUSALS.notReport(name) };
  }
  if (personal !== null) return { ok: false, reason: REFUSALS.personal(name, personal) };
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, reason: REFUSALS.notReport(name) };
  }
  const raw = parsed as Record<string, unknown>;
  if (raw.format !== KULLRAPPORT_FORMAT) return { ok: false, reason: REFUSALS.notReport(name) };
  if (typeof raw.version === 'number' && raw.version > KULLRAPPORT_VERSION) {
    return { ok: false, reason: REFUSALS.newer(name, raw.version) };
  }
  if (raw.version !== KULLRAPPORT_VERSION) return { ok: false, reason: REFUSALS.notReport(name) };
  if (raw.template !== TEMPLATE_ID) return { ok: false, reason: REFUSALS.template(name, String(raw.template)) };
  if (typeof raw.checksum !== 'string' || raw.checksum !== checksumOf(raw, sha256)) {
    return { ok: false, reason: REFUSALS.changed(name) };
  }
  const checked = kullrapportFile.safeParse(raw);
  if (!checked.success) {
    const where = checked.error.issues[0]?.path.map(String).join('.') || 'filen';
    return { ok: false, reason: REFUSALS.invalid(name, where) };
  }
  return { ok: true, file: checked.data };
}

/** How a file's made_at reads for people: 30.11.2026 kl. 14.02. */
export function madeAtLabel(madeAt: string): string {
  const date = madeAt.slice(0, 10);
  return `${formatDate(date)} kl. ${madeAt.slice(11, 13)}.${madeAt.slice(14, 16)}`;
}
