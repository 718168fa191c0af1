import { pactSetup, ROLE_ACCOUNTS } from '../support/pacts';
import { startServer, type TestServer } from '../support/server';

const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));

/**
 * GET /api/pacts and /api/pacts/:id are answered in front of their Nest routes
 * (server/src/pacts/pact-hot-reads.ts): what they answer must not tell the two apart.
 */
describe('the hot pact reads answer as their routes do', () => {
  let server: TestServer;
  let swCrema: string, swCremona: string, crema: number;

  beforeAll(async () => {
    server = await startServer();
    const setup = await pactSetup(
      server,
      { swCrema: ROLE_ACCOUNTS.swCrema, swCremona: ROLE_ACCOUNTS.swCremona },
      {},
    );
    ({ swCrema, swCremona } = setup.tokens);
    crema = setup.territories.CREMA;
  }, 60_000);
  afterAll(async () => server?.stop());

  /** The first pact of Crema's list, as the social worker of Crema reads it. */
  async function cremaPact(): Promise<{ id: number }> {
    const res = await server.request<Array<{ id: number }>>(
      'GET',
      `/api/pacts?filter=${q({ territoryId: crema })}&range=${q([0, 0])}`,
      { token: swCrema },
    );
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    return res.body[0];
  }

  /** The headers an answer carries, without those whose value is the answer's own. */
  const headerNames = (headers: Headers) => {
    const names: string[] = [];
    headers.forEach((_value, name) => names.push(name));
    return names.filter((h) => !['date', 'content-length'].includes(h)).sort();
  };

  it('sends the headers of the list answered by its route (a free-text search goes there)', async () => {
    const origin = { origin: 'http://localhost:5173', 'x-request-id': 'hot-read-1' };
    const [hot, routed] = await Promise.all([
      server.request('GET', `/api/pacts?filter=${q({ territoryId: crema })}`, {
        token: swCrema,
        headers: origin,
      }),
      server.request('GET', `/api/pacts?filter=${q({ q: 'patto' })}`, {
        token: swCrema,
        headers: { ...origin, 'x-request-id': 'hot-read-2' },
      }),
    ]);
    expect([hot.status, routed.status]).toEqual([200, 200]);
    expect(headerNames(hot.headers)).toEqual(headerNames(routed.headers));
    expect(hot.headers.get('x-request-id')).toBe('hot-read-1');
    expect(hot.headers.get('cache-control')).toBe('no-store');
    expect(hot.headers.get('content-type')).toBe(routed.headers.get('content-type'));
    expect(hot.headers.get('content-range')).toMatch(/^pacts 0-\d+\/\d+$/);
    expect(hot.headers.get('access-control-expose-headers')).toContain('Content-Range');
  });

  it('refuses a token at once once it is revoked, with the 401 of the route', async () => {
    const token = await server.login(ROLE_ACCOUNTS.swCrema);
    const pact = await cremaPact();
    for (const path of [`/api/pacts/${pact.id}`, '/api/pacts'])
      expect((await server.request('GET', path, { token })).status).toBe(200);
    expect((await server.request('POST', '/api/auth/logout', { token })).status).toBe(200);
    const anonymous = await server.request('GET', '/api/pacts');
    expect(anonymous.status).toBe(401);
    for (const path of [`/api/pacts/${pact.id}`, '/api/pacts']) {
      const res = await server.request('GET', path, { token });
      expect([path, res.status, res.body]).toEqual([path, 401, anonymous.body]);
    }
  });

  it('answers a pact out of scope, a missing one and a wrong id as the route does', async () => {
    const pact = await cremaPact();
    const outOfScope = await server.request<{ code: string }>('GET', `/api/pacts/${pact.id}`, {
      token: swCremona,
    });
    const missing = await server.request<{ code: string }>('GET', '/api/pacts/2147483647', {
      token: swCrema,
    });
    expect([outOfScope.status, missing.status]).toEqual([404, 404]);
    expect(outOfScope.body.code).toBe(missing.body.code);
    const wrongId = await server.request<{ code: string }>('GET', '/api/pacts/0x10', {
      token: swCrema,
    });
    expect(wrongId.status).toBe(400);
    const unknownKey = await server.request('GET', '/api/pacts?limit=5', { token: swCrema });
    expect(unknownKey.status).toBe(400);
    const badRange = await server.request('GET', `/api/pacts?range=${q([5, 1])}`, {
      token: swCrema,
    });
    expect(badRange.status).toBe(400);
  });
});
