import type { MilestoneStatus, PactStatus } from './enums';

/** Pact progress, 0–100: achieved milestones over those not cancelled, 0 when there are none. */
export function pactProgress(statuses: readonly MilestoneStatus[]): number {
  const counted = statuses.filter((s) => s !== 'CANCELLED').length;
  if (counted === 0) return 0;
  const achieved = statuses.filter((s) => s === 'ACHIEVED').length;
  return Math.round((100 * achieved) / counted);
}

/**
 * The pact statuses whose clock runs: their milestones can fall overdue. Suspension pauses
 * the clock (DOMAIN.md, "Suspension pauses the clock") and it resumes with the pact; a
 * closed pact has nothing left to do.
 */
export const CLOCK_RUNNING_STATUSES: readonly PactStatus[] = ['DRAFT', 'SUBMITTED', 'ACTIVE'];

export function isPactClockRunning(status: PactStatus): boolean {
  return CLOCK_RUNNING_STATUSES.includes(status);
}

/**
 * A milestone is overdue when it is still PENDING, its due date is before `today` and its
 * pact's clock runs (not while the pact is SUSPENDED, nor once it is closed). The server's
 * SQL mirrors this (server/src/common/deadline-sql.ts) and a test holds the two together.
 */
export function isMilestoneOverdue(
  milestone: { status: MilestoneStatus; dueDate?: string | null },
  pactStatus: PactStatus,
  today: string,
): boolean {
  return (
    isPactClockRunning(pactStatus) &&
    milestone.status === 'PENDING' &&
    !!milestone.dueDate &&
    milestone.dueDate < today
  );
}

/** An active pact without a diary note for this many days is flagged (caseload, alerts). */
export const NO_NOTE_DAYS = 30;

/** The statuses in which a quiet diary is flagged: only a running pact (not SUSPENDED). */
export const NO_NOTE_STATUSES: readonly PactStatus[] = ['ACTIVE'];

/** The instant before which a pact's last diary activity counts as "no recent note". */
export function noRecentNoteBefore(now: Date): string {
  return new Date(now.getTime() - NO_NOTE_DAYS * 86_400_000).toISOString();
}

/** When a pact's diary last moved: its last note, else its approval, else its creation. */
export function lastDiaryActivity(pact: {
  lastNoteAt?: string | null;
  approvedAt?: string | null;
  createdAt: string;
}): string {
  return pact.lastNoteAt ?? pact.approvedAt ?? pact.createdAt;
}

/**
 * "No recent note": an ACTIVE pact whose last diary note — or, when it never had one, its
 * approval (else its creation) — is more than NO_NOTE_DAYS days before `now`. The alerts
 * and the caseload report apply the same condition in SQL; the admin calls this.
 */
export function hasNoRecentNote(
  pact: {
    status: PactStatus;
    lastNoteAt?: string | null;
    approvedAt?: string | null;
    createdAt: string;
  },
  now: Date,
): boolean {
  if (!NO_NOTE_STATUSES.includes(pact.status)) return false;
  return lastDiaryActivity(pact) < noRecentNoteBefore(now);
}
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
