import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import {
  defaultDigestFrequency,
  OPEN_PACT_STATUSES,
  ROLES,
  territoryRequired,
  type Role,
} from '@generattivi/shared';
import { diffChanges } from '../audit/audit.service';
import { hashPassword } from '../auth/passwords';
import { constraintViolation } from '../common/constraint-violation';
import type { Caller } from '../auth/caller';
import { ConflictError, FieldsError } from '../common/domain-error';
import { columns } from '../common/list-columns';
import { defineListSpec } from '../common/list-query';
import { ReadByEveryone } from '../common/read-by-everyone';
import {
  assertNoReadOnlyOnCreate,
  assertReadOnlyUnchanged,
  updateVersioned,
} from '../common/versioned-update';
import { Pact } from '../pacts/pact.entity';
import { PasswordTokensService } from '../password-tokens/password-tokens.service';
import { Territory } from '../territories/territory.entity';
import { CreateUserDto, UpdateUserDto, USER_READ_ONLY } from './dto/user.dto';
import { User } from './user.entity';
import { StoredUserRecord, toUserRecord, UserRecord } from './user.record';
import { fieldError } from '../common/error-body';

export const USER_LIST = defineListSpec({
  resource: 'users',
  alias: 'u',
  fields: columns(
    [
      'id:int email:string fullName:string role:enum active:boolean territoryIds:int',
      'createdAt:instant updatedAt:instant',
    ],
    {
      role: { values: ROLES },
      territoryIds: { jsonArray: true },
    },
  ),
  search: ['email', 'fullName'],
  defaultSort: ['fullName', 'ASC'],
});

function duplicateEmail(): ConflictError {
  return new ConflictError(
    'DUPLICATE_EMAIL',
    {},
    'email: another account already uses this address',
  );
}

/**
 * Accounts. Every signed-in user may read the directory (names on pacts, makers to assign):
 * accounts are not case records, the route's permission says who reads them, no scope. Only
 * ADMIN creates and edits. Role, territory or activity changes and a new password
 * revoke the user's tokens at once (token version).
 */
@Injectable()
export class UsersService extends ReadByEveryone(User, USER_LIST) {
  constructor(
    @InjectRepository(Territory) private readonly territories: Repository<Territory>,
    private readonly passwordTokens: PasswordTokensService,
  ) {
    super();
  }

  private async assertTerritoriesExist(ids: number[]): Promise<number[]> {
    const unique = [...new Set(ids)].sort((a, b) => a - b);
    const found = await this.territories.countBy({ id: In(unique) });
    if (found !== unique.length)
      throw new FieldsError({
        territoryIds: fieldError('UNKNOWN_TERRITORY', {}, 'names a territory that does not exist'),
      });
    return unique;
  }

  private async assertEmailFree(
    tx: EntityManager,
    email: string,
    exceptId?: number,
  ): Promise<void> {
    const other = await tx.findOneBy(User, { email });
    if (other && other.id !== exceptId) throw duplicateEmail();
  }

  /**
   * Runs the work in a transaction, answering 409 when a concurrent request took the email
   * between the check and the write (the unique index decides; PostgreSQL runs them in parallel).
   */
  private async uniqueEmail<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.uow.run(work);
    } catch (e) {
      if (constraintViolation(e) === 'unique') throw duplicateEmail();
      throw e;
    }
  }

  /**
   * The load of each user (`openPacts`): the open pacts they hold as community maker or
   * social worker, counted for the given users only (two grouped queries on indexed columns).
   */
  async withOpenPacts(
    records: StoredUserRecord[],
    tx?: EntityManager,
    inTerritories?: number[],
  ): Promise<UserRecord[]> {
    const ids = records.map((r) => r.id);
    const counts = new Map<number, number>();
    if (ids.length && inTerritories?.length !== 0) {
      const manager = tx ?? this.territories.manager;
      for (const column of ['communityMakerId', 'socialWorkerId'] as const) {
        const query = manager
          .getRepository(Pact)
          .createQueryBuilder('p')
          .select(`p.${column}`, 'holder')
          .addSelect('COUNT(*)', 'n')
          .where(`p.${column} IN (:...ids)`, { ids })
          .andWhere('p.status IN (:...open)', { open: OPEN_PACT_STATUSES });
        if (inTerritories)
          query.andWhere('p.territoryId IN (:...inTerritories)', { inTerritories });
        const rows = await query
          .groupBy(`p.${column}`)
          .getRawMany<{ holder: number | string; n: number | string }>();
        for (const r of rows)
          counts.set(Number(r.holder), (counts.get(Number(r.holder)) ?? 0) + Number(r.n));
      }
    }
    return records.map((r) => ({ ...r, openPacts: counts.get(r.id) ?? 0 }));
  }

  /**
   * A user who still holds open pacts is not deactivated, given another role, or taken out of
   * the territories of those pacts (409 with the count, the field that changed): they are
   * handed over first. On PostgreSQL the user's row is locked first, so that a hand-over to
   * them (which share-locks it) either lands before the count or sees the change.
   */
  private async assertHoldsNoOpenPact(
    tx: EntityManager,
    id: number,
    field: 'active' | 'role' | 'territoryIds',
    inTerritories?: number[],
  ): Promise<void> {
    if (tx.connection.options.type === 'postgres')
      await tx.query('SELECT 1 FROM "users" WHERE "id" = $1 FOR UPDATE', [id]);
    const [{ openPacts: count }] = await this.withOpenPacts(
      [{ id } as StoredUserRecord],
      tx,
      inTerritories,
    );
    if (count > 0)
      throw new ConflictError(
        'USER_HOLDS_OPEN_PACTS',
        { count },
        `${field}: the user still holds ${count} open pact${count === 1 ? '' : 's'}${inTerritories ? ' in the territories removed' : ''}; hand ${count === 1 ? 'it' : 'them'} over to a colleague first (POST /api/assignments/hand-over)`,
        { openPacts: count, field },
      );
  }

  /** A social worker or a community maker has at least one territory (400 on `territoryIds`). */
  private assertTerritoryWhenRequired(role: Role, territoryIds: number[]): void {
    if (territoryRequired(role) && territoryIds.length === 0)
      throw new FieldsError({
        territoryIds: fieldError('MIN_ITEMS', { min: 1 }, `a ${role} needs at least one territory`),
      });
  }

  async create(caller: Caller, body: CreateUserDto): Promise<StoredUserRecord> {
    assertNoReadOnlyOnCreate(body, [...USER_READ_ONLY, 'version']);
    const email = body.email.trim().toLowerCase();
    const territoryIds = await this.assertTerritoriesExist(body.territoryIds);
    this.assertTerritoryWhenRequired(body.role, territoryIds);
    // Without a password, the account gets one nobody knows until the invitation is used.
    const passwordHash = await hashPassword(body.password ?? randomBytes(32).toString('base64'));
    return this.uniqueEmail(async (tx) => {
      await this.assertEmailFree(tx, email);
      const user = await tx.save(
        tx.create(User, {
          email,
          fullName: body.fullName.trim(),
          role: body.role,
          territoryIds,
          active: body.active ?? true,
          digestFrequency: body.digestFrequency ?? defaultDigestFrequency(body.role),
          passwordHash,
          mustChangePassword: body.password !== undefined,
        }),
      );
      const record = toUserRecord(user);
      await this.audit.created(tx, caller.id, 'users', user.id, record);
      if (body.password === undefined && user.active) await this.invite(tx, caller, user);
      return record;
    });
  }

  /** Within `tx`: mails the user a new invitation (older links die), audited. */
  private async invite(tx: EntityManager, caller: Caller, user: User): Promise<string> {
    const expiresAt = await this.passwordTokens.issue(tx, user, 'invitation');
    await this.audit.append(tx, {
      actorId: caller.id,
      action: 'invitation',
      entityType: 'users',
      entityId: user.id,
      changes: { invitationExpiresAt: [null, expiresAt] },
    });
    return expiresAt;
  }

  /**
   * Sends the user a new invitation to choose their password (the older links stop working);
   * 409 USER_INACTIVE for a deactivated account. Resolves to when the link expires.
   */
  async sendInvitation(caller: Caller, id: number): Promise<{ expiresAt: string }> {
    const user = await this.get(id);
    if (!user.active)
      throw new ConflictError(
        'USER_INACTIVE',
        {},
        `users ${id} is deactivated: reactivate the account before inviting`,
      );
    return this.uow.run(async (tx) => ({ expiresAt: await this.invite(tx, caller, user) }));
  }

  async update(caller: Caller, id: number, body: UpdateUserDto): Promise<StoredUserRecord> {
    const current = await this.get(id);
    assertReadOnlyUnchanged(body, toUserRecord(current), USER_READ_ONLY);
    const email = body.email.trim().toLowerCase();
    const territoryIds = await this.assertTerritoriesExist(body.territoryIds);
    this.assertTerritoryWhenRequired(body.role, territoryIds);
    if (caller.id === id && (body.role !== current.role || body.active === false)) {
      throw new FieldsError({
        [body.role !== current.role ? 'role' : 'active']: fieldError(
          'SELF_CHANGE',
          {},
          'you cannot change your own role or deactivate yourself',
        ),
      });
    }
    const passwordHash = body.password ? await hashPassword(body.password) : undefined;
    return this.uniqueEmail(async (tx) => {
      await this.assertEmailFree(tx, email, id);
      const active = body.active ?? current.active;
      if (current.active && !active) await this.assertHoldsNoOpenPact(tx, id, 'active');
      else if (body.role !== current.role) await this.assertHoldsNoOpenPact(tx, id, 'role');
      else {
        const removed = current.territoryIds.filter((t) => !territoryIds.includes(t));
        if (removed.length) await this.assertHoldsNoOpenPact(tx, id, 'territoryIds', removed);
      }
      const revokes =
        body.role !== current.role ||
        !active ||
        JSON.stringify(territoryIds) !== JSON.stringify(current.territoryIds) ||
        !!passwordHash;
      const wrote = await updateVersioned(
        tx,
        User,
        id,
        body.version,
        {
          email,
          fullName: body.fullName.trim(),
          role: body.role,
          territoryIds,
          active,
          digestFrequency: body.digestFrequency ?? current.digestFrequency,
          // A password an administrator types for someone else is changed at first sign-in.
          ...(passwordHash ? { passwordHash, mustChangePassword: caller.id !== id } : {}),
          ...(revokes ? { tokenVersion: current.tokenVersion + 1 } : {}),
        },
        current,
      );
      if (!wrote) return toUserRecord(current);
      const updated = await tx.findOneByOrFail(User, { id });
      const changes = diffChanges(toUserRecord(current), toUserRecord(updated));
      delete changes.version;
      delete changes.updatedAt;
      if (passwordHash) changes.passwordChanged = [false, true];
      await this.audit.append(tx, {
        actorId: caller.id,
        action: body.role !== current.role ? 'role_change' : 'update',
        entityType: 'users',
        entityId: id,
        changes,
      });
      return toUserRecord(updated);
    });
  }
}
