/**
 * Calendar dates are plain `YYYY-MM-DD` strings (no time zone); instants are ISO 8601 UTC.
 * "Today" is the calendar date in Italy, where the project works.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const PROJECT_TIME_ZONE = 'Europe/Rome';

/** Inclusive bounds on the year of a date or an instant. */
export interface YearRange {
  readonly min: number;
  readonly max: number;
}

/**
 * The years a date or an instant the API accepts may have, unless a field says otherwise:
 * wide enough for any birth date and plan, narrow enough that every engine stores it as written
 * (PostgreSQL has no year 0).
 */
export const DATE_YEARS: YearRange = { min: 1900, max: 2999 };

/** Any four-digit year: for dates the code computes, not for input. */
export const ANY_YEAR: YearRange = { min: 0, max: 9999 };

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30), within `years`. */
export function isIsoDate(value: unknown, years: YearRange = DATE_YEARS): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < years.min || y > years.max) return false;
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

const ISO_INSTANT =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** The largest UTC offset in use (Kiribati, +14:00). */
const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * An ISO 8601 instant with a zone (`Z` or `±hh:mm`, at most ±14:00) and a real date and time
 * (no 2026-02-30, no T24:00, no leap second) → the same instant in canonical UTC
 * (`2026-05-01T09:30:00.000Z`; digits finer than milliseconds dropped); undefined when it is not one.
 * The date as written must lie within `years`.
 */
export function parseIsoInstant(value: unknown, years: YearRange = DATE_YEARS): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_INSTANT.exec(value);
  if (!m) return undefined;
  const [, date, hh, mm, ss = '00', fraction = '', z, sign, oh, om] = m;
  if (!isIsoDate(date, years)) return undefined;
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return undefined;
  if (!z && (Number(om) > 59 || Number(oh) * 60 + Number(om) > MAX_OFFSET_MINUTES)) {
    return undefined;
  }
  const millis = fraction.slice(0, 4).padEnd(fraction ? 4 : 0, '0');
  const zone = z ?? `${sign}${oh}:${om}`;
  const iso = new Date(`${date}T${hh}:${mm}:${ss}${millis}${zone}`).toISOString();
  return /^\d{4}-/.test(iso) ? iso : undefined;
}

/** True for an instant `parseIsoInstant` accepts. */
export function isIsoInstant(value: unknown, years: YearRange = DATE_YEARS): value is string {
  return parseIsoInstant(value, years) !== undefined;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function parseIsoDate(value: string): { year: number; month: number; day: number } {
  if (!isIsoDate(value, ANY_YEAR)) throw new RangeError(`not a YYYY-MM-DD date: ${value}`);
  const [year, month, day] = value.split('-').map(Number);
  return { year, month, day };
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A date as people in Italy read it: `2026-03-01` → `01/03/2026`; an instant is first given its
 * calendar date in Italy (`2026-12-31T23:00:00Z` → `01/01/2027`).
 */
export function italianDate(iso: string): string {
  const date = iso.length > 10 ? todayIso(new Date(iso)) : iso;
  const { year, month, day } = parseIsoDate(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** The formatter of calendar days in `timeZone`, made once (making one is slow). */
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = DAY_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    DAY_FORMATS.set(timeZone, format);
  }
  return format;
}

/** The calendar date of an instant in the project's time zone (default: now). */
export function todayIso(now: Date = new Date(), timeZone: string = PROJECT_TIME_ZONE): string {
  const parts = dayFormat(timeZone).formatToParts(now);
  const part = Object.fromEntries(parts.map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day}`;
}

/** Adds (or, with a negative number, subtracts) whole days to a calendar date. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseIsoDate(date);
  const t = new Date(Date.UTC(year, month - 1, day + days));
  return formatIsoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

/**
 * The rule "a planned end comes after the start": false only when both are calendar dates
 * and the end is on or before the start (a missing date is another rule's business). The
 * server's pact writes, the approval requirements and the admin's pact form all ask this.
 */
export function endsAfterStart(start: unknown, end: unknown): boolean {
  return !(isIsoDate(start) && isIsoDate(end) && end <= start);
}

/** Why a diary note's "when it happened" cannot be accepted. */
export type NoteTimeProblem = 'NOT_FUTURE' | 'NOT_BEFORE';

/** The start of the minute an instant (milliseconds since the epoch) falls in. */
export const startOfMinute = (ms: number): number => ms - (((ms % 60_000) + 60_000) % 60_000);

/**
 * When a diary note happened (`at`), checked against its pact's creation and `now` (all in
 * milliseconds since the epoch): not later than `now` give or take `skewMs` (the drift allowed
 * between a phone's clock and the server's), not before the pact existed. People write the
 * time to the minute, so any moment of the minute the pact was created in counts.
 */
export function noteTimeProblem(
  at: number,
  pactCreatedAt: number,
  now: number,
  skewMs = 0,
): NoteTimeProblem | null {
  if (at > now + skewMs) return 'NOT_FUTURE';
  if (at < startOfMinute(pactCreatedAt)) return 'NOT_BEFORE';
  return null;
}
