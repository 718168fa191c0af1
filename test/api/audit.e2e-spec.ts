import { createHmac, hkdfSync } from 'node:crypto';
import {
  AuditEventRecord,
  auditEvents,
  createUser,
  ErrorBody,
  listQuery,
  loginEveryRole,
  UserRecord,
} from '../support/demo';
import type { Role } from '@generattivi/shared';
import { DirectDb, openDatabase } from '../support/db';
import { startServer, TestServer } from '../support/server';
import { AuditRow, GENESIS, HashedRow, hashedText, Verification } from '../support/audit-chain';

/** The AUDIT_KEY of the servers of this file: the tests recompute the keyed chain with it. */
const AUDIT_KEY = 'e2e-audit-key-that-is-long-enough-for-hmac';
const CHAIN_KEY = Buffer.from(hkdfSync('sha256', AUDIT_KEY, 'generattivi-audit', 'chain', 32));

/**
 * The chain rule, written again from the issue: HMAC-SHA256, under a key derived from
 * AUDIT_KEY, over the previous hash and the event.
 */
function hashOf(prevHash: string, row: HashedRow): string {
  return createHmac('sha256', CHAIN_KEY)
    .update(prevHash)
    .update('\n')
    .update(hashedText(row))
    .digest('hex');
}

describe('audit trail', () => {
  let server: TestServer;
  let tokens: Record<Role, string>;
  let admin: string;
  let adminId: number;

  const verify = async () => {
    const res = await server.request<Verification>('GET', '/api/audit-events/verify', {
      token: admin,
    });
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    server = await startServer({ env: { AUDIT_KEY } });
    tokens = await loginEveryRole(server);
    admin = tokens.ADMIN;
    adminId = (await server.request<{ id: number }>('GET', '/api/auth/me', { token: admin })).body
      .id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('what is recorded', () => {
    let user: UserRecord;
    const password = 'audited-user-password';

    beforeAll(async () => {
      user = await createUser(server, admin, { password, fullName: 'Marco Bianchi' });
    });

    const put = async (changes: Record<string, unknown>) => {
      const current = await server.request<UserRecord>('GET', `/api/users/${user.id}`, {
        token: admin,
      });
      const res = await server.request<UserRecord>('PUT', `/api/users/${user.id}`, {
        token: admin,
        body: { ...current.body, ...changes },
      });
      expect(res.status).toBe(200);
      return res.body;
    };
    const lastEventOf = async (entityType: string, entityId: number) => {
      const events = await auditEvents(server, admin, { entityType, entityId });
      return events[events.length - 1];
    };

    it('a creation, by whom, with every field as [null, value] and no password', async () => {
      const [created] = await auditEvents(server, admin, {
        entityType: 'users',
        entityId: user.id,
      });
      expect(created).toMatchObject({
        action: 'create',
        actorId: adminId,
        entityType: 'users',
        entityId: user.id,
      });
      expect(created.changes).toMatchObject({
        email: [null, user.email],
        fullName: [null, 'Marco Bianchi'],
        role: [null, 'SOCIAL_WORKER'],
        territoryIds: [null, [1]],
        active: [null, true],
      });
      expect(Object.keys(created.changes)).not.toEqual(
        expect.arrayContaining(['password', 'passwordHash', 'tokenVersion']),
      );
      expect(JSON.stringify(created)).not.toContain(password);
      expect(created.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(created.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(created.prevHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('an update, with only the changed fields as [before, after]', async () => {
      await put({ fullName: 'Marco Bianchi Verdi' });
      const e = await lastEventOf('users', user.id);
      expect(e.action).toBe('update');
      expect(e.actorId).toBe(adminId);
      expect(e.changes).toEqual({ fullName: ['Marco Bianchi', 'Marco Bianchi Verdi'] });
    });

    it('a role change, as its own action', async () => {
      await put({ role: 'MANAGER' });
      const e = await lastEventOf('users', user.id);
      expect(e.action).toBe('role_change');
      expect(e.changes).toEqual({ role: ['SOCIAL_WORKER', 'MANAGER'] });
    });

    it('a territory change and a deactivation', async () => {
      await put({ territoryIds: [1, 3] });
      expect((await lastEventOf('users', user.id)).changes).toEqual({
        territoryIds: [[1], [1, 3]],
      });
      await put({ active: false });
      expect((await lastEventOf('users', user.id)).changes).toEqual({ active: [true, false] });
      await put({ active: true });
    });

    it('a new password, as a flag only: never the password or its hash', async () => {
      const secret = 'the-new-secret-password';
      await put({ password: secret });
      const e = await lastEventOf('users', user.id);
      expect(e.changes).toEqual({ passwordChanged: [false, true] });
      expect(JSON.stringify(e)).not.toContain(secret);
    });

    it('a login, a failed login and a logout, with no token in the trail', async () => {
      const secret = 'the-new-secret-password';
      await server.request('POST', '/api/auth/login', {
        body: { email: user.email, password: 'a-wrong-password-here' },
      });
      const token = await server.login(user.email, secret);
      await server.request('POST', '/api/auth/logout', { token });
      const events = await auditEvents(server, admin, { entityType: 'users', entityId: user.id });
      expect(events.slice(-3).map((e) => [e.action, e.actorId])).toEqual([
        ['login_failed', null],
        ['login', user.id],
        ['logout', user.id],
      ]);
      const text = JSON.stringify(events);
      for (const s of [token, token.split('.')[2], 'a-wrong-password-here', secret, '$argon2']) {
        expect(text).not.toContain(s);
      }
    });

    it('a territory update', async () => {
      const t = await server.request<{ name: string; version: number }>(
        'GET',
        '/api/territories/2',
        {
          token: admin,
        },
      );
      const res = await server.request('PUT', '/api/territories/2', {
        token: admin,
        body: { ...t.body, name: `${t.body.name} (rinominato)` },
      });
      expect(res.status).toBe(200);
      const e = await lastEventOf('territories', 2);
      expect(e).toMatchObject({ action: 'update', actorId: adminId });
      expect(e.changes).toEqual({ name: [t.body.name, `${t.body.name} (rinominato)`] });
    });
  });

  describe('GET /api/audit-events', () => {
    const list = (
      filter?: Record<string, unknown>,
      sort?: [string, 'ASC' | 'DESC'],
      range?: [number, number],
    ) =>
      server.request<AuditEventRecord[] & ErrorBody>(
        'GET',
        `/api/audit-events${listQuery(filter, sort, range)}`,
        { token: admin },
      );
    const total = (res: { headers: Headers }) =>
      Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1]);

    it('pages with Content-Range, newest first by default', async () => {
      const res = await list(undefined, undefined, [0, 4]);
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(5);
      expect(res.headers.get('content-range')).toMatch(/^audit-events 0-4\/\d+$/);
      const ids = res.body.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      const all = await auditEvents(server, admin);
      expect(total(res)).toBe(all.length);
    });

    it('filters by entityType, entityId, actorId and action', async () => {
      const all = await auditEvents(server, admin);
      const cases: Array<[Record<string, unknown>, (e: AuditEventRecord) => boolean]> = [
        [{ entityType: 'territories' }, (e) => e.entityType === 'territories'],
        [
          { entityType: 'users', entityId: adminId },
          (e) => e.entityType === 'users' && e.entityId === adminId,
        ],
        [{ actorId: adminId }, (e) => e.actorId === adminId],
        [{ action: 'login' }, (e) => e.action === 'login'],
        [{ action: ['login', 'logout'] }, (e) => e.action === 'login' || e.action === 'logout'],
      ];
      for (const [filter, predicate] of cases) {
        const res = await list(filter, ['id', 'ASC'], [0, 999]);
        expect(res.status).toBe(200);
        const expected = all.filter(predicate).map((e) => e.id);
        expect(expected.length).toBeGreaterThan(0);
        expect(res.body.map((e) => e.id)).toEqual(expected);
        expect(total(res)).toBe(expected.length);
      }
    });

    it('filters by time with at_gte / at_lte', async () => {
      const all = await auditEvents(server, admin);
      const middle = all[Math.floor(all.length / 2)].at;
      const after = await list({ at_gte: middle }, ['id', 'ASC'], [0, 999]);
      const before = await list({ at_lte: middle }, ['id', 'ASC'], [0, 999]);
      expect(after.body.map((e) => e.id)).toEqual(
        all.filter((e) => e.at >= middle).map((e) => e.id),
      );
      expect(before.body.map((e) => e.id)).toEqual(
        all.filter((e) => e.at <= middle).map((e) => e.id),
      );
      const future = await list({ at_gte: '2999-01-01T00:00:00.000Z' });
      expect(future.status).toBe(200);
      expect(future.body).toEqual([]);
      expect(total(future)).toBe(0);
      const today = new Date().toISOString().slice(0, 10);
      const byDate = await list({ at_gte: today }, undefined, [0, 0]);
      expect(byDate.status).toBe(200);
      expect(total(byDate)).toBe(all.filter((e) => e.at >= today).length);
    });

    it('refuses filters on fields it does not offer, and malformed instants (400)', async () => {
      for (const filter of [{ changes: 'x' }, { hash: 'x' }, { at_gte: 'yesterday' }]) {
        const res = await list(filter);
        expect(res.status).toBe(400);
      }
    });

    it('is refused to SOCIAL_WORKER and COMMUNITY_MAKER (403)', async () => {
      for (const role of ['SOCIAL_WORKER', 'COMMUNITY_MAKER'] as const) {
        for (const path of [
          '/api/audit-events',
          '/api/audit-events/verify',
          '/api/audit-events/1',
        ]) {
          expect((await server.request('GET', path, { token: tokens[role] })).status).toBe(403);
        }
      }
    });

    it('cannot be written through the API (405), even by ADMIN', async () => {
      const before = await verify();
      expect(
        (await server.request('POST', '/api/audit-events', { token: admin, body: {} })).status,
      ).toBe(405);
      expect(
        (await server.request('PUT', '/api/audit-events/1', { token: admin, body: {} })).status,
      ).toBe(405);
      expect((await server.request('DELETE', '/api/audit-events/1', { token: admin })).status).toBe(
        405,
      );
      expect((await verify()).checked).toBe(before.checked);
    });
  });

  describe('the hash chain', () => {
    let db: DirectDb;

    beforeAll(async () => {
      db = await openDatabase(server);
    });
    afterAll(async () => {
      await db?.close();
    });

    const rows = () => db.query<AuditRow>('SELECT * FROM audit_events ORDER BY id');

    it('verifies on a normal run, over every event, and names the head of the chain', async () => {
      const all = await auditEvents(server, admin);
      const [last] = await db.query<AuditRow>(
        'SELECT * FROM audit_events ORDER BY id DESC LIMIT 1',
      );
      expect(await verify()).toEqual({
        valid: true,
        checked: all.length,
        head: { id: last.id, hash: last.hash, at: last.at },
      });
    });

    it('follows the documented rule: each hash covers the previous one and the event', async () => {
      const stored = await rows();
      expect(stored.length).toBeGreaterThan(10);
      let prev = GENESIS;
      for (const row of stored) {
        expect(row.prev_hash).toBe(prev);
        expect(row.hash).toBe(hashOf(row.prev_hash, row));
        prev = row.hash;
      }
    });

    it('the database refuses UPDATE and DELETE of audit events (triggers)', async () => {
      const [first] = await rows();
      await expect(
        db.run('UPDATE audit_events SET changes = $1 WHERE id = $2', ['{}', first.id]),
      ).rejects.toThrow(/append-only/);
      await expect(db.run('DELETE FROM audit_events WHERE id = $1', [first.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(db.run('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
      if (db.engine === 'postgres') {
        await expect(db.run('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
      }
      expect(await rows()).toEqual(expect.arrayContaining([first]));
      expect(await verify()).toMatchObject({ valid: true });
    });

    it('finds events removed from its end: the head was anchored outside the database', async () => {
      const noted = (await verify()).head!;
      const [row] = await db.query<AuditRow>('SELECT * FROM audit_events WHERE id = $1', [
        noted.id,
      ]);
      await db.withoutAppendOnlyTriggers('audit_events', async () => {
        expect(await db.run('DELETE FROM audit_events WHERE id = $1', [noted.id])).toBe(1);
      });
      const after = await verify();
      expect(after).toMatchObject({
        valid: false,
        reason: 'TAIL_REMOVED',
        firstInvalidId: noted.id,
      });
      const gone = await server.request('GET', `/api/audit-events/${noted.id}`, { token: admin });
      expect(gone.status).toBe(404);
      // Put back as it was, the chain holds again.
      await db.withoutAppendOnlyTriggers('audit_events', async () => {
        await db.run(
          'INSERT INTO audit_events (id, at, actor_id, action, entity_type, entity_id, changes, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          [
            row.id,
            row.at,
            row.actor_id,
            row.action,
            row.entity_type,
            row.entity_id,
            row.changes,
            row.prev_hash,
            row.hash,
          ],
        );
      });
      expect(await verify()).toMatchObject({ valid: true, head: noted });
    });

    it('reports an event whose content was altered in the database', async () => {
      const stored = await rows();
      const victim = stored[Math.floor(stored.length / 2)];
      const forged = JSON.stringify({ note: [null, 'forged'] });
      await db.withoutAppendOnlyTriggers('audit_events', async () => {
        expect(
          await db.run('UPDATE audit_events SET changes = $1 WHERE id = $2', [forged, victim.id]),
        ).toBe(1);
      });
      expect(await verify()).toEqual({
        valid: false,
        reason: 'HASH_MISMATCH',
        checked: stored.indexOf(victim),
        firstInvalidId: victim.id,
      });
      // The triggers are back: the forger cannot even undo it without lifting them again.
      await expect(
        db.run('UPDATE audit_events SET changes = $1 WHERE id = $2', [victim.changes, victim.id]),
      ).rejects.toThrow(/append-only/);

      await db.withoutAppendOnlyTriggers('audit_events', async () => {
        await db.run('UPDATE audit_events SET changes = $1 WHERE id = $2', [
          victim.changes,
          victim.id,
        ]);
      });
      expect(await verify()).toMatchObject({ valid: true, checked: stored.length });
    });

    it('reports the next event when the altered one was re-hashed to fit', async () => {
      const stored = await rows();
      const index = Math.floor(stored.length / 3);
      const victim = stored[index];
      const forged = { ...victim, actor_id: null, changes: JSON.stringify({}) };
      const rehash = hashOf(victim.prev_hash, forged);
      await db.withoutAppendOnlyTriggers('audit_events', async () => {
        await db.run(
          'UPDATE audit_events SET actor_id = NULL, changes = $1, hash = $2 WHERE id = $3',
          [forged.changes, rehash, victim.id],
        );
      });
      expect(await verify()).toEqual({
        valid: false,
        reason: 'HASH_MISMATCH',
        checked: index + 1,
        firstInvalidId: stored[index + 1].id,
      });
      await db.withoutAppendOnlyTriggers('audit_events', async () => {
        await db.run(
          'UPDATE audit_events SET actor_id = $1, changes = $2, hash = $3 WHERE id = $4',
          [victim.actor_id, victim.changes, victim.hash, victim.id],
        );
      });
      expect(await verify()).toMatchObject({ valid: true, checked: stored.length });
    });

    it('reports the event after one deleted from the middle of the chain', async () => {
      const stored = await rows();
      const index = Math.floor(stored.length / 2);
      await db.withoutAppendOnlyTriggers('audit_events', async () => {
        expect(await db.run('DELETE FROM audit_events WHERE id = $1', [stored[index].id])).toBe(1);
      });
      expect(await verify()).toEqual({
        valid: false,
        reason: 'HASH_MISMATCH',
        checked: index,
        firstInvalidId: stored[index + 1].id,
      });
      // New events keep chaining on the last one; the break stays reported.
      await server.login('manager@demo.generattivi.it');
      expect(await verify()).toMatchObject({ valid: false, firstInvalidId: stored[index + 1].id });
    });
  });
});

describe('a change and its audit event commit together', () => {
  let server: TestServer;
  let db: DirectDb;
  let admin: string;

  beforeAll(async () => {
    server = await startServer();
    admin = await server.login('admin@demo.generattivi.it');
    db = await openDatabase(server);
  });
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  /** Makes the database refuse audit events about one collection (the append fails midway). */
  async function refuseAuditOf(entityType: string): Promise<() => Promise<void>> {
    if (db.engine === 'postgres') {
      await db.run(`CREATE FUNCTION test_refuse_audit() RETURNS trigger AS $$
        BEGIN IF NEW.entity_type = '${entityType}' THEN RAISE EXCEPTION 'audit refused by the test'; END IF;
        RETURN NEW; END $$ LANGUAGE plpgsql`);
      await db.run(
        'CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()',
      );
      return async () => {
        await db.run('DROP TRIGGER test_refuse_audit ON audit_events');
        await db.run('DROP FUNCTION test_refuse_audit()');
      };
    }
    await db.run(`CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_events
      WHEN NEW.entity_type = '${entityType}' BEGIN SELECT RAISE(ABORT, 'audit refused by the test'); END`);
    return async () => {
      await db.run('DROP TRIGGER test_refuse_audit');
    };
  }

  it('an update whose audit event fails leaves neither the change nor the event', async () => {
    const before = (
      await server.request<{ name: string; version: number }>('GET', '/api/territories/3', {
        token: admin,
      })
    ).body;
    const eventsBefore = await auditEvents(server, admin, {
      entityType: 'territories',
      entityId: 3,
    });
    const body = { ...before, name: 'Ambito rinominato a metà' };

    const restore = await refuseAuditOf('territories');
    const failed = await server.request<ErrorBody>('PUT', '/api/territories/3', {
      token: admin,
      body,
    });
    await restore();

    expect(failed.status).toBe(500);
    expect(failed.body.message).not.toContain('audit refused');
    const after = (
      await server.request<{ name: string; version: number }>('GET', '/api/territories/3', {
        token: admin,
      })
    ).body;
    expect(after).toEqual(before);
    expect(await auditEvents(server, admin, { entityType: 'territories', entityId: 3 })).toEqual(
      eventsBefore,
    );

    // The same request, with the same version, now goes through: nothing half-done was left.
    const ok = await server.request<{ name: string; version: number }>(
      'PUT',
      '/api/territories/3',
      { token: admin, body },
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      name: 'Ambito rinominato a metà',
      version: before.version + 1,
    });
  });

  it('a role change whose audit event fails neither changes the role nor revokes the tokens', async () => {
    const password = 'atomic-role-change-pw';
    const user = await createUser(server, admin, { password, role: 'COMMUNITY_MAKER' });
    const token = await server.login(user.email, password);
    const eventsBefore = await auditEvents(server, admin, {
      entityType: 'users',
      entityId: user.id,
    });

    const restore = await refuseAuditOf('users');
    const failed = await server.request('PUT', `/api/users/${user.id}`, {
      token: admin,
      body: { ...user, role: 'SOCIAL_WORKER' },
    });
    await restore();

    expect(failed.status).toBe(500);
    const after = await server.request<UserRecord>('GET', `/api/users/${user.id}`, {
      token: admin,
    });
    expect(after.body).toEqual(user);
    expect((await server.request('GET', '/api/auth/me', { token })).status).toBe(200);
    expect(await auditEvents(server, admin, { entityType: 'users', entityId: user.id })).toEqual(
      eventsBefore,
    );
  });

  it('a creation whose audit event fails leaves no account behind', async () => {
    const email = 'never.created@test.generattivi.it';
    const restore = await refuseAuditOf('users');
    const failed = await server.request('POST', '/api/users', {
      token: admin,
      body: {
        email,
        fullName: 'Mai Creato',
        role: 'MANAGER',
        territoryIds: [1],
        password: 'never-created-pw',
      },
    });
    await restore();
    expect(failed.status).toBe(500);
    const found = await server.request<UserRecord[]>('GET', `/api/users${listQuery({ email })}`, {
      token: admin,
    });
    expect(found.body).toEqual([]);
    expect(
      (
        await server.request('POST', '/api/auth/login', {
          body: { email, password: 'never-created-pw' },
        })
      ).status,
    ).toBe(401);
    expect(await verifyChain(server, admin)).toMatchObject({ valid: true });
  });
});

async function verifyChain(server: TestServer, token: string): Promise<Verification> {
  return (await server.request<Verification>('GET', '/api/audit-events/verify', { token })).body;
}

interface Checkpointed extends Verification {
  from?: { id: number; checked: number };
}

interface VerifyJob {
  id: number;
  status: 'QUEUED' | 'RUNNING' | 'DONE';
  checked: number;
  total: number;
  valid?: boolean;
  firstInvalidId?: number;
  createdAt: string;
  finishedAt?: string;
}

describe('audit chain at scale: checkpoints and the full re-check', () => {
  let server: TestServer;
  let db: DirectDb;
  let tokens: Record<Role, string>;

  beforeAll(async () => {
    // No margin: each verify puts its checkpoint at the head.
    server = await startServer({ env: { AUDIT_VERIFY_MARGIN: '0' } });
    tokens = await loginEveryRole(server);
    db = await openDatabase(server);
  });
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  const verify = async (token = tokens.ADMIN) => {
    const res = await server.request<Checkpointed>('GET', '/api/audit-events/verify', { token });
    expect(res.status).toBe(200);
    return res.body;
  };
  const rows = () => db.query<AuditRow>('SELECT * FROM audit_events ORDER BY id');
  const alter = (id: number, changes: string) =>
    db.withoutAppendOnlyTriggers('audit_events', async () => {
      expect(
        await db.run('UPDATE audit_events SET changes = $1 WHERE id = $2', [changes, id]),
      ).toBe(1);
    });
  const forged = JSON.stringify({ note: [null, 'forged'] });
  const startJob = async () => {
    const res = await server.request<VerifyJob>('POST', '/api/audit-events/verify-jobs', {
      token: tokens.ADMIN,
      body: {},
    });
    expect(res.status).toBe(202);
    return res.body;
  };
  const finished = async (id: number): Promise<VerifyJob[]> => {
    const seen: VerifyJob[] = [];
    for (let i = 0; i < 400; i++) {
      const res = await server.request<VerifyJob>('GET', `/api/audit-events/verify-jobs/${id}`, {
        token: tokens.ADMIN,
      });
      expect(res.status).toBe(200);
      seen.push(res.body);
      if (res.body.status === 'DONE') return seen;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`verify job ${id} did not finish: ${JSON.stringify(seen.at(-1))}`);
  };

  it('starts from the last checkpoint, and finds an event altered after it', async () => {
    const first = await verify();
    expect(first.valid).toBe(true);
    const again = await verify(tokens.MANAGER);
    expect(again).toEqual({ ...first, from: { id: first.head!.id, checked: first.checked } });

    await server.login('manager@demo.generattivi.it'); // new events after the checkpoint
    const after = (await rows()).filter((r) => r.id > first.head!.id);
    expect(after.length).toBeGreaterThan(0);
    await alter(after[0].id, forged);
    expect(await verify()).toEqual({
      valid: false,
      reason: 'HASH_MISMATCH',
      checked: first.checked,
      firstInvalidId: after[0].id,
      from: { id: first.head!.id, checked: first.checked },
    });
    await alter(after[0].id, after[0].changes);
    const all = await rows();
    expect(await verify()).toMatchObject({
      valid: true,
      checked: all.length,
      head: { id: all.at(-1)!.id, hash: all.at(-1)!.hash },
    });
  });

  it('reports a checkpoint whose event no longer carries the hash recorded', async () => {
    const { head, checked } = await verify();
    const [row] = await db.query<AuditRow>('SELECT * FROM audit_events WHERE id = $1', [head!.id]);
    await db.withoutAppendOnlyTriggers('audit_events', async () => {
      await db.run('UPDATE audit_events SET hash = $1 WHERE id = $2', ['f'.repeat(64), row.id]);
    });
    expect(await verify()).toEqual({
      valid: false,
      reason: 'CHECKPOINT_ALTERED',
      checked: 0,
      firstInvalidId: row.id,
      from: { id: row.id, checked },
    });
    await db.withoutAppendOnlyTriggers('audit_events', async () => {
      await db.run('UPDATE audit_events SET hash = $1 WHERE id = $2', [row.hash, row.id]);
    });
    expect(await verify()).toMatchObject({ valid: true, checked });
  });

  it('leaves an event altered before the checkpoint to the full re-check, which finds it', async () => {
    const stored = await rows();
    expect(await verify()).toMatchObject({ valid: true, from: { id: stored.at(-1)!.id } });
    const index = Math.floor(stored.length / 2);
    const victim = stored[index];
    await alter(victim.id, forged);
    // Before the checkpoint: not re-hashed by the incremental verify.
    expect(await verify()).toMatchObject({ valid: true, checked: stored.length });

    const job = await startJob();
    expect(job).toMatchObject({ id: expect.any(Number), checked: 0, total: stored.length });
    expect(['QUEUED', 'RUNNING']).toContain(job.status);
    const progress = await finished(job.id);
    expect(progress.at(-1)).toEqual({
      id: job.id,
      status: 'DONE',
      checked: index,
      total: stored.length,
      valid: false,
      firstInvalidId: victim.id,
      createdAt: job.createdAt,
      finishedAt: expect.any(String),
    });
    await alter(victim.id, victim.changes);
  });

  it('a full re-check of a sound chain counts every event; progress never goes back', async () => {
    await server.login('manager@demo.generattivi.it');
    const stored = await rows();
    const job = await startJob();
    expect(job.total).toBe(stored.length);
    const progress = await finished(job.id);
    const counts = progress.map((p) => p.checked);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({
      status: 'DONE',
      valid: true,
      checked: stored.length,
      total: stored.length,
    });
    expect(progress.at(-1)).not.toHaveProperty('firstInvalidId');
  });

  it('the full re-check is for ADMIN only (403), its progress too; an unknown job is 404', async () => {
    for (const role of ['MANAGER', 'SOCIAL_WORKER', 'COMMUNITY_MAKER'] as const) {
      const start = await server.request('POST', '/api/audit-events/verify-jobs', {
        token: tokens[role],
        body: {},
      });
      expect(start.status).toBe(403);
      const get = await server.request('GET', '/api/audit-events/verify-jobs/1', {
        token: tokens[role],
      });
      expect(get.status).toBe(403);
    }
    const missing = await server.request<ErrorBody>('GET', '/api/audit-events/verify-jobs/99999', {
      token: tokens.ADMIN,
    });
    expect(missing.status).toBe(404);
  });
});
