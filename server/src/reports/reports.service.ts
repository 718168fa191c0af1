import { Injectable } from '@nestjs/common';
import { readRawMany } from '../database/sqlite-reader';
import { InjectDataSource } from '@nestjs/typeorm';
import { nowIso } from '../common/clock';
import {
  addDays,
  ENDING_WITHIN_DAYS,
  noRecentNoteBefore,
  OPEN_PACT_STATUSES,
  OUTCOMES_BY_TYPE,
  PACT_STATUSES,
  TERMINATION_CODES,
  todayIso,
  type PactStatus,
  type PactType,
} from '@generattivi/shared';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../auth/caller';
import { applyScope, seesEverything } from '../auth/scope';
import { clockRunsSql, noRecentNoteSql, pendingPastDueSql } from '../common/deadline-sql';
import { Milestone } from '../milestones/milestone.entity';
import { Pact } from '../pacts/pact.entity';
import { User } from '../users/user.entity';
import type { ReportQueryDto } from './reports.dto';

export interface OutcomeRow {
  territoryId: number;
  type: PactType;
  total: number;
  byStatus: Record<PactStatus, number>;
  closed: number;
  completed: number;
  /** completed / closed; null without closed pacts. */
  completionRate: number | null;
  /** Outcomes of COMPLETED pacts. */
  outcomes: Record<string, number>;
  /** Termination codes of TERMINATED pacts. */
  terminations: Record<string, number>;
  /** Median days from start date to closing, over COMPLETED pacts. */
  medianDurationDays: number | null;
  /** Milestones due by today (not cancelled) and those achieved by their due date. */
  milestonesDue: number;
  milestonesAchievedOnTime: number;
  onTimeRate: number | null;
}

export interface CaseloadRow {
  userId: number;
  fullName: string;
  openByStatus: Record<string, number>;
  awaitingApproval: number;
  overdueMilestones: number;
  withoutRecentNote: number;
  endingWithin30Days: number;
}

const n = (v: unknown): number => Number(v ?? 0);
const rate = (num: number, den: number): number | null =>
  den === 0 ? null : Math.round((num / den) * 10_000) / 10_000;
const key = (territoryId: unknown, type: unknown) => `${n(territoryId)}|${String(type)}`;
const statusSums = (alias: string) =>
  PACT_STATUSES.map(
    (s) => `SUM(CASE WHEN ${alias}.status = '${s}' THEN 1 ELSE 0 END) AS "s_${s}"`,
  ).join(', ');

/**
 * Caseload and outcome reports, computed by the database with aggregate SQL that runs the
 * same on SQLite and PostgreSQL, always within the caller's scope.
 */
@Injectable()
export class ReportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** Pacts in scope matching the report filters. */
  private pacts(caller: Caller, q: ReportQueryDto): SelectQueryBuilder<Pact> {
    const qb = applyScope(
      this.dataSource.getRepository(Pact).createQueryBuilder('p'),
      'pacts',
      'p',
      caller,
    );
    if (q.territoryId) qb.andWhere('p.territoryId = :territoryId', { territoryId: q.territoryId });
    if (q.type) qb.andWhere('p.type = :type', { type: q.type });
    if (q.from)
      qb.andWhere('COALESCE(p.startDate, SUBSTR(p.createdAt, 1, 10)) >= :from', { from: q.from });
    if (q.to) qb.andWhere('COALESCE(p.startDate, SUBSTR(p.createdAt, 1, 10)) <= :to', { to: q.to });
    return qb;
  }

  /**
   * The milestones due by `today` and not cancelled, and those achieved on time, by territory
   * and type of their pacts in scope: the pacts joined to their milestones. On SQLite over
   * every territory, the milestones are counted by pact first, from their own covering index,
   * and the counts joined to the pacts: at 100,000 pacts, as a manager, 190–240 ms instead of
   * 400–600 ms (SQLite walked the pacts through an index without their type, reading each
   * row), the same rows. Not for one territory (135–165 ms the other way, 210 ms this one),
   * nor on PostgreSQL, whose hash join took 180–290 ms against 300–340 ms this way.
   */
  private dueMilestones(caller: Caller, q: ReportQueryDto, today: string) {
    const due = "m.status <> 'CANCELLED' AND m.dueDate <= :today";
    const onTime =
      "CASE WHEN m.status = 'ACHIEVED' AND m.achievedAt IS NOT NULL AND m.achievedAt <= m.dueDate THEN 1 ELSE 0 END";
    const byPact = !this.isPostgres && seesEverything(caller) && !q.territoryId;
    const qb = byPact
      ? this.pacts(caller, q)
          .innerJoin(
            (counts) =>
              counts
                .select('m.pactId', 'pact_id')
                .addSelect('COUNT(*)', 'due')
                .addSelect(`SUM(${onTime})`, 'on_time')
                .from(Milestone, 'm')
                .where(due)
                .groupBy('m.pactId'),
            'c',
            'c.pact_id = p.id',
          )
          .select('p.territoryId', 'territoryId')
          .addSelect('p.type', 'type')
          .addSelect('SUM(c.due)', 'due')
          .addSelect('SUM(c.on_time)', 'onTime')
      : this.pacts(caller, q)
          .innerJoin(Milestone, 'm', `m.pactId = p.id AND ${due}`)
          .select('p.territoryId', 'territoryId')
          .addSelect('p.type', 'type')
          .addSelect('COUNT(*)', 'due')
          .addSelect(`SUM(${onTime})`, 'onTime');
    return qb.setParameter('today', today).groupBy('p.territoryId').addGroupBy('p.type');
  }

  /** Days between a date column and the date part of an instant column, per engine. */
  private daysBetween(dateColumn: string, instantColumn: string): string {
    return this.isPostgres
      ? `(CAST(SUBSTR(${instantColumn}, 1, 10) AS date) - CAST(${dateColumn} AS date))`
      : `CAST(julianday(SUBSTR(${instantColumn}, 1, 10)) - julianday(${dateColumn}) AS INTEGER)`;
  }

  async outcomes(
    caller: Caller,
    q: ReportQueryDto,
    today = todayIso(),
  ): Promise<{ rows: OutcomeRow[]; generatedAt: string }> {
    // One pass over the pacts in scope: counts by territory, type, status and outcome; the
    // totals, the status breakdown and the outcome tallies are sums of these groups.
    const groupsQuery = this.pacts(caller, q)
      .select('p.territoryId', 'territoryId')
      .addSelect('p.type', 'type')
      .addSelect('p.status', 'status')
      .addSelect('p.outcome', 'outcome')
      .addSelect('COUNT(*)', 'count')
      .groupBy('p.territoryId')
      .addGroupBy('p.type')
      .addGroupBy('p.status')
      .addGroupBy('p.outcome');

    const durations = this.pacts(caller, q)
      .select('p.territoryId', 'tid')
      .addSelect('p.type', 'ptype')
      .addSelect(this.daysBetween('p.startDate', 'p.closedAt'), 'd')
      .andWhere("p.status = 'COMPLETED' AND p.startDate IS NOT NULL AND p.closedAt IS NOT NULL");
    const ranked = this.dataSource
      .createQueryBuilder()
      .select('x.tid', 'tid')
      .addSelect('x.ptype', 'ptype')
      .addSelect('x.d', 'd')
      .addSelect('ROW_NUMBER() OVER (PARTITION BY x.tid, x.ptype ORDER BY x.d)', 'rn')
      .addSelect('COUNT(*) OVER (PARTITION BY x.tid, x.ptype)', 'cnt')
      .from(`(${durations.getQuery()})`, 'x');
    const mediansQuery = this.dataSource
      .createQueryBuilder()
      .select('y.tid', 'territoryId')
      .addSelect('y.ptype', 'type')
      .addSelect('AVG(y.d)', 'median')
      .from(`(${ranked.getQuery()})`, 'y')
      .where('y.rn IN ((y.cnt + 1) / 2, (y.cnt + 2) / 2)')
      .groupBy('y.tid')
      .addGroupBy('y.ptype')
      .setParameters(durations.getParameters());

    // Only milestones due by today and not cancelled count, so only those are aggregated.
    // The three statements are sent at once: on PostgreSQL each runs on a connection of the
    // pool; on SQLite the counts and the milestones (the longest) each on a reader thread, and
    // the medians queue behind the counts (SqliteReader.for: the first of equally busy
    // threads), so that the report takes about as long as the milestones, not the sum.
    const [groups, milestones, medians] = await Promise.all([
      readRawMany(groupsQuery),
      readRawMany(this.dueMilestones(caller, q, today)),
      readRawMany(mediansQuery),
    ]);

    const medianBy = new Map(medians.map((r) => [key(r.territoryId, r.type), Number(r.median)]));
    const milestonesBy = new Map(
      milestones.map((r) => [key(r.territoryId, r.type), { due: n(r.due), onTime: n(r.onTime) }]),
    );
    const keys = [...new Set(groups.map((g) => key(g.territoryId, g.type)))].sort((a, b) => {
      const [ta, ya] = a.split('|');
      const [tb, yb] = b.split('|');
      return Number(ta) - Number(tb) || (ya < yb ? -1 : ya > yb ? 1 : 0);
    });
    const rows = keys.map((k): OutcomeRow => {
      const mine = groups.filter((g) => key(g.territoryId, g.type) === k);
      const type = mine[0].type as PactType;
      const byStatus = Object.fromEntries(
        PACT_STATUSES.map((s) => [
          s,
          mine.filter((g) => g.status === s).reduce((sum, g) => sum + n(g.count), 0),
        ]),
      ) as Record<PactStatus, number>;
      const closed = byStatus.COMPLETED + byStatus.TERMINATED + byStatus.CANCELLED;
      const tally = (status: string, values: readonly string[]) =>
        Object.fromEntries(
          values.map((v) => [
            v,
            n(mine.find((o) => o.status === status && o.outcome === v)?.count),
          ]),
        );
      const ms = milestonesBy.get(k) ?? { due: 0, onTime: 0 };
      const median = medianBy.get(k);
      return {
        territoryId: n(mine[0].territoryId),
        type,
        total: mine.reduce((sum, g) => sum + n(g.count), 0),
        byStatus,
        closed,
        completed: byStatus.COMPLETED,
        completionRate: rate(byStatus.COMPLETED, closed),
        outcomes: tally('COMPLETED', OUTCOMES_BY_TYPE[type]),
        terminations: tally('TERMINATED', TERMINATION_CODES),
        medianDurationDays:
          median === undefined || Number.isNaN(median) ? null : Math.round(median * 10) / 10,
        milestonesDue: ms.due,
        milestonesAchievedOnTime: ms.onTime,
        onTimeRate: rate(ms.onTime, ms.due),
      };
    });
    return { rows, generatedAt: nowIso() };
  }

  async caseload(
    caller: Caller,
    q: ReportQueryDto,
    today = todayIso(),
    now = new Date(),
  ): Promise<{
    socialWorkers: CaseloadRow[];
    communityMakers: CaseloadRow[];
    generatedAt: string;
  }> {
    const noNoteBefore = noRecentNoteBefore(now);
    const endBy = addDays(today, ENDING_WITHIN_DAYS);
    const perPerson = async (
      column: 'socialWorkerId' | 'communityMakerId',
    ): Promise<CaseloadRow[]> => {
      const open = [...OPEN_PACT_STATUSES];
      // One pass over the open pacts in scope; the pending milestones past due come from a
      // grouped derived table joined by pact (a hash join on PostgreSQL, an automatic index on
      // SQLite), so no pact row is read per milestone. They are overdue only while the pact's
      // clock runs (not SUSPENDED): the two halves of overdueMilestoneSql.
      const totals = await readRawMany(
        this.pacts(caller, q)
          .leftJoin(
            (overdue) =>
              overdue
                .select('m.pactId', 'pact_id')
                .addSelect('COUNT(*)', 'n')
                .from(Milestone, 'm')
                .where(pendingPastDueSql('m'))
                .groupBy('m.pactId'),
            'o',
            'o.pact_id = p.id',
          )
          .select(`p.${column}`, 'userId')
          .addSelect(statusSums('p'))
          .addSelect(`SUM(CASE WHEN ${noRecentNoteSql('p')} THEN 1 ELSE 0 END)`, 'stale')
          .addSelect(
            "SUM(CASE WHEN p.status = 'ACTIVE' AND p.plannedEndDate >= :today AND p.plannedEndDate <= :endBy THEN 1 ELSE 0 END)",
            'ending',
          )
          .addSelect(
            `SUM(CASE WHEN ${clockRunsSql('p')} THEN COALESCE(o.n, 0) ELSE 0 END)`,
            'overdue',
          )
          .andWhere(`p.${column} IS NOT NULL`)
          .andWhere('p.status IN (:...open)', { open })
          .setParameters({ noNoteBefore, today, endBy })
          .groupBy(`p.${column}`),
      );
      const ids = totals.map((t) => n(t.userId));
      const users = ids.length
        ? await this.dataSource
            .getRepository(User)
            .createQueryBuilder('u')
            .select(['u.id', 'u.fullName'])
            .where('u.id IN (:...ids)', { ids })
            .getMany()
        : [];
      return totals
        .map((t) => ({
          userId: n(t.userId),
          fullName: users.find((u) => u.id === n(t.userId))?.fullName ?? '',
          openByStatus: Object.fromEntries(open.map((s) => [s, n(t[`s_${s}`])])),
          awaitingApproval: n(t.s_SUBMITTED),
          overdueMilestones: n(t.overdue),
          withoutRecentNote: n(t.stale),
          endingWithin30Days: n(t.ending),
        }))
        .sort((a, b) => a.fullName.localeCompare(b.fullName, 'it') || a.userId - b.userId);
    };
    // A community maker's report is their own caseload.
    const maker = caller.role === 'COMMUNITY_MAKER';
    // Both passes at once (two connections of the pool on PostgreSQL, two reader threads on
    // SQLite).
    const [socialWorkers, allMakers] = await Promise.all([
      maker ? [] : perPerson('socialWorkerId'),
      perPerson('communityMakerId'),
    ]);
    const communityMakers = maker ? allMakers.filter((r) => r.userId === caller.id) : allMakers;
    return { socialWorkers, communityMakers, generatedAt: now.toISOString() };
  }
}
