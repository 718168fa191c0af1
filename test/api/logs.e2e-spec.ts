import { DEMO_ACCOUNT, listQuery, uniqueEmail, UserRecord } from '../support/demo';
import { DirectDb, openDatabase } from '../support/db';
import { DEMO_PASSWORD, startServer, TestServer } from '../support/server';

/** A fiscal code of the kind the case records hold (valid check character). */
const FISCAL_CODE = 'RSSMRA85T10A562S';

/**
 * Logs carry no personal data: a full run of logins, account creation, filtered lists and
 * failures, then the server's whole output is searched for what must never be in it.
 */
describe('logs without personal data', () => {
  let server: TestServer;
  let db: DirectDb;
  const secrets: string[] = [FISCAL_CODE, FISCAL_CODE.toLowerCase(), DEMO_PASSWORD];
  let requests = 0;

  const send = async <T = unknown>(
    method: string,
    path: string,
    options: {
      token?: string;
      body?: unknown;
      rawBody?: string;
      headers?: Record<string, string>;
    } = {},
  ) => {
    requests += 1;
    return server.request<T>(method, path, options);
  };
  const remember = (secret: string) => {
    secrets.push(secret);
    return secret;
  };

  beforeAll(async () => {
    server = await startServer({ env: { LOG_LEVEL: 'debug' } });
    db = await openDatabase(server);

    // Sign-ins: good and bad passwords, an unknown account, the fiscal code as an email.
    const admin = remember(await server.login(DEMO_ACCOUNT.ADMIN));
    const manager = remember(await server.login(DEMO_ACCOUNT.MANAGER));
    for (const [email, password] of [
      [DEMO_ACCOUNT.SOCIAL_WORKER, remember('wrong-password-for-the-logs')],
      ['nobody@demo.generattivi.it', remember('another-wrong-password')],
      [FISCAL_CODE, DEMO_PASSWORD],
      [`${FISCAL_CODE}@example.it`, remember(`pw-${FISCAL_CODE}`)],
    ]) {
      expect((await send('POST', '/api/auth/login', { body: { email, password } })).status).toBe(
        401,
      );
    }

    // An account with a password, then a new password and a role change.
    const password = remember('Logs-Test-Password-ünïcødé');
    const created = await send<UserRecord>('POST', '/api/users', {
      token: admin,
      body: {
        email: uniqueEmail('logs'),
        fullName: `Mario Rossi ${FISCAL_CODE}`,
        role: 'SOCIAL_WORKER',
        territoryIds: [1],
        password,
      },
    });
    expect(created.status).toBe(201);
    const user = created.body;
    remember(await server.login(user.email, password));
    const changed = await send('PUT', `/api/users/${user.id}`, {
      token: admin,
      body: { ...user, role: 'MANAGER', password: remember('Another-Logs-Password-42') },
    });
    expect(changed.status).toBe(200);
    // Refusals that echo the body in some frameworks: short password, unknown field, bad JSON.
    for (const body of [
      {
        email: uniqueEmail('logs'),
        fullName: 'X Y',
        role: 'MANAGER',
        territoryIds: [1],
        password: remember('short-pw'),
      },
      {
        email: uniqueEmail('logs'),
        fullName: 'X Y',
        role: 'MANAGER',
        territoryIds: [1],
        password: remember('long-enough-password-1'),
        fiscalCode: FISCAL_CODE,
      },
    ]) {
      expect((await send('POST', '/api/users', { token: admin, body })).status).toBe(400);
    }
    expect(
      (
        await send('POST', '/api/auth/login', {
          rawBody: `{"email":"${FISCAL_CODE}","password":"${remember('in-broken-json')}"`,
        })
      ).status,
    ).toBe(400);
    // A duplicate email racing (PostgreSQL: the unique index answers; its error carries the values).
    const raceEmail = uniqueEmail('logs-race');
    await Promise.all(
      Array.from({ length: 4 }, () =>
        send('POST', '/api/users', {
          token: admin,
          body: {
            email: raceEmail,
            fullName: `Race ${FISCAL_CODE}`,
            role: 'MANAGER',
            territoryIds: [1],
            password: remember('race-condition-password'),
          },
        }),
      ),
    );

    // Lists filtered by a fiscal code, in the query string.
    for (const path of [
      `/api/users${listQuery({ q: FISCAL_CODE })}`,
      `/api/users${listQuery({ email: FISCAL_CODE })}`,
      `/api/audit-events${listQuery({ entityType: FISCAL_CODE })}`,
      `/api/audit-events${listQuery({ fiscalCode: FISCAL_CODE })}`,
      `/api/territories${listQuery({ q: FISCAL_CODE })}`,
      `/api/users/${FISCAL_CODE}`,
      `/api/no-such-route?fiscalCode=${FISCAL_CODE}`,
    ]) {
      const res = await send('GET', path, { token: manager });
      expect(res.status).toBeLessThan(500);
    }

    // A write that fails inside the database, with personal data in its parameters.
    await db.run(
      db.engine === 'postgres'
        ? `CREATE FUNCTION test_refuse_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit refused by the test'; END $$ LANGUAGE plpgsql`
        : `CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'audit refused by the test'); END`,
    );
    if (db.engine === 'postgres') {
      await db.run(
        'CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()',
      );
    }
    const current = (await send<UserRecord>('GET', `/api/users/${user.id}`, { token: admin })).body;
    const failed = await send('PUT', `/api/users/${user.id}`, {
      token: admin,
      body: { ...current, fullName: `Maria Rossi ${FISCAL_CODE}` },
    });
    expect(failed.status).toBe(500);
    if (db.engine === 'postgres') {
      await db.run('DROP TRIGGER test_refuse_audit ON audit_events');
      await db.run('DROP FUNCTION test_refuse_audit()');
    } else await db.run('DROP TRIGGER test_refuse_audit');

    // Logout, and a request with a revoked token.
    await send('POST', '/api/auth/logout', { token: manager });
    await send('GET', '/api/auth/me', { token: manager });

    // The log is written asynchronously: wait until the last request's line is out.
    await server.waitForOutput(
      (output) => output.includes('GET /api/auth/me 401') && /unexpected error/.test(output),
    );
  });
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  it('logged the run (the test would pass on an empty log otherwise)', () => {
    const output = server.output();
    expect(requests).toBeGreaterThan(20);
    expect(output).toContain('POST /api/auth/login 401');
    expect(output).toContain('GET /api/users 200');
    expect(output).toMatch(/unexpected error/);
  });

  it("ties a line logged within a request to that request's own line, by its id", () => {
    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map(
        (line) =>
          JSON.parse(line) as {
            msg?: string;
            requestId?: string;
            req?: { id?: string; method?: string; path?: string };
            res?: { statusCode?: number };
          },
      );
    const error = lines.find((line) => line.msg === 'unexpected error');
    expect(error?.req?.id).toBe(error?.requestId);
    const answered = lines.filter((line) => line.req?.id === error?.requestId && line.res);
    expect(answered).toEqual([
      expect.objectContaining({
        req: {
          id: error?.requestId,
          method: 'PUT',
          path: expect.stringMatching(/^\/api\/users\/\d+$/),
        },
        res: { statusCode: 500 },
      }),
    ]);
  });

  it('contains no fiscal code, password or token', () => {
    const output = server.output();
    for (const secret of secrets) {
      expect({ secret, found: output.includes(secret) }).toEqual({ secret, found: false });
    }
    expect(secrets.length).toBeGreaterThan(10);
  });

  it('contains no Authorization header, password hash, query string or body', () => {
    const output = server.output();
    expect(output).not.toMatch(/authorization/i);
    expect(output).not.toMatch(/bearer /i);
    expect(output).not.toContain('$argon2');
    expect(output).not.toMatch(/filter=|%7B%22/);
    expect(output).not.toMatch(/"password"/);
  });

  it('names no email address either', () => {
    expect(server.output()).not.toMatch(/[a-z0-9.]+@(demo|test)\.generattivi\.it/i);
  });
});
