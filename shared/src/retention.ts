import { ageOn } from './age';
import { formatIsoDate, isLeapYear, parseIsoDate } from './dates';

/** How many years after a person's last pact closed their identity is kept (RETENTION_YEARS). */
export const DEFAULT_RETENTION_YEARS = 10;

/**
 * The day a person is anonymised: `years` after `from` (`YYYY-MM-DD`), the day their last pact
 * closed — or the day they were entered, for a person who never had a pact. Counted like an
 * age (age.ts): a term that began on 29 February ends on 1 March in a non-leap year.
 */
export function anonymiseOn(from: string, years: number): string {
  const { year, month, day } = parseIsoDate(from);
  const target = year + years;
  if (month === 2 && day === 29 && !isLeapYear(target)) return formatIsoDate(target, 3, 1);
  return formatIsoDate(target, month, day);
}

/** Whether a term that began on `from` has run out on `today`: from its anonymiseOn day on. */
export function isRetentionOver(from: string, years: number, today: string): boolean {
  return ageOn(from, today) >= years;
}

/**
 * The latest `from` whose term has run out on `today` (every earlier one has too): `today`
 * `years` back, 29 February becoming 28 February in a non-leap year.
 */
export function retentionCutoff(today: string, years: number): string {
  const { year, month, day } = parseIsoDate(today);
  const target = year - years;
  if (month === 2 && day === 29 && !isLeapYear(target)) return formatIsoDate(target, 2, 28);
  return formatIsoDate(target, month, day);
}

/** One line of `GET /api/retention-schedule`: who is anonymised next, and when. */
export interface RetentionScheduleEntry {
  /** The beneficiary's id. */
  id: number;
  firstName: string;
  lastName: string;
  /** The day their last pact closed; null when they never had a pact. */
  lastPactClosedAt: string | null;
  anonymiseOn: string;
}
