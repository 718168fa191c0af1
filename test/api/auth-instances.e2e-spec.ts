import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser, DEMO_ACCOUNT, ErrorBody, uniqueEmail, UserRecord } from '../support/demo';
import {
  createPgDatabase,
  DEMO_PASSWORD,
  engineUnderTest,
  startServer,
  TestServer,
} from '../support/server';

/**
 * Two server instances on one database (one SQLite file shared by two processes, or one
 * PostgreSQL database): the login throttling is the database's, not each process's, and
 * instances started together on an empty database both come up with one set of demo data.
 */

const MAX_PAIR_FAILURES = 10;
const BACKOFF_AFTER = 20;

interface LoginAnswer {
  status: number;
  retryAfter: string | undefined;
  body: ErrorBody & { accessToken?: string };
}

/** POST /api/auth/login from a given loopback address (the server sees the socket's). */
function loginFrom(
  server: TestServer,
  address: string,
  email: string,
  password: string,
): Promise<LoginAnswer> {
  const url = new URL('/api/auth/login', server.url);
  const payload = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: address,
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
            body: JSON.parse(text) as LoginAnswer['body'],
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const statuses = (answers: LoginAnswer[]) => answers.map((a) => a.status);
const count = (answers: LoginAnswer[], status: number) =>
  answers.filter((a) => a.status === status).length;

describe('login throttling across two instances on one database', () => {
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    a = await startServer();
    b = await startServer({ databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('30 parallel guesses from one address, spread over both, let exactly 10 through', async () => {
    const email = 'sociale.cremona@demo.generattivi.it';
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        loginFrom(i % 2 ? b : a, '127.0.0.2', email, `parallel-guess-${i}`),
      ),
    );
    expect(count(guesses, 401)).toBe(MAX_PAIR_FAILURES);
    expect(count(guesses, 429)).toBe(30 - MAX_PAIR_FAILURES);
    for (const refused of guesses.filter((g) => g.status === 429)) {
      expect(refused.body.code).toBe('ACCOUNT_LOCKED');
      expect(Number(refused.retryAfter)).toBe(refused.body.retryAfterSeconds);
      expect(refused.body.retryAfterSeconds).toBeGreaterThan(14 * 60);
    }
    // The right password from that address is refused on both instances…
    expect((await loginFrom(a, '127.0.0.2', email, DEMO_PASSWORD)).status).toBe(429);
    expect((await loginFrom(b, '127.0.0.2', email, DEMO_PASSWORD)).status).toBe(429);
    // …while the owner, from an address of their own, signs in on either.
    const owner = await loginFrom(b, '127.0.0.3', email, DEMO_PASSWORD);
    expect(owner.status).toBe(200);
    expect(typeof owner.body.accessToken).toBe('string');
    expect((await loginFrom(a, '127.0.0.3', email, DEMO_PASSWORD)).status).toBe(200);
  });

  it('a success on instance A clears the failures of that address for instance B', async () => {
    const email = 'maker.cremona@demo.generattivi.it';
    const fail = (server: TestServer) => loginFrom(server, '127.0.0.4', email, 'wrong-password');
    for (let i = 0; i < MAX_PAIR_FAILURES - 1; i++) expect((await fail(b)).status).toBe(401);
    expect((await loginFrom(a, '127.0.0.4', email, DEMO_PASSWORD)).status).toBe(200);
    // Without the reset, B would lock at the next failure; with it, 10 more are allowed.
    const after = [];
    for (let i = 0; i < MAX_PAIR_FAILURES; i++) after.push((await fail(b)).status);
    expect(after).toEqual(Array(MAX_PAIR_FAILURES).fill(401));
    const locked = await fail(a);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
  });

  it('unknown emails are locked the same way, on both instances', async () => {
    const email = 'nobody.here@demo.generattivi.it';
    const answers = [];
    for (let i = 0; i < MAX_PAIR_FAILURES + 1; i++)
      answers.push(await loginFrom(i % 2 ? a : b, '127.0.0.5', email, `guess-${i}`));
    expect(statuses(answers)).toEqual([...Array(MAX_PAIR_FAILURES).fill(401), 429]);
    expect(answers[MAX_PAIR_FAILURES].body.code).toBe('ACCOUNT_LOCKED');
  });

  it('guessers from many addresses slow the account to one attempt per 30 s; the owner waits seconds', async () => {
    const email = 'sociale.casalmaggiore@demo.generattivi.it';
    const guessers = ['127.0.0.10', '127.0.0.11', '127.0.0.12', '127.0.0.13'];
    const failures = [];
    for (let i = 0; i < BACKOFF_AFTER; i++)
      failures.push(
        await loginFrom(i % 2 ? a : b, guessers[i % guessers.length], email, `guess-${i}`),
      );
    // 5 per address: no address is locked, but the account has 20 failures.
    expect(statuses(failures)).toEqual(Array(BACKOFF_AFTER).fill(401));
    const next = await loginFrom(a, '127.0.0.14', email, 'one-more-guess');
    expect(next.status).toBe(429);
    expect(next.body.code).toBe('ACCOUNT_BACKOFF');
    const owner = await loginFrom(b, '127.0.0.15', email, DEMO_PASSWORD);
    expect(owner.status).toBe(429);
    expect(owner.body.code).toBe('ACCOUNT_BACKOFF');
    const wait = Number(owner.body.retryAfterSeconds);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(30);
    expect(Number(owner.retryAfter)).toBe(wait);
    await new Promise((r) => setTimeout(r, wait * 1000 + 500));
    expect((await loginFrom(b, '127.0.0.15', email, DEMO_PASSWORD)).status).toBe(200);
    // That attempt took the slot: a guess right after it waits again.
    const after = await loginFrom(a, '127.0.0.14', email, 'yet-another-guess');
    expect(after.status).toBe(429);
    expect(after.body.code).toBe('ACCOUNT_BACKOFF');
  }, 120_000);
});

describe('the per-address login limit across two instances (LOGIN_RATE_LIMIT=6)', () => {
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    a = await startServer({ env: { LOGIN_RATE_LIMIT: '6' } });
    b = await startServer({ databaseUrl: a.databaseUrl, env: { LOGIN_RATE_LIMIT: '6' } });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('allows 6 attempts a minute from one address over both instances, then 429', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++)
      answers.push(await loginFrom(i < 3 ? a : b, '127.0.0.20', DEMO_ACCOUNT.MANAGER, `w-${i}`));
    expect(statuses(answers)).toEqual(Array(6).fill(401));
    for (const server of [a, b]) {
      const limited = await loginFrom(server, '127.0.0.20', DEMO_ACCOUNT.ADMIN, DEMO_PASSWORD);
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('LOGIN_RATE_LIMITED');
      expect(limited.body.accessToken).toBeUndefined();
      expect(Number(limited.retryAfter)).toBeGreaterThan(0);
      expect(Number(limited.retryAfter)).toBe(limited.body.retryAfterSeconds);
    }
    // Another address is not limited.
    expect((await loginFrom(b, '127.0.0.21', DEMO_ACCOUNT.ADMIN, DEMO_PASSWORD)).status).toBe(200);
  });
});

/**
 * A token checked on one instance while another ends it: each instance keeps the callers of
 * the tokens it has seen, and each request reads from the database whether the token still
 * stands, so the end is immediate everywhere.
 */
describe('tokens ended on one instance are refused at once by the other', () => {
  let a: TestServer;
  let b: TestServer;
  let admin: string;
  const password = 'Remo-Vela-Tiglio-37-instances';

  beforeAll(async () => {
    a = await startServer();
    b = await startServer({ databaseUrl: a.databaseUrl });
    admin = await a.login(DEMO_ACCOUNT.ADMIN);
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  /** A new social worker of territory 1, signed in (on A). */
  async function signedIn(): Promise<{ user: UserRecord; token: string }> {
    const user = await createUser(a, admin, { email: uniqueEmail('instances'), password });
    return { user, token: await a.login(user.email, password) };
  }
  /** The status of a pact list read on `server` (the pacts list: scoped by territory). */
  const read = async (server: TestServer, token: string) =>
    (await server.request('GET', '/api/pacts?range=%5B0%2C0%5D', { token })).status;
  const put = (user: UserRecord, changes: Record<string, unknown>) =>
    a.request<UserRecord>('PUT', `/api/users/${user.id}`, {
      token: admin,
      body: { ...user, ...changes },
    });

  it('a logout on A: refused on B at the next request (B had the token’s caller kept)', async () => {
    const { token } = await signedIn();
    expect([await read(b, token), await read(b, token), await read(a, token)]).toEqual([
      200, 200, 200,
    ]);
    expect((await a.request('POST', '/api/auth/logout', { token })).status).toBe(200);
    expect([await read(b, token), await read(a, token)]).toEqual([401, 401]);
  });

  it('a deactivation on A: refused on B at once; reactivated, a new sign-in works on B', async () => {
    const { user, token } = await signedIn();
    expect(await read(b, token)).toBe(200);
    const off = await put(user, { active: false });
    expect(off.status).toBe(200);
    expect(await read(b, token)).toBe(401);
    expect((await put(off.body, { active: true })).status).toBe(200);
    expect(await read(b, token)).toBe(401);
    expect(await read(b, await b.login(user.email, password))).toBe(200);
  });

  it('a change of role or territories on A: the old token refused on B, a new one has the new scope', async () => {
    const { user, token } = await signedIn();
    const me = async (t: string) =>
      b.request<{ role: string; territoryIds: number[] }>('GET', '/api/auth/me', { token: t });
    expect((await me(token)).body).toMatchObject({ role: 'SOCIAL_WORKER', territoryIds: [1] });
    const moved = await put(user, { territoryIds: [2] });
    expect(moved.status).toBe(200);
    expect((await me(token)).status).toBe(401);
    const fresh = await b.login(user.email, password);
    expect((await me(fresh)).body).toMatchObject({ territoryIds: [2] });
    expect((await put(moved.body, { role: 'MANAGER', territoryIds: [] })).status).toBe(200);
    expect((await me(fresh)).status).toBe(401);
    expect((await me(await b.login(user.email, password))).body).toMatchObject({
      role: 'MANAGER',
    });
  });

  it('a change of name on A shows on B’s next request with the same token', async () => {
    const { user, token } = await signedIn();
    const name = async () =>
      (await b.request<{ fullName: string }>('GET', '/api/auth/me', { token })).body.fullName;
    expect(await name()).toBe('Giulia Test');
    expect((await put(user, { fullName: 'Giulia Rinominata' })).status).toBe(200);
    expect(await name()).toBe('Giulia Rinominata');
  });
});

describe('two instances started together on an empty database', () => {
  let reference: { users: number; pacts: number; territories: number };

  const totals = async (server: TestServer) => {
    const token = await server.login(DEMO_ACCOUNT.ADMIN);
    const total = async (resource: string) => {
      const res = await server.request(
        'GET',
        `/api/${resource}?range=${encodeURIComponent('[0,0]')}`,
        {
          token,
        },
      );
      expect(res.status).toBe(200);
      return Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1]);
    };
    return {
      users: await total('users'),
      pacts: await total('pacts'),
      territories: await total('territories'),
    };
  };

  beforeAll(async () => {
    // What one instance alone loads on an empty database.
    const alone = await startServer();
    try {
      reference = await totals(alone);
    } finally {
      await alone.stop();
    }
    expect(reference.users).toBeGreaterThan(0);
    expect(reference.pacts).toBeGreaterThan(0);
  });

  async function emptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
    if (engineUnderTest() === 'postgres') return createPgDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'generattivi-e2e-'));
    return {
      url: join(dir, 'test.sqlite'),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }

  it.each([1, 2, 3, 4])(
    'both become healthy with exactly one set of demo data (try %i)',
    async () => {
      const db = await emptyDatabase();
      const started = await Promise.allSettled([
        startServer({ databaseUrl: db.url }),
        startServer({ databaseUrl: db.url }),
      ]);
      const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      try {
        expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'ok'))).toEqual([
          'ok',
          'ok',
        ]);
        for (const server of servers) expect(await totals(server)).toEqual(reference);
        const token = await servers[0].login(DEMO_ACCOUNT.ADMIN);
        const chain = await servers[1].request<{ valid: boolean }>(
          'GET',
          '/api/audit-events/verify',
          { token },
        );
        expect(chain.body.valid).toBe(true);
      } finally {
        for (const server of servers) await server.stop();
        await db.drop();
      }
    },
    240_000,
  );
});
