import {
  addDays,
  daysBetween,
  ENDING_WITHIN_DAYS,
  isIsoDate,
  NO_NOTE_DAYS,
  todayIso,
} from '@generattivi/shared';

/** The Italian calendar date of a note's instant (or of a date). */
function calendarDate(value: string): string | null {
  if (isIsoDate(value)) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : todayIso(instant);
}

/**
 * True when the pact has no diary note, or none in the last 30 days: the last note is
 * dated before `today − 30`.
 */
export function isStale(lastNoteAt: string | null | undefined, today: string): boolean {
  if (!lastNoteAt) return true;
  const noted = calendarDate(lastNoteAt);
  return noted === null || noted < addDays(today, -NO_NOTE_DAYS);
}

/** Days since the last note (null when there is none). */
export function daysSinceNote(lastNoteAt: string | null | undefined, today: string): number | null {
  const noted = lastNoteAt ? calendarDate(lastNoteAt) : null;
  return noted ? daysBetween(noted, today) : null;
}

/** The `lastNoteAt_lte` of the server filter for stale pacts (a whole day, inclusive). */
export function staleNoteFilterDate(today: string): string {
  return addDays(today, -NO_NOTE_DAYS - 1);
}

/** The `plannedEndDate_lte` of the server filter for pacts ending soon. */
export function endingSoonFilterDate(today: string): string {
  return addDays(today, ENDING_WITHIN_DAYS);
}
