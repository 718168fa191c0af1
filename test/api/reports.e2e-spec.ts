import { addDays, todayIso } from '@generattivi/shared';
import { beneficiaryBody, createBeneficiary, Json, territoryIds } from '../support/fixtures';
import { startServer, TestServer } from '../support/server';

type OutcomeRow = Json & {
  territoryId: number;
  type: string;
  total: number;
  byStatus: Record<string, number>;
};
type Caseload = {
  socialWorkers: Array<Json & { userId: number }>;
  communityMakers: Array<Json & { userId: number }>;
  generatedAt: string;
};
type Alert = {
  id: string;
  kind: string;
  pactId: number;
  territoryId: number;
  since: string;
  milestoneId?: number;
};

const without = <T extends Json>(o: T, key: string) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

describe('reports and alerts', () => {
  let server: TestServer;
  let admin: string, manager: string, swCrema: string, makerCrema: string;

  beforeAll(async () => {
    server = await startServer();
    [admin, manager, swCrema, makerCrema] = await Promise.all(
      [
        'admin@demo.generattivi.it',
        'manager@demo.generattivi.it',
        'sociale.crema@demo.generattivi.it',
        'maker.crema@demo.generattivi.it',
      ].map((e) => server.login(e)),
    );
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('counts the demo pacts by territory, type and status, 44 in all', async () => {
    const res = await server.request<{ rows: OutcomeRow[] }>('GET', '/api/reports/outcomes', {
      token: manager,
    });
    expect(res.status).toBe(200);
    expect(res.body.rows.reduce((n, r) => n + r.total, 0)).toBeGreaterThanOrEqual(44);
    for (const r of res.body.rows) {
      expect(Object.values(r.byStatus).reduce((a, b) => a + b, 0)).toBe(r.total);
      const closed = r.byStatus.COMPLETED + r.byStatus.TERMINATED + r.byStatus.CANCELLED;
      expect(r.closed).toBe(closed);
      expect(r.completionRate).toBe(
        closed === 0 ? null : Math.round((r.byStatus.COMPLETED / closed) * 10_000) / 10_000,
      );
    }
    expect(new Set(res.body.rows.map((r) => r.territoryId)).size).toBe(3);
  });

  it('scopes reports: a social worker sees their territory, a community maker their own caseload', async () => {
    const t = await territoryIds(server, admin);
    const sw = await server.request<{ rows: OutcomeRow[] }>('GET', '/api/reports/outcomes', {
      token: swCrema,
    });
    expect(sw.body.rows.length).toBeGreaterThan(0);
    expect(sw.body.rows.every((r) => r.territoryId === t.CREMA)).toBe(true);

    const me = await server.request<{ id: number }>('GET', '/api/auth/me', { token: makerCrema });
    const caseload = await server.request<Caseload>('GET', '/api/reports/caseload', {
      token: makerCrema,
    });
    expect(caseload.body.socialWorkers).toEqual([]);
    expect(caseload.body.communityMakers.map((r) => r.userId)).toEqual([me.body.id]);

    const all = await server.request<Caseload>('GET', '/api/reports/caseload', { token: manager });
    expect(all.body.communityMakers.length).toBeGreaterThan(3);
    expect(all.body.socialWorkers.length).toBe(3);
  });

  it('filters by type and period and refuses bad filters with 400', async () => {
    const auto = await server.request<{ rows: OutcomeRow[] }>(
      'GET',
      '/api/reports/outcomes?type=AUTONOMY',
      { token: manager },
    );
    expect(auto.body.rows.every((r) => r.type === 'AUTONOMY')).toBe(true);
    const future = await server.request<{ rows: OutcomeRow[] }>(
      'GET',
      `/api/reports/outcomes?from=${addDays(todayIso(), 400)}`,
      { token: manager },
    );
    expect(future.body.rows).toEqual([]);
    for (const bad of [
      'type=OTHER',
      'territoryId=abc',
      'from=2026-02-30',
      'format=xml',
      'unknown=1',
    ]) {
      expect(
        (await server.request('GET', `/api/reports/outcomes?${bad}`, { token: manager })).status,
      ).toBe(400);
    }
  });

  it('gives the same table as CSV, and records the export', async () => {
    const json = await server.request<{ rows: OutcomeRow[] }>('GET', '/api/reports/outcomes', {
      token: manager,
    });
    const csv = await server.request<string>('GET', '/api/reports/outcomes', {
      token: manager,
      headers: { accept: 'text/csv' },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['territoryId', 'type', 'total']);
    expect(lines).toHaveLength(json.body.rows.length + 1);
    expect(lines[1].split(',').slice(0, 3)).toEqual([
      String(json.body.rows[0].territoryId),
      json.body.rows[0].type,
      String(json.body.rows[0].total),
    ]);
    const caseload = await server.request<string>('GET', '/api/reports/caseload?format=csv', {
      token: manager,
    });
    expect(caseload.text.split('\n')[0]).toContain('overdueMilestones');
    const exports = await server.request<Json[]>(
      'GET',
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'export' }))}`,
      { token: admin },
    );
    expect(exports.body.length).toBeGreaterThanOrEqual(2);
  });

  it('follows every write at once: a report or alert list is never answered from before it', async () => {
    const t = await territoryIds(server, admin);
    const query = `/api/reports/outcomes?territoryId=${t.CREMA}&type=AUTONOMY`;
    const total = async () =>
      (await server.request<{ rows: OutcomeRow[] }>('GET', query, { token: swCrema })).body.rows
        .filter((r) => r.territoryId === t.CREMA && r.type === 'AUTONOMY')
        .reduce((n, r) => n + r.total, 0);
    const before = await total();
    expect(await total()).toBe(before);
    const b = await createBeneficiary(server, swCrema, beneficiaryBody(t.CREMA));
    const pact = await server.request<{ id: number }>('POST', '/api/pacts', {
      token: swCrema,
      body: { type: 'AUTONOMY', territoryId: t.CREMA, beneficiaryId: b.id, title: 'Nuovo patto' },
    });
    expect(pact.status).toBe(201);
    expect(await total()).toBe(before + 1);

    const alerts = async () =>
      (
        await server.request<Alert[]>(
          'GET',
          `/api/alerts?filter=${encodeURIComponent(JSON.stringify({ pactId: pact.body.id }))}`,
          { token: swCrema },
        )
      ).body.map((a) => a.kind);
    expect(await alerts()).toEqual([]);
    const m = await server.request<{ id: number }>('POST', '/api/milestones', {
      token: swCrema,
      body: { pactId: pact.body.id, title: 'Scaduta ieri', dueDate: addDays(todayIso(), -1) },
    });
    expect(await alerts()).toEqual(['MILESTONE_OVERDUE']);
    const removed = await server.request('DELETE', `/api/milestones/${m.body.id}`, {
      token: swCrema,
    });
    expect(removed.status).toBe(200);
    expect(await alerts()).toEqual([]);
  });

  it('raises an overdue-milestone alert within scope only', async () => {
    const t = await territoryIds(server, admin);
    const b = await createBeneficiary(server, swCrema, beneficiaryBody(t.CREMA));
    const pact = await server.request<{ id: number }>('POST', '/api/pacts', {
      token: swCrema,
      body: {
        type: 'AUTONOMY',
        territoryId: t.CREMA,
        beneficiaryId: b.id,
        title: 'Patto con scadenza',
      },
    });
    const due = addDays(todayIso(), -3);
    const m = await server.request<{ id: number }>('POST', '/api/milestones', {
      token: swCrema,
      body: { pactId: pact.body.id, title: 'Scaduta', dueDate: due },
    });
    const filter = encodeURIComponent(JSON.stringify({ pactId: pact.body.id }));
    const mine = await server.request<Alert[]>('GET', `/api/alerts?filter=${filter}`, {
      token: swCrema,
    });
    expect(mine.body).toEqual([
      {
        id: `MILESTONE_OVERDUE-${pact.body.id}-${m.body.id}`,
        kind: 'MILESTONE_OVERDUE',
        pactId: pact.body.id,
        reference: expect.any(String),
        territoryId: t.CREMA,
        since: due,
        milestoneId: m.body.id,
      },
    ]);
    const cremona = await server.login('sociale.cremona@demo.generattivi.it');
    expect(
      (await server.request<Alert[]>('GET', `/api/alerts?filter=${filter}`, { token: cremona }))
        .body,
    ).toEqual([]);
    const all = await server.request<Alert[]>(
      'GET',
      `/api/alerts?range=${encodeURIComponent('[0,999]')}`,
      { token: swCrema },
    );
    expect(all.body.every((a) => a.territoryId === t.CREMA)).toBe(true);
    expect(all.headers.get('content-range')).toMatch(/^alerts 0-\d+\/\d+$/);
    const kinds = await server.request<Alert[]>(
      'GET',
      `/api/alerts?filter=${encodeURIComponent(JSON.stringify({ kind: 'PAST_PLANNED_END' }))}`,
      { token: manager },
    );
    expect(kinds.body.every((a) => a.kind === 'PAST_PLANNED_END')).toBe(true);
    expect(
      (
        await server.request(
          'GET',
          `/api/alerts?filter=${encodeURIComponent(JSON.stringify({ kind: 'NOPE' }))}`,
          { token: manager },
        )
      ).status,
    ).toBe(400);
  });
});

describe('reports on both engines', () => {
  it('are identical on SQLite and PostgreSQL for the same data', async () => {
    const [sqlite, postgres] = await Promise.all([
      startServer({ engine: 'sqlite' }),
      startServer({ engine: 'postgres' }),
    ]);
    try {
      const tokens = await Promise.all(
        [sqlite, postgres].map((s) => s.login('manager@demo.generattivi.it')),
      );
      const get = async (path: string) =>
        Promise.all(
          [sqlite, postgres].map(
            async (s, i) => (await s.request<Json>('GET', path, { token: tokens[i] })).body,
          ),
        );
      const [o1, o2] = await get('/api/reports/outcomes');
      expect(o2.rows).toEqual(o1.rows);
      const [c1, c2] = await get('/api/reports/caseload');
      expect(without(c2, 'generatedAt')).toEqual(without(c1, 'generatedAt'));
      const [a1, a2] = await get(`/api/alerts?range=${encodeURIComponent('[0,999]')}`);
      expect(a2).toEqual(a1);
      expect((o1.rows as OutcomeRow[]).length).toBeGreaterThan(0);
    } finally {
      await Promise.all([sqlite.stop(), postgres.stop()]);
    }
  });
});
