import type { NotificationRecord } from '@generattivi/shared';
import { createUser, listQuery } from '../support/demo';
import { beneficiaryBody, createBeneficiary, type Json } from '../support/fixtures';
import { pactBody, pactSetup, ROLE_ACCOUNTS, transition } from '../support/pacts';
import { startServer, type TestServer } from '../support/server';

type Pact = Json & { id: number; reference: string; version: number };

const PASSWORD = 'Zefiro-Lampone-42-Orizzonte';

describe('notifications', () => {
  let server: TestServer;
  let tokens: Record<keyof typeof ROLE_ACCOUNTS, string>;
  let territories: Record<string, number>;
  let users: Record<'makerCrema' | 'swCrema', number>;
  let newMaker: { id: number; token: string };

  beforeAll(async () => {
    server = await startServer();
    ({ tokens, territories, users } = await pactSetup(server, ROLE_ACCOUNTS, {
      makerCrema: ROLE_ACCOUNTS.makerCrema,
      swCrema: ROLE_ACCOUNTS.swCrema,
    }));
    const maker = await createUser(server, tokens.admin, {
      role: 'COMMUNITY_MAKER',
      territoryIds: [territories.CREMA],
      password: PASSWORD,
    });
    newMaker = { id: maker.id, token: await server.login(maker.email, PASSWORD) };
  });
  afterAll(async () => {
    await server?.stop();
  });

  const list = async (token: string, filter: Json = {}) => {
    const res = await server.request<NotificationRecord[]>(
      'GET',
      `/api/notifications${listQuery(filter, ['id', 'DESC'], [0, 99])}`,
      { token },
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  const unread = async (token: string) => {
    const res = await server.request<{ count: number }>('GET', '/api/notifications/unread-count', {
      token,
    });
    expect(res.status).toBe(200);
    return res.body.count;
  };
  const everyone = () => Object.values(tokens).concat(newMaker.token);
  const counts = () => Promise.all(everyone().map(unread));

  async function createPact(token: string, makerId: number, extra: Json = {}): Promise<Pact> {
    const person = await createBeneficiary(server, token, beneficiaryBody(territories.CREMA));
    const res = await server.request<Pact>('POST', '/api/pacts', {
      token,
      body: pactBody(territories.CREMA, makerId, { beneficiaryId: person.id }, extra),
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('tells the maker a pact is assigned to them, and nobody else; a former maker no longer reads the pact in it', async () => {
    const before = await counts();
    const pact = await createPact(tokens.swCrema, users.makerCrema);
    const afterCreate = await counts();
    // Created with a maker: only that maker hears of it (the social worker acted).
    expect(afterCreate.map((n, i) => n - before[i])).toEqual(
      everyone().map((t) => (t === tokens.makerCrema ? 1 : 0)),
    );
    const [assigned] = await list(tokens.makerCrema, { pactId: pact.id });
    expect(assigned).toEqual({
      id: expect.any(Number),
      kind: 'PACT_ASSIGNED',
      pactId: pact.id,
      reference: pact.reference,
      createdAt: expect.any(String),
      readAt: null,
    });

    const res = await server.request('POST', `/api/pacts/${pact.id}/assign`, {
      token: tokens.swCrema,
      body: { communityMakerId: newMaker.id, reason: 'Più vicino a casa' },
    });
    expect(res.status).toBe(200);
    const afterAssign = await counts();
    expect(afterAssign.map((n, i) => n - afterCreate[i])).toEqual(
      everyone().map((t) => (t === newMaker.token ? 1 : 0)),
    );
    expect(await list(newMaker.token)).toEqual([
      expect.objectContaining({
        kind: 'PACT_ASSIGNED',
        pactId: pact.id,
        reference: pact.reference,
      }),
    ]);
    // The former maker keeps the notification, without the pact they no longer follow.
    expect(await list(tokens.makerCrema, { id: assigned.id })).toEqual([
      { ...assigned, pactId: null, reference: null },
    ]);
    const read = await server.request<NotificationRecord>(
      'POST',
      `/api/notifications/${assigned.id}/read`,
      { token: tokens.makerCrema },
    );
    expect([read.status, read.body.pactId, read.body.reference]).toEqual([200, null, null]);
  });

  it('tells the social worker and the maker of a pact that it went back to draft', async () => {
    const pact = await createPact(tokens.swCrema, newMaker.id);
    expect((await transition(server, newMaker.token, pact.id, { to: 'SUBMITTED' })).status).toBe(
      200,
    );
    const before = await counts();
    const back = await transition(server, tokens.admin, pact.id, {
      to: 'DRAFT',
      reason: 'Mancano gli impegni della comunità',
    });
    expect(back.status).toBe(200);
    const after = await counts();
    expect(after.map((n, i) => n - before[i])).toEqual(
      everyone().map((t) => (t === tokens.swCrema || t === newMaker.token ? 1 : 0)),
    );
    for (const token of [tokens.swCrema, newMaker.token])
      expect((await list(token, { pactId: pact.id, kind: 'PACT_SENT_BACK' }))[0]).toMatchObject({
        pactId: pact.id,
        reference: pact.reference,
        readAt: null,
      });

    // A social worker sends back a pact the maker submitted: the maker hears, not the sender.
    expect((await transition(server, newMaker.token, pact.id, { to: 'SUBMITTED' })).status).toBe(
      200,
    );
    const before2 = await counts();
    expect(
      (await transition(server, tokens.swCrema, pact.id, { to: 'DRAFT', reason: 'Da rivedere' }))
        .status,
    ).toBe(200);
    expect((await counts()).map((n, i) => n - before2[i])).toEqual(
      everyone().map((t) => (t === newMaker.token ? 1 : 0)),
    );
  });

  it('with no social worker named on the pact, tells the social workers of its territory', async () => {
    const pact = await createPact(tokens.admin, newMaker.id);
    expect(pact.socialWorkerId).toBeNull();
    expect((await transition(server, newMaker.token, pact.id, { to: 'SUBMITTED' })).status).toBe(
      200,
    );
    const before = await counts();
    expect(
      (await transition(server, tokens.admin, pact.id, { to: 'DRAFT', reason: 'Da rivedere' }))
        .status,
    ).toBe(200);
    // sociale.crema works in CREMA; sociale.cremona does not.
    expect((await counts()).map((n, i) => n - before[i])).toEqual(
      everyone().map((t) => (t === tokens.swCrema || t === newMaker.token ? 1 : 0)),
    );
  });

  it('marks one read, then all; another person’s is not found', async () => {
    const mine = await list(newMaker.token);
    expect(mine.length).toBeGreaterThanOrEqual(4);
    // Newest first.
    expect(mine.map((n) => n.id)).toEqual([...mine.map((n) => n.id)].sort((a, b) => b - a));
    const count = await unread(newMaker.token);
    expect(count).toBe(mine.filter((n) => n.readAt === null).length);

    const target = mine[1];
    const stranger = await server.request<{ code: string }>(
      'POST',
      `/api/notifications/${target.id}/read`,
      { token: tokens.swCremona },
    );
    expect([stranger.status, stranger.body.code]).toEqual([404, 'NOT_FOUND']);
    expect(await unread(newMaker.token)).toBe(count);

    const read = await server.request<NotificationRecord>(
      'POST',
      `/api/notifications/${target.id}/read`,
      { token: newMaker.token },
    );
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ ...target, readAt: expect.any(String) });
    expect(await unread(newMaker.token)).toBe(count - 1);
    // Again: unchanged.
    const again = await server.request<NotificationRecord>(
      'POST',
      `/api/notifications/${target.id}/read`,
      { token: newMaker.token },
    );
    expect(again.body.readAt).toBe(read.body.readAt);
    expect(
      (await server.request('POST', '/api/notifications/999999999/read', { token: newMaker.token }))
        .status,
    ).toBe(404);

    const swBefore = await unread(tokens.swCrema);
    expect(swBefore).toBeGreaterThan(0);
    const all = await server.request<{ count: number }>('POST', '/api/notifications/read-all', {
      token: newMaker.token,
    });
    expect([all.status, all.body]).toEqual([200, { count: count - 1 }]);
    expect(await unread(newMaker.token)).toBe(0);
    expect((await list(newMaker.token)).every((n) => n.readAt !== null)).toBe(true);
    // Only the caller's own.
    expect(await unread(tokens.swCrema)).toBe(swBefore);
  });

  it('a draft deleted takes its notifications with it', async () => {
    const pact = await createPact(tokens.swCrema, newMaker.id);
    expect(await list(newMaker.token, { pactId: pact.id })).toHaveLength(1);
    const res = await server.request('DELETE', `/api/pacts/${pact.id}`, { token: tokens.swCrema });
    expect(res.status).toBe(200);
    expect(await list(newMaker.token, { pactId: pact.id })).toEqual([]);
  });

  it('lists only the caller’s own, filtered by kind; a bad filter is a 400', async () => {
    const kinds = await list(tokens.swCrema, { kind: 'PACT_SENT_BACK' });
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((n) => n.kind === 'PACT_SENT_BACK')).toBe(true);
    const bad = await server.request<{ code: string }>(
      'GET',
      `/api/notifications${listQuery({ kind: 'NOPE' })}`,
      { token: tokens.swCrema },
    );
    expect(bad.status).toBe(400);
    const other = await list(tokens.swCremona);
    const own = new Set((await list(tokens.swCrema)).map((n) => n.id));
    expect(other.some((n) => own.has(n.id))).toBe(false);
  });
});
