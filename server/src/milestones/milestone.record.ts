import {
  isMilestoneOverdue,
  todayIso,
  type Milestone as MilestoneRecord,
} from '@generattivi/shared';
import type { Milestone } from './milestone.entity';

export function toMilestoneRecord(m: Milestone, today = todayIso()): MilestoneRecord {
  return {
    id: m.id,
    pactId: m.pactId,
    title: m.title,
    description: m.description,
    dueDate: m.dueDate,
    status: m.status,
    achievedAt: m.achievedAt,
    evidence: m.evidence,
    overdue: isMilestoneOverdue(m, today),
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    version: m.version,
  };
}
