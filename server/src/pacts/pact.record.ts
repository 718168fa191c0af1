import type { Pact as PactRecord } from '@generattivi/shared';
import type { Pact } from './pact.entity';

export type { PactRecord };

/** A pact as the API shows it (API.md field names); a record read as such is copied. */
export function toPactRecord(p: Pact | PactRecord): PactRecord {
  return {
    id: p.id,
    type: p.type,
    reference: p.reference,
    status: p.status,
    territoryId: p.territoryId,
    beneficiaryId: p.beneficiaryId,
    householdId: p.householdId,
    socialWorkerId: p.socialWorkerId,
    communityMakerId: p.communityMakerId,
    communityLabId: p.communityLabId,
    title: p.title,
    objectives: p.objectives,
    citizenCommitments: p.citizenCommitments,
    communityCommitments: p.communityCommitments,
    startDate: p.startDate,
    plannedEndDate: p.plannedEndDate,
    submittedAt: p.submittedAt,
    approvedAt: p.approvedAt,
    closedAt: p.closedAt,
    outcome: p.outcome as PactRecord['outcome'],
    closingNote: p.closingNote,
    progress: p.progress,
    eligibility: p.eligibility,
    lastNoteAt: p.lastNoteAt,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    version: p.version,
  } satisfies PactRecord;
}
