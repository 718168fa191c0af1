import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { Admission } from './admission';
import { RESULT_TTL_MS, ResultCache } from './result-cache';
import type { UnitOfWork } from './unit-of-work';

describe(ResultCache.name, () => {
  let dir: string;
  let file: string;
  let dataSource: DataSource;
  let uow: { commits: number };
  let cache: ResultCache;
  let admission: Admission;
  let computed: number;
  const compute = () => {
    computed += 1;
    return Promise.resolve(computed);
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'result-cache-'));
    file = join(dir, 'db.sqlite');
    dataSource = new DataSource({ type: 'better-sqlite3', database: file });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE t (x integer)');
    uow = { commits: 0 };
    // One computation at a time, one more waiting.
    admission = new Admission({ expensiveConcurrency: 1, expensiveQueue: 1 } as AppConfig);
    cache = new ResultCache(dataSource, uow as UnitOfWork, admission);
    computed = 0;
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('computes once while nothing changes, per key', async () => {
    expect(await cache.get('a', compute)).toBe(1);
    expect(await cache.get('a', compute)).toBe(1);
    expect(await cache.get('b', compute)).toBe(2);
    expect(computed).toBe(2);
  });

  it('lets concurrent identical requests share one computation', async () => {
    let release!: (v: string) => void;
    const slow = jest.fn(() => new Promise<string>((r) => (release = r)));
    const waiting = Promise.all([cache.get('k', slow), cache.get('k', slow)]);
    await new Promise((r) => setImmediate(r));
    release('done');
    expect(await waiting).toEqual(['done', 'done']);
    expect(slow).toHaveBeenCalledTimes(1);
  });

  it('computes again after a transaction of this process', async () => {
    await cache.get('a', compute);
    uow.commits += 1;
    expect(await cache.get('a', compute)).toBe(2);
  });

  it('computes again after a write by another connection to the same database', async () => {
    await cache.get('a', compute);
    const other = new Database(file);
    other.prepare('INSERT INTO t (x) VALUES (1)').run();
    other.close();
    expect(await cache.get('a', compute)).toBe(2);
    expect(await cache.get('a', compute)).toBe(2);
  });

  it('keeps a result for at most the time to live', async () => {
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    await cache.get('a', compute);
    clock.mockReturnValue(now + RESULT_TTL_MS - 1);
    expect(await cache.get('a', compute)).toBe(1);
    clock.mockReturnValue(now + RESULT_TTL_MS);
    expect(await cache.get('a', compute)).toBe(2);
  });

  it('does not remember a failure', async () => {
    await expect(cache.get('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('a', compute)).toBe(1);
  });

  it('admits computations as expensive work; a remembered answer needs no slot', async () => {
    const releases: Array<() => void> = [];
    const slow = (n: number) => () =>
      new Promise<number>((resolve) => releases.push(() => resolve(n)));
    expect(await cache.get('cached', compute)).toBe(1);
    const first = cache.get('a', slow(10));
    const queued = cache.get('b', slow(20));
    const sharing = cache.get('a', slow(30));
    await new Promise((r) => setImmediate(r));
    // One computing, one queued: a third computation is refused with 503 BUSY, Retry-After.
    await expect(cache.get('c', compute)).rejects.toMatchObject({
      response: { statusCode: 503, code: 'BUSY', retryAfterSeconds: 2 },
    });
    // What is remembered is answered meanwhile, with no slot.
    expect(await cache.get('cached', compute)).toBe(1);
    expect(releases).toHaveLength(1); // only the admitted computation started
    releases[0]();
    expect(await first).toBe(10);
    expect(await sharing).toBe(10); // the identical request shared the computation
    await new Promise((r) => setImmediate(r));
    expect(releases).toHaveLength(2); // the queued one got the slot
    releases[1]();
    expect(await queued).toBe(20);
    // Every slot given back: a new computation is admitted at once.
    expect(await cache.get('c', compute)).toBe(2);
  });

  it('gives the slot back when a computation fails', async () => {
    for (let i = 0; i < 3; i++)
      await expect(cache.get(`f${i}`, () => Promise.reject(new Error('boom')))).rejects.toThrow();
    expect(await cache.get('a', compute)).toBe(1);
  });

  it('on PostgreSQL, computes again once the write-ahead log has moved', async () => {
    let lsn = '0/1A2B';
    const query = jest.fn((sql: string) => {
      expect(sql).toContain('pg_current_wal_lsn()');
      return Promise.resolve([{ v: lsn }]);
    });
    const pg = new ResultCache(
      { options: { type: 'postgres' }, query } as unknown as DataSource,
      uow as UnitOfWork,
      admission,
    );
    expect(await pg.get('a', compute)).toBe(1);
    expect(await pg.get('a', compute)).toBe(1);
    lsn = '0/1A2C';
    expect(await pg.get('a', compute)).toBe(2);
  });
});
