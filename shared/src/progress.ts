import type { MilestoneStatus } from './enums';

/** Pact progress, 0–100: achieved milestones over those not cancelled, 0 when there are none. */
export function pactProgress(statuses: readonly MilestoneStatus[]): number {
  const counted = statuses.filter((s) => s !== 'CANCELLED').length;
  if (counted === 0) return 0;
  const achieved = statuses.filter((s) => s === 'ACHIEVED').length;
  return Math.round((100 * achieved) / counted);
}

/** A milestone is overdue when it is still PENDING and its due date is before `today`. */
export function isMilestoneOverdue(
  milestone: { status: MilestoneStatus; dueDate?: string | null },
  today: string,
): boolean {
  return milestone.status === 'PENDING' && !!milestone.dueDate && milestone.dueDate < today;
}

/** An active pact without a diary note for this many days is flagged (caseload, alerts). */
export const NO_NOTE_DAYS = 30;
/** An active pact whose planned end falls within this many days is "ending soon". */
export const ENDING_WITHIN_DAYS = 30;
/** A submitted pact waiting for approval longer than this many days raises an alert. */
export const AWAITING_APPROVAL_DAYS = 20;

/** The kinds of deadline alert (`GET /api/alerts`). */
export const ALERT_KINDS = [
  'AWAITING_APPROVAL',
  'NO_RECENT_NOTE',
  'MILESTONE_OVERDUE',
  'PAST_PLANNED_END',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
