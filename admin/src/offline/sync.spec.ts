import 'fake-indexeddb/auto';
import { OfflineStore, type OutboxEntry } from './store';
import { entryRequest, sendEntry, syncOutbox } from './sync';

let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

function entry(patch: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    idempotencyKey: uuid(),
    userId: 21,
    kind: 'note',
    pactId: 7,
    body: { pactId: 7, kind: 'CALL', body: `nota ${n}` },
    createdAt: '2026-12-06T10:42:00.000Z',
    state: 'pending',
    ...patch,
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

/** A fetch answering each call in turn; `'network'` rejects as fetch does without network. */
function answers(...list: Array<Response | 'network'>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = jest.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = list.shift();
    if (!next || next === 'network') throw new TypeError('Failed to fetch');
    return next;
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

describe(OfflineStore.name, () => {
  it("keeps the outbox in order across a reopening, another user's snapshot counts as none", async () => {
    const store = new OfflineStore('store-test');
    const a = await store.add(entry());
    const b = await store.add(entry({ kind: 'achievement', milestoneId: 5, userId: 22 }));
    const c = await store.add(entry());
    await store.saveSnapshot({
      userId: 21,
      syncedAt: '2026-12-06T10:42:00.000Z',
      records: {} as never,
    });
    // The page reloaded: another store on the same database.
    const again = new OfflineStore('store-test');
    expect((await again.entries()).map((e) => e.idempotencyKey)).toEqual([
      a.idempotencyKey,
      b.idempotencyKey,
      c.idempotencyKey,
    ]);
    expect((await again.entries(21)).map((e) => e.idempotencyKey)).toEqual([
      a.idempotencyKey,
      c.idempotencyKey,
    ]);
    expect(await again.snapshot(21)).toMatchObject({ userId: 21 });
    expect(await again.snapshot(22)).toBeUndefined();
    await again.removeAll(21);
    expect((await again.entries()).map((e) => e.idempotencyKey)).toEqual([b.idempotencyKey]);
    await again.clearSnapshot();
    expect(await again.snapshot(21)).toBeUndefined();
  });

  it('tells its listeners of every change', async () => {
    const store = new OfflineStore('listen-test');
    const heard = jest.fn();
    const stop = store.subscribe(heard);
    const e = await store.add(entry());
    await store.markConflict(e.idempotencyKey, 'VERSION_CONFLICT');
    await store.remove(e.idempotencyKey);
    stop();
    await store.add(entry());
    expect(heard).toHaveBeenCalledTimes(3);
  });
});

describe(sendEntry.name, () => {
  it('sends a note as POST /api/notes and an achievement as PUT /api/milestones/:id, with the key and the token', async () => {
    const { fetch, calls } = answers(json(201, { id: 1 }), json(200, { id: 5 }));
    const note = entry();
    const achievement = entry({
      kind: 'achievement',
      milestoneId: 5,
      body: { id: 5, version: 3, status: 'ACHIEVED', achievedAt: '2026-12-06' },
    });
    await expect(sendEntry(note, 'tok', { fetch })).resolves.toEqual({
      kind: 'sent',
      body: { id: 1 },
    });
    await sendEntry(achievement, 'tok', { fetch });
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'POST /api/notes',
      'PUT /api/milestones/5',
    ]);
    const headers = new Headers(calls[1].init.headers);
    expect(headers.get('Idempotency-Key')).toBe(achievement.idempotencyKey);
    expect(headers.get('Authorization')).toBe('Bearer tok');
    expect(JSON.parse(String(calls[1].init.body))).toEqual(achievement.body);
    expect(entryRequest(achievement, '/v2')).toEqual({
      method: 'PUT',
      url: '/v2/milestones/5',
    });
  });

  it.each([
    [409, 'VERSION_CONFLICT', 'refused'],
    [422, 'IDEMPOTENCY_KEY_REUSED', 'refused'],
    [403, 'FORBIDDEN', 'refused'],
    [404, 'NOT_FOUND', 'refused'],
    [400, 'VALIDATION', 'refused'],
    [409, 'IDEMPOTENCY_IN_PROGRESS', 'later'],
    [429, 'TOO_MANY_REQUESTS', 'later'],
    [500, 'INTERNAL', 'later'],
    [503, undefined, 'later'],
    [401, 'UNAUTHORIZED', 'unauthorized'],
  ])('a %d %s is %s', async (status, code, kind) => {
    const { fetch } = answers(json(status, code ? { code } : {}));
    await expect(sendEntry(entry(), 'tok', { fetch })).resolves.toMatchObject({ kind });
  });

  it('no answer is a network failure', async () => {
    const { fetch } = answers('network');
    await expect(sendEntry(entry(), 'tok', { fetch })).resolves.toEqual({ kind: 'network' });
  });
});

describe(syncOutbox.name, () => {
  it("sends the person's pending entries in order; sent ones leave, refused ones become conflicts", async () => {
    const store = new OfflineStore('sync-order');
    const first = await store.add(entry());
    const others = await store.add(entry({ userId: 22 }));
    const refused = await store.add(entry({ kind: 'achievement', milestoneId: 5 }));
    const replayed = await store.add(entry());
    const old = await store.add(entry());
    await store.markConflict(old.idempotencyKey, 'VERSION_CONFLICT');
    const { fetch, calls } = answers(
      json(201, { id: 1 }),
      json(409, { code: 'VERSION_CONFLICT', params: {} }),
      json(201, { id: 1 }),
    );
    await expect(syncOutbox(store, 21, 'tok', { fetch })).resolves.toEqual({
      sent: 2,
      conflicts: 1,
      pending: 0,
      sessionExpired: false,
    });
    expect(calls.map((c) => new Headers(c.init.headers).get('Idempotency-Key'))).toEqual([
      first.idempotencyKey,
      refused.idempotencyKey,
      replayed.idempotencyKey,
    ]);
    const left = await store.entries();
    expect(left.map((e) => [e.idempotencyKey, e.state, e.code])).toEqual([
      [others.idempotencyKey, 'pending', undefined],
      [refused.idempotencyKey, 'conflict', 'VERSION_CONFLICT'],
      [old.idempotencyKey, 'conflict', 'VERSION_CONFLICT'],
    ]);
  });

  it('stops at no network, keeping that entry and the later ones pending, in order', async () => {
    const store = new OfflineStore('sync-network');
    await store.add(entry());
    const second = await store.add(entry());
    const third = await store.add(entry());
    const { fetch, calls } = answers(json(201, {}), 'network');
    await expect(syncOutbox(store, 21, 'tok', { fetch })).resolves.toEqual({
      sent: 1,
      conflicts: 0,
      pending: 2,
      sessionExpired: false,
    });
    expect(calls).toHaveLength(2);
    expect((await store.entries()).map((e) => [e.idempotencyKey, e.state])).toEqual([
      [second.idempotencyKey, 'pending'],
      [third.idempotencyKey, 'pending'],
    ]);
    // The network back: the same keys again, so a lost answer never makes a second note.
    const retry = answers(json(201, {}), json(201, {}));
    await syncOutbox(store, 21, 'tok', { fetch: retry.fetch });
    expect(retry.calls.map((c) => new Headers(c.init.headers).get('Idempotency-Key'))).toEqual([
      second.idempotencyKey,
      third.idempotencyKey,
    ]);
    expect(await store.entries()).toEqual([]);
  });

  it('an expired session keeps everything pending and says so', async () => {
    const store = new OfflineStore('sync-401');
    await store.add(entry());
    await store.add(entry());
    const { fetch, calls } = answers(json(401, { code: 'UNAUTHORIZED' }));
    await expect(syncOutbox(store, 21, 'old-token', { fetch })).resolves.toEqual({
      sent: 0,
      conflicts: 0,
      pending: 2,
      sessionExpired: true,
    });
    expect(calls).toHaveLength(1);
    expect((await store.entries()).every((e) => e.state === 'pending')).toBe(true);
  });
});
