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
