import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  isPactClosed,
  MILESTONE_STATUSES,
  pactProgress,
  todayIso,
  type Milestone as MilestoneRecord,
  type PactStatus,
} from '@generattivi/shared';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { assertNoDocuments } from '../documents/owner-documents';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { findInScope, listPage, noSuchRecord, scopedQuery } from '../auth/scope';
import { overdueMilestoneSql } from '../common/deadline-sql';
import { ConflictError, FieldsError } from '../common/domain-error';
import { columns } from '../common/list-columns';
import {
  defineListSpec,
  ListQueryError,
  ListResult,
  RawListParams,
  takeFilters,
} from '../common/list-query';
import { UnitOfWork } from '../common/unit-of-work';
import { assertNoReadOnlyOnCreate, updateRecord } from '../common/versioned-update';
import { lockPact } from '../pacts/pact-lock';
import { Pact } from '../pacts/pact.entity';
import { PactsService } from '../pacts/pacts.service';
import { CreateMilestoneDto, MILESTONE_READ_ONLY, UpdateMilestoneDto } from './dto/milestone.dto';
import { Milestone } from './milestone.entity';
import { toMilestoneRecord } from './milestone.record';
import { fieldError } from '../common/error-body';

export const MILESTONE_LIST = defineListSpec({
  resource: 'milestones',
  alias: 'm',
  fields: columns(
    [
      'id:int pactId:int title:string status:enum dueDate:date achievedAt:date',
      'createdAt:instant updatedAt:instant',
    ],
    {
      status: { values: MILESTONE_STATUSES },
    },
  ),
  search: ['title', 'description'],
  searchIndex: 'milestones',
  defaultSort: ['dueDate', 'ASC'],
});

/**
 * The milestones the caller sees, with the list's own `overdue` filter applied; the other
 * filters are left in `rest` for the list query.
 */
export function milestoneListQuery(
  milestones: Repository<Milestone>,
  caller: Caller,
  raw: RawListParams,
): { qb: SelectQueryBuilder<Milestone>; rest: RawListParams } {
  const { rest, taken } = takeFilters(raw, ['overdue']);
  const qb = scopedQuery(milestones, MILESTONE_LIST, { caller, kind: 'pact-children' });
  if (taken.overdue !== undefined) {
    if (typeof taken.overdue !== 'boolean')
      throw ListQueryError.of('filter', 'VALUE', 'overdue must be true or false');
    qb.innerJoin(Pact, 'op', 'op.id = m.pactId').andWhere(
      `${taken.overdue ? '' : 'NOT '}${overdueMilestoneSql('m', 'op')}`,
      { today: todayIso() },
    );
  }
  return { qb, rest };
}

/** Keeps the pact's stored progress equal to what its milestones say. */
export async function refreshProgress(tx: EntityManager, pactId: number): Promise<void> {
  const rows = await tx.find(Milestone, { where: { pactId }, select: { status: true } });
  await tx.update(Pact, { id: pactId }, { progress: pactProgress(rows.map((r) => r.status)) });
}

function checkAchievement(
  status: string,
  achievedAt: string | null | undefined,
  today: string,
): string | null {
  if (status !== 'ACHIEVED') {
    if (achievedAt)
      throw new FieldsError({
        achievedAt: fieldError(
          'ACHIEVED_DATE_ONLY_WHEN_ACHIEVED',
          {},
          'only an ACHIEVED milestone has an achievement date',
        ),
      });
    return null;
  }
  const date = achievedAt ?? today;
  if (date > today)
    throw new FieldsError({ achievedAt: fieldError('NOT_FUTURE', {}, 'cannot be in the future') });
  return date;
}

/** Milestones (tappe): scoped through their pact; read-only once the pact is closed. */
@Injectable()
export class MilestonesService {
  constructor(
    @InjectRepository(Milestone) private readonly milestones: Repository<Milestone>,
    private readonly pacts: PactsService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, raw: RawListParams): Promise<ListResult<MilestoneRecord>> {
    const { qb, rest } = milestoneListQuery(this.milestones, caller, raw);
    const result = await listPage(qb, MILESTONE_LIST, rest);
    return { ...result, rows: await this.records(result.rows) };
  }

  /** The API records of milestones: `overdue` needs their pacts' status (one query). */
  async records(rows: Milestone[], tx?: EntityManager): Promise<MilestoneRecord[]> {
    const ids = [...new Set(rows.map((m) => m.pactId))];
    const pacts = ids.length
      ? await (tx ?? this.milestones.manager).find(Pact, {
          where: { id: In(ids) },
          select: { id: true, status: true },
        })
      : [];
    const status = new Map<number, PactStatus>(pacts.map((p) => [p.id, p.status]));
    const today = todayIso();
    return rows.map((m) => toMilestoneRecord(m, status.get(m.pactId) ?? 'ACTIVE', today));
  }

  async read(caller: Caller, id: number): Promise<MilestoneRecord> {
    const [record] = await this.records([await this.get(caller, id)]);
    return record;
  }

  get(caller: Caller, id: number, tx?: EntityManager): Promise<Milestone> {
    const reader = { caller, kind: 'pact-children' } as const;
    return findInScope(this.milestones, MILESTONE_LIST, reader, id, { tx });
  }

  private async openPact(caller: Caller, pactId: number, tx: EntityManager): Promise<Pact> {
    const pact = await this.pacts.findVisible(caller, pactId, tx).catch(() => {
      throw new FieldsError({ pactId: noSuchRecord('pacts', pactId, 'pact') });
    });
    if (isPactClosed(pact.status))
      throw new ConflictError(
        'PACT_CLOSED',
        { status: pact.status },
        `the pact is ${pact.status}: its milestones are read-only`,
      );
    return pact;
  }

  create(caller: Caller, body: CreateMilestoneDto) {
    return this.uow.run((tx) => this.createIn(tx, caller, body));
  }

  /** The create inside the caller's transaction (an import writes many in one). */
  async createIn(tx: EntityManager, caller: Caller, body: CreateMilestoneDto) {
    assertNoReadOnlyOnCreate(body, ['id', 'version', 'overdue', 'createdAt', 'updatedAt']);
    await lockPact(tx, body.pactId);
    const pact = await this.openPact(caller, body.pactId, tx);
    const status = body.status ?? 'PENDING';
    const m = await tx.save(
      tx.create(Milestone, {
        pactId: body.pactId,
        title: body.title.trim(),
        description: body.description ?? '',
        dueDate: body.dueDate,
        status,
        achievedAt: checkAchievement(status, body.achievedAt, todayIso()),
        evidence: body.evidence ?? null,
      }),
    );
    await refreshProgress(tx, body.pactId);
    const record = toMilestoneRecord(m, pact.status);
    const { overdue: _o, ...fields } = record;
    await this.audit.created(tx, caller.id, 'milestones', m.id, fields);
    return record;
  }

  update(caller: Caller, id: number, body: UpdateMilestoneDto) {
    return this.uow.run((tx) => this.updateIn(tx, caller, id, body));
  }

  /** The update inside the caller's transaction (an import writes many in one). */
  async updateIn(tx: EntityManager, caller: Caller, id: number, body: UpdateMilestoneDto) {
    // The pact first (the lock order), then the milestone as it is once the pact is ours.
    await lockPact(tx, (await this.get(caller, id, tx)).pactId);
    const current = await this.get(caller, id, tx);
    const pact = await this.pacts.findVisible(caller, current.pactId, tx);
    const target = {
      entity: Milestone,
      resource: 'milestones',
      toRecord: (m: Milestone) => toMilestoneRecord(m, pact.status),
      readOnly: MILESTONE_READ_ONLY,
      // Whether a milestone is overdue changes with the days, not with an edit.
      toAudited: (m: Milestone) => {
        const { overdue: _o, ...audited } = toMilestoneRecord(m, pact.status);
        return audited;
      },
    } as const;
    const writer = { tx, audit: this.audit, actorId: caller.id };
    return updateRecord(
      writer,
      target,
      current,
      body,
      async () => {
        await this.openPact(caller, current.pactId, tx);
        const status = body.status ?? current.status;
        const achievedAt = checkAchievement(
          status,
          body.achievedAt === undefined
            ? status === current.status
              ? current.achievedAt
              : undefined
            : body.achievedAt,
          todayIso(),
        );
        return {
          title: body.title.trim(),
          description: body.description ?? current.description,
          dueDate: body.dueDate,
          status,
          achievedAt,
          evidence: body.evidence === undefined ? current.evidence : body.evidence,
        };
      },
      () => refreshProgress(tx, current.pactId),
    );
  }

  async remove(caller: Caller, id: number) {
    return this.uow.run(async (tx) => {
      await lockPact(tx, (await this.get(caller, id, tx)).pactId);
      const m = await this.get(caller, id, tx);
      const pact = await this.openPact(caller, m.pactId, tx);
      if (pact.status !== 'DRAFT') {
        throw new ConflictError(
          'MILESTONE_DELETE_NOT_DRAFT',
          {},
          `milestones are deleted only while the pact is a draft; set this one to CANCELLED instead`,
        );
      }
      const record = toMilestoneRecord(m, pact.status);
      await assertNoDocuments(tx, 'milestones', [id]);
      await tx.delete(Milestone, { id });
      await refreshProgress(tx, m.pactId);
      const { overdue: _o, ...fields } = record;
      await this.audit.deleted(tx, caller.id, 'milestones', id, fields);
      return record;
    });
  }
}
