import type { Role } from '@generattivi/shared';
import { openDatabase, type DirectDb } from '../support/db';
import { listQuery, loginEveryRole } from '../support/demo';
import { startServer, TestServer } from '../support/server';

type Caseload = { socialWorkers: Array<{ userId: number; fullName: string }> };

/**
 * The result cache of reports and alerts keeps an answer while `record_changes.n` (migration
 * RecordChanges) is unchanged: every write of a territory, a user, a pact or a milestone moves
 * it in the writer's transaction, whoever the writer; the bookkeeping (access log, audit
 * trail, mail outbox) does not. The same answers across two instances: races.e2e-spec.
 */
describe('the result cache and the count of record changes', () => {
  let server: TestServer;
  let db: DirectDb;
  let tokens: Record<Role, string>;

  const changes = async () =>
    Number((await db.query<{ n: number | string }>('SELECT n FROM record_changes'))[0].n);
  const count = async (table: string) =>
    Number((await db.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  async function until(what: () => Promise<boolean>): Promise<void> {
    for (let i = 0; i < 100 && !(await what()); i++) await new Promise((r) => setTimeout(r, 50));
  }

  beforeAll(async () => {
    server = await startServer();
    tokens = await loginEveryRole(server);
    db = await openDatabase(server);
  });
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  it('is moved by the writes of territories, users, pacts and milestones only', async () => {
    const triggers =
      server.engine === 'sqlite'
        ? await db.query<{ t: string }>(
            "SELECT tbl_name AS t FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%record_changes%'",
          )
        : await db.query<{ t: string }>(
            "SELECT c.relname AS t FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE NOT g.tgisinternal AND g.tgname LIKE '%record_changes%'",
          );
    const perTable = new Map<string, number>();
    for (const { t } of triggers) perTable.set(t, (perTable.get(t) ?? 0) + 1);
    // SQLite: after insert, update, delete; PostgreSQL: the deferred one and TRUNCATE's.
    const each = server.engine === 'sqlite' ? 3 : 2;
    expect(Object.fromEntries(perTable)).toEqual({
      milestones: each,
      pacts: each,
      territories: each,
      users: each,
    });
  });

  it('stays while only the access log and the audit trail are written', async () => {
    const before = await changes();
    const logged = await count('access_log');
    const audited = await count('audit_events');
    const found = await server.request<unknown[]>(
      'GET',
      `/api/beneficiaries${listQuery({ q: 'ardigo' })}`,
      { token: tokens.ADMIN },
    );
    expect(found.status).toBe(200);
    expect(found.body.length).toBeGreaterThan(0);
    const csv = await server.request('GET', '/api/reports/outcomes?format=csv', {
      token: tokens.MANAGER,
    });
    expect(csv.status).toBe(200);
    await until(async () => (await count('access_log')) > logged);
    expect(await count('access_log')).toBeGreaterThan(logged);
    expect(await count('audit_events')).toBeGreaterThan(audited);
    expect(await changes()).toBe(before);
  });

  it('moves once per transaction on PostgreSQL, once per row on SQLite', async () => {
    const users = await count('users');
    expect(users).toBeGreaterThan(1);
    const before = await changes();
    await db.run('UPDATE users SET full_name = full_name');
    expect(await changes()).toBe(before + (server.engine === 'postgres' ? 1 : users));
  });

  it('answers at once what another connection has committed', async () => {
    const caseload = async () => {
      const res = await server.request<Caseload>('GET', '/api/reports/caseload', {
        token: tokens.MANAGER,
      });
      expect(res.status).toBe(200);
      return res.body.socialWorkers;
    };
    const [first] = await caseload();
    expect(first).toBeDefined();
    expect(await caseload()).toContainEqual(expect.objectContaining(first));
    await db.run('UPDATE users SET full_name = $1 WHERE id = $2', ['Nome Cambiato', first.userId]);
    try {
      expect(await caseload()).toContainEqual(
        expect.objectContaining({ userId: first.userId, fullName: 'Nome Cambiato' }),
      );
    } finally {
      await db.run('UPDATE users SET full_name = $1 WHERE id = $2', [first.fullName, first.userId]);
    }
  });
});
