import { Test } from '@nestjs/testing';
import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../auth/caller';
import { PasswordTokensService } from '../password-tokens/password-tokens.service';
import { UnitOfWork } from '../common/unit-of-work';
import { callerOf, memoryDatabase } from '../database/memory-database.fixture';
import { Territory } from '../territories/territory.entity';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AuditEvent } from './audit-event.entity';
import { AuditService, diffChanges, EARLY_WRITE_AT } from './audit.service';
import { auditFixture } from './audit.fixture';

/**
 * A change and its audit event commit together or not at all (issue 3, "Done when"), on a
 * real SQLite database with the real migrations: the production UnitOfWork, AuditService
 * and UsersService, with the audit append made to fail at the step under test.
 */
describe('UnitOfWork + AuditService', () => {
  let dataSource: DataSource;
  let uow: UnitOfWork;
  let audit: AuditService;
  let users: UsersService;
  let admin: Caller;
  let target: User;

  const events = () => dataSource.getRepository(AuditEvent).count();
  const reload = (id: number) => dataSource.getRepository(User).findOneByOrFail({ id });

  beforeAll(async () => {
    let territory: Territory;
    let adminUser: User;
    ({
      dataSource,
      territory,
      user: adminUser,
    } = await memoryDatabase({
      email: 'admin@x.it',
      fullName: 'Admin',
      role: 'ADMIN',
    }));
    admin = callerOf(adminUser);
    ({ audit } = auditFixture(dataSource));
    uow = new UnitOfWork(dataSource, audit);
    const services = await Test.createTestingModule({
      providers: [
        UsersService,
        { provide: getRepositoryToken(User), useValue: dataSource.getRepository(User) },
        { provide: getRepositoryToken(Territory), useValue: dataSource.getRepository(Territory) },
        { provide: UnitOfWork, useValue: uow },
        { provide: AuditService, useValue: audit },
        // Accounts here are created with a password: no invitation is sent.
        { provide: PasswordTokensService, useValue: {} },
      ],
    }).compile();
    users = services.get(UsersService);
    const created = await users.create(admin, {
      email: 'worker@x.it',
      fullName: 'Anna Worker',
      role: 'SOCIAL_WORKER',
      territoryIds: [territory.id],
      password: 'a-long-enough-password',
    });
    target = await reload(created.id);
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });
  afterEach(() => jest.restoreAllMocks());

  const roleChange = () => ({
    email: target.email,
    fullName: 'Anna Manager',
    role: 'MANAGER' as const,
    territoryIds: target.territoryIds,
    version: target.version,
  });

  it('commits the change and its event together on success', async () => {
    const before = await events();
    const probe = await users.create(admin, {
      email: 'probe@x.it',
      fullName: 'Probe',
      role: 'COMMUNITY_MAKER',
      territoryIds: target.territoryIds,
      password: 'another-long-password',
    });
    expect(await events()).toBe(before + 1);
    expect(await dataSource.getRepository(User).existsBy({ id: probe.id })).toBe(true);
  });

  it('writes the events of a unit of work at its end, after the work', async () => {
    const before = await events();
    await uow.run(async (tx) => {
      await audit.append(tx, {
        actorId: admin.id,
        action: 'login',
        entityType: 'users',
        entityId: 1,
      });
      await audit.append(tx, {
        actorId: admin.id,
        action: 'logout',
        entityType: 'users',
        entityId: 1,
      });
      // Buffered: the chain (its lock, on PostgreSQL) is not touched while the work runs.
      expect(await tx.count(AuditEvent)).toBe(before);
    });
    const written = await dataSource
      .getRepository(AuditEvent)
      .find({ order: { id: 'DESC' }, take: 2 });
    expect(written.map((e) => e.action)).toEqual(['logout', 'login']);
    expect(written[0].prevHash).toBe(written[1].hash);
    await expect(audit.verify()).resolves.toMatchObject({ valid: true, checked: before + 2 });
  });

  it("on SQLite writes a long unit's events every EARLY_WRITE_AT, in order, and keeps none on failure", async () => {
    const before = await events();
    const appendMany = async (tx: EntityManager, count: number, from: number) => {
      for (let n = from; n < from + count; n++)
        await audit.append(tx, {
          actorId: admin.id,
          action: 'update',
          entityType: 'users',
          entityId: n,
        });
    };
    await uow.run(async (tx) => {
      await appendMany(tx, EARLY_WRITE_AT - 1, 0);
      expect(await tx.count(AuditEvent)).toBe(before); // one short: still buffered
      await appendMany(tx, 1, EARLY_WRITE_AT - 1);
      expect(await tx.count(AuditEvent)).toBe(before + EARLY_WRITE_AT);
      await appendMany(tx, 3, EARLY_WRITE_AT);
      expect(await tx.count(AuditEvent)).toBe(before + EARLY_WRITE_AT);
    });
    const written = await dataSource
      .getRepository(AuditEvent)
      .find({ order: { id: 'ASC' }, skip: before });
    expect(written.map((e) => e.entityId)).toEqual(
      Array.from({ length: EARLY_WRITE_AT + 3 }, (_, n) => n),
    );
    await expect(audit.verify()).resolves.toMatchObject({
      valid: true,
      checked: before + EARLY_WRITE_AT + 3,
    });
    // Written early inside a unit that then fails: rolled back with it.
    await expect(
      uow.run(async (tx) => {
        await appendMany(tx, EARLY_WRITE_AT, 0);
        expect(await tx.count(AuditEvent)).toBe(before + 2 * EARLY_WRITE_AT + 3);
        throw new Error('the import fails at its last row');
      }),
    ).rejects.toThrow('the import fails at its last row');
    expect(await events()).toBe(before + EARLY_WRITE_AT + 3);
  });

  it('leaves neither when the work fails after both the change and the event were written', async () => {
    const before = await events();
    const realFlush = audit.flush.bind(audit);
    jest.spyOn(audit, 'flush').mockImplementation(async (tx) => {
      await realFlush(tx);
      // Both rows exist inside the transaction at this point…
      expect(await tx.count(AuditEvent)).toBe(before + 1);
      expect((await tx.findOneByOrFail(User, { id: target.id })).role).toBe('MANAGER');
      throw new Error('crash after the audit append');
    });
    await expect(users.update(admin, target.id, roleChange())).rejects.toThrow(
      'crash after the audit append',
    );
    // …and neither survives it.
    expect(await events()).toBe(before);
    expect(await reload(target.id)).toEqual(target);
  });

  it('leaves no change when the event cannot be written', async () => {
    const before = await events();
    jest.spyOn(audit, 'append').mockRejectedValue(new Error('audit store unavailable'));
    await expect(users.update(admin, target.id, roleChange())).rejects.toThrow(
      'audit store unavailable',
    );
    expect(await events()).toBe(before);
    const after = await reload(target.id);
    expect(after).toEqual(target);
    // The token version did not move either: the user's sessions were not revoked.
    expect(after.tokenVersion).toBe(target.tokenVersion);
  });

  it('keeps concurrent units apart: one failing does not take the other with it', async () => {
    const before = await events();
    const failing = uow.run(async (tx) => {
      await tx.update(User, { id: target.id }, { fullName: 'Never Saved' });
      await audit.append(tx, {
        actorId: admin.id,
        action: 'update',
        entityType: 'users',
        entityId: target.id,
        changes: { fullName: [target.fullName, 'Never Saved'] },
      });
      throw new Error('the first unit fails');
    });
    const succeeding = uow.run(async (tx) => {
      await audit.append(tx, {
        actorId: admin.id,
        action: 'update',
        entityType: 'users',
        entityId: admin.id,
      });
    });
    await expect(failing).rejects.toThrow('the first unit fails');
    await expect(succeeding).resolves.toBeUndefined();
    expect(await events()).toBe(before + 1);
    expect((await reload(target.id)).fullName).toBe(target.fullName);
    await expect(audit.verify()).resolves.toMatchObject({ valid: true, checked: before + 1 });
  });

  it('leaves no change when the buffered events cannot be written', async () => {
    const before = await events();
    jest.spyOn(audit, 'flush').mockRejectedValue(new Error('audit store unavailable'));
    await expect(users.update(admin, target.id, roleChange())).rejects.toThrow(
      'audit store unavailable',
    );
    expect(await events()).toBe(before);
    expect(await reload(target.id)).toEqual(target);
  });

  it('never stores secret fields, even when a caller passes them', async () => {
    await uow.run((tx) =>
      audit.append(tx, {
        actorId: admin.id,
        action: 'update',
        entityType: 'users',
        entityId: target.id,
        changes: {
          ...diffChanges(
            { passwordHash: 'old-hash', tokenVersion: 1, fullName: 'A' },
            { passwordHash: 'new-hash', tokenVersion: 2, fullName: 'B' },
          ),
          password: ['x', 'plain-text'],
          accessToken: [null, 'a.b.c'],
        },
      }),
    );
    const [event] = await dataSource
      .getRepository(AuditEvent)
      .find({ order: { id: 'DESC' }, take: 1 });
    expect(JSON.parse(event.changes)).toEqual({ fullName: ['A', 'B'] });
  });

  it('verify reports the first event that no longer fits the chain', async () => {
    await expect(audit.verify()).resolves.toMatchObject({ valid: true });
    const rows = await dataSource.getRepository(AuditEvent).find({ order: { id: 'ASC' } });
    const victim = rows[1];
    await dataSource.query('DROP TRIGGER "audit_events_no_update"');
    await dataSource.query('UPDATE audit_events SET action = ? WHERE id = ?', [
      'forged',
      victim.id,
    ]);
    await expect(audit.verify()).resolves.toEqual({
      valid: false,
      checked: 1,
      firstInvalidId: victim.id,
    });
    // In small batches too (the verifier pages through the table).
    await expect(audit.verify(1)).resolves.toEqual({
      valid: false,
      checked: 1,
      firstInvalidId: victim.id,
    });
    await dataSource.query('UPDATE audit_events SET action = ? WHERE id = ?', [
      victim.action,
      victim.id,
    ]);
    await expect(audit.verify(2)).resolves.toMatchObject({ valid: true, checked: rows.length });
  });
});
