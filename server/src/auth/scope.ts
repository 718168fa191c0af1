import type { EntityManager, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import {
  isPactClosed,
  OPEN_PACT_STATUSES,
  type FieldError,
  type PactStatus,
} from '@generattivi/shared';
import { NotFoundError } from '../common/domain-error';
import { fieldError } from '../common/error-body';
import {
  findList,
  parseListQuery,
  type ListResult,
  type ListSpec,
  type RawListParams,
} from '../common/list-query';
import type { Caller } from './caller';

/**
 * The one place that turns the caller into query conditions (DOMAIN.md, "Who may do what"):
 * ADMIN and MANAGER see everything; a SOCIAL_WORKER the records of their territories; a
 * COMMUNITY_MAKER the pacts assigned to them and what hangs off those pacts, and the
 * beneficiaries and households of those pacts only while the pact is open (DOMAIN.md, "Access
 * follows the assignment": closing a pact ends its assignment, handing it over moves it). A
 * maker keeps their closed pacts — the record, its milestones, the diary they may still add
 * to — as their role needs, but no longer the people they name (`readsPeopleOf`). Every list,
 * count and single read of a case record goes through here, so a record out of scope is
 * never found (404) nor counted.
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

/** A pact `sp` assigned to the maker `:scopeUserId` whose assignment is open (not closed). */
const MAKER_OPEN_PACT = 'sp.community_maker_id = :scopeUserId AND sp.status IN (:...openStatuses)';

/**
 * Whether the caller reads the people a pact they see names (its PDF, the names on its
 * labels): always, except a community maker once the pact is closed.
 */
export function readsPeopleOf(caller: Caller, pact: { status: PactStatus }): boolean {
  return caller.role !== 'COMMUNITY_MAKER' || !isPactClosed(pact.status);
}

export function seesEverything(caller: Caller): boolean {
  return caller.role === 'ADMIN' || caller.role === 'MANAGER';
}

export function worksInTerritory(caller: Caller, territoryId: number): boolean {
  return seesEverything(caller) || caller.territoryIds.includes(territoryId);
}

/**
 * Whether the caller sees this pact: the same rule as applyScope's for `pacts`, for a pact
 * already read (by id).
 */
export function seesPact(
  caller: Caller,
  pact: { territoryId: number; communityMakerId: number | null },
): boolean {
  if (seesEverything(caller)) return true;
  if (caller.role === 'SOCIAL_WORKER') return caller.territoryIds.includes(pact.territoryId);
  if (caller.role === 'COMMUNITY_MAKER') return pact.communityMakerId === caller.id;
  return false;
}

function territoryCondition(
  caller: Caller,
  column: string,
  filterOnly = false,
): [string, ObjectLiteral] {
  if (caller.territoryIds.length === 0) return ['1 = 0', {}];
  // A unary + keeps the planner from walking the column's index (SQLite, PostgreSQL alike).
  const term = filterOnly ? `+ ${column}` : column;
  return [`${term} IN (:...scopeTerritoryIds)`, { scopeTerritoryIds: caller.territoryIds }];
}

export interface ScopeOptions {
  /**
   * The query finds its rows by another index (a search index's few ids): the territory
   * only filters them. Without planner statistics SQLite would otherwise walk every row of
   * the territory through its index and test each against the ids found.
   */
  territoryFiltersOnly?: boolean;
}

/** Adds the caller's scope to a query on `alias` (a no-op for ADMIN and MANAGER). */
export function applyScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  kind: ScopeKind,
  alias: string,
  caller: Caller,
  options: ScopeOptions = {},
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
    const [condition, params] = territoryCondition(
      caller,
      `${alias}.territoryId`,
      options.territoryFiltersOnly,
    );
    return qb.andWhere(condition, params);
  }
  if (caller.role === 'COMMUNITY_MAKER') {
    switch (kind) {
      case 'pacts':
        return qb.andWhere(`${alias}.communityMakerId = :scopeUserId`, maker);
      case 'beneficiaries':
        return qb.andWhere(
          `${alias}.id IN (SELECT sp.beneficiary_id FROM pacts sp WHERE ${MAKER_OPEN_PACT} AND sp.beneficiary_id IS NOT NULL)`,
          { ...maker, openStatuses: OPEN_PACT_STATUSES },
        );
      case 'households':
        return qb.andWhere(
          `${alias}.id IN (SELECT sp.household_id FROM pacts sp WHERE ${MAKER_OPEN_PACT} AND sp.household_id IS NOT NULL)`,
          { ...maker, openStatuses: OPEN_PACT_STATUSES },
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

/**
 * Who reads a resource: a caller and the scope kind of the resource, or `EVERYONE` for the
 * resources that describe the project rather than people (territories, civic centers…).
 */
export type Reader =
  | { readonly caller: Caller; readonly kind: ScopeKind; readonly options?: ScopeOptions }
  | typeof EVERYONE;
export const EVERYONE = 'everyone';

/** The part of a list spec a lookup needs: the resource named in a 404, the query alias. */
type Resource = Pick<ListSpec, 'resource' | 'alias'>;

export interface LookupOptions {
  /** Read inside this unit of work instead of the repository's own manager. */
  tx?: EntityManager;
  /** On PostgreSQL, the row stays locked until commit. */
  lock?: 'pessimistic_read' | 'pessimistic_write';
}

/** A query on `from` as the reader may see it, aliased as the resource's list spec says. */
export function scopedQuery<T extends ObjectLiteral>(
  from: Repository<T>,
  resource: Resource,
  reader: Reader,
  tx?: EntityManager,
): SelectQueryBuilder<T> {
  const repo = tx ? tx.getRepository(from.target) : from;
  const qb = repo.createQueryBuilder(resource.alias);
  return reader === EVERYONE
    ? qb
    : applyScope(qb, reader.kind, resource.alias, reader.caller, reader.options);
}

/** The record `id` if the reader may see it, else null. */
export function lookupInScope<T extends ObjectLiteral>(
  from: Repository<T>,
  resource: Resource,
  reader: Reader,
  id: number,
  options: LookupOptions = {},
): Promise<T | null> {
  const qb = scopedQuery(from, resource, reader, options.tx).andWhere(
    `${resource.alias}.id = :id`,
    { id },
  );
  if (options.lock && options.tx?.connection.options.type === 'postgres') qb.setLock(options.lock);
  return qb.getOne();
}

/** The record `id` if the reader may see it, else a 404: out of scope is not found. */
export async function findInScope<T extends ObjectLiteral>(
  from: Repository<T>,
  resource: Resource,
  reader: Reader,
  id: number,
  options: LookupOptions = {},
): Promise<T> {
  const found = await lookupInScope(from, resource, reader, id, options);
  if (!found) throw new NotFoundError(resource.resource, id);
  return found;
}

/** One page of a resource's list, as the reader may see it. */
export function listInScope<T extends ObjectLiteral>(
  from: Repository<T>,
  spec: ListSpec,
  reader: Reader,
  raw: RawListParams,
): Promise<ListResult<T>> {
  return listPage(scopedQuery(from, spec, reader), spec, raw);
}

/** One page of a list read by a query already scoped (and joined, filtered) as it must be. */
export function listPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  spec: ListSpec,
  raw: RawListParams,
): Promise<ListResult<T>> {
  return findList(qb, parseListQuery(raw, spec), spec);
}

/**
 * What decides which records a caller sees, as a key (the result cache keys by it):
 * everything, the caller's territories, or the pacts of one community maker.
 */
export function scopeKey(caller: Caller): string {
  if (seesEverything(caller)) return 'all';
  if (caller.role === 'SOCIAL_WORKER')
    return `territories:${[...caller.territoryIds].sort((a, b) => a - b).join(',')}`;
  if (caller.role === 'COMMUNITY_MAKER') return `maker:${caller.id}`;
  return 'none';
}

/** The field error of a request naming a record that does not exist or is out of scope. */
export function noSuchRecord(resource: string, id: number, noun: string): FieldError {
  return fieldError('NO_SUCH_RECORD', { resource, id }, `no ${noun} ${id}`);
}
