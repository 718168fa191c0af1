import {
  addDays,
  daysBetween,
  ENDING_WITHIN_DAYS,
  hasNoRecentNote,
  isIsoDate,
  todayIso,
  type Pact,
} from '@generattivi/shared';

/** The fields of a pact its diary signal is measured from. */
export type DiaryPact = Pick<Pact, 'status' | 'createdAt' | 'approvedAt' | 'lastNoteAt'>;

/** The Italian calendar date of a note's instant (or of a date). */
function calendarDate(value: string): string | null {
  if (isIsoDate(value)) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : todayIso(instant);
}

/**
 * "No recent note", as the server's alerts and caseload report mean it (the rule is in
 * shared/): an ACTIVE pact without a diary note — or, never noted, approved — in the last
 * 30 days. A suspended pact's clock is paused: never flagged.
 */
export function isQuiet(pact: DiaryPact, now: Date = new Date()): boolean {
  return hasNoRecentNote(pact, now);
}

/** Days since the last note (null when there is none). */
export function daysSinceNote(lastNoteAt: string | null | undefined, today: string): number | null {
  const noted = lastNoteAt ? calendarDate(lastNoteAt) : null;
  return noted ? daysBetween(noted, today) : null;
}

/** The `plannedEndDate_lte` of the server filter for pacts ending soon. */
export function endingSoonFilterDate(today: string): string {
  return addDays(today, ENDING_WITHIN_DAYS);
}
