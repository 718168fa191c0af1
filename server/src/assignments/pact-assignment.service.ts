import { Injectable } from '@nestjs/common';
import { isPactClosed } from '@generattivi/shared';
import { EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { nowIso } from '../common/clock';
import { ConflictError, ForbiddenError } from '../common/domain-error';
import { UnitOfWork } from '../common/unit-of-work';
import { updateVersioned, versionConflict } from '../common/versioned-update';
import type { AssignDto } from '../pacts/dto/pact.dto';
import { notify } from '../notifications/notify';
import { lockVisiblePact } from '../pacts/pact-list';
import { assertStaff } from '../pacts/pact-staff';
import { toPactRecord } from '../pacts/pact.record';
import { Pact } from '../pacts/pact.entity';
import { Assignment } from './assignment.entity';

/**
 * Opens an assignment of the pact to a community maker (from `now`), audits it and tells the
 * maker (unless they assigned it to themselves).
 */
export async function openAssignment(
  tx: EntityManager,
  audit: AuditService,
  caller: Caller,
  pactId: number,
  communityMakerId: number,
  reason: string | null,
  now = nowIso(),
): Promise<Assignment> {
  const assignment = await tx.save(
    tx.create(Assignment, {
      pactId,
      communityMakerId,
      assignedById: caller.id,
      startedAt: now,
      endedAt: null,
      reason,
    }),
  );
  await audit.created(tx, caller.id, 'assignments', assignment.id, {
    pactId,
    communityMakerId,
    assignedById: caller.id,
    startedAt: now,
    reason,
  });
  const { reference } = await tx.findOneOrFail(Pact, {
    where: { id: pactId },
    select: { id: true, reference: true },
  });
  await notify(tx, 'PACT_ASSIGNED', { id: pactId, reference }, [communityMakerId], caller.id);
  return assignment;
}

/**
 * The pact (locked, open, read after the lock) passes to another community maker: its open
 * assignment ends, a new one opens, the pact names the maker (a new version), each write
 * audited; the pact's event is `action` (`assign`, `hand_over`) with the reason.
 */
export async function reassignMaker(
  tx: EntityManager,
  audit: AuditService,
  caller: Caller,
  pact: Pact,
  communityMakerId: number,
  reason: string | null | undefined,
  action: 'assign' | 'hand_over',
): Promise<void> {
  const now = nowIso();
  const open = await tx.findBy(Assignment, { pactId: pact.id, endedAt: IsNull() });
  for (const a of open) {
    await tx.update(Assignment, { id: a.id }, { endedAt: now });
    await audit.append(tx, {
      actorId: caller.id,
      action: 'update',
      entityType: 'assignments',
      entityId: a.id,
      changes: { endedAt: [null, now] },
    });
  }
  await updateVersioned(tx, Pact, pact.id, pact.version, { communityMakerId });
  const why = reason?.trim() || null;
  // The new assignment starts the instant the previous one ends.
  await openAssignment(tx, audit, caller, pact.id, communityMakerId, why, now);
  await audit.append(tx, {
    actorId: caller.id,
    action,
    entityType: 'pacts',
    entityId: pact.id,
    changes: {
      communityMakerId: [pact.communityMakerId, communityMakerId],
      ...(why ? { reason: [null, why] } : {}),
    },
  });
}

/**
 * Assigning a community maker to a pact (POST /pacts/:id/assign): the current assignment
 * ends, a new one opens, the pact names the new maker.
 */
@Injectable()
export class PactAssignmentService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  assign(caller: Caller, id: number, body: AssignDto) {
    return this.uow.run((tx) => this.assignIn(tx, caller, id, body));
  }

  /** The assignment inside the caller's transaction (an import writes many in one). */
  async assignIn(tx: EntityManager, caller: Caller, id: number, body: AssignDto) {
    const pact = await lockVisiblePact(tx, caller, id);
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
    await assertStaff(tx, 'communityMakerId', body.communityMakerId, pact.territoryId);
    await reassignMaker(tx, this.audit, caller, pact, body.communityMakerId, body.reason, 'assign');
    return toPactRecord(await tx.findOneByOrFail(Pact, { id }));
  }
}
