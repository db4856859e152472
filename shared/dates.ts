/**
 * The one module that parses and formats dates. Storage is ISO `yyyy-mm-dd` (a calendar date, no
 * time, no zone); users see and type `dd.mm.yyyy`. Nothing else may call `new Date(string)`:
 * time zones turn 1 March into 28 February.
 */
import { format, isValid, parseISO } from 'date-fns';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Accepted input shapes, tried in order: which group is the day, the month and the year. */
const INPUT_PATTERNS: ReadonlyArray<{ test: RegExp; day: number; month: number; year: number }> = [
  { test: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, year: 1, month: 2, day: 3 },
  { test: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, day: 1, month: 2, year: 3 },
  { test: /^(\d{1,2})\.(\d{1,2})\.(\d{2})$/, day: 1, month: 2, year: 3 },
  { test: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, day: 1, month: 2, year: 3 },
];

/** The months' Norwegian names, as the form and the messages write them. */
export const MONTH_NAMES = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
] as const;

/** A Date's day in the machine's time zone, as dates are stored: `2026-03-05`. */
export function toIso(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** A real calendar date as yyyy-mm-dd. Plain arithmetic: the grid formats 100,000 rows with it. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export type DateParse = { ok: true; value: string | null } | { ok: false; message: string };

/**
 * Reads what a user typed (or a file held) as a date. Blank → null.
 * Two-digit years: 00–69 → 2000–2069, 70–99 → 1970–1999 (date-fns' reference-date rule would
 * move with today; a register must read the same file the same way every year).
 */
export function parseDateInput(raw: string): DateParse {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  for (const pattern of INPUT_PATTERNS) {
    const match = pattern.test.exec(text);
    if (!match) continue;
    const day = Number(match[pattern.day]);
    const month = Number(match[pattern.month]);
    let year = Number(match[pattern.year]);
    if ((match[pattern.year] as string).length === 2) year = year < 70 ? 2000 + year : 1900 + year;
    if (month < 1 || month > 12) {
      return { ok: false, message: `«${text}» finnes ikke: måneden må være 1–12. Skriv datoen som dd.mm.åååå.` };
    }
    if (day < 1 || day > daysInMonth(year, month)) {
      return {
        ok: false,
        message: `«${text}» finnes ikke: ${MONTH_NAMES[month - 1]} ${year} har ${daysInMonth(year, month)} dager.`,
      };
    }
    if (year < 1900 || year > 2100) {
      return { ok: false, message: `Året ${year} er utenfor det som er mulig. Skriv datoen som dd.mm.åååå.` };
    }
    return { ok: true, value: `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}` };
  }
  return {
    ok: false,
    message: `«${text}» er ikke en gyldig dato. Skriv dd.mm.åååå, for eksempel 01.03.2026.`,
  };
}

/** `2026-03-01` → `01.03.2026`; blank stays blank. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  if (!isIsoDate(iso)) return iso;
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/**
 * A moment stored as an ISO timestamp (`2026-03-05T13:04:00.000Z`, UTC) → `05.03.2026 14:04` in the
 * machine's time zone, for logs and backups; text that is no timestamp is shown as it is.
 */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return '';
  const moment = parseISO(iso);
  return isValid(moment) ? format(moment, 'dd.MM.yyyy HH:mm') : iso;
}

/**
 * A moment as a sentence says it: `2026-03-05T13:04:00.000Z` → `05.03.2026 kl. 14:04` in the
 * machine's time zone (who has a register open, when a backup was made); not a moment → `ukjent tid`.
 */
export function formatTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return 'ukjent tid';
  const d = new Date(ms);
  return `${pad2(d.getDate())}.${pad2(d.getMonth() + 1)}.${d.getFullYear()} kl. ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/*
 * Month and day arithmetic on the ISO text itself, in integers: these run for every deltaker of a
 * report (the six-month rule, ventetid, varighet), and date-fns' Date objects cost ~2 µs a call.
 * A test checks them against date-fns for every day 1900–2100.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}

/** The digits of `iso` from `start` to `end` as a number; NaN if any is not a digit. */
function digits(iso: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const digit = iso.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * Year, month, day of a stored date. A day the month does not have (31 September, from a file
 * edited outside the app) runs on into the next month, as a JavaScript Date would, so one damaged
 * row cannot stop a report; text that is no date at all throws (as date-fns' format did).
 */
function isoParts(iso: string): [number, number, number] {
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 7);
  const d = digits(iso, 8, 10);
  if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-' || !(y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) {
    throw new RangeError(`Ikke en lagret dato: «${iso}».`);
  }
  return [y, m, d];
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function dayNumber(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The same day `months` calendar months later (earlier when negative); a day the target month does
 * not have becomes its last day (31 August + 6 months = 28 February), as date-fns' addMonths.
 */
export function addMonthsIso(iso: string, months: number): string {
  const [y, m, d] = isoParts(iso);
  const index = y * 12 + (m - 1) + Math.trunc(months);
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Whether `later` comes after the day `months` calendar months after `iso`, as
 * `later > addMonthsIso(iso, months)` says, without making that day's text: the report asks it twice
 * for every deltaker who started (the six-month rule and Ventetid). `later` is compared as text.
 */
export function isAfterMonthsFrom(later: string, iso: string, months: number): boolean {
  const [y, m, d] = isoParts(iso);
  const index = y * 12 + (m - 1) + Math.trunc(months);
  const year = Math.floor(index / 12);
  if (year < 0 || year > 9999) return later > addMonthsIso(iso, months);
  const month = index - year * 12 + 1;
  const day = Math.min(d, daysInMonth(year, month));
  // The ten characters of yyyy-mm-dd, compared one by one with `later` as string comparison does.
  for (let i = 0; i < 10; i++) {
    if (i >= later.length) return false;
    const want = i === 4 || i === 7 ? 45 : 48 + isoDigit(year, month, day, i);
    const have = later.charCodeAt(i);
    if (have !== want) return have > want;
  }
  return later.length > 10;
}

/** Digit `i` (0–9, not 4 or 7) of the yyyy-mm-dd text of a date. */
function isoDigit(year: number, month: number, day: number, i: number): number {
  switch (i) {
    case 0:
      return Math.floor(year / 1000);
    case 1:
      return Math.floor(year / 100) % 10;
    case 2:
      return Math.floor(year / 10) % 10;
    case 3:
      return year % 10;
    case 5:
      return Math.floor(month / 10);
    case 6:
      return month % 10;
    case 8:
      return Math.floor(day / 10);
    default:
      return day % 10;
  }
}

/** Calendar days from one date to the other, negative when the second is earlier. */
export function daysBetween(fromIso: string, toIsoDate: string): number {
  const [fy, fm, fd] = isoParts(fromIso);
  const [ty, tm, td] = isoParts(toIsoDate);
  return dayNumber(ty, tm, td) - dayNumber(fy, fm, fd);
}

/**
 * Whole calendar months from one date to another: the largest n with addMonthsIso(from, n) ≤ to,
 * and 0 when `to` is earlier. 1 March → 31 May is 2, → 1 June is 3. At a month's end it agrees with
 * addMonthsIso, so "a month" means the same in varighet as in the six-month rule: 31 January →
 * 28 February is 1, and 31 August → 28 February is 6 (docs/report.md).
 */
export function wholeMonthsBetween(fromIso: string, toIsoDate: string): number {
  const [fy, fm, fd] = isoParts(fromIso);
  const [ty, tm, td] = isoParts(toIsoDate);
  let months = (ty - fy) * 12 + (tm - fm);
  // addMonthsIso(from, months) lands on min(fd, last day of to's month); one month less if that is after `to`.
  if (td < fd && td < daysInMonth(ty, tm)) months -= 1;
  return Math.max(0, months);
}

/** Today as ISO, in the machine's local time zone. */
export function todayIso(now: Date = new Date()): string {
  return toIso(now);
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

export function lastDayOfMonth(year: number, month: number): string {
  return toIso(new Date(year, month, 0));
}
