import { runServerExpectingExit, startServer, TestServer } from '../support/server';

describe('foundation', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers health once the database answers, naming the engine', async () => {
    const res = await server.request<{ status: string; database: string }>('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.database).toBe(server.engine);
  });

  it('reads back and logs the database settings at start', async () => {
    if (server.engine === 'sqlite') {
      expect(server.output()).toContain(
        'SQLite pragmas: journal_mode=wal synchronous=2 foreign_keys=1 busy_timeout=5000',
      );
    } else {
      expect(server.output()).toMatch(/PostgreSQL \d+/);
    }
  });

  it('answers an unknown API route with a JSON 404, for every method', async () => {
    for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
      const res = await server.request<{ statusCode: number; error: string; message: string }>(
        method,
        '/api/no-such-thing',
      );
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
      expect(typeof res.body.message).toBe('string');
    }
  });

  it('refuses malformed JSON with a 400 body', async () => {
    const res = await server.request<{ statusCode: number; message: string }>(
      'POST',
      '/api/auth/login',
      {
        rawBody: '{"email": "a@b.it", "password": ',
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.message).toMatch(/JSON/);
  });

  it('refuses a 2 MiB body with 413', async () => {
    const big = JSON.stringify({ email: 'a'.repeat(2 * 1024 * 1024), password: 'x' });
    const res = await server.request<{ statusCode: number }>('POST', '/api/auth/login', {
      rawBody: big,
    });
    expect(res.status).toBe(413);
    expect(res.body.statusCode).toBe(413);
  });

  it('names every unknown or wrong field in a 400 with the errors map', async () => {
    const res = await server.request<{ message: string; errors: Record<string, string> }>(
      'POST',
      '/api/auth/login',
      {
        body: { email: 42, password: 'x', admin: true },
      },
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['admin', 'email']);
    expect(res.body.message).toContain('admin: unknown field');
    expect(res.body.message).toContain('email:');
  });

  it('sends no-store, security headers and exposes Content-Range to browsers', async () => {
    const res = await server.request('GET', '/api/health', {
      headers: { origin: 'http://localhost:5173' },
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('access-control-expose-headers')).toContain('Content-Range');
  });

  it('needs a token everywhere but health, login and docs', async () => {
    expect((await server.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await server.request('GET', '/api/auth/me', { token: 'not.a.token' })).status).toBe(
      401,
    );
    expect((await server.request('GET', '/api/docs')).status).toBe(200);
  });

  it('describes itself in OpenAPI', async () => {
    const res = await server.request<{ openapi: string; paths: Record<string, unknown> }>(
      'GET',
      '/api/docs/openapi.json',
    );
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/login',
        ...[
          'territories',
          'users',
          'beneficiaries',
          'households',
          'pacts',
          'milestones',
          'notes',
          'assignments',
          'community-labs',
          'civic-centers',
          'audit-events',
        ].flatMap((r) => [`/api/${r}`, `/api/${r}/{id}`]),
        '/api/pacts/{id}/transitions',
        '/api/pacts/{id}/assign',
        '/api/eligibility/check',
        '/api/eligibility/settings',
        '/api/audit-events/verify',
        '/api/reports/caseload',
        '/api/reports/outcomes',
        '/api/alerts',
      ]),
    );
  });

  it('serves the admin at / and deep links, never for /api', async () => {
    const home = await server.request('GET', '/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    const deep = await server.request('GET', '/pacts/12/show');
    expect(deep.status).toBe(200);
    expect(deep.text).toBe(home.text);
    const api = await server.request('GET', '/api/pacts-that-do-not-exist/1');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
  });
});

describe('configuration refusals', () => {
  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ NODE_ENV: 'production', DATABASE_URL: '/tmp/never-created.sqlite' }, /JWT_SECRET/],
    [
      {
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(40),
        DEMO_DATA: 'true',
        DATABASE_URL: '/tmp/never.sqlite',
      },
      /DEMO_DATA/,
    ],
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, /DATABASE_URL/],
    [{ DEMO_DATA: 'maybe', DATABASE_URL: '/tmp/never2.sqlite' }, /DEMO_DATA/],
  ])('exits non-zero with one line naming the variable: %o', async (env, variable) => {
    const { code, output } = await runServerExpectingExit(env);
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(variable);
  });
});
