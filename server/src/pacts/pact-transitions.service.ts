import { Injectable, Logger } from '@nestjs/common';
import {
  approvalRequirements,
  checkTransition,
  OPEN_MILESTONE_DECISIONS,
  openMilestonesOutcome,
  pactProgress,
  type ApprovalRequirement,
  type EligibilityEvaluation,
  type ErrorCode,
  type OpenMilestoneDecision,
} from '@generattivi/shared';
import { EntityManager, IsNull, Not } from 'typeorm';
import { Assignment } from '../assignments/assignment.entity';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { nowIso } from '../common/clock';
import { ConflictError, DomainError, FieldsError, ForbiddenError } from '../common/domain-error';
import { fieldError, fieldsMessage, fieldsOf } from '../common/error-body';
import { UnitOfWork } from '../common/unit-of-work';
import { updateVersioned, versionConflict } from '../common/versioned-update';
import { signedPactCount } from '../documents/owner-documents';
import { notify, sentBackReaders } from '../notifications/notify';
import { Milestone } from '../milestones/milestone.entity';
import type { TransitionDto } from './dto/pact.dto';
import { EligibilityFailed, EligibilityService } from './eligibility.service';
import { lockVisiblePact } from './pact-list';
import { toPactRecord } from './pact.record';
import { Pact } from './pact.entity';

/** Each unmet approval requirement, as the code of its field error. */
const APPROVAL_CODES: Record<ApprovalRequirement, ErrorCode> = {
  COMMUNITY_MAKER: 'NO_COMMUNITY_MAKER',
  MILESTONE: 'NO_MILESTONE',
  START_DATE: 'NO_START_DATE',
  PLANNED_END_DATE: 'NO_PLANNED_END_DATE',
  SIGNED_PACT: 'SIGNED_PACT_MISSING',
};

/** A pact's life: the moves between statuses (POST /pacts/:id/transitions). */
@Injectable()
export class PactTransitionsService {
  private readonly logger = new Logger(PactTransitionsService.name);

  constructor(
    private readonly eligibility: EligibilityService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

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
      const pact = await lockVisiblePact(tx, caller, id);
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
        const subject = await this.eligibility
          .subjectOf(tx, caller, pact.type, pact.beneficiaryId, pact.householdId)
          .catch(() => ({
            beneficiary: null,
            household: null,
          }));
        if (action === 'APPROVE') await this.assertApprovable(tx, pact, true);
        const evaluation = await this.eligibility.evaluate(tx, pact, subject, id);
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
      if (action === 'SEND_BACK')
        await notify(tx, 'PACT_SENT_BACK', pact, await sentBackReaders(tx, pact), caller.id);
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
   * What approval requires (DOMAIN.md): a community maker, a milestone, the start and a later
   * planned end, and, unless `withSignedPact` is false, the signed copy; else a 422 naming each
   * missing field.
   */
  private async assertApprovable(
    tx: EntityManager,
    pact: Pact,
    withSignedPact: boolean,
  ): Promise<void> {
    const unmet = approvalRequirements({
      communityMakerId: pact.communityMakerId,
      milestoneCount: await tx.countBy(Milestone, {
        pactId: pact.id,
        status: Not('CANCELLED'),
      }),
      startDate: pact.startDate,
      plannedEndDate: pact.plannedEndDate,
      // Counted under the pact's lock: deleting a signed pact takes it too (DocumentsService).
      signedPactCount: withSignedPact ? await signedPactCount(tx, pact.id) : undefined,
    });
    if (unmet.length === 1 && unmet[0].requirement === 'SIGNED_PACT') {
      const [missing] = unmet;
      throw new FieldsError(
        { documents: fieldError('SIGNED_PACT_MISSING', {}, missing.messages.en) },
        'SIGNED_PACT_MISSING',
        422,
        { message: missing.messages.en },
      );
    }
    if (unmet.length) {
      const errors = Object.fromEntries(
        unmet.map((u) => [u.field, fieldError(APPROVAL_CODES[u.requirement], {}, u.messages.en)]),
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

  /**
   * A pact imported as already running (signed on paper before the district adopted
   * GenerAttivi) made ACTIVE inside the import's transaction: DRAFT to ACTIVE in one step,
   * under the approval's requirements and eligibility on its start date, except the signed
   * copy, which stays on paper (it can be attached to the pact later). Audited as a
   * transition with `reason`.
   */
  async activateImportedIn(tx: EntityManager, caller: Caller, id: number, reason: string) {
    const pact = await lockVisiblePact(tx, caller, id);
    if (pact.status !== 'DRAFT')
      throw new ConflictError(
        'TRANSITION_NOT_ALLOWED',
        { from: pact.status, to: 'ACTIVE', allowed: '' },
        `an imported pact becomes ACTIVE from DRAFT only, not from ${pact.status}`,
      );
    await this.assertApprovable(tx, pact, false);
    const subject = await this.eligibility.subjectOf(
      tx,
      caller,
      pact.type,
      pact.beneficiaryId,
      pact.householdId,
    );
    const evaluation = await this.eligibility.evaluate(tx, pact, subject, id);
    if (!evaluation.eligible) throw new EligibilityFailed('the pact is not eligible', evaluation);
    const now = nowIso();
    await updateVersioned(tx, Pact, id, pact.version, {
      status: 'ACTIVE',
      eligibility: evaluation,
      submittedAt: now,
      approvedAt: now,
    });
    await this.audit.append(tx, {
      actorId: caller.id,
      action: 'transition',
      entityType: 'pacts',
      entityId: id,
      changes: { status: [pact.status, 'ACTIVE'], reason: [null, reason] },
    });
    return toPactRecord(await tx.findOneByOrFail(Pact, { id }));
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
}
