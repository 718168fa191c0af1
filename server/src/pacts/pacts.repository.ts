import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EligibilityEvaluation } from '@generattivi/shared';
import type { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller';
import { seesEverything } from '../auth/scope';
import type { ListQuery, ListResult } from '../common/list-query';
import { PreparedQueries, statement, type Statement } from '../database/prepared-query';
import { PACT_LIST } from './pact-list';
import { Pact } from './pact.entity';
import type { PactRecord } from './pact.record';

/** A pact's columns as the API names its fields (pact.record.ts), in the same order. */
const RECORD_COLUMNS = `
  p.id, p.type, p.reference, p.status, p.territory_id AS "territoryId",
  p.beneficiary_id AS "beneficiaryId", p.household_id AS "householdId",
  p.social_worker_id AS "socialWorkerId", p.community_maker_id AS "communityMakerId",
  p.community_lab_id AS "communityLabId", p.title, p.objectives,
  p.citizen_commitments AS "citizenCommitments", p.community_commitments AS "communityCommitments",
  p.start_date AS "startDate", p.planned_end_date AS "plannedEndDate",
  p.submitted_at AS "submittedAt", p.approved_at AS "approvedAt", p.closed_at AS "closedAt",
  p.outcome, p.closing_note AS "closingNote", p.progress, p.eligibility,
  p.last_note_at AS "lastNoteAt", p.created_at AS "createdAt", p.updated_at AS "updatedAt",
  p.version`;

const BY_ID = statement('pacts_by_id', `SELECT ${RECORD_COLUMNS} FROM pacts p WHERE p.id = ?`);

/** The filters a page read here may carry: equality on the key of pact_counts. */
const PAGE_FILTERS = ['territoryId', 'status', 'type'] as const;
type PageFilter = (typeof PAGE_FILTERS)[number];
const FILTER_COLUMN: Record<PageFilter, string> = {
  territoryId: 'territory_id',
  status: 'status',
  type: 'type',
};

/** A pact row as read: `eligibility` still JSON text. */
type PactRow = Omit<PactRecord, 'eligibility'> & { eligibility: string | null };

function toRecord(row: PactRow): PactRecord {
  const record = row as unknown as PactRecord;
  record.eligibility =
    row.eligibility === null ? null : (JSON.parse(row.eligibility) as EligibilityEvaluation);
  return record;
}

/** A page shape's two statements: the rows, and the total summed from pact_counts. */
interface PageStatements {
  rows: Statement;
  total: Statement;
}

/**
 * The pacts' hot reads as prepared statements (one pact; a page of the list filtered on
 * territory, status and type and sorted on one field), their SQL written out below. A page's
 * statements depend on its shape only — which filters, the sort, how many territories scope
 * the caller — and are written once per shape; every value is bound.
 */
@Injectable()
export class PactsRepository {
  private readonly db: PreparedQueries;
  private readonly pages = new Map<string, PageStatements>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.db = new PreparedQueries(dataSource);
  }

  /** The pact `id` as the API shows it, whoever may see it; undefined if there is none. */
  async byId(id: number): Promise<PactRecord | undefined> {
    const row = await this.db.one<PactRow>(BY_ID, [id]);
    return row && toRecord(row);
  }

  /**
   * Whether `page` can read this list request: a caller scoped by territory (or none), no
   * search, and only equality filters on territory, status and type.
   */
  static pageable(caller: Caller, query: ListQuery): boolean {
    return (
      (seesEverything(caller) || caller.role === 'SOCIAL_WORKER') &&
      query.search.length === 0 &&
      query.filters.every(
        (f) => f.op === 'eq' && (PAGE_FILTERS as readonly string[]).includes(f.field),
      )
    );
  }

  /** One page of the list in the caller's scope and its total (see `pageable`). */
  async page(caller: Caller, query: ListQuery): Promise<ListResult<PactRecord>> {
    const start = query.range.start;
    const scope = seesEverything(caller) ? [] : caller.territoryIds;
    if (!seesEverything(caller) && scope.length === 0) return { rows: [], total: 0, start };
    const filters = PAGE_FILTERS.flatMap((field) => {
      const f = query.filters.find((c) => c.field === field);
      return f && f.op === 'eq' ? [{ field, value: f.value as string | number }] : [];
    });
    const statements = this.pageStatements(
      scope.length,
      filters.map((f) => f.field),
      query.sort.field,
      query.sort.order,
    );
    const where = [...scope, ...filters.map((f) => f.value)];
    const [rows, total] = await Promise.all([
      this.db.all<PactRow>(statements.rows, [...where, query.range.end - start + 1, start]),
      this.db.one<{ total: number | string }>(statements.total, where),
    ]);
    return { rows: rows.map(toRecord), total: Number(total?.total ?? 0), start };
  }

  /**
   * The statements of one page shape: WHERE the caller's territories (`scopeSize`
   * placeholders, none for who sees everything) and the filters; ORDER BY the sort, NULLs as
   * the largest values (no NULLS clause on a column that is never NULL, so that SQLite walks
   * an index in order), `id` breaking ties; LIMIT, OFFSET. The same conditions on
   * pact_counts, whose key columns have the same names, give the total.
   */
  private pageStatements(
    scopeSize: number,
    filters: readonly PageFilter[],
    sortField: string,
    order: 'ASC' | 'DESC',
  ): PageStatements {
    const key = `${scopeSize}:${filters.join(',')}:${sortField}:${order}`;
    let found = this.pages.get(key);
    if (found) return found;
    const conditions = (alias: string) => {
      const terms = filters.map((f) => `${alias}.${FILTER_COLUMN[f]} = ?`);
      if (scopeSize > 0)
        terms.unshift(`${alias}.territory_id IN (${Array(scopeSize).fill('?').join(', ')})`);
      return terms.length ? `WHERE ${terms.join(' AND ')}` : '';
    };
    const column = this.dataSource
      .getMetadata(Pact)
      .findColumnWithPropertyPath(
        PACT_LIST.fields[sortField as keyof typeof PACT_LIST.fields].column,
      )!;
    const nulls = column.isNullable ? (order === 'ASC' ? ' NULLS LAST' : ' NULLS FIRST') : '';
    const orderBy =
      column.propertyName === 'id'
        ? `p.id ${order}`
        : `p.${column.databaseName} ${order}${nulls}, p.id ${order}`;
    const name = `pacts_page:${key}`;
    found = {
      rows: statement(
        name,
        `SELECT ${RECORD_COLUMNS} FROM pacts p ${conditions('p')}
         ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
      ),
      total: statement(
        `${name}_total`,
        `SELECT COALESCE(SUM(c.n), 0) AS total FROM pact_counts c ${conditions('c')}`,
      ),
    };
    this.pages.set(key, found);
    return found;
  }
}
