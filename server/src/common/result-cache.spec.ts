import type { AppConfig } from '../config/config';
import { Admission } from './admission';
import { RESULT_TTL_MS, ResultCache } from './result-cache';
import type { UnitOfWork } from './unit-of-work';

/** The cache with a stand-in for the records' stamp (UnitOfWork.recordStamp, tested there). */
describe(ResultCache.name, () => {
  let stamp: string;
  let cache: ResultCache;
  let admission: Admission;
  let computed: number;
  const compute = () => {
    computed += 1;
    return Promise.resolve(computed);
  };

  beforeEach(() => {
    stamp = '7:0';
    const uow = { recordStamp: () => Promise.resolve(stamp) };
    // One computation at a time, one more waiting.
    admission = new Admission({ expensiveConcurrency: 1, expensiveQueue: 1 } as AppConfig);
    cache = new ResultCache(uow as unknown as UnitOfWork, admission);
    computed = 0;
  });

  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
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

  it('computes again once the records have changed, and keeps that answer', async () => {
    await cache.get('a', compute);
    stamp = '8:0';
    expect(await cache.get('a', compute)).toBe(2);
    expect(await cache.get('a', compute)).toBe(2);
  });

  it('computes again on another day, the records unchanged', async () => {
    const now = new Date('2026-12-07T22:59:30Z').getTime(); // 23:59:30 in Italy
    jest.useFakeTimers({ now, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    await cache.get('a', compute);
    jest.setSystemTime(now + 20_000); // 23:59:50
    expect(await cache.get('a', compute)).toBe(1);
    jest.setSystemTime(now + 40_000); // 00:00:10 the next day, within the time to live
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
});
