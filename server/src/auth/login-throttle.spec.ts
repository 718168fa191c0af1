import { DataSource } from 'typeorm';
import { auditFixture } from '../audit/audit.fixture';
import { UnitOfWork } from '../common/unit-of-work';
import { appDataSourceOptions } from '../data-source';
import {
  ACCOUNT_BACKOFF_AFTER,
  ACCOUNT_BACKOFF_MS,
  ADDRESS_WINDOW_MS,
  decideAddress,
  decideAttempt,
  LoginThrottle,
  PAIR_MAX_FAILURES,
  SWEEP_BATCH,
  WINDOW_MS,
} from './login-throttle';

const t0 = Date.UTC(2026, 10, 25, 10, 0, 0);
const minutes = (n: number) => n * 60_000;

describe('decideAttempt (the policy)', () => {
  const times = (n: number, from = t0) => Array.from({ length: n }, (_, i) => from - i * 1000);

  it('lets 9 pair failures through and locks at 10 until the oldest of them leaves the window', () => {
    const now = t0 + 5000;
    expect(
      decideAttempt({ pairFailures: times(9), accountFailures: 9, nextAttemptAt: 0, now }),
    ).toEqual({ allowed: true });
    const ten = times(PAIR_MAX_FAILURES);
    const oldest = ten[PAIR_MAX_FAILURES - 1];
    expect(
      decideAttempt({ pairFailures: ten, accountFailures: 10, nextAttemptAt: 0, now }),
    ).toEqual({
      allowed: false,
      code: 'ACCOUNT_LOCKED',
      retryAfterSeconds: Math.ceil((oldest + WINDOW_MS - now) / 1000),
    });
    // One millisecond before the oldest leaves the window: still locked; at that instant: free.
    expect(
      decideAttempt({
        pairFailures: ten,
        accountFailures: 10,
        nextAttemptAt: 0,
        now: oldest + WINDOW_MS - 1,
      }),
    ).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(
      decideAttempt({
        pairFailures: ten,
        accountFailures: 10,
        nextAttemptAt: 0,
        now: oldest + WINDOW_MS,
      }),
    ).toEqual({ allowed: true });
  });

  it('slows the account to one attempt per 30 s only beyond 20 failures from all addresses', () => {
    const next = t0 + ACCOUNT_BACKOFF_MS;
    const base = { pairFailures: [], nextAttemptAt: next, now: t0 + 1000 };
    expect(decideAttempt({ ...base, accountFailures: ACCOUNT_BACKOFF_AFTER - 1 })).toEqual({
      allowed: true,
    });
    expect(decideAttempt({ ...base, accountFailures: ACCOUNT_BACKOFF_AFTER })).toEqual({
      allowed: false,
      code: 'ACCOUNT_BACKOFF',
      retryAfterSeconds: 29,
    });
    expect(decideAttempt({ ...base, accountFailures: ACCOUNT_BACKOFF_AFTER, now: next })).toEqual({
      allowed: true,
    });
  });

  it('the pair lock wins over the backoff (the longer wait)', () => {
    expect(
      decideAttempt({
        pairFailures: times(PAIR_MAX_FAILURES),
        accountFailures: 40,
        nextAttemptAt: t0 + ACCOUNT_BACKOFF_MS,
        now: t0,
      }),
    ).toMatchObject({ allowed: false, code: 'ACCOUNT_LOCKED' });
  });
});

describe('decideAddress', () => {
  const start = t0 - (t0 % ADDRESS_WINDOW_MS);

  it('allows max hits in a minute, then says when the minute ends', () => {
    expect(decideAddress(5, 0, start, 5, start + 1000)).toEqual({ allowed: true });
    expect(decideAddress(6, 0, start, 5, start + 1000)).toEqual({
      allowed: false,
      code: 'LOGIN_RATE_LIMITED',
      retryAfterSeconds: 59,
    });
  });

  it('weighs the previous minute by the part of it still within the last 60 s', () => {
    // 5 just before the turn of the minute, the 6th just after: refused.
    expect(decideAddress(1, 5, start, 5, start + 1000)).toMatchObject({
      allowed: false,
      retryAfterSeconds: 11,
    });
    // 12 s into the minute (the retry time above), a fifth of the previous minute's hits have left it.
    expect(decideAddress(1, 5, start, 5, start + 12_000)).toEqual({ allowed: true });
    expect(decideAddress(1, 10, start, 5, start + ADDRESS_WINDOW_MS - 1)).toEqual({
      allowed: true,
    });
  });
});

/** The store on a real SQLite database with the real migrations. */
describe(LoginThrottle.name, () => {
  let dataSource: DataSource;
  let uow: UnitOfWork;
  let throttle: LoginThrottle;
  const count = async (table: string) =>
    Number(
      ((await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as Array<{ n: number }>)[0].n,
    );

  beforeAll(async () => {
    dataSource = new DataSource(appDataSourceOptions({ type: 'sqlite', path: ':memory:' }));
    await dataSource.initialize();
    await dataSource.runMigrations();
    const { audit, keyring } = auditFixture(dataSource);
    uow = new UnitOfWork(dataSource, audit);
    throttle = new LoginThrottle(uow, keyring);
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  it('lets exactly 10 of 30 concurrent attempts of one pair through', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => throttle.attempt('a@x.it', '10.0.0.1', t0)),
    );
    expect(answers.filter((a) => a.allowed)).toHaveLength(PAIR_MAX_FAILURES);
    expect(answers.filter((a) => !a.allowed && a.code === 'ACCOUNT_LOCKED')).toHaveLength(20);
    // Another address for the same account is not locked.
    expect(await throttle.attempt('a@x.it', '10.0.0.2', t0)).toEqual({ allowed: true });
    // The lock ends when the window frees.
    expect(await throttle.attempt('a@x.it', '10.0.0.1', t0 + WINDOW_MS)).toEqual({
      allowed: true,
    });
  });

  it('a success clears the pair only', async () => {
    for (let i = 0; i < PAIR_MAX_FAILURES; i++) {
      await throttle.attempt('b@x.it', '10.0.0.1', t0 + i);
      await throttle.attempt('b@x.it', '10.0.0.3', t0 + i);
    }
    await uow.run((tx) => throttle.succeeded(tx, 'b@x.it', '10.0.0.1'));
    expect(await throttle.attempt('b@x.it', '10.0.0.1', t0 + 100)).toEqual({ allowed: true });
    expect(await throttle.attempt('b@x.it', '10.0.0.3', t0 + 100)).toMatchObject({
      allowed: false,
      code: 'ACCOUNT_LOCKED',
    });
  });

  it('beyond 20 failures from several addresses, one attempt per 30 s for anyone', async () => {
    for (let i = 0; i < ACCOUNT_BACKOFF_AFTER; i++) {
      const answer = await throttle.attempt('c@x.it', `10.0.1.${i % 4}`, t0 + i);
      expect(answer.allowed).toBe(true);
    }
    const now = t0 + ACCOUNT_BACKOFF_AFTER;
    expect(await throttle.attempt('c@x.it', '10.0.2.1', now)).toEqual({
      allowed: false,
      code: 'ACCOUNT_BACKOFF',
      retryAfterSeconds: 30,
    });
    const slot = t0 + ACCOUNT_BACKOFF_AFTER - 1 + ACCOUNT_BACKOFF_MS;
    expect(await throttle.attempt('c@x.it', '10.0.2.1', slot)).toEqual({ allowed: true });
    expect(await throttle.attempt('c@x.it', '10.0.2.1', slot + 1)).toMatchObject({
      allowed: false,
      code: 'ACCOUNT_BACKOFF',
    });
  });

  it('counts attempts per address in one-minute windows', async () => {
    const start = t0 - (t0 % ADDRESS_WINDOW_MS);
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await throttle.hitAddress('10.0.3.1', 3, start + i));
    expect(hits.map((h) => h.allowed)).toEqual([true, true, true, false]);
    expect(await throttle.hitAddress('10.0.3.2', 3, start)).toEqual({ allowed: true });
    // The next minute still weighs the 4 of this one, then forgets them.
    expect(await throttle.hitAddress('10.0.3.1', 3, start + ADDRESS_WINDOW_MS)).toMatchObject({
      allowed: false,
    });
    expect(await throttle.hitAddress('10.0.3.1', 3, start + 3 * ADDRESS_WINDOW_MS)).toEqual({
      allowed: true,
    });
  });

  it('sweeps what the window no longer needs, in batches', async () => {
    const old = t0 - minutes(60);
    const many = SWEEP_BATCH * 2 + 7;
    await dataSource.query(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${many})
       INSERT INTO login_failures (account_key, address, at) SELECT 'k' || i, '10.9.9.9', ${old} FROM n`,
    );
    await throttle.attempt('old@x.it', '10.0.4.1', old);
    await throttle.hitAddress('10.0.4.1', 10, old);
    const keptFailures = await count('login_failures');
    const deleted = await throttle.sweep(t0 + 1000);
    expect(deleted).toBe(many + 3);
    expect(await count('login_failures')).toBe(keptFailures - many - 1);
    // What is still inside the window stays: the lock above still holds.
    expect(await throttle.attempt('b@x.it', '10.0.0.3', t0 + 1000)).toMatchObject({
      allowed: false,
    });
    const [{ n }] = (await dataSource.query(
      `SELECT COUNT(*) AS n FROM login_accounts WHERE seen_at <= ${t0 - WINDOW_MS}`,
    )) as Array<{ n: number }>;
    expect(n).toBe(0);
  });
});
