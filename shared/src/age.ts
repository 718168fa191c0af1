import { parseIsoDate } from './dates';

/**
 * Whole years completed on `referenceDate` by someone born on `birthDate` (both `YYYY-MM-DD`).
 * A birthday counts from its own day; someone born on 29 February completes a year on
 * 1 March in non-leap years. Negative when the reference date precedes the birth date.
 * Throws a RangeError when a date is not a valid `YYYY-MM-DD`.
 */
export function ageOn(birthDate: string, referenceDate: string): number {
  const birth = parseIsoDate(birthDate);
  const reference = parseIsoDate(referenceDate);
  const beforeBirthday =
    reference.month < birth.month || (reference.month === birth.month && reference.day < birth.day);
  return reference.year - birth.year - (beforeBirthday ? 1 : 0);
}
