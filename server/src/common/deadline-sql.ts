import { CLOCK_RUNNING_STATUSES, NO_NOTE_STATUSES } from '@generattivi/shared';

/**
 * The deadline rules of shared/src/progress.ts written as SQL conditions, for the queries
 * that count or list them (milestones' `overdue` filter, alerts, caseload report). Aliases
 * are query-builder entity aliases (property names, translated to columns by TypeORM).
 * deadline-sql.spec.ts evaluates each condition and the shared function on the same rows.
 */

const list = (statuses: readonly string[]) => statuses.map((s) => `'${s}'`).join(', ');

/** isPactClockRunning: the pact `p` is not SUSPENDED, nor closed. */
export function clockRunsSql(p: string): string {
  return `${p}.status IN (${list(CLOCK_RUNNING_STATUSES)})`;
}

/** The milestone's own half of isMilestoneOverdue (binds `:today`). */
export function pendingPastDueSql(m: string): string {
  return `${m}.status = 'PENDING' AND ${m}.dueDate < :today`;
}

/** isMilestoneOverdue(m, p.status, today), binding `:today`. */
export function overdueMilestoneSql(m: string, p: string): string {
  return `(${pendingPastDueSql(m)} AND ${clockRunsSql(p)})`;
}

/** lastDiaryActivity(p): its last note, else its approval, else its creation. */
export function lastDiaryActivitySql(p: string): string {
  return `COALESCE(${p}.lastNoteAt, ${p}.approvedAt, ${p}.createdAt)`;
}

/** hasNoRecentNote(p, now), binding `:noNoteBefore` = noRecentNoteBefore(now). */
export function noRecentNoteSql(p: string): string {
  return `(${p}.status IN (${list(NO_NOTE_STATUSES)}) AND ${lastDiaryActivitySql(p)} < :noNoteBefore)`;
}
