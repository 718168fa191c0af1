import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { RESULT_TTL_MS, ResultCache } from './result-cache';
import type { UnitOfWork } from './unit-of-work';

describe(ResultCache.name, () => {
  let dir: string;
  let file: string;
  let dataSource: DataSource;
  let uow: { commits: number };
  let cache: ResultCache;
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
    cache = new ResultCache(dataSource, uow as UnitOfWork);
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

  it('on PostgreSQL, computes again once the write-ahead log has moved', async () => {
    let lsn = '0/1A2B';
    const query = jest.fn((sql: string) => {
      expect(sql).toContain('pg_current_wal_lsn()');
      return Promise.resolve([{ v: lsn }]);
    });
    const pg = new ResultCache(
      { options: { type: 'postgres' }, query } as unknown as DataSource,
      uow as UnitOfWork,
    );
    expect(await pg.get('a', compute)).toBe(1);
    expect(await pg.get('a', compute)).toBe(1);
    lsn = '0/1A2C';
    expect(await pg.get('a', compute)).toBe(2);
  });
});
