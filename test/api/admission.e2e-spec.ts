import type { Role } from '@generattivi/shared';
import { ErrorBody, listQuery, loginEveryRole } from '../support/demo';
import { startServer, TestServer } from '../support/server';

/**
 * Admission control: expensive requests (verify, reports, alerts, searches) run a bounded
 * number at once per process, behind a bounded queue; beyond it, 503 BUSY with Retry-After.
 * Here one at a time and no queue, so that any overlap is refused.
 */
describe('admission control of expensive requests', () => {
  let server: TestServer;
  let tokens: Record<Role, string>;

  beforeAll(async () => {
    server = await startServer({ env: { EXPENSIVE_CONCURRENCY: '1', EXPENSIVE_QUEUE: '0' } });
    tokens = await loginEveryRole(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const expensive = [
    '/api/audit-events/verify',
    '/api/reports/caseload',
    '/api/reports/outcomes',
    '/api/alerts',
    `/api/notes${listQuery({ q: 'incontro gruppo' })}`,
    `/api/beneficiaries${listQuery({ q: 'ardigo' })}`,
  ];

  it('refuses what exceeds the bound with 503 BUSY and Retry-After; the rest is answered', async () => {
    const statuses = new Set<number>();
    let busy: { headers: Headers; body: ErrorBody } | undefined;
    // Requests sent together overlap in the server (the verify yields between its chunks);
    // a few rounds make sure that they did at least once.
    for (let round = 0; round < 20 && !busy; round++) {
      const answers = await Promise.all(
        [...expensive, ...expensive].map((path) =>
          server.request<ErrorBody>('GET', path, { token: tokens.ADMIN }),
        ),
      );
      for (const a of answers) statuses.add(a.status);
      busy = answers.find((a) => a.status === 503);
    }
    expect(busy).toBeDefined();
    expect(busy!.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(busy!.body).toMatchObject({ statusCode: 503, code: 'BUSY' });
    expect([...statuses].sort()).toEqual([200, 503]);
  });

  it('never refuses cheap requests, and answers again once the expensive ones are done', async () => {
    const cheap = await Promise.all([
      ...expensive.map((path) => server.request('GET', path, { token: tokens.ADMIN })),
      ...Array.from({ length: 10 }, () => server.request('GET', '/api/health')),
      ...Array.from({ length: 10 }, () =>
        server.request('GET', `/api/pacts${listQuery({}, ['id', 'ASC'], [0, 9])}`, {
          token: tokens.ADMIN,
        }),
      ),
    ]);
    expect(cheap.slice(expensive.length).every((r) => r.status === 200)).toBe(true);
    for (const path of expensive) {
      expect((await server.request('GET', path, { token: tokens.ADMIN })).status).toBe(200);
    }
  });

  it('answers a report or the alerts already computed without a slot, however many ask at once', async () => {
    const cached = ['/api/reports/caseload', '/api/reports/outcomes', '/api/alerts'];
    for (const path of cached)
      expect((await server.request('GET', path, { token: tokens.MANAGER })).status).toBe(200);
    // Sent with searches, which take the one slot: before, the cached answers waited for it
    // like any computation and, with no queue, were refused. The searches find people, whose
    // reads go to the access log, which leaves the cached answers as they are (result-cache.ts);
    // so do the mail outbox's poll and, on PostgreSQL, the other databases of the server.
    const searches = [
      `/api/notes${listQuery({ q: 'incontro gruppo' })}`,
      `/api/beneficiaries${listQuery({ q: 'ardigo' })}`,
    ];
    for (let round = 0; round < 5; round++) {
      const [found, answers] = await Promise.all([
        Promise.all(searches.map((path) => server.request('GET', path, { token: tokens.ADMIN }))),
        Promise.all(
          Array.from({ length: 24 }, (_, i) =>
            server.request('GET', cached[i % cached.length], { token: tokens.MANAGER }),
          ),
        ),
      ]);
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
      expect(found.map((s) => s.status)).toContain(200);
      for (const s of found) expect([200, 503]).toContain(s.status);
    }
  });

  it('counts the bad request of an unauthenticated client nowhere (401 first)', async () => {
    const res = await server.request('GET', '/api/reports/caseload');
    expect(res.status).toBe(401);
  });
});
