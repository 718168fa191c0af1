import { PACT_STATUSES, PACT_TYPES } from '@generattivi/shared';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../auth/caller';
import { findInScope } from '../auth/scope';
import { columns } from '../common/list-columns';
import { defineListSpec } from '../common/list-query';
import { lockPact } from './pact-lock';
import { Pact } from './pact.entity';

export const PACT_LIST = defineListSpec({
  resource: 'pacts',
  alias: 'p',
  fields: columns(
    [
      'id:int reference:string type:enum status:enum territoryId:int beneficiaryId:int',
      'householdId:int socialWorkerId:int communityMakerId:int communityLabId:int',
      'title:string outcome:string startDate:date plannedEndDate:date',
      'submittedAt:instant closedAt:instant lastNoteAt:instant progress:int',
      'createdAt:instant updatedAt:instant',
    ],
    {
      type: { values: PACT_TYPES },
      status: { values: PACT_STATUSES },
    },
  ),
  search: ['reference', 'title'],
  searchIndex: 'pacts',
  // q also finds a pact by its beneficiary's or household's name (never by fiscal code:
  // a manager, who sees them masked, reads this list too).
  searchVia: [
    { column: 'beneficiary_id', table: 'beneficiaries', columns: ['first_name', 'last_name'] },
    { column: 'household_id', table: 'households', columns: ['name'] },
  ],
  defaultSort: ['id', 'DESC'],
});

/**
 * The list as a manager queries it: `q` finds reference and title only — a manager reads people
 * by their initials, and finding a pact by a person's name would confirm who it is about.
 */
const MANAGER_PACT_LIST = defineListSpec({ ...PACT_LIST, searchVia: undefined });

/** The pacts list's spec for the caller. */
export function pactListSpec(caller: Caller): typeof PACT_LIST {
  return caller.role === 'MANAGER' ? MANAGER_PACT_LIST : PACT_LIST;
}

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
