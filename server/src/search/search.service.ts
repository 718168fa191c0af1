import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type PactStatus,
  SEARCH_MAX_RESULTS,
  SEARCH_MIN_LENGTH,
  type SearchResult,
  searchWords,
} from '@generattivi/shared';
import { In, type ObjectLiteral, type Repository, type SelectQueryBuilder } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import type { Caller } from '../auth/caller';
import { readsPeopleOf, scopedQuery, type ScopeKind } from '../auth/scope';
import { initials, personName } from '../beneficiaries/beneficiary.record';
import { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { beneficiaryListSpec } from '../beneficiaries/beneficiaries.service';
import { FieldsError } from '../common/domain-error';
import { fieldError } from '../common/error-body';
import { applyListFilter, type ListQuery, type ListSpec } from '../common/list-query';
import { readRawMany } from '../database/sqlite-reader';
import { Household } from '../households/household.entity';
import { HOUSEHOLD_LIST } from '../households/households.service';
import { pactListSpec } from '../pacts/pact-list';
import { Pact } from '../pacts/pact.entity';
import { shareResults } from './search-results';

/** Joined by this in descriptions: proper names and codes only, nothing to translate. */
const SEPARATOR = ' · ';

const join = (...parts: Array<string | null | undefined>) =>
  parts.filter((part): part is string => !!part).join(SEPARATOR) || undefined;

const fullName = (first: string | null, last: string | null) =>
  [first, last].filter(Boolean).join(' ') || null;

/**
 * `GET /search`: pacts, beneficiaries and households whose searched text holds every word,
 * each kind read as its own list is (the same list spec, scope and search index): a pact by
 * reference, title or its beneficiary's / household's name; a person by name and — except
 * for a manager, who sees fiscal codes masked — fiscal code; a household by name. Per kind,
 * the exact reference or fiscal code first, then the most recently changed; at most
 * SEARCH_MAX_RESULTS in all, shared among the kinds.
 *
 * Like the lists, every record found is written to the access log (`via` search): a search
 * by fiscal code confirms who holds it.
 */
@Injectable()
export class SearchService {
  constructor(
    @InjectRepository(Pact) private readonly pacts: Repository<Pact>,
    @InjectRepository(Beneficiary) private readonly beneficiaries: Repository<Beneficiary>,
    @InjectRepository(Household) private readonly households: Repository<Household>,
    private readonly accessLog: AccessLogService,
  ) {}

  async search(caller: Caller, text: string): Promise<SearchResult[]> {
    const words = searchWords(text);
    if (words.length === 0) {
      throw new FieldsError({
        q: fieldError(
          'SEARCH_TOO_SHORT',
          { min: SEARCH_MIN_LENGTH },
          `needs a word of at least ${SEARCH_MIN_LENGTH} characters (shorter words are ignored: no index can serve them)`,
        ),
      });
    }
    const exact = text.trim().toUpperCase();
    const groups = await Promise.all([
      this.findPacts(caller, words, exact),
      this.findBeneficiaries(caller, words, exact),
      this.findHouseholds(caller, words),
    ]);
    const found = shareResults(groups, SEARCH_MAX_RESULTS).flat();
    await Promise.all(
      (['pacts', 'beneficiaries', 'households'] as const).map((kind) =>
        this.accessLog.recordReads(
          caller,
          kind,
          found.filter((r) => r.resource === kind).map((r) => r.id),
          'search',
        ),
      ),
    );
    return found;
  }

  /**
   * The ids of the first SEARCH_MAX_RESULTS rows the reader may see whose search text holds
   * every word, `first` (an SQL condition on the alias) first, then the latest changed. On an
   * SQLite file the query runs in the reader thread (a common trigram may match thousands).
   */
  private async matchingIds<T extends ObjectLiteral>(
    repo: Repository<T>,
    spec: ListSpec,
    kind: ScopeKind,
    caller: Caller,
    words: string[],
    first?: { sql: string; params: Record<string, unknown> },
  ): Promise<number[]> {
    const query: ListQuery = {
      filters: [],
      search: words,
      sort: { field: 'id', order: 'DESC' },
      range: { start: 0, end: SEARCH_MAX_RESULTS - 1 },
    };
    const a = spec.alias;
    const qb: SelectQueryBuilder<T> = applyListFilter(
      // The search index finds the rows; a social worker's territories only filter them.
      scopedQuery(repo, spec, { caller, kind, options: { territoryFiltersOnly: true } }),
      query,
      spec,
    ).select(`${a}.id`, 'id');
    if (first) qb.orderBy(`CASE WHEN ${first.sql} THEN 0 ELSE 1 END`).setParameters(first.params);
    qb.addOrderBy(`${a}.updatedAt`, 'DESC').addOrderBy(`${a}.id`, 'DESC').limit(SEARCH_MAX_RESULTS);
    const rows = await readRawMany<{ id: number | string }>(
      qb as unknown as SelectQueryBuilder<ObjectLiteral>,
    );
    return rows.map((row) => Number(row.id));
  }

  private async findPacts(caller: Caller, words: string[], exact: string) {
    const ids = await this.matchingIds(this.pacts, pactListSpec(caller), 'pacts', caller, words, {
      sql: 'p.reference = :searchExact',
      params: { searchExact: exact },
    });
    if (ids.length === 0) return [];
    const rows = await this.pacts
      .createQueryBuilder('p')
      .leftJoin(Beneficiary, 'b', 'b.id = p.beneficiaryId')
      .leftJoin(Household, 'h', 'h.id = p.householdId')
      .select('p.id', 'id')
      .addSelect('p.reference', 'reference')
      .addSelect('p.title', 'title')
      .addSelect('p.status', 'status')
      .addSelect('b.firstName', 'firstName')
      .addSelect('b.lastName', 'lastName')
      .addSelect('h.name', 'household')
      .where('p.id IN (:...ids)', { ids })
      .getRawMany<{
        id: number;
        reference: string;
        title: string;
        status: PactStatus;
        firstName: string | null;
        lastName: string | null;
        household: string | null;
      }>();
    // A manager reads names as initials; a maker, none once the pact is closed.
    const name = (text: string | null) =>
      text !== null && caller.role === 'MANAGER' ? initials(text) : text;
    return inOrder(ids, rows, (r) => ({
      resource: 'pacts' as const,
      id: Number(r.id),
      label: `${r.reference} — ${r.title}`,
      description: readsPeopleOf(caller, r)
        ? join(fullName(name(r.firstName), name(r.lastName)), name(r.household))
        : undefined,
      status: r.status,
    }));
  }

  private async findBeneficiaries(caller: Caller, words: string[], exact: string) {
    const spec = beneficiaryListSpec(caller, {});
    // A manager finds nobody by name (they read initials); only those who read fiscal codes
    // find a person by one, or see it first.
    if (!spec.search?.length) return [];
    const codes = spec.search.includes('fiscalCode');
    const first = codes
      ? { sql: 'b.fiscalCode = :searchExact', params: { searchExact: exact } }
      : undefined;
    const ids = await this.matchingIds(
      this.beneficiaries,
      spec,
      'beneficiaries',
      caller,
      words,
      first,
    );
    if (ids.length === 0) return [];
    const rows = await this.beneficiaries.findBy({ id: In(ids) });
    return inOrder(ids, rows, (b) => ({
      resource: 'beneficiaries' as const,
      id: b.id,
      label: personName(caller, b),
      description: join(codes ? b.fiscalCode : undefined, b.municipality),
    }));
  }

  private async findHouseholds(caller: Caller, words: string[]) {
    // A manager reads households' names as initials: a name finds none.
    if (caller.role === 'MANAGER') return [];
    const ids = await this.matchingIds(
      this.households,
      HOUSEHOLD_LIST,
      'households',
      caller,
      words,
    );
    if (ids.length === 0) return [];
    const rows = await this.households.findBy({ id: In(ids) });
    return inOrder(ids, rows, (h) => ({
      resource: 'households' as const,
      id: h.id,
      label: h.name,
      description: join(h.municipality),
    }));
  }
}

/** The rows in the order of `ids`, each as `toResult` makes it. */
function inOrder<R extends { id: number | string }>(
  ids: readonly number[],
  rows: readonly R[],
  toResult: (row: R) => SearchResult,
): SearchResult[] {
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toResult(row)] : [];
  });
}
