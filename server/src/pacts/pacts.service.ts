import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  endsAfterStart,
  fillFromTemplate,
  isPactClosed,
  templateMilestonesFrom,
  templateMismatch,
  todayIso,
} from '@generattivi/shared';
import { EntityManager, Repository } from 'typeorm';
import { assertNoDocuments } from '../documents/owner-documents';
import { AccessLogService } from '../access-log/access-log.service';
import { Assignment } from '../assignments/assignment.entity';
import { openAssignment } from '../assignments/pact-assignment.service';
import { AuditService, diffChanges } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { scopedQuery, seesPact, worksInTerritory } from '../auth/scope';
import { ConflictError, FieldsError, ForbiddenError, NotFoundError } from '../common/domain-error';
import { fieldError } from '../common/error-body';
import {
  applyListFilter,
  applyListQuery,
  defineListSpec,
  findList,
  ListQuery,
  ListResult,
  ListQueryError,
  parseListQuery,
  takeFilters,
  RawListParams,
} from '../common/list-query';
import { mapList } from '../common/list-endpoint';
import { UnitOfWork } from '../common/unit-of-work';
import {
  assertNoReadOnlyOnCreate,
  assertReadOnlyUnchanged,
  updateVersioned,
  versionConflict,
} from '../common/versioned-update';
import { clockRunsSql, pendingPastDueSql } from '../common/deadline-sql';
import { Milestone } from '../milestones/milestone.entity';
import { Notification } from '../notifications/notification.entity';
import { toMilestoneRecord } from '../milestones/milestone.record';
import { PactTemplate } from '../pact-templates/pact-template.entity';
import { PactTemplatesService } from '../pact-templates/pact-templates.service';
import { Territory } from '../territories/territory.entity';
import { noSuchRecord } from '../auth/scope';
import { Note } from '../notes/note.entity';
import { resolvePlace } from '../territories/territory-place';
import {
  CreatePactDto,
  PACT_READ_ONLY,
  PACT_REFUSED_ON_CREATE,
  UpdatePactDto,
} from './dto/pact.dto';
import { EligibilityService, failingRules, sameDecision } from './eligibility.service';
import { nextReference, referenceSeries } from './pact-references';
import { PactCount } from './pact-count.entity';
import { lockVisiblePact, PACT_LIST, pactListSpec, visiblePact } from './pact-list';
import { assertLab, assertStaff } from './pact-staff';
import { type PactRecord, toPactRecord } from './pact.record';
import { PactsRepository } from './pacts.repository';
import { Pact } from './pact.entity';

/** PACT_LIST's filters applied to pact_counts, whose key columns have the same names. */
const PACT_COUNT_FILTER = defineListSpec({ ...PACT_LIST, alias: 'c' });

/**
 * Whether pact_counts can give the list's total: a scope by territory only (a community
 * maker's is by pact, which the summary does not carry), no search, and filters on its key
 * alone, by equality or "any of".
 */
function totalFromSummary(caller: Caller, query: ListQuery): boolean {
  return (
    ['ADMIN', 'MANAGER', 'SOCIAL_WORKER'].includes(caller.role) &&
    query.search.length === 0 &&
    query.filters.every(
      (f) =>
        ['territoryId', 'status', 'type'].includes(f.field) && (f.op === 'eq' || f.op === 'in'),
    )
  );
}

/** Fields a community maker may change on a DRAFT pact assigned to them (co-design). */
const MAKER_EDITABLE = new Set([
  'title',
  'objectives',
  'citizenCommitments',
  'communityCommitments',
]);

/**
 * `eligibility` is the server's: a refused submission stores its evaluation without a new
 * version, so a client's copy may be older than the stored one at the same version. It is
 * ignored in a PUT (re-run there anyway) instead of being a 400.
 */
const PACT_READ_ONLY_COMPARED = PACT_READ_ONLY.filter((f) => f !== 'eligibility');

@Injectable()
export class PactsService {
  constructor(
    @InjectRepository(Pact) private readonly pacts: Repository<Pact>,
    @InjectRepository(PactCount) private readonly counts: Repository<PactCount>,
    private readonly eligibility: EligibilityService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly accessLog: AccessLogService,
    private readonly templates: PactTemplatesService,
    private readonly repository: PactsRepository,
  ) {}

  // ── reading ────────────────────────────────────────────────────────────────

  /** A page of the list; each pact on it (it names its beneficiary) goes to the access log. */
  list(caller: Caller, raw: RawListParams): Promise<ListResult<PactRecord>> {
    return this.accessLog.listed(caller, 'pacts', this.page(caller, raw));
  }

  /** The page as records: the prepared read's rows are records already, entities are copied. */
  private async page(caller: Caller, raw: RawListParams): Promise<ListResult<PactRecord>> {
    const { rest, taken } = takeFilters(raw, ['overdue']);
    const spec = pactListSpec(caller);
    const query = parseListQuery(rest, spec);
    if (taken.overdue === undefined && PactsRepository.pageable(caller, query))
      return this.repository.page(caller, query);
    const reader = { caller, kind: 'pacts' } as const;
    const qb = scopedQuery(this.pacts, spec, reader);
    if (taken.overdue !== undefined) {
      if (typeof taken.overdue !== 'boolean')
        throw ListQueryError.of('filter', 'VALUE', 'overdue must be true or false');
      // A pact is late when its clock runs and one of its milestones is pending past its due
      // date: an index lookup by pact (milestones' pact_id, status, due_date).
      const late = qb
        .subQuery()
        .select('1')
        .from(Milestone, 'om')
        .where(`om.pactId = ${qb.alias}.id`)
        .andWhere(pendingPastDueSql('om'))
        .getQuery();
      qb.andWhere(`${taken.overdue ? '' : 'NOT '}(${clockRunsSql(qb.alias)} AND EXISTS ${late})`, {
        today: todayIso(),
      });
      return mapList(await findList(qb, query, spec), toPactRecord);
    }
    if (!totalFromSummary(caller, query))
      return mapList(await findList(qb, query, spec), toPactRecord);
    // The total summed from pact_counts (kept exact by triggers on pacts) instead of counted
    // over every matching pact: at scale that count was most of the list's time.
    const counts = scopedQuery(this.counts, PACT_COUNT_FILTER, reader).select(
      'COALESCE(SUM(c.n), 0)',
      'total',
    );
    const [rows, sum] = await Promise.all([
      applyListQuery(qb, query, spec).getMany(),
      applyListFilter(counts, query, PACT_COUNT_FILTER).getRawOne<{ total: number | string }>(),
    ]);
    return {
      rows: rows.map(toPactRecord),
      total: Number(sum?.total ?? 0),
      start: query.range.start,
    };
  }

  /** A pact the caller may see, else 404 (also inside a transaction). */
  findVisible(caller: Caller, id: number, tx?: EntityManager): Promise<Pact> {
    return visiblePact(tx ?? this.pacts.manager, caller, id);
  }

  /** One pact the caller may see (else 404), once its read is in the access log. */
  async read(caller: Caller, id: number): Promise<PactRecord> {
    const pact = await this.repository.byId(id);
    if (!pact || !seesPact(caller, pact)) throw new NotFoundError('pacts', id);
    await this.accessLog.recordRead(caller, 'pacts', id);
    return pact;
  }

  // ── writing ────────────────────────────────────────────────────────────────

  private static checkDates(startDate?: string | null, plannedEndDate?: string | null): void {
    if (!endsAfterStart(startDate, plannedEndDate)) {
      throw new FieldsError({
        plannedEndDate: fieldError('AFTER_START', {}, 'must be after the start date'),
      });
    }
  }

  /**
   * The template a pact is created from: one the caller reads (else a 400 naming it), of the
   * pact's type and, when it has one, territory (else a 400 saying which differs).
   */
  private async templateFor(
    tx: EntityManager,
    caller: Caller,
    templateId: number,
    pact: { type: CreatePactDto['type']; territory: Territory },
  ): Promise<PactTemplate> {
    const template = await this.templates.get(caller, templateId, tx).catch(() => {
      throw new FieldsError({ templateId: noSuchRecord('pact-templates', templateId, 'template') });
    });
    const mismatch = templateMismatch(template, {
      type: pact.type,
      territoryId: pact.territory.id,
    });
    if (mismatch === 'TYPE')
      throw new FieldsError({
        templateId: fieldError(
          'TEMPLATE_OTHER_TYPE',
          { type: template.type },
          `template ${templateId} is for ${template.type} pacts, not ${pact.type}`,
        ),
      });
    if (mismatch === 'TERRITORY') {
      const its = await tx.findOneBy(Territory, { id: template.territoryId as number });
      throw new FieldsError({
        templateId: fieldError(
          'TEMPLATE_OTHER_TERRITORY',
          { territory: its?.name ?? String(template.territoryId) },
          `template ${templateId} is for ${its?.name ?? 'another territory'}, not ${pact.territory.name}`,
        ),
      });
    }
    return template;
  }

  create(caller: Caller, body: CreatePactDto) {
    return this.uow.run((tx) => this.createIn(tx, caller, body));
  }

  /**
   * The create inside the caller's transaction (an import writes many in one), the pact
   * carrying `externalCode`, its code in the spreadsheet it came from.
   */
  async createIn(
    tx: EntityManager,
    caller: Caller,
    body: CreatePactDto,
    externalCode: string | null = null,
  ) {
    assertNoReadOnlyOnCreate(body, PACT_REFUSED_ON_CREATE);
    PactsService.checkDates(body.startDate, body.plannedEndDate);
    if (body.templateId != null && !body.startDate)
      throw new FieldsError({
        startDate: fieldError(
          'REQUIRED_WITH_TEMPLATE',
          {},
          'is required with a template: its milestones are dated from it',
        ),
      });
    // An existing territory (else 400) the caller works in (else 403).
    const { territory } = await resolvePlace(tx, caller, body.territoryId, null);
    const template =
      body.templateId == null
        ? null
        : await this.templateFor(tx, caller, body.templateId, { type: body.type, territory });
    const texts = template ? fillFromTemplate(template, body, body.startDate as string) : body;
    const subject = await this.eligibility.subjectOf(
      tx,
      caller,
      body.type,
      body.beneficiaryId,
      body.householdId,
    );
    if ((await this.eligibility.otherOpenPacts(tx, body.type, subject)) > 0) {
      throw new ConflictError(
        'OPEN_PACT_EXISTS',
        { type: body.type },
        body.type === 'AUTONOMY'
          ? `beneficiaryId: beneficiary ${subject.beneficiary?.id} already has an open AUTONOMY pact`
          : `householdId: household ${subject.household?.id} already has an open INCLUSION pact`,
      );
    }
    const socialWorkerId =
      body.socialWorkerId ?? (caller.role === 'SOCIAL_WORKER' ? caller.id : null);
    if (socialWorkerId != null)
      await assertStaff(tx, 'socialWorkerId', socialWorkerId, territory.id);
    if (body.communityMakerId != null)
      await assertStaff(tx, 'communityMakerId', body.communityMakerId, territory.id);
    if (body.communityLabId != null) await assertLab(tx, body.communityLabId, territory.id);
    const eligibility = await this.eligibility.evaluate(tx, body, subject);
    const reference = await nextReference(
      tx,
      referenceSeries(body.type, territory.code, Number(todayIso().slice(0, 4))),
    );
    const pact = await tx.save(
      tx.create(Pact, {
        type: body.type,
        reference,
        status: 'DRAFT',
        territoryId: territory.id,
        beneficiaryId: body.beneficiaryId ?? null,
        householdId: body.householdId ?? null,
        socialWorkerId,
        communityMakerId: body.communityMakerId ?? null,
        communityLabId: body.communityLabId ?? null,
        title: (texts.title ?? '').trim(),
        objectives: texts.objectives ?? '',
        citizenCommitments: texts.citizenCommitments ?? '',
        communityCommitments: texts.communityCommitments ?? '',
        startDate: body.startDate ?? null,
        plannedEndDate: texts.plannedEndDate ?? null,
        eligibility,
        progress: 0,
        externalCode,
      }),
    );
    const record = toPactRecord(pact);
    await this.audit.created(tx, caller.id, 'pacts', pact.id, {
      ...record,
      eligibility: eligibility.eligible,
      ...(template ? { templateId: template.id } : {}),
    });
    if (pact.communityMakerId != null) {
      await openAssignment(
        tx,
        this.audit,
        caller,
        pact.id,
        pact.communityMakerId,
        'assegnazione iniziale',
      );
    }
    if (template) await this.createTemplateMilestones(tx, caller, pact, template);
    return record;
  }

  /** The template's milestones on the new pact, each due its days after the start, audited. */
  private async createTemplateMilestones(
    tx: EntityManager,
    caller: Caller,
    pact: Pact,
    template: PactTemplate,
  ): Promise<void> {
    for (const m of templateMilestonesFrom(template.milestones, pact.startDate as string)) {
      const milestone = await tx.save(
        tx.create(Milestone, {
          pactId: pact.id,
          title: m.title,
          description: m.description,
          dueDate: m.dueDate,
          status: 'PENDING',
          achievedAt: null,
          evidence: null,
        }),
      );
      const { overdue: _o, ...fields } = toMilestoneRecord(milestone, pact.status);
      await this.audit.created(tx, caller.id, 'milestones', milestone.id, fields);
    }
  }

  update(caller: Caller, id: number, body: UpdatePactDto) {
    return this.uow.run((tx) => this.updateIn(tx, caller, id, body));
  }

  /** The update inside the caller's transaction (an import writes many in one). */
  async updateIn(tx: EntityManager, caller: Caller, id: number, body: UpdatePactDto) {
    PactsService.checkDates(body.startDate, body.plannedEndDate);
    const current = await lockVisiblePact(tx, caller, id);
    if (caller.role === 'MANAGER')
      throw new ForbiddenError(
        'MANAGER_READ_ONLY',
        {},
        'managers read pacts, they do not edit them',
      );
    assertReadOnlyUnchanged(body, toPactRecord(current), PACT_READ_ONLY_COMPARED);
    if (isPactClosed(current.status))
      throw new ConflictError(
        'PACT_CLOSED',
        { status: current.status },
        `the pact is ${current.status}: it is read-only`,
      );
    if (body.version !== current.version) throw versionConflict(body.version, current.version);
    const next = {
      beneficiaryId: body.beneficiaryId === undefined ? current.beneficiaryId : body.beneficiaryId,
      householdId: body.householdId === undefined ? current.householdId : body.householdId,
      socialWorkerId:
        body.socialWorkerId === undefined ? current.socialWorkerId : body.socialWorkerId,
      communityLabId:
        body.communityLabId === undefined ? current.communityLabId : body.communityLabId,
      title: body.title.trim(),
      objectives: body.objectives ?? current.objectives,
      citizenCommitments: body.citizenCommitments ?? current.citizenCommitments,
      communityCommitments: body.communityCommitments ?? current.communityCommitments,
      startDate: body.startDate === undefined ? current.startDate : body.startDate,
      plannedEndDate:
        body.plannedEndDate === undefined ? current.plannedEndDate : body.plannedEndDate,
    };
    const changed = Object.keys(next).filter(
      (k) =>
        JSON.stringify(next[k as keyof typeof next]) !== JSON.stringify(current[k as keyof Pact]),
    );
    if (caller.role === 'COMMUNITY_MAKER') {
      if (current.status !== 'DRAFT')
        throw new ForbiddenError(
          'MAKER_EDITS_DRAFTS_ONLY',
          {},
          'community makers edit pacts only while they are drafts',
        );
      const forbidden = changed.filter((k) => !MAKER_EDITABLE.has(k));
      if (forbidden.length)
        throw new ForbiddenError(
          'MAKER_FIELDS_ONLY',
          { fields: forbidden.join(', ') },
          `community makers may change only the title, objectives and commitments, not ${forbidden.join(', ')}`,
        );
    }
    if (
      current.status !== 'DRAFT' &&
      (changed.includes('beneficiaryId') || changed.includes('householdId'))
    ) {
      throw new ConflictError(
        'PACT_NOT_DRAFT',
        {},
        'the beneficiary and household of a pact can change only while it is a draft',
      );
    }
    PactsService.checkDates(next.startDate, next.plannedEndDate);
    if (changed.includes('socialWorkerId') && next.socialWorkerId != null)
      await assertStaff(tx, 'socialWorkerId', next.socialWorkerId, current.territoryId);
    if (changed.includes('communityLabId') && next.communityLabId != null)
      await assertLab(tx, next.communityLabId, current.territoryId);
    const subject = await this.eligibility.subjectOf(
      tx,
      caller,
      current.type,
      next.beneficiaryId,
      next.householdId,
    );
    if (
      (changed.includes('beneficiaryId') || changed.includes('householdId')) &&
      (await this.eligibility.otherOpenPacts(tx, current.type, subject, id)) > 0
    ) {
      throw new ConflictError(
        'OPEN_PACT_EXISTS',
        { type: current.type },
        `the ${current.type === 'AUTONOMY' ? 'beneficiary' : 'household'} already has an open ${current.type} pact`,
      );
    }
    const eligibility = await this.eligibility.evaluate(
      tx,
      { type: current.type, territoryId: current.territoryId, startDate: next.startDate },
      subject,
      id,
    );
    // Nothing to change (the evaluation deciding the same): no write, no version, no event.
    const reevaluated = !sameDecision(current.eligibility, eligibility);
    if (changed.length === 0 && !reevaluated) return toPactRecord(current);
    await updateVersioned(tx, Pact, id, body.version, { ...next, eligibility });
    const updated = await tx.findOneByOrFail(Pact, { id });
    const {
      version: _v,
      updatedAt: _u,
      eligibility: _e,
      ...changes
    } = diffChanges(toPactRecord(current), toPactRecord(updated));
    if (reevaluated)
      changes.eligibility = [failingRules(current.eligibility), failingRules(eligibility)];
    await this.audit.append(tx, {
      actorId: caller.id,
      action: 'update',
      entityType: 'pacts',
      entityId: id,
      changes,
    });
    return toPactRecord(updated);
  }

  async remove(caller: Caller, id: number) {
    return this.uow.run(async (tx) => {
      const pact = await lockVisiblePact(tx, caller, id);
      if (
        !worksInTerritory(caller, pact.territoryId) ||
        caller.role === 'MANAGER' ||
        caller.role === 'COMMUNITY_MAKER'
      ) {
        throw new ForbiddenError(
          'PACT_DELETE_FORBIDDEN',
          {},
          'only an administrator or the social workers of its territory may delete a pact',
        );
      }
      if (pact.status !== 'DRAFT')
        throw new ConflictError(
          'PACT_NOT_DRAFT_DELETE',
          { status: pact.status },
          `only DRAFT pacts can be deleted; this one is ${pact.status} (cancel it instead)`,
        );
      if ((await tx.countBy(Note, { pactId: id })) > 0)
        throw new ConflictError(
          'PACT_HAS_NOTES',
          {},
          'the pact has diary notes, which are never deleted: cancel it instead',
        );
      await assertNoDocuments(tx, 'pacts', [id]);
      const milestones = await tx.find(Milestone, { select: { id: true }, where: { pactId: id } });
      await assertNoDocuments(
        tx,
        'milestones',
        milestones.map((m) => m.id),
      );
      const record = toPactRecord(pact);
      await tx.delete(Milestone, { pactId: id });
      await tx.delete(Assignment, { pactId: id });
      // What its people were told of the draft goes with it (its reference then names nothing).
      await tx.delete(Notification, { pactId: id });
      await tx.delete(Pact, { id });
      await this.audit.deleted(tx, caller.id, 'pacts', id, record);
      return record;
    });
  }
}
