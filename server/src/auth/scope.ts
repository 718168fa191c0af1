import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Caller } from './caller';

/**
 * The one place that turns the caller into query conditions (DOMAIN.md, "Who may do what"):
 * ADMIN and MANAGER see everything; a SOCIAL_WORKER the records of their territories; a
 * COMMUNITY_MAKER the pacts currently assigned to them, those pacts' beneficiaries and
 * households, and what hangs off those pacts. Every list, count and single read of a case
 * record goes through here, so a record out of scope is never found (404) nor counted.
 */
export type ScopeKind =
  /** pacts: `territoryId`, `communityMakerId` on the alias. */
  | 'pacts'
  /** beneficiaries: `territoryId` on the alias; makers through their pacts' `beneficiary_id`. */
  | 'beneficiaries'
  /** households: `territoryId` on the alias; makers through their pacts' `household_id`. */
  | 'households'
  /** milestones, notes, assignments: `pactId` on the alias. */
  | 'pact-children';

export function seesEverything(caller: Caller): boolean {
  return caller.role === 'ADMIN' || caller.role === 'MANAGER';
}

export function worksInTerritory(caller: Caller, territoryId: number): boolean {
  return seesEverything(caller) || caller.territoryIds.includes(territoryId);
}

function territoryCondition(caller: Caller, column: string): [string, ObjectLiteral] {
  if (caller.territoryIds.length === 0) return ['1 = 0', {}];
  return [`${column} IN (:...scopeTerritoryIds)`, { scopeTerritoryIds: caller.territoryIds }];
}

/** Adds the caller's scope to a query on `alias` (a no-op for ADMIN and MANAGER). */
export function applyScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  kind: ScopeKind,
  alias: string,
  caller: Caller,
): SelectQueryBuilder<T> {
  if (seesEverything(caller)) return qb;
  const maker = { scopeUserId: caller.id };
  if (caller.role === 'SOCIAL_WORKER') {
    if (kind === 'pact-children') {
      const [inTerritory, params] = territoryCondition(caller, 'sp.territory_id');
      return qb.andWhere(
        `${alias}.pactId IN (SELECT sp.id FROM pacts sp WHERE ${inTerritory})`,
        params,
      );
    }
    const [condition, params] = territoryCondition(caller, `${alias}.territoryId`);
    return qb.andWhere(condition, params);
  }
  if (caller.role === 'COMMUNITY_MAKER') {
    switch (kind) {
      case 'pacts':
        return qb.andWhere(`${alias}.communityMakerId = :scopeUserId`, maker);
      case 'beneficiaries':
        return qb.andWhere(
          `${alias}.id IN (SELECT sp.beneficiary_id FROM pacts sp WHERE sp.community_maker_id = :scopeUserId AND sp.beneficiary_id IS NOT NULL)`,
          maker,
        );
      case 'households':
        return qb.andWhere(
          `${alias}.id IN (SELECT sp.household_id FROM pacts sp WHERE sp.community_maker_id = :scopeUserId AND sp.household_id IS NOT NULL)`,
          maker,
        );
      case 'pact-children':
        return qb.andWhere(
          `${alias}.pactId IN (SELECT sp.id FROM pacts sp WHERE sp.community_maker_id = :scopeUserId)`,
          maker,
        );
    }
  }
  return qb.andWhere('1 = 0');
}
