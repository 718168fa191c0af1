import { HttpException, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  approvalRequirements,
  checkTransition,
  endsAfterStart,
  evaluateEligibility,
  isPactClosed,
  OPEN_MILESTONE_DECISIONS,
  OPEN_PACT_STATUSES,
  openMilestonesOutcome,
  PACT_STATUSES,
  PACT_TYPES,
  pactProgress,
  todayIso,
  type ApprovalRequirement,
  type EligibilityEvaluation,
  type ErrorCode,
  type OpenMilestoneDecision,
  type PactType,
} from '@generattivi/shared';
import { EntityManager, In, IsNull, Not, Repository } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import { Assignment } from '../assignments/assignment.entity';
import { AuditService, diffChanges } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { applyScope, worksInTerritory } from '../auth/scope';
import { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { CommunityLab } from '../community-labs/community-lab.entity';
import { AppConfig, CONFIG } from '../config/config';
import { nowIso } from '../common/clock';
import {
  ConflictError,
  DomainError,
  FieldsError,
  ForbiddenError,
  NotFoundError,
} from '../common/domain-error';
import { errorBody, fieldError, fieldsMessage, fieldsOf } from '../common/error-body';
import {
  applyListFilter,
  applyListQuery,
  defineListSpec,
  findList,
  ListQuery,
  ListResult,
  parseListQuery,
  RawListParams,
} from '../common/list-query';
import { UnitOfWork } from '../common/unit-of-work';
import {
  assertNoReadOnlyOnCreate,
  assertReadOnlyUnchanged,
  updateVersioned,
  versionConflict,
} from '../common/versioned-update';
import { Household } from '../households/household.entity';
import { Milestone } from '../milestones/milestone.entity';
import { Note } from '../notes/note.entity';
import { Territory } from '../territories/territory.entity';
import { User } from '../users/user.entity';
import {
  AssignDto,
  CreatePactDto,
  EligibilityCheckDto,
  PACT_READ_ONLY,
  PACT_REFUSED_ON_CREATE,
  TransitionDto,
  UpdatePactDto,
} from './dto/pact.dto';
import { nextReference, referenceSeries } from './pact-references';
import { PactCount } from './pact-count.entity';
import { toPactRecord } from './pact.record';
import { Pact } from './pact.entity';
import { lockPact } from './pact-lock';
import type { FieldError } from '@generattivi/shared';

export const PACT_LIST = defineListSpec({
  resource: 'pacts',
  alias: 'p',
  fields: {
    id: { column: 'id', type: 'int' },
    reference: { column: 'reference', type: 'string' },
    type: { column: 'type', type: 'enum', values: PACT_TYPES },
    status: { column: 'status', type: 'enum', values: PACT_STATUSES },
    territoryId: { column: 'territoryId', type: 'int' },
    beneficiaryId: { column: 'beneficiaryId', type: 'int' },
    householdId: { column: 'householdId', type: 'int' },
    socialWorkerId: { column: 'socialWorkerId', type: 'int' },
    communityMakerId: { column: 'communityMakerId', type: 'int' },
    communityLabId: { column: 'communityLabId', type: 'int' },
    title: { column: 'title', type: 'string' },
    outcome: { column: 'outcome', type: 'string' },
    startDate: { column: 'startDate', type: 'date' },
    plannedEndDate: { column: 'plannedEndDate', type: 'date' },
    submittedAt: { column: 'submittedAt', type: 'instant' },
    closedAt: { column: 'closedAt', type: 'instant' },
    lastNoteAt: { column: 'lastNoteAt', type: 'instant' },
    progress: { column: 'progress', type: 'int' },
    createdAt: { column: 'createdAt', type: 'instant' },
    updatedAt: { column: 'updatedAt', type: 'instant' },
  },
  search: ['reference', 'title'],
  searchIndex: 'pacts',
  defaultSort: ['id', 'DESC'],
});

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

/** Each unmet approval requirement, as the code of its field error. */
const APPROVAL_CODES: Record<ApprovalRequirement, ErrorCode> = {
  COMMUNITY_MAKER: 'NO_COMMUNITY_MAKER',
  MILESTONE: 'NO_MILESTONE',
  START_DATE: 'NO_START_DATE',
  PLANNED_END_DATE: 'NO_PLANNED_END_DATE',
};

export class EligibilityFailed extends HttpException {
  constructor(
    message: string,
    evaluation: EligibilityEvaluation,
    extra: Record<string, unknown> = {},
  ) {
    super(
      errorBody(422, 'NOT_ELIGIBLE', {}, message, { evaluation, ...extra }),
      HttpStatus.UNPROCESSABLE_ENTITY,
    );
  }
}

type PactSubject = { beneficiary: Beneficiary | null; household: Household | null };

/** What an evaluation decided (rule set and failing rules), without when it ran. */
function failingRules(
  e: EligibilityEvaluation | null,
): { ruleSet: string; failing: string[] } | null {
  return e
    ? {
        ruleSet: String(e.ruleSetVersion),
        failing: e.checks
          .filter((c) => !c.passed)
          .map((c) => c.rule)
          .sort(),
      }
    : null;
}
const sameDecision = (a: EligibilityEvaluation | null, b: EligibilityEvaluation | null) =>
  JSON.stringify(failingRules(a)) === JSON.stringify(failingRules(b));

/**
 * `eligibility` is the server's: a refused submission stores its evaluation without a new
 * version, so a client's copy may be older than the stored one at the same version. It is
 * ignored in a PUT (re-run there anyway) instead of being a 400.
 */
const PACT_READ_ONLY_COMPARED = PACT_READ_ONLY.filter((f) => f !== 'eligibility');

@Injectable()
export class PactsService {
  private readonly logger = new Logger(PactsService.name);

  constructor(
    @InjectRepository(Pact) private readonly pacts: Repository<Pact>,
    @InjectRepository(PactCount) private readonly counts: Repository<PactCount>,
    @InjectRepository(Beneficiary) private readonly beneficiaries: Repository<Beneficiary>,
    @InjectRepository(Household) private readonly households: Repository<Household>,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly accessLog: AccessLogService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  // ── reading ────────────────────────────────────────────────────────────────

  async list(caller: Caller, raw: RawListParams): Promise<ListResult<Pact>> {
    const query = parseListQuery(raw, PACT_LIST);
    const qb = applyScope(this.pacts.createQueryBuilder('p'), 'pacts', 'p', caller);
    if (!totalFromSummary(caller, query)) return findList(qb, query, PACT_LIST);
    // The total summed from pact_counts (kept exact by triggers on pacts) instead of counted
    // over every matching pact: at scale that count was most of the list's time.
    const counts = applyScope(this.counts.createQueryBuilder('c'), 'pacts', 'c', caller).select(
      'COALESCE(SUM(c.n), 0)',
      'total',
    );
    const [rows, sum] = await Promise.all([
      applyListQuery(qb, query, PACT_LIST).getMany(),
      applyListFilter(counts, query, PACT_COUNT_FILTER).getRawOne<{ total: number | string }>(),
    ]);
    return { rows, total: Number(sum?.total ?? 0), start: query.range.start };
  }

  /** A pact the caller may see, else 404 (also inside a transaction). */
  async findVisible(caller: Caller, id: number, tx?: EntityManager): Promise<Pact> {
    const repo = tx ? tx.getRepository(Pact) : this.pacts;
    const pact = await applyScope(repo.createQueryBuilder('p'), 'pacts', 'p', caller)
      .andWhere('p.id = :id', { id })
      .getOne();
    if (!pact) throw new NotFoundError('pacts', id);
    return pact;
  }

  async read(caller: Caller, id: number): Promise<Pact> {
    const pact = await this.findVisible(caller, id);
    await this.accessLog.recordRead(caller, 'pacts', id);
    return pact;
  }

  // ── eligibility ────────────────────────────────────────────────────────────

  private async subjectOf(
    tx: EntityManager,
    caller: Caller,
    type: PactType,
    beneficiaryId?: number | null,
    householdId?: number | null,
  ): Promise<PactSubject> {
    const errors: Record<string, FieldError> = {};
    let beneficiary: Beneficiary | null = null;
    let household: Household | null = null;
    if (beneficiaryId != null) {
      beneficiary = await applyScope(
        tx.getRepository(Beneficiary).createQueryBuilder('b'),
        'beneficiaries',
        'b',
        caller,
      )
        .andWhere('b.id = :id', { id: beneficiaryId })
        .getOne();
      if (!beneficiary)
        errors.beneficiaryId = fieldError(
          'NO_SUCH_RECORD',
          { resource: 'beneficiaries', id: beneficiaryId },
          `no beneficiary ${beneficiaryId}`,
        );
    } else if (type === 'AUTONOMY') {
      errors.beneficiaryId = fieldError(
        'REQUIRED_FOR_TYPE',
        { type },
        'is required for an AUTONOMY pact',
      );
    }
    if (householdId != null) {
      household = await applyScope(
        tx.getRepository(Household).createQueryBuilder('h'),
        'households',
        'h',
        caller,
      )
        .andWhere('h.id = :id', { id: householdId })
        .getOne();
      if (!household)
        errors.householdId = fieldError(
          'NO_SUCH_RECORD',
          { resource: 'households', id: householdId },
          `no household ${householdId}`,
        );
    } else if (type === 'INCLUSION') {
      errors.householdId = fieldError(
        'REQUIRED_FOR_TYPE',
        { type },
        'is required for an INCLUSION pact',
      );
    }
    if (Object.keys(errors).length) throw new FieldsError(errors);
    return { beneficiary, household };
  }

  /** Open pacts of the same type for the same person (AUTONOMY) or household (INCLUSION). */
  private async otherOpenPacts(
    tx: EntityManager,
    type: PactType,
    subject: PactSubject,
    exceptId?: number,
  ): Promise<number> {
    const where = {
      type,
      status: In([...OPEN_PACT_STATUSES]),
      ...(type === 'AUTONOMY'
        ? { beneficiaryId: subject.beneficiary?.id ?? -1 }
        : { householdId: subject.household?.id ?? -1 }),
      ...(exceptId ? { id: Not(exceptId) } : {}),
    };
    return tx.getRepository(Pact).countBy(where);
  }

  private async evaluate(
    tx: EntityManager,
    input: { type: PactType; territoryId: number; startDate?: string | null },
    subject: PactSubject,
    exceptId?: number,
  ): Promise<EligibilityEvaluation> {
    const territories = await tx
      .getRepository(Territory)
      .find({ select: { id: true, name: true } });
    return evaluateEligibility(
      {
        type: input.type,
        territoryId: input.territoryId,
        startDate: input.startDate ?? null,
        beneficiary: subject.beneficiary,
        household: subject.household
          ? { ...subject.household, iseeEur: subject.household.iseeEur }
          : null,
        otherOpenPacts: await this.otherOpenPacts(tx, input.type, subject, exceptId),
        territoryNames: Object.fromEntries(territories.map((t) => [t.id, t.name])),
      },
      { iseeThresholdEur: this.config.iseeThresholdEur },
    );
  }

  /** POST /eligibility/check: evaluates without saving anything. */
  async check(caller: Caller, body: EligibilityCheckDto): Promise<EligibilityEvaluation> {
    const tx = this.pacts.manager;
    if (!(await tx.existsBy(Territory, { id: body.territoryId })))
      throw new FieldsError({
        territoryId: fieldError(
          'NO_SUCH_RECORD',
          { resource: 'territories', id: body.territoryId },
          `no territory ${body.territoryId}`,
        ),
      });
    if (body.pactId) await this.findVisible(caller, body.pactId);
    const subject = await this.subjectOf(
      tx,
      caller,
      body.type,
      body.beneficiaryId,
      body.householdId,
    );
    return this.evaluate(tx, body, subject, body.pactId);
  }

  // ── writing ────────────────────────────────────────────────────────────────

  private async assertSocialWorker(
    tx: EntityManager,
    id: number,
    territoryId: number,
  ): Promise<void> {
    const u = await tx.findOneBy(User, { id });
    if (!u || !u.active || u.role !== 'SOCIAL_WORKER' || !u.territoryIds.includes(territoryId)) {
      throw new FieldsError({
        socialWorkerId: fieldError(
          'SOCIAL_WORKER_OF_TERRITORY',
          {},
          'must be an active social worker of the pact territory',
        ),
      });
    }
  }

  private async assertCommunityMaker(
    tx: EntityManager,
    id: number,
    territoryId: number,
  ): Promise<void> {
    const u = await tx.findOneBy(User, { id });
    if (!u || !u.active || u.role !== 'COMMUNITY_MAKER' || !u.territoryIds.includes(territoryId)) {
      throw new FieldsError({
        communityMakerId: fieldError(
          'MAKER_OF_TERRITORY',
          {},
          'must be an active community maker working in the pact territory',
        ),
      });
    }
  }

  private async assertLab(tx: EntityManager, id: number, territoryId: number): Promise<void> {
    const lab = await tx.findOneBy(CommunityLab, { id });
    if (!lab || lab.territoryId !== territoryId)
      throw new FieldsError({
        communityLabId: fieldError(
          'LAB_OF_TERRITORY',
          {},
          'must be a community laboratory of the pact territory',
        ),
      });
  }

  private static checkDates(startDate?: string | null, plannedEndDate?: string | null): void {
    if (!endsAfterStart(startDate, plannedEndDate)) {
      throw new FieldsError({
        plannedEndDate: fieldError('AFTER_START', {}, 'must be after the start date'),
      });
    }
  }

  async create(caller: Caller, body: CreatePactDto) {
    assertNoReadOnlyOnCreate(body, PACT_REFUSED_ON_CREATE);
    PactsService.checkDates(body.startDate, body.plannedEndDate);
    return this.uow.run(async (tx) => {
      const territory = await tx.findOneBy(Territory, { id: body.territoryId });
      if (!territory)
        throw new FieldsError({
          territoryId: fieldError(
            'NO_SUCH_RECORD',
            { resource: 'territories', id: body.territoryId },
            `no territory ${body.territoryId}`,
          ),
        });
      if (!worksInTerritory(caller, territory.id))
        throw new ForbiddenError(
          'NOT_IN_TERRITORY',
          { territory: territory.name },
          `you do not work in territory ${territory.code}`,
        );
      const subject = await this.subjectOf(
        tx,
        caller,
        body.type,
        body.beneficiaryId,
        body.householdId,
      );
      if ((await this.otherOpenPacts(tx, body.type, subject)) > 0) {
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
      if (socialWorkerId != null) await this.assertSocialWorker(tx, socialWorkerId, territory.id);
      if (body.communityMakerId != null)
        await this.assertCommunityMaker(tx, body.communityMakerId, territory.id);
      if (body.communityLabId != null) await this.assertLab(tx, body.communityLabId, territory.id);
      const eligibility = await this.evaluate(tx, body, subject);
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
          title: body.title.trim(),
          objectives: body.objectives ?? '',
          citizenCommitments: body.citizenCommitments ?? '',
          communityCommitments: body.communityCommitments ?? '',
          startDate: body.startDate ?? null,
          plannedEndDate: body.plannedEndDate ?? null,
          eligibility,
          progress: 0,
        }),
      );
      const record = toPactRecord(pact);
      await this.audit.created(tx, caller.id, 'pacts', pact.id, {
        ...record,
        eligibility: eligibility.eligible,
      });
      if (pact.communityMakerId != null) {
        await this.openAssignment(tx, caller, pact, pact.communityMakerId, 'assegnazione iniziale');
      }
      return record;
    });
  }

  async update(caller: Caller, id: number, body: UpdatePactDto) {
    PactsService.checkDates(body.startDate, body.plannedEndDate);
    return this.uow.run(async (tx) => {
      await lockPact(tx, id);
      const current = await this.findVisible(caller, id, tx);
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
        beneficiaryId:
          body.beneficiaryId === undefined ? current.beneficiaryId : body.beneficiaryId,
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
        await this.assertSocialWorker(tx, next.socialWorkerId, current.territoryId);
      if (changed.includes('communityLabId') && next.communityLabId != null)
        await this.assertLab(tx, next.communityLabId, current.territoryId);
      const subject = await this.subjectOf(
        tx,
        caller,
        current.type,
        next.beneficiaryId,
        next.householdId,
      );
      if (
        (changed.includes('beneficiaryId') || changed.includes('householdId')) &&
        (await this.otherOpenPacts(tx, current.type, subject, id)) > 0
      ) {
        throw new ConflictError(
          'OPEN_PACT_EXISTS',
          { type: current.type },
          `the ${current.type === 'AUTONOMY' ? 'beneficiary' : 'household'} already has an open ${current.type} pact`,
        );
      }
      const eligibility = await this.evaluate(
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
    });
  }

  async remove(caller: Caller, id: number) {
    return this.uow.run(async (tx) => {
      await lockPact(tx, id);
      const pact = await this.findVisible(caller, id, tx);
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
      const record = toPactRecord(pact);
      await tx.delete(Milestone, { pactId: id });
      await tx.delete(Assignment, { pactId: id });
      await tx.delete(Pact, { id });
      await this.audit.deleted(tx, caller.id, 'pacts', id, record);
      return record;
    });
  }

  // ── transitions and assignment ─────────────────────────────────────────────

  async transition(caller: Caller, id: number, body: TransitionDto) {
    let refused: { version: number; evaluation: EligibilityEvaluation } | undefined;
    try {
      return await this.runTransition(caller, id, body, (r) => (refused = r));
    } catch (error) {
      if (refused) await this.keepRefusedEvaluation(id, refused.version, refused.evaluation);
      throw error;
    }
  }

  /**
   * A refused submission or approval keeps its evaluation on the pact, so that its page shows
   * why: in its own short unit of work, once the refused one has rolled back. It is not an
   * edit (the version and updatedAt stay: nobody gets a 409 for it), and it is written only
   * while the pact is still at the version that was refused.
   */
  private async keepRefusedEvaluation(
    id: number,
    version: number,
    evaluation: EligibilityEvaluation,
  ): Promise<void> {
    try {
      await this.uow.run((tx) => tx.update(Pact, { id, version }, { eligibility: evaluation }));
    } catch (error) {
      // The refusal is the answer; failing to keep its evaluation must not turn it into a 500.
      this.logger.warn(`pact ${id}: the refused evaluation was not kept (${String(error)})`);
    }
  }

  private async runTransition(
    caller: Caller,
    id: number,
    body: TransitionDto,
    onRefused: (refused: { version: number; evaluation: EligibilityEvaluation }) => void,
  ) {
    return this.uow.run(async (tx) => {
      await lockPact(tx, id);
      const pact = await this.findVisible(caller, id, tx);
      const pending = await tx.find(Milestone, {
        where: { pactId: id, status: 'PENDING' },
        order: { dueDate: 'ASC', id: 'ASC' },
      });
      const check = checkTransition({
        type: pact.type,
        from: pact.status,
        to: body.to,
        role: caller.role,
        reason: body.reason,
        outcome: body.outcome,
        pendingMilestones: pending,
        openMilestones: body.openMilestones,
      });
      if (!check.ok) {
        switch (check.code) {
          case 'NOT_ALLOWED_FROM_STATUS':
            throw new ConflictError(
              'TRANSITION_NOT_ALLOWED',
              { from: pact.status, to: body.to, allowed: check.allowed.join(', ') },
              `${check.message}`,
              { allowed: check.allowed },
            );
          case 'ROLE_FORBIDDEN':
            throw new ForbiddenError('ROLE_FORBIDDEN', { role: caller.role }, check.message);
          case 'REASON_REQUIRED':
            throw new FieldsError(
              { reason: fieldError(check.code, {}, check.message) },
              check.code,
            );
          case 'OPEN_MILESTONES_DECISION_REQUIRED': {
            const params = {
              count: pending.length,
              titles: pending.map((m) => m.title).join(', '),
            };
            throw new DomainError(400, check.code, params, `openMilestones: ${check.message}`, {
              ...fieldsOf({ openMilestones: fieldError(check.code, params, check.message) }),
              openMilestones: pending.map((m) => ({
                id: m.id,
                title: m.title,
                dueDate: m.dueDate,
              })),
              choices: OPEN_MILESTONE_DECISIONS,
            });
          }
          case 'OPEN_MILESTONES_INVALID':
            throw new FieldsError(
              { openMilestones: fieldError(check.code, {}, check.message) },
              check.code,
            );
          default:
            throw new FieldsError(
              { outcome: fieldError(check.code, {}, check.message) },
              check.code,
            );
        }
      }
      if (body.version !== pact.version) throw versionConflict(body.version, pact.version);
      const action = check.transition.action;
      if (action === 'SUBMIT' || action === 'APPROVE') {
        const subject = await this.subjectOf(
          tx,
          caller,
          pact.type,
          pact.beneficiaryId,
          pact.householdId,
        ).catch(() => ({
          beneficiary: null,
          household: null,
        }));
        if (action === 'APPROVE') {
          const unmet = approvalRequirements({
            communityMakerId: pact.communityMakerId,
            milestoneCount: await tx.countBy(Milestone, { pactId: id, status: Not('CANCELLED') }),
            startDate: pact.startDate,
            plannedEndDate: pact.plannedEndDate,
          });
          if (unmet.length) {
            const errors = Object.fromEntries(
              unmet.map((u) => [
                u.field,
                fieldError(APPROVAL_CODES[u.requirement], {}, u.messages.en),
              ]),
            );
            // The planned end date is there but not after the start: a different problem.
            if (errors.plannedEndDate && pact.plannedEndDate) {
              errors.plannedEndDate = { ...errors.plannedEndDate, code: 'AFTER_START' };
            }
            throw new FieldsError(errors, 'APPROVAL_REQUIREMENTS', 422, {
              message: `the pact cannot be approved yet: ${fieldsMessage(errors)}`,
            });
          }
        }
        const evaluation = await this.evaluate(tx, pact, subject, id);
        if (!evaluation.eligible) {
          // Kept on the pact once this unit of work has rolled back (keepRefusedEvaluation).
          onRefused({ version: pact.version, evaluation });
          const failing = evaluation.checks
            .filter((c) => !c.passed)
            .map((c) => `${c.rule}: ${c.messages.en}`);
          throw new EligibilityFailed(
            `the pact is not eligible: ${failing.join('; ')}`,
            evaluation,
          );
        }
        pact.eligibility = evaluation;
      }
      const now = nowIso();
      const changes: Partial<Pact> = { status: body.to, eligibility: pact.eligibility };
      if (action === 'SUBMIT') changes.submittedAt = now;
      if (action === 'SEND_BACK') changes.submittedAt = null;
      if (action === 'APPROVE') changes.approvedAt = now;
      if (body.to === 'COMPLETED' || body.to === 'TERMINATED' || body.to === 'CANCELLED') {
        changes.closedAt = now;
        changes.outcome = body.outcome ?? null;
        changes.closingNote = body.reason?.trim() || null;
      }
      // A closing writes the pact's children first: once its status is closed, the database
      // refuses writes to them (migration PactInvariants).
      if (changes.closedAt) {
        await tx.update(Assignment, { pactId: id, endedAt: IsNull() }, { endedAt: now });
      }
      const decided = pending.length
        ? openMilestonesOutcome(check.transition, body.openMilestones)
        : null;
      if (decided) await this.closeOpenMilestones(tx, caller, id, pending, decided, body.reason);
      await updateVersioned(tx, Pact, id, body.version, changes);
      await this.audit.append(tx, {
        actorId: caller.id,
        action: 'transition',
        entityType: 'pacts',
        entityId: id,
        changes: {
          status: [pact.status, body.to],
          ...(body.reason ? { reason: [null, body.reason] } : {}),
          ...(body.outcome ? { outcome: [null, body.outcome] } : {}),
          ...(decided ? { openMilestones: [null, decided] } : {}),
        },
      });
      return toPactRecord(await tx.findOneByOrFail(Pact, { id }));
    });
  }

  /**
   * Closing decides the open milestones (DOMAIN.md, "Further rules"): each still PENDING
   * becomes MISSED or CANCELLED, the reason added to its evidence, each change audited; then
   * the pact's progress follows (a cancelled milestone no longer counts).
   */
  private async closeOpenMilestones(
    tx: EntityManager,
    caller: Caller,
    pactId: number,
    pending: Milestone[],
    status: OpenMilestoneDecision,
    reason: string | undefined,
  ): Promise<void> {
    const note = reason?.trim() || null;
    for (const m of pending) {
      const evidence = note ? (m.evidence ? `${m.evidence}\n${note}` : note) : m.evidence;
      await updateVersioned(tx, Milestone, m.id, m.version, { status, evidence });
      await this.audit.append(tx, {
        actorId: caller.id,
        action: 'update',
        entityType: 'milestones',
        entityId: m.id,
        changes: {
          status: ['PENDING', status],
          ...(evidence !== m.evidence ? { evidence: [m.evidence, evidence] } : {}),
        },
      });
    }
    const rows = await tx.find(Milestone, { where: { pactId }, select: { status: true } });
    await tx.update(Pact, { id: pactId }, { progress: pactProgress(rows.map((r) => r.status)) });
  }

  private async openAssignment(
    tx: EntityManager,
    caller: Caller,
    pact: Pact,
    communityMakerId: number,
    reason: string | null,
  ): Promise<Assignment> {
    const now = nowIso();
    const assignment = await tx.save(
      tx.create(Assignment, {
        pactId: pact.id,
        communityMakerId,
        assignedById: caller.id,
        startedAt: now,
        endedAt: null,
        reason,
      }),
    );
    await this.audit.created(tx, caller.id, 'assignments', assignment.id, {
      pactId: pact.id,
      communityMakerId,
      assignedById: caller.id,
      startedAt: now,
      reason,
    });
    return assignment;
  }

  async assign(caller: Caller, id: number, body: AssignDto) {
    return this.uow.run(async (tx) => {
      await lockPact(tx, id);
      const pact = await this.findVisible(caller, id, tx);
      if (caller.role !== 'ADMIN' && caller.role !== 'SOCIAL_WORKER')
        throw new ForbiddenError(
          'ASSIGN_FORBIDDEN',
          {},
          'only an administrator or a social worker assigns community makers',
        );
      if (isPactClosed(pact.status))
        throw new ConflictError(
          'PACT_CLOSED',
          { status: pact.status },
          `the pact is ${pact.status}: its assignments are read-only`,
        );
      if (body.version !== undefined && body.version !== pact.version)
        throw versionConflict(body.version, pact.version);
      if (pact.communityMakerId === body.communityMakerId) {
        throw new ConflictError(
          'ALREADY_ASSIGNED',
          { userId: body.communityMakerId },
          `communityMakerId: user ${body.communityMakerId} already follows this pact`,
        );
      }
      await this.assertCommunityMaker(tx, body.communityMakerId, pact.territoryId);
      const now = nowIso();
      const open = await tx.findBy(Assignment, { pactId: id, endedAt: IsNull() });
      for (const a of open) {
        await tx.update(Assignment, { id: a.id }, { endedAt: now });
        await this.audit.append(tx, {
          actorId: caller.id,
          action: 'update',
          entityType: 'assignments',
          entityId: a.id,
          changes: { endedAt: [null, now] },
        });
      }
      await updateVersioned(tx, Pact, id, pact.version, {
        communityMakerId: body.communityMakerId,
      });
      await this.openAssignment(
        tx,
        caller,
        pact,
        body.communityMakerId,
        body.reason?.trim() || null,
      );
      await this.audit.append(tx, {
        actorId: caller.id,
        action: 'assign',
        entityType: 'pacts',
        entityId: id,
        changes: {
          communityMakerId: [pact.communityMakerId, body.communityMakerId],
          ...(body.reason ? { reason: [null, body.reason] } : {}),
        },
      });
      return toPactRecord(await tx.findOneByOrFail(Pact, { id }));
    });
  }
}
