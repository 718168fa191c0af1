import {
  isMilestoneOverdue,
  todayIso,
  type Milestone as MilestoneRecord,
  type PactStatus,
} from '@generattivi/shared';
import type { Milestone } from './milestone.entity';

/** A milestone as the API shows it; `overdue` depends on its pact's status (its clock). */
export function toMilestoneRecord(
  m: Milestone,
  pactStatus: PactStatus,
  today = todayIso(),
): MilestoneRecord {
  return {
    id: m.id,
    pactId: m.pactId,
    title: m.title,
    description: m.description,
    dueDate: m.dueDate,
    status: m.status,
    achievedAt: m.achievedAt,
    evidence: m.evidence,
    overdue: isMilestoneOverdue(m, pactStatus, today),
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    version: m.version,
  } satisfies MilestoneRecord;
}
