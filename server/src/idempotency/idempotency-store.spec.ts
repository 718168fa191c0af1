import { HttpException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { auditFixture } from '../audit/audit.fixture';
import { UnitOfWork } from '../common/unit-of-work';
import { appDataSourceOptions } from '../data-source';
import { KEY_LIFETIME_MS, RESERVATION_MS } from './idempotency';
import { IdempotencyStore, Reservation, SWEEP_BATCH } from './idempotency-store';

const t0 = Date.parse('2026-11-25T10:00:00.000Z');
const KEY = '0f8fad5b-d9cb-469f-a165-70867728950e';
const FP = 'a'.repeat(64);

/** The status and code a promise was refused with. */
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (e: unknown) =>
      e instanceof HttpException
        ? [e.getStatus(), (e.getResponse() as { code: string }).code]
        : String(e),
  );

/** The store on a real SQLite database with the real migrations. */
describe(IdempotencyStore.name, () => {
  let dataSource: DataSource;
  let store: IdempotencyStore;
  const count = async () =>
    Number(
      (
        (await dataSource.query('SELECT COUNT(*) AS n FROM idempotency_keys')) as Array<{
          n: number;
        }>
      )[0].n,
    );

  beforeAll(async () => {
    dataSource = new DataSource(appDataSourceOptions({ type: 'sqlite', path: ':memory:' }));
    await dataSource.initialize();
    await dataSource.runMigrations();
    store = new IdempotencyStore(new UnitOfWork(dataSource, auditFixture(dataSource).audit));
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  it('reserves a key once: of 20 at once one gets it, the others are told it is in progress', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => refusal(store.reserve(1, KEY, FP, t0))),
    );
    expect(answers.filter((a) => a === 'accepted')).toHaveLength(1);
    expect(answers.filter((a) => a !== 'accepted')).toEqual(
      Array(19).fill([409, 'IDEMPOTENCY_IN_PROGRESS']),
    );
  });

  it('gives the stored answer again to the same request, 422 to another, until 24 hours have passed', async () => {
    const key = '11111111-1111-4111-8111-111111111111';
    const held = (await store.reserve(1, key, FP, t0)) as Reservation;
    expect(held.kind).toBe('reserved');
    await store.complete(held, 201, { id: 7, text: 'è così' });
    expect(await store.reserve(1, key, FP, t0 + KEY_LIFETIME_MS - 1)).toEqual({
      kind: 'replay',
      status: 201,
      body: { id: 7, text: 'è così' },
    });
    expect(await refusal(store.reserve(1, key, 'b'.repeat(64), t0 + 1))).toEqual([
      422,
      'IDEMPOTENCY_KEY_REUSED',
    ]);
    // Another user's key of the same text is another key.
    expect((await store.reserve(2, key, 'b'.repeat(64), t0 + 1)).kind).toBe('reserved');
    // At 24 hours the answer is forgotten: the key is reserved again, for any request.
    expect((await store.reserve(1, key, 'c'.repeat(64), t0 + KEY_LIFETIME_MS)).kind).toBe(
      'reserved',
    );
  });

  it('stores no body as no body', async () => {
    const key = '22222222-2222-4222-8222-222222222222';
    await store.complete((await store.reserve(1, key, FP, t0)) as Reservation, 204, undefined);
    expect(await store.reserve(1, key, FP, t0 + 1)).toEqual({
      kind: 'replay',
      status: 204,
      body: undefined,
    });
  });

  it('a released key is free at once; a reservation lapses after its lease, and its late answer is dropped', async () => {
    const key = '33333333-3333-4333-8333-333333333333';
    await store.release((await store.reserve(1, key, FP, t0)) as Reservation);
    const first = (await store.reserve(1, key, FP, t0)) as Reservation;
    expect(first.kind).toBe('reserved');
    expect(await refusal(store.reserve(1, key, FP, t0 + RESERVATION_MS - 1))).toEqual([
      409,
      'IDEMPOTENCY_IN_PROGRESS',
    ]);
    const second = (await store.reserve(1, key, FP, t0 + RESERVATION_MS)) as Reservation;
    expect(second.kind).toBe('reserved');
    // The first request, long dead, answers late: neither its answer nor its release counts.
    await store.complete(first, 201, { from: 'first' });
    await store.release(first);
    await store.complete(second, 201, { from: 'second' });
    expect(await store.reserve(1, key, FP, t0 + RESERVATION_MS + 1)).toMatchObject({
      kind: 'replay',
      body: { from: 'second' },
    });
  });

  it('sweeps expired keys in batches and keeps the others', async () => {
    const kept = await count();
    const many = SWEEP_BATCH * 2 + 7;
    await dataSource.query(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${many})
       INSERT INTO idempotency_keys (user_id, "key", fingerprint, lease, status, response_body, created_at, expires_at)
       SELECT 9, 'k' || i, '${FP}', 'l', 201, '{}', ${t0 - KEY_LIFETIME_MS}, ${t0} FROM n`,
    );
    expect(await store.sweep(t0)).toBe(many);
    expect(await count()).toBe(kept);
    const plan = (await dataSource.query(
      `EXPLAIN QUERY PLAN SELECT id FROM idempotency_keys WHERE expires_at <= ${t0} LIMIT ${SWEEP_BATCH}`,
    )) as Array<{ detail: string }>;
    expect(plan.map((r) => r.detail).join(' ')).toMatch(/USING (COVERING )?INDEX/);
  });
});
