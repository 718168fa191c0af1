import { auditEvents, DEMO_ACCOUNT, ErrorBody } from '../support/demo';
import { DEMO_PASSWORD, startServer, TestServer } from '../support/server';

const MAX_FAILURES = 10;

async function login(server: TestServer, email: string, password: string) {
  return server.request<ErrorBody & { accessToken?: string }>('POST', '/api/auth/login', {
    body: { email, password },
  });
}

describe('account lockout (10 failures within 15 minutes → 429)', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startServer();
    admin = await server.login(DEMO_ACCOUNT.ADMIN);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('locks an existing account after 10 failures, even for the right password', async () => {
    const email = 'maker.casalmaggiore@demo.generattivi.it';
    for (let i = 0; i < MAX_FAILURES; i++) {
      // Mixed case: the lock follows the account, not the spelling of its address.
      const spelled = i % 2 ? email.toUpperCase() : email;
      const res = await login(server, spelled, `wrong-password-${i}`);
      expect(res.status).toBe(401);
    }
    const locked = await login(server, email, DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'ACCOUNT_LOCKED',
    });
    expect(locked.body.accessToken).toBeUndefined();
    expect(Number(locked.body.retryAfterSeconds)).toBeGreaterThan(14 * 60);
    expect(Number(locked.body.retryAfterSeconds)).toBeLessThanOrEqual(15 * 60);
    expect(Number(locked.headers.get('retry-after'))).toBe(locked.body.retryAfterSeconds);
    expect((await login(server, email.toUpperCase(), DEMO_PASSWORD)).status).toBe(429);
  });

  it('locks an unknown email the same way, so a 429 tells nothing about existence', async () => {
    const known = 'sociale.casalmaggiore@demo.generattivi.it';
    const unknown = 'nobody.at.all@demo.generattivi.it';
    for (let i = 0; i < MAX_FAILURES; i++) {
      const a = await login(server, known, `wrong-${i}`);
      const b = await login(server, unknown, `wrong-${i}`);
      expect([a.status, b.status]).toEqual([401, 401]);
      expect(a.body).toEqual(b.body);
    }
    const a = await login(server, known, DEMO_PASSWORD);
    const b = await login(server, unknown, DEMO_PASSWORD);
    expect([a.status, b.status]).toEqual([429, 429]);
    // The wait counts down between the two answers: its type is compared, not its value.
    const shape = (body: ErrorBody) => ({
      ...body,
      retryAfterSeconds: typeof body.retryAfterSeconds,
      message: body.message.replace(/\d+/g, 'N'),
      params: { seconds: typeof (body.params as { seconds?: number } | undefined)?.seconds },
    });
    expect(shape(a.body)).toEqual(shape(b.body));
  });

  it('locks only that account: the others still sign in', async () => {
    expect((await login(server, DEMO_ACCOUNT.MANAGER, DEMO_PASSWORD)).status).toBe(200);
  });

  it('9 failures then a success clear the count', async () => {
    const email = 'maker.cremona@demo.generattivi.it';
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      expect((await login(server, email, 'wrong-password')).status).toBe(401);
    }
    expect((await login(server, email, DEMO_PASSWORD)).status).toBe(200);
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      expect((await login(server, email, 'wrong-password')).status).toBe(401);
    }
    expect((await login(server, email, DEMO_PASSWORD)).status).toBe(200);
  });

  it('concurrent guesses cannot slip past the lock', async () => {
    const email = 'sociale.cremona@demo.generattivi.it';
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(server, email, `parallel-guess-${i}`)),
    );
    const statuses = guesses.map((g) => g.status);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    // Each 401 is one password actually tried: exactly the allowance, no more.
    expect(statuses.filter((s) => s === 401).length).toBe(MAX_FAILURES);
    expect((await login(server, email, DEMO_PASSWORD)).status).toBe(429);
  });

  it('records each failure in the audit trail, without the password', async () => {
    const user = (
      await server.request<Array<{ id: number }>>(
        'GET',
        `/api/users?filter=${encodeURIComponent(JSON.stringify({ email: 'maker.casalmaggiore@demo.generattivi.it' }))}`,
        { token: admin },
      )
    ).body[0];
    const failed = await auditEvents(server, admin, {
      action: 'login_failed',
      entityType: 'users',
      entityId: user.id,
    });
    expect(failed).toHaveLength(MAX_FAILURES);
    const text = JSON.stringify(failed);
    expect(text).not.toContain('wrong-password');
    // A refused (locked) attempt is not a password check: it is not recorded as one.
    expect(failed.every((e) => e.actorId === null)).toBe(true);
  });
});

describe('per-address throttling of the login (LOGIN_RATE_LIMIT=5)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ env: { LOGIN_RATE_LIMIT: '5' } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('allows 5 attempts a minute from one address, over any accounts, then answers 429', async () => {
    const emails = [
      DEMO_ACCOUNT.ADMIN,
      DEMO_ACCOUNT.MANAGER,
      DEMO_ACCOUNT.SOCIAL_WORKER,
      DEMO_ACCOUNT.COMMUNITY_MAKER,
      'nobody@demo.generattivi.it',
    ];
    const first = [];
    for (const email of emails) first.push((await login(server, email, 'wrong-password')).status);
    expect(first).toEqual([401, 401, 401, 401, 401]);

    const limited = await login(server, 'maker.cremona@demo.generattivi.it', DEMO_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/json');
    expect(limited.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'LOGIN_RATE_LIMITED',
    });
    expect(limited.body.message).toMatch(/too many login attempts from this address/);
    expect(limited.body.accessToken).toBeUndefined();
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBe(limited.body.retryAfterSeconds);
  });

  it('throttles only the login: the rest of the API answers normally', async () => {
    expect((await server.request('GET', '/api/health')).status).toBe(200);
    expect((await server.request('GET', '/api/auth/me')).status).toBe(401);
  });
});
