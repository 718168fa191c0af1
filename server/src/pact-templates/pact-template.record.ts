import type { PactTemplate as PactTemplateRecord } from '@generattivi/shared';
import type { PactTemplate } from './pact-template.entity';

export type { PactTemplateRecord };

export function toPactTemplateRecord(t: PactTemplate): PactTemplateRecord {
  return {
    id: t.id,
    type: t.type,
    territoryId: t.territoryId,
    title: t.title,
    objectives: t.objectives,
    citizenCommitments: t.citizenCommitments,
    communityCommitments: t.communityCommitments,
    durationDays: t.durationDays,
    milestones: t.milestones.map((m) => ({
      title: m.title,
      description: m.description,
      days: m.days,
    })),
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    version: t.version,
  } satisfies PactTemplateRecord;
}
