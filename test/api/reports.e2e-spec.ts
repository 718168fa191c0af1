import { addDays, todayIso } from '@generattivi/shared';
import { beneficiaryBody, createBeneficiary, Json, territoryIds } from '../support/fixtures';
import { pactBody } from '../support/pacts';
import { startServer, TestServer } from '../support/server';

type OutcomeRow = Json & {
  territoryId: number;
  type: string;
  total: number;
  milestonesDue: number;
  milestonesAchievedOnTime: number;
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

  it('counts the milestones due and achieved on time alike over every territory and within one', async () => {
    const t = await territoryIds(server, admin);
    const outcomes = async (token: string, query = '') => {
      const res = await server.request<{ rows: OutcomeRow[] }>(
        'GET',
        `/api/reports/outcomes${query}`,
        { token },
      );
      expect(res.status).toBe(200);
      return res.body.rows
        .filter((r) => r.territoryId === t.CREMA)
        .map((r) => ({ type: r.type, due: r.milestonesDue, onTime: r.milestonesAchievedOnTime }));
    };
    // A manager over every territory (on SQLite the milestones counted by pact first), the same
    // manager for Crema alone and Crema's social worker (pact by pact).
    const everywhere = await outcomes(manager);
    expect(everywhere.reduce((n, r) => n + r.due, 0)).toBeGreaterThan(0);
    expect(everywhere.reduce((n, r) => n + r.onTime, 0)).toBeGreaterThan(0);
    expect(await outcomes(manager, `?territoryId=${t.CREMA}`)).toEqual(everywhere);
    expect(await outcomes(swCrema)).toEqual(everywhere);
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

  it('gives the same table as CSV for Excel in Italian, and records the export', async () => {
    const t = await territoryIds(server, admin);
    const json = await server.request<{ rows: OutcomeRow[] }>('GET', '/api/reports/outcomes', {
      token: manager,
    });
    // The bytes as sent: fetch's text() would drop the byte order mark.
    const download = async (path: string, headers: Record<string, string> = {}) => {
      const res = await fetch(server.url + path, {
        headers: { authorization: `Bearer ${manager}`, ...headers },
      });
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { res, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
    };
    const csv = await download('/api/reports/outcomes', { accept: 'text/csv' });
    expect(csv.res.headers.get('content-type')).toContain('text/csv');
    expect(csv.res.headers.get('content-disposition')).toContain('esiti.csv');
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.text.slice(1).trimEnd().split('\r\n');
    const header = lines[0].split(';');
    expect(header.slice(0, 4)).toEqual(['Ambito', 'Tipo di patto', 'Patti', 'Bozza']);
    expect(lines).toHaveLength(json.body.rows.length + 1);
    const first = json.body.rows[0];
    const cells = lines[1].split(';');
    const code = Object.entries(t).find(([, id]) => id === first.territoryId)![0];
    expect(cells[0]).toMatch(new RegExp(`^Ambito distrettuale di ${code}$`, 'i'));
    expect(cells[1]).toMatch(/^Patto per l'(Autonomia|Inclusione Sociale)$/);
    expect(cells[2]).toBe(String(first.total));
    // Rates as percentages with a decimal comma, never a decimal point.
    const rateAt = header.indexOf('Tasso di conclusione (%)');
    const withRate = json.body.rows.findIndex((r) => typeof r.completionRate === 'number');
    expect(withRate).toBeGreaterThanOrEqual(0);
    const rate = json.body.rows[withRate].completionRate as number;
    expect(lines[withRate + 1].split(';')[rateAt]).toBe(
      String(Math.round(rate * 1000) / 10).replace('.', ','),
    );
    expect(lines.slice(1).join(';')).not.toMatch(/\d\.\d/);

    // A name that looks like a formula stays text in the caseload download.
    const maker = await server.request<{ id: number }>('POST', '/api/users', {
      token: admin,
      body: {
        email: `formula-${Date.now()}@example.org`,
        fullName: '=HYPERLINK("http://x")',
        role: 'COMMUNITY_MAKER',
        territoryIds: [t.CREMA],
        password: 'Password-lunga-1',
      },
    });
    expect(maker.status).toBe(201);
    const b = await createBeneficiary(server, swCrema, beneficiaryBody(t.CREMA));
    const pact = await server.request('POST', '/api/pacts', {
      token: swCrema,
      body: pactBody(t.CREMA, maker.body.id, { beneficiaryId: b.id }),
    });
    expect(pact.status).toBe(201);
    const caseload = await download('/api/reports/caseload?format=csv');
    expect(caseload.res.headers.get('content-disposition')).toContain('carico-di-lavoro.csv');
    const caseloadLines = caseload.text.slice(1).split('\r\n');
    expect(caseloadLines[0]).toBe(
      'Ruolo;Nome;Patti: Bozza;Patti: Inviato;Patti: Attivo;Patti: Sospeso;Da approvare;Tappe in ritardo;Senza note da 30 giorni;In scadenza entro 30 giorni',
    );
    expect(caseloadLines[1]).toMatch(/^Assistente sociale;/);
    expect(caseloadLines).toContain(`Community maker;"'=HYPERLINK(""http://x"")";1;0;0;0;0;0;0;0`);
    // Each of the dashboard's two tables alone.
    const makers = await download('/api/reports/caseload?format=csv&table=communityMakers');
    expect(makers.res.headers.get('content-disposition')).toContain('carico-community-maker.csv');
    const makerLines = makers.text.slice(1).split('\r\n').filter(Boolean);
    expect(makerLines[0]).toBe(caseloadLines[0]);
    expect(makerLines.slice(1).every((l) => l.startsWith('Community maker;'))).toBe(true);
    expect(makerLines).toContain(`Community maker;"'=HYPERLINK(""http://x"")";1;0;0;0;0;0;0;0`);
    const workers = await download('/api/reports/caseload?format=csv&table=socialWorkers');
    expect(workers.res.headers.get('content-disposition')).toContain(
      'carico-assistenti-sociali.csv',
    );
    const workerLines = workers.text.slice(1).split('\r\n').filter(Boolean);
    expect(workerLines.length).toBeGreaterThan(1);
    expect(workerLines.slice(1).every((l) => l.startsWith('Assistente sociale;'))).toBe(true);
    const wrong = await server.request('GET', '/api/reports/caseload?format=csv&table=everyone', {
      token: admin,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('table');
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

  it('lists the late pacts with the overdue filter, and refuses a filter that is not true or false', async () => {
    const t = await territoryIds(server, admin);
    const pactWithMilestone = async (dueDate: string) => {
      const b = await createBeneficiary(server, swCrema, beneficiaryBody(t.CREMA));
      const pact = await server.request<{ id: number }>('POST', '/api/pacts', {
        token: swCrema,
        body: { type: 'AUTONOMY', territoryId: t.CREMA, beneficiaryId: b.id, title: 'Con tappa' },
      });
      const m = await server.request('POST', '/api/milestones', {
        token: swCrema,
        body: { pactId: pact.body.id, title: 'Tappa', dueDate },
      });
      expect(m.status).toBe(201);
      return pact.body.id;
    };
    const late = await pactWithMilestone(addDays(todayIso(), -1));
    const dueToday = await pactWithMilestone(todayIso());
    const list = async (filter: Json) => {
      const res = await server.request<Array<{ id: number }>>(
        'GET',
        `/api/pacts?filter=${encodeURIComponent(JSON.stringify(filter))}`,
        { token: swCrema },
      );
      return { status: res.status, ids: res.status === 200 ? res.body.map((p) => p.id) : [] };
    };
    expect(await list({ id: [late, dueToday], overdue: true })).toEqual({
      status: 200,
      ids: [late],
    });
    expect(await list({ id: [late, dueToday], overdue: false })).toEqual({
      status: 200,
      ids: [dueToday],
    });
    expect((await list({ id: [late], overdue: 'yes' })).status).toBe(400);
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
