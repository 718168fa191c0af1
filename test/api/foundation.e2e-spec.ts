import { ERROR_CODES, type ErrorCode } from '@generattivi/shared';
import { runServerExpectingExit, startServer, TestServer } from '../support/server';

interface CodedBody {
  statusCode: number;
  code: ErrorCode;
  params: Record<string, unknown>;
  message: string;
  errors?: Record<string, string>;
  fieldErrors?: Record<
    string,
    { code: ErrorCode; params: Record<string, unknown>; message: string }
  >;
}

/** A code of shared's list, with exactly the parameters the list names for it. */
function expectCoded({ code, params }: { code: ErrorCode; params: Record<string, unknown> }) {
  expect(Object.keys(ERROR_CODES)).toContain(code);
  expect(Object.keys(params).sort()).toEqual([...ERROR_CODES[code]].sort());
}

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
    const expected =
      server.engine === 'sqlite'
        ? /SQLite pragmas: journal_mode=wal synchronous=2 foreign_keys=1 busy_timeout=5000/
        : /PostgreSQL \d+/;
    expect(await server.waitForOutput((output) => expected.test(output))).toMatch(expected);
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

  it('gives every error body a code and params, and every field error its own', async () => {
    const fields = await server.request<CodedBody>('POST', '/api/auth/login', {
      body: { email: 42, password: 'x', admin: true },
    });
    expect(fields.status).toBe(400);
    expect(fields.body).toMatchObject({ code: 'VALIDATION', params: {} });
    expect(fields.body.fieldErrors).toEqual({
      admin: { code: 'UNKNOWN_FIELD', params: {}, message: 'unknown field' },
      email: expect.objectContaining({ code: 'NOT_STRING', params: {} }),
    });
    expect(fields.body.errors?.email).toBe(fields.body.fieldErrors?.email.message);

    const token = await server.login('admin@demo.generattivi.it');
    const long = await server.request<CodedBody>('POST', '/api/territories', {
      token,
      body: { code: 'NOWHERE', name: 'N'.repeat(300) },
    });
    expect(long.status).toBe(400);
    expect(long.body.fieldErrors?.name).toMatchObject({ code: 'MAX_LENGTH', params: { max: 120 } });
    expect(long.body.fieldErrors?.code).toMatchObject({
      code: 'ONE_OF',
      params: { values: 'CREMA, CREMONA, CASALMAGGIORE' },
    });

    const [territory] = (
      await server.request<
        Array<{ id: number; version: number; name: string; municipalities: string[] }>
      >('GET', '/api/territories', { token })
    ).body;
    const stale = await server.request<CodedBody>('PUT', `/api/territories/${territory.id}`, {
      token,
      body: {
        name: territory.name,
        municipalities: territory.municipalities,
        version: territory.version + 5,
      },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'VERSION_CONFLICT',
      params: { sent: territory.version + 5, current: territory.version },
    });

    const answers = [
      fields,
      long,
      stale,
      await server.request<CodedBody>('GET', `/api/pacts/999999`, { token }),
      await server.request<CodedBody>('GET', '/api/no-such-thing'),
      await server.request<CodedBody>('GET', '/api/pacts'),
      await server.request<CodedBody>('GET', '/api/pacts?range=[5,1]', { token }),
      await server.request<CodedBody>('POST', '/api/auth/login', { rawBody: '{"email": ' }),
    ];
    expect(answers.map((a) => a.body.code)).toEqual([
      'VALIDATION',
      'VALIDATION',
      'VERSION_CONFLICT',
      'NOT_FOUND',
      'ROUTE_NOT_FOUND',
      'UNAUTHORIZED',
      'LIST_QUERY',
      'MALFORMED_JSON',
    ]);
    for (const { body } of answers) {
      expectCoded(body);
      for (const fieldError of Object.values(body.fieldErrors ?? {})) expectCoded(fieldError);
    }
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
