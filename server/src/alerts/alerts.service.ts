import { Injectable } from '@nestjs/common';
import { readRawMany } from '../database/sqlite-reader';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ALERT_KINDS,
  AWAITING_APPROVAL_DAYS,
  noRecentNoteBefore,
  todayIso,
  type AlertKind,
} from '@generattivi/shared';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../auth/caller';
import { applyScope } from '../auth/scope';
import {
  applyListQuery,
  defineListSpec,
  parseListQuery,
  RawListParams,
} from '../common/list-query';
import { lastDiaryActivitySql, noRecentNoteSql, overdueMilestoneSql } from '../common/deadline-sql';
import { Milestone } from '../milestones/milestone.entity';
import { Pact } from '../pacts/pact.entity';

export interface Alert {
  id: string;
  kind: AlertKind;
  pactId: number;
  reference: string;
  territoryId: number;
  /** The date the condition started (submission, last note, due date, planned end). */
  since: string;
  milestoneId?: number;
}

export const ALERT_LIST = defineListSpec({
  resource: 'alerts',
  alias: 'a',
  fields: {
    id: { column: 'pact_id', type: 'int', filter: false },
    kind: { column: 'kind', type: 'enum', values: ALERT_KINDS },
    pactId: { column: 'pact_id', type: 'int' },
    territoryId: { column: 'territory_id', type: 'int' },
    since: { column: 'since', type: 'date' },
  },
  defaultSort: ['since', 'ASC'],
});

const PACTS_AND_MILESTONES = 'FROM "pacts" "p", "milestones" "m"';

/**
 * `FROM pacts p, milestones m` → `FROM pacts p CROSS JOIN milestones m`. SQLite keeps the
 * left table of a CROSS JOIN as the outer loop: the pacts in scope (from a covering index)
 * are looked up in the milestones index, instead of every overdue milestone of the region
 * being matched to its pact row (100–200× slower for a community maker). PostgreSQL plans
 * it as the same inner join.
 */
function pactsFirst(sql: string): string {
  return sql.includes(PACTS_AND_MILESTONES)
    ? sql.replace(PACTS_AND_MILESTONES, 'FROM "pacts" "p" CROSS JOIN "milestones" "m"')
    : sql;
}

/**
 * Deadline alerts within the caller's scope: a pact awaiting approval for more than 20
 * days, an active pact without a diary note for 30 days, an overdue milestone (of a pact
 * whose clock runs: not SUSPENDED, not closed), an active pact past its planned end. One
 * UNION query, filtered, sorted and paged by the database.
 */
@Injectable()
export class AlertsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private scopedPacts(caller: Caller): SelectQueryBuilder<Pact> {
    return applyScope(
      this.dataSource.getRepository(Pact).createQueryBuilder('p'),
      'pacts',
      'p',
      caller,
    );
  }

  async list(
    caller: Caller,
    raw: RawListParams,
    now = new Date(),
  ): Promise<{ rows: Alert[]; total: number; start: number }> {
    const today = todayIso(now);
    const params: ObjectLiteral = {
      awaitingBefore: new Date(now.getTime() - AWAITING_APPROVAL_DAYS * 86_400_000).toISOString(),
      noNoteBefore: noRecentNoteBefore(now),
      today,
    };
    const base = (kind: AlertKind, since: string, milestone: string) =>
      `'${kind}' AS kind, p.id AS pact_id, p.reference AS reference, p.territoryId AS territory_id, ${since} AS since, ${milestone} AS milestone_id`;
    const branches = [
      this.scopedPacts(caller)
        .select(base('AWAITING_APPROVAL', 'SUBSTR(p.submittedAt, 1, 10)', 'CAST(NULL AS integer)'))
        .andWhere("p.status = 'SUBMITTED' AND p.submittedAt < :awaitingBefore"),
      this.scopedPacts(caller)
        .select(
          base(
            'NO_RECENT_NOTE',
            `SUBSTR(${lastDiaryActivitySql('p')}, 1, 10)`,
            'CAST(NULL AS integer)',
          ),
        )
        .andWhere(noRecentNoteSql('p')),
      this.scopedPacts(caller)
        .addFrom(Milestone, 'm')
        .select(base('MILESTONE_OVERDUE', 'm.dueDate', 'm.id'))
        .andWhere(`m.pactId = p.id AND ${overdueMilestoneSql('m', 'p')}`),
      this.scopedPacts(caller)
        .select(base('PAST_PLANNED_END', 'p.plannedEndDate', 'CAST(NULL AS integer)'))
        .andWhere("p.status = 'ACTIVE' AND p.plannedEndDate < :today"),
    ];
    for (const b of branches) Object.assign(params, b.getParameters());
    const union = branches.map((b) => pactsFirst(b.getQuery())).join(' UNION ALL ');
    const query = parseListQuery(raw, ALERT_LIST);
    const qb = this.dataSource
      .createQueryBuilder()
      .select('a.*')
      .from(`(${union})`, 'a')
      .setParameters(params);
    applyListQuery(qb, query, ALERT_LIST);
    const { start, end } = query.range;
    // The total comes with the page (a window over the filtered union, before LIMIT), so the
    // union is evaluated once; only a page past the end needs a separate count.
    const page = qb
      .addSelect('COUNT(*) OVER ()', 'total_count')
      .skip(undefined)
      .take(undefined)
      .offset(start)
      .limit(end - start + 1);
    const rows = await readRawMany(page);
    const total = rows.length
      ? Number(rows[0].total_count)
      : Number(
          (
            await page
              .clone()
              .select('COUNT(*)', 'total')
              .orderBy()
              .offset(undefined)
              .limit(undefined)
              .getRawOne<{ total: unknown }>()
          )?.total ?? 0,
        );
    return {
      rows: rows.map((r) => {
        const milestoneId = r.milestone_id == null ? undefined : Number(r.milestone_id);
        const pactId = Number(r.pact_id);
        return {
          id: `${String(r.kind)}-${pactId}${milestoneId ? `-${milestoneId}` : ''}`,
          kind: r.kind as AlertKind,
          pactId,
          reference: String(r.reference),
          territoryId: Number(r.territory_id),
          since: String(r.since),
          ...(milestoneId ? { milestoneId } : {}),
        };
      }),
      total,
      start,
    };
  }
}
