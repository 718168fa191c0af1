import { OUTCOMES_BY_TYPE, PACT_STATUSES, TERMINATION_CODES } from '@generattivi/shared';
import { stringify } from 'csv-stringify/sync';
import type { CaseloadRow, OutcomeRow } from './reports.service';

/** The outcomes table as CSV: one line per territory × type, one column per figure. */
export function outcomesCsv(rows: OutcomeRow[]): string {
  const outcomes = [...new Set([...OUTCOMES_BY_TYPE.AUTONOMY, ...OUTCOMES_BY_TYPE.INCLUSION])];
  const header = [
    'territoryId',
    'type',
    'total',
    ...PACT_STATUSES,
    'closed',
    'completed',
    'completionRate',
    ...outcomes.map((o) => `outcome_${o}`),
    ...TERMINATION_CODES.map((c) => `termination_${c}`),
    'medianDurationDays',
    'milestonesDue',
    'milestonesAchievedOnTime',
    'onTimeRate',
  ];
  const lines = rows.map((r) => [
    r.territoryId,
    r.type,
    r.total,
    ...PACT_STATUSES.map((s) => r.byStatus[s]),
    r.closed,
    r.completed,
    r.completionRate ?? '',
    ...outcomes.map((o) => r.outcomes[o] ?? ''),
    ...TERMINATION_CODES.map((c) => r.terminations[c] ?? 0),
    r.medianDurationDays ?? '',
    r.milestonesDue,
    r.milestonesAchievedOnTime,
    r.onTimeRate ?? '',
  ]);
  return stringify([header, ...lines]);
}

/** The caseload table as CSV: one line per person, social workers first. */
export function caseloadCsv(report: {
  socialWorkers: CaseloadRow[];
  communityMakers: CaseloadRow[];
}): string {
  const header = [
    'role',
    'userId',
    'fullName',
    'DRAFT',
    'SUBMITTED',
    'ACTIVE',
    'SUSPENDED',
    'awaitingApproval',
    'overdueMilestones',
    'withoutRecentNote',
    'endingWithin30Days',
  ];
  const line = (role: string) => (r: CaseloadRow) => [
    role,
    r.userId,
    r.fullName,
    r.openByStatus.DRAFT ?? 0,
    r.openByStatus.SUBMITTED ?? 0,
    r.openByStatus.ACTIVE ?? 0,
    r.openByStatus.SUSPENDED ?? 0,
    r.awaitingApproval,
    r.overdueMilestones,
    r.withoutRecentNote,
    r.endingWithin30Days,
  ];
  return stringify([
    header,
    ...report.socialWorkers.map(line('SOCIAL_WORKER')),
    ...report.communityMakers.map(line('COMMUNITY_MAKER')),
  ]);
}
