import { Injectable } from '@nestjs/common';
import { OPEN_PACT_STATUSES, type HandOverResult } from '@generattivi/shared';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { applyScope, noSuchRecord } from '../auth/scope';
import { ConflictError, DomainError, FieldsError } from '../common/domain-error';
import { fieldError } from '../common/error-body';
import { UnitOfWork } from '../common/unit-of-work';
import { updateVersioned } from '../common/versioned-update';
import { lockPact } from '../pacts/pact-lock';
import { Pact } from '../pacts/pact.entity';
import { User } from '../users/user.entity';
import type { HandOverDto } from './dto/hand-over.dto';
import { reassignMaker } from './pact-assignment.service';

/** The pact column that names who holds it, by the holder's role. */
const HOLDER = {
  COMMUNITY_MAKER: 'communityMakerId',
  SOCIAL_WORKER: 'socialWorkerId',
} as const;
type HolderRole = keyof typeof HOLDER;

const isHolderRole = (role: string): role is HolderRole => role in HOLDER;

/**
 * On PostgreSQL, the receiver's row is share-locked until the commit, so that their
 * deactivation (which locks the row to count their open pacts) waits for the pacts to arrive
 * and then refuses, or is seen here first. SQLite: the unit of work holds the write lock.
 */
async function lockReceiver(tx: EntityManager, userId: number): Promise<void> {
  if (tx.connection.options.type !== 'postgres') return;
  await tx.query('SELECT 1 FROM "users" WHERE "id" = $1 FOR SHARE', [userId]);
}

/**
 * Hand-over (DOMAIN.md): the open pacts of a community maker (or a social worker) pass to a
 * colleague of the same role who works in each pact's territory, in one transaction: all of
 * them or none. The pacts are locked by id ascending (the same order in every hand-over, so
 * that two never wait for each other), then read again: what a concurrent writer changed
 * meanwhile is seen. Each pact gets a new version and its audit event; a community maker's
 * pacts also their assignment history (the current assignment ends, a new one opens).
 */
@Injectable()
export class HandOverService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async handOver(caller: Caller, body: HandOverDto): Promise<HandOverResult> {
    if (body.fromUserId === body.toUserId)
      throw new FieldsError({
        toUserId: fieldError('HAND_OVER_RECEIVER', {}, 'must be another user'),
      });
    const reason = body.reason.trim();
    return this.uow.run(async (tx) => {
      const { from, column } = await this.giver(tx, body.fromUserId);
      await lockReceiver(tx, body.toUserId);
      const to = await this.receiver(tx, body.toUserId, from);
      const wanted = body.pactIds
        ? [...new Set(body.pactIds)].sort((a, b) => a - b)
        : await this.heldIds(tx, caller, column, from.id);
      for (const id of wanted) await lockPact(tx, id);
      const pacts = await this.held(tx, caller, column, from.id, wanted);
      if (body.pactIds) {
        const found = new Set(pacts.map((p) => p.id));
        const missing = wanted.filter((id) => !found.has(id));
        if (missing.length)
          throw new ConflictError(
            'HAND_OVER_NOT_HELD',
            { references: missing.join(', ') },
            `pactIds: ${missing.join(', ')} ${missing.length === 1 ? 'is not an open pact' : 'are not open pacts'} of user ${from.id} that you may hand over; nothing was moved`,
            { pactIds: missing },
          );
      }
      if (pacts.length === 0)
        throw new FieldsError({
          fromUserId: fieldError(
            'NOTHING_TO_HAND_OVER',
            {},
            'holds no open pact that you may hand over',
          ),
        });
      const elsewhere = pacts.filter((p) => !to.territoryIds.includes(p.territoryId));
      if (elsewhere.length) {
        const references = elsewhere.map((p) => p.reference).join(', ');
        throw new DomainError(
          422,
          'HAND_OVER_OTHER_TERRITORY',
          { references, user: to.fullName },
          `${to.fullName} does not work in the territory of ${references}; nothing was moved`,
          { pactIds: elsewhere.map((p) => p.id) },
        );
      }
      for (const pact of pacts) {
        if (column === 'communityMakerId') {
          await reassignMaker(tx, this.audit, caller, pact, to.id, reason, 'hand_over');
        } else {
          await updateVersioned(tx, Pact, pact.id, pact.version, { socialWorkerId: to.id });
          await this.audit.append(tx, {
            actorId: caller.id,
            action: 'hand_over',
            entityType: 'pacts',
            entityId: pact.id,
            changes: { socialWorkerId: [from.id, to.id], reason: [null, reason] },
          });
        }
      }
      const pactIds = pacts.map((p) => p.id);
      return { moved: pactIds.length, pactIds };
    });
  }

  /** The user handing over: a community maker or a social worker (else a 400). */
  private async giver(tx: EntityManager, id: number) {
    const from = await tx.findOneBy(User, { id });
    if (!from) throw new FieldsError({ fromUserId: noSuchRecord('users', id, 'user') });
    if (!isHolderRole(from.role))
      throw new FieldsError({
        fromUserId: fieldError(
          'HAND_OVER_GIVER',
          {},
          'must be a community maker or a social worker',
        ),
      });
    return { from, column: HOLDER[from.role] };
  }

  /** The receiver: an active user of the giver's role (else a 400). */
  private async receiver(tx: EntityManager, id: number, from: User): Promise<User> {
    const to = await tx.findOneBy(User, { id });
    if (!to) throw new FieldsError({ toUserId: noSuchRecord('users', id, 'user') });
    if (!to.active || to.role !== from.role)
      throw new FieldsError({
        toUserId: fieldError(
          'HAND_OVER_RECEIVER',
          {},
          `must be an active user of role ${from.role}`,
        ),
      });
    return to;
  }

  /** The open pacts the user holds, that the caller may hand over (in their scope). */
  private query(tx: EntityManager, caller: Caller, column: string, userId: number) {
    const qb = tx
      .getRepository(Pact)
      .createQueryBuilder('p')
      .where(`p.${column} = :userId`, { userId })
      .andWhere('p.status IN (:...open)', { open: OPEN_PACT_STATUSES });
    return applyScope(qb, 'pacts', 'p', caller).orderBy('p.id', 'ASC');
  }

  private async heldIds(tx: EntityManager, caller: Caller, column: string, userId: number) {
    const rows = await this.query(tx, caller, column, userId).select('p.id', 'id').getRawMany<{
      id: number;
    }>();
    return rows.map((r) => Number(r.id));
  }

  /** Of `ids`, those still open, held by the user and in the caller's scope (read after the locks). */
  private held(tx: EntityManager, caller: Caller, column: string, userId: number, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.query(tx, caller, column, userId)
      .andWhere({ id: In(ids) })
      .getMany();
  }
}
