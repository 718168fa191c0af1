import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  PACT_TYPES,
  templateMilestoneProblems,
  type FieldError,
  type PactTemplateMilestone,
} from '@generattivi/shared';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { listPage, seesEverything, worksInTerritory } from '../auth/scope';
import { FieldsError, ForbiddenError, NotFoundError } from '../common/domain-error';
import { fieldError } from '../common/error-body';
import { columns } from '../common/list-columns';
import { defineListSpec, ListResult, RawListParams } from '../common/list-query';
import { UnitOfWork } from '../common/unit-of-work';
import { assertNoReadOnlyOnCreate, createRecord, updateRecord } from '../common/versioned-update';
import { resolvePlace } from '../territories/territory-place';
import {
  CreatePactTemplateDto,
  PACT_TEMPLATE_READ_ONLY,
  PactTemplateMilestoneDto,
  UpdatePactTemplateDto,
} from './dto/pact-template.dto';
import { PactTemplate } from './pact-template.entity';
import { PactTemplateRecord, toPactTemplateRecord } from './pact-template.record';

export const PACT_TEMPLATE_LIST = defineListSpec({
  resource: 'pact-templates',
  alias: 't',
  fields: columns(
    [
      'id:int type:enum territoryId:int title:string durationDays:int',
      'createdAt:instant updatedAt:instant',
    ],
    { type: { values: PACT_TYPES } },
  ),
  search: ['title', 'objectives'],
  defaultSort: ['title', 'ASC'],
});

const TARGET = {
  entity: PactTemplate,
  resource: 'pact-templates',
  toRecord: toPactTemplateRecord,
  readOnly: PACT_TEMPLATE_READ_ONLY,
} as const;

const OUTSIDE = () =>
  new ForbiddenError(
    'TEMPLATE_NOT_IN_TERRITORY',
    {},
    'you may manage only the templates of your territories; those for every territory are the administrator’s',
  );

/** The milestones as stored: trimmed, the description never null. */
function storedMilestones(milestones: PactTemplateMilestoneDto[]): PactTemplateMilestone[] {
  return milestones.map((m) => ({
    title: m.title.trim(),
    description: m.description?.trim() ?? '',
    days: m.days,
  }));
}

/** Every milestone due within the duration (shared's rule), else a 400 naming each. */
function assertMilestonesWithin(durationDays: number, milestones: PactTemplateMilestone[]): void {
  const problems = templateMilestoneProblems(durationDays, milestones);
  if (problems.length === 0) return;
  const errors: Record<string, FieldError> = {};
  for (const p of problems)
    errors[p.field] = fieldError(
      'MILESTONE_AFTER_DURATION',
      { durationDays: p.durationDays },
      `must be at most the duration, ${p.durationDays} days`,
    );
  throw new FieldsError(errors);
}

/**
 * Pact templates (modelli di patto). ADMIN and MANAGER read them all; a social worker reads
 * those of their territories and those for every territory, and manages those of their
 * territories only (the common ones, `territoryId` null, are the administrator's).
 */
@Injectable()
export class PactTemplatesService {
  constructor(
    @InjectRepository(PactTemplate) private readonly templates: Repository<PactTemplate>,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  /** The templates `caller` reads, as a query on alias `t`. */
  private scoped(caller: Caller, tx?: EntityManager): SelectQueryBuilder<PactTemplate> {
    const repo = tx ? tx.getRepository(PactTemplate) : this.templates;
    const qb = repo.createQueryBuilder('t');
    if (seesEverything(caller)) return qb;
    if (caller.role !== 'SOCIAL_WORKER') return qb.andWhere('1 = 0');
    if (caller.territoryIds.length === 0) return qb.andWhere('t.territoryId IS NULL');
    return qb.andWhere('(t.territoryId IS NULL OR t.territoryId IN (:...scopeTerritoryIds))', {
      scopeTerritoryIds: caller.territoryIds,
    });
  }

  list(caller: Caller, raw: RawListParams): Promise<ListResult<PactTemplate>> {
    return listPage(this.scoped(caller), PACT_TEMPLATE_LIST, raw);
  }

  /** The template if `caller` reads it, else a 404 (also inside a transaction). */
  async get(caller: Caller, id: number, tx?: EntityManager): Promise<PactTemplate> {
    const found = await this.scoped(caller, tx).andWhere('t.id = :id', { id }).getOne();
    if (!found) throw new NotFoundError('pact-templates', id);
    return found;
  }

  /** The territory a template is written for: one the caller works in; null for ADMIN only. */
  private async territoryOf(
    tx: EntityManager,
    caller: Caller,
    territoryId: number | null | undefined,
  ): Promise<number | null> {
    if (territoryId == null) {
      if (caller.role !== 'ADMIN') throw OUTSIDE();
      return null;
    }
    return (await resolvePlace(tx, caller, territoryId, null)).territory.id;
  }

  private fields(body: CreatePactTemplateDto) {
    const milestones = storedMilestones(body.milestones ?? []);
    assertMilestonesWithin(body.durationDays, milestones);
    return {
      type: body.type,
      title: body.title.trim(),
      objectives: body.objectives ?? '',
      citizenCommitments: body.citizenCommitments ?? '',
      communityCommitments: body.communityCommitments ?? '',
      durationDays: body.durationDays,
      milestones,
    };
  }

  create(caller: Caller, body: CreatePactTemplateDto): Promise<PactTemplateRecord> {
    assertNoReadOnlyOnCreate(body, [...PACT_TEMPLATE_READ_ONLY, 'version']);
    const fields = this.fields(body);
    return this.uow.run(async (tx) => {
      const territoryId = await this.territoryOf(tx, caller, body.territoryId);
      return createRecord({ tx, audit: this.audit, actorId: caller.id }, TARGET, {
        ...fields,
        territoryId,
      });
    });
  }

  update(caller: Caller, id: number, body: UpdatePactTemplateDto): Promise<PactTemplateRecord> {
    return this.uow.run(async (tx) => {
      const current = await this.get(caller, id, tx);
      const writer = { tx, audit: this.audit, actorId: caller.id };
      return updateRecord(writer, TARGET, current, body, async () => {
        if (
          current.territoryId === null
            ? caller.role !== 'ADMIN'
            : !worksInTerritory(caller, current.territoryId)
        )
          throw OUTSIDE();
        const fields = this.fields({
          ...body,
          milestones: body.milestones ?? current.milestones,
        } as CreatePactTemplateDto);
        const territoryId = await this.territoryOf(
          tx,
          caller,
          body.territoryId === undefined ? current.territoryId : body.territoryId,
        );
        return {
          ...fields,
          objectives: body.objectives ?? current.objectives,
          citizenCommitments: body.citizenCommitments ?? current.citizenCommitments,
          communityCommitments: body.communityCommitments ?? current.communityCommitments,
          territoryId,
        };
      });
    });
  }

  /** Deletes a template: pacts made from it keep what it gave them (they do not refer to it). */
  remove(caller: Caller, id: number): Promise<PactTemplateRecord> {
    return this.uow.run(async (tx) => {
      const current = await this.get(caller, id, tx);
      if (
        current.territoryId === null
          ? caller.role !== 'ADMIN'
          : !worksInTerritory(caller, current.territoryId)
      )
        throw OUTSIDE();
      const record = toPactTemplateRecord(current);
      await tx.delete(PactTemplate, { id });
      await this.audit.deleted(tx, caller.id, 'pact-templates', id, record);
      return record;
    });
  }
}
