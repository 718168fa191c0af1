import { PACT_STATUSES, PACT_TYPES } from '@generattivi/shared';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../auth/caller';
import { findInScope } from '../auth/scope';
import { defineListSpec } from '../common/list-query';
import { lockPact } from './pact-lock';
import { Pact } from './pact.entity';

export const PACT_LIST = defineListSpec({
  resource: 'pacts',
  alias: 'p',
  fields: {
    id: { column: 'id', type: 'int' },
    reference: { column: 'reference', type: 'string' },
    type: { column: 'type', type: 'enum', values: PACT_TYPES },
    status: { column: 'status', type: 'enum', values: PACT_STATUSES },
    territoryId: { column: 'territoryId', type: 'int' },
    beneficiaryId: { column: 'beneficiaryId', type: 'int' },
    householdId: { column: 'householdId', type: 'int' },
    socialWorkerId: { column: 'socialWorkerId', type: 'int' },
    communityMakerId: { column: 'communityMakerId', type: 'int' },
    communityLabId: { column: 'communityLabId', type: 'int' },
    title: { column: 'title', type: 'string' },
    outcome: { column: 'outcome', type: 'string' },
    startDate: { column: 'startDate', type: 'date' },
    plannedEndDate: { column: 'plannedEndDate', type: 'date' },
    submittedAt: { column: 'submittedAt', type: 'instant' },
    closedAt: { column: 'closedAt', type: 'instant' },
    lastNoteAt: { column: 'lastNoteAt', type: 'instant' },
    progress: { column: 'progress', type: 'int' },
    createdAt: { column: 'createdAt', type: 'instant' },
    updatedAt: { column: 'updatedAt', type: 'instant' },
  },
  search: ['reference', 'title'],
  searchIndex: 'pacts',
  defaultSort: ['id', 'DESC'],
});

/** A pact the caller may see, else 404. */
export function visiblePact(tx: EntityManager, caller: Caller, id: number): Promise<Pact> {
  return findInScope(tx.getRepository(Pact), PACT_LIST, { caller, kind: 'pacts' }, id, { tx });
}

/** The pact's row locked first (see lockPact), then the pact if the caller may see it. */
export async function lockVisiblePact(
  tx: EntityManager,
  caller: Caller,
  id: number,
): Promise<Pact> {
  await lockPact(tx, id);
  return visiblePact(tx, caller, id);
}
