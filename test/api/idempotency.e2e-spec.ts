import { randomUUID } from 'node:crypto';
import { openDatabase, type DirectDb } from '../support/db';
import { beneficiaryBody, createBeneficiary, Json } from '../support/fixtures';
import { pactBody, pactSetup } from '../support/pacts';
import { ApiResponse, failOnUnexpectedErrors, startServer, TestServer } from '../support/server';

type Note = Json & { id: number; pactId: number; body: string };
type Pact = Json & { id: number; version: number; status: string };
type Milestone = Json & { id: number; version: number; status: string };
type ErrorAnswer = Json & { code: string; params: Record<string, unknown> };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `Idempotency-Key` (API.md "Further endpoints") on every POST and PUT of a signed-in user, with TWO
 * server instances on one database (one SQLite file shared by two processes, or one
 * PostgreSQL database): the keys are the database's, not a process's.
 */
describe('Idempotency-Key', () => {
  const N = 24;
  let a: TestServer;
  let b: TestServer;
  let db: DirectDb;
  let sw: string;
  let admin: string;
  let crema: number;
  let maker: number;
  let pactId: number;

  const post = <T = Json>(
    server: TestServer,
    path: string,
    body: unknown,
    key?: string,
    token = sw,
  ): Promise<ApiResponse<T>> =>
    server.request<T>('POST', path, {
      token,
      body,
      headers: key === undefined ? {} : { 'Idempotency-Key': key },
    });

  const noteBody = (text: string) => ({ pactId, kind: 'CALL', body: text });

  async function notesWith(text: string): Promise<number> {
    const rows = await db.query<{ n: number | string }>(
      'SELECT COUNT(*) AS n FROM notes WHERE body = $1',
      [text],
    );
    return Number(rows[0].n);
  }

  async function newPact(): Promise<Pact> {
    const beneficiaryId = (
      await createBeneficiary(a, sw, beneficiaryBody(crema, { municipality: 'Crema' }))
    ).id;
    const res = await a.request<Pact>('POST', '/api/pacts', {
      token: sw,
      body: pactBody(crema, maker, { beneficiaryId }),
    });
    if (res.status !== 201) throw new Error(`create pact → ${res.status} ${res.text}`);
    return res.body;
  }

  beforeAll(async () => {
    a = await startServer();
    b = await startServer({ databaseUrl: a.databaseUrl, demoData: false });
    const setup = await pactSetup(
      a,
      { sw: 'sociale.crema@demo.generattivi.it', admin: 'admin@demo.generattivi.it' },
      { maker: 'maker.crema@demo.generattivi.it' },
    );
    ({ sw, admin } = setup.tokens);
    crema = setup.territories.CREMA;
    maker = setup.users.maker;
    pactId = (await newPact()).id;
    db = await openDatabase(a);
  });
  afterAll(async () => {
    await db?.close();
    await b?.stop();
    await a?.stop();
  });

  // A 500 leaves its trace in the log of the instance that answered it: none in any test.
  failOnUnexpectedErrors(() => [a, b]);

  it('the same key twice creates one note and answers the first answer again, marked as replayed', async () => {
    const key = randomUUID();
    const first = await post<Note>(a, '/api/notes', noteBody('Telefonata unica'), key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // On the other instance, and with the keys of the body in another order.
    const again = await post<Note>(
      b,
      '/api/notes',
      { body: 'Telefonata unica', kind: 'CALL', pactId },
      key.toUpperCase(),
    );
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await notesWith('Telefonata unica')).toBe(1);

    // What the database keeps: the request's fingerprint and the answer, for 24 hours.
    const [row] = await db.query<Json>(
      'SELECT "key", fingerprint, status, response_body, created_at, expires_at FROM idempotency_keys WHERE "key" = $1',
      [key],
    );
    expect(row.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(row.status)).toBe(201);
    expect(JSON.parse(String(row.response_body))).toEqual(first.body);
    expect(Number(row.expires_at) - Number(row.created_at)).toBe(DAY_MS);
  });

  it('the same key with another body, or on another route, is a 422 and does nothing', async () => {
    const key = randomUUID();
    expect((await post(a, '/api/notes', noteBody('Prima versione'), key)).status).toBe(201);
    const changed = await post<ErrorAnswer>(b, '/api/notes', noteBody('Seconda versione'), key);
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const elsewhere = await post<ErrorAnswer>(
      a,
      '/api/milestones',
      { pactId, title: 'Tappa', dueDate: '2099-01-01' },
      key,
    );
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await notesWith('Seconda versione')).toBe(0);
    const milestones = await db.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM milestones WHERE pact_id = $1 AND title = 'Tappa'`,
      [pactId],
    );
    expect(Number(milestones[0].n)).toBe(0);
  });

  it("another user's same key is another key", async () => {
    const key = randomUUID();
    const mine = await post<Note>(a, '/api/notes', noteBody('Nota di due persone'), key);
    const theirs = await post<Note>(a, '/api/notes', noteBody('Nota di due persone'), key, admin);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(await notesWith('Nota di due persone')).toBe(2);
  });

  it('a transition sent again with its key gets the first answer, not a 409', async () => {
    const pact = await newPact();
    const key = randomUUID();
    const body = { to: 'SUBMITTED', version: pact.version };
    const first = await post<Pact>(a, `/api/pacts/${pact.id}/transitions`, body, key);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('SUBMITTED');
    const again = await post<Pact>(b, `/api/pacts/${pact.id}/transitions`, body, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    // Without the key the same request is what it always was: a 409.
    const bare = await post<ErrorAnswer>(a, `/api/pacts/${pact.id}/transitions`, body);
    expect(bare.status).toBe(409);
    // Moved once: the pact is still at the version of the first answer.
    const unchanged = await db.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM pacts WHERE id = $1 AND version = $2`,
      [pact.id, first.body.version],
    );
    expect(Number(unchanged[0].n)).toBe(1);
  });

  it('a milestone marked achieved sent again with its key (PUT) gets the first answer, not a 409 stale version', async () => {
    const created = await post<Milestone>(a, '/api/milestones', {
      pactId,
      title: 'Tappa da raggiungere una volta',
      dueDate: '2099-01-01',
    });
    expect(created.status).toBe(201);
    const m = created.body;
    const key = randomUUID();
    const body = { ...m, status: 'ACHIEVED', achievedAt: '2026-11-20', evidence: 'Foto' };
    const put = (server: TestServer, k?: string) =>
      server.request<Milestone & ErrorAnswer>('PUT', `/api/milestones/${m.id}`, {
        token: sw,
        body,
        headers: k === undefined ? {} : { 'Idempotency-Key': k },
      });
    const first = await put(a, key);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('ACHIEVED');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await put(b, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    // Without the key the same body is stale, as always.
    const bare = await put(a);
    expect(bare.status).toBe(409);
    // Changed once: one version step and one audit event of the update.
    const [row] = await db.query<{ version: number | string }>(
      'SELECT version FROM milestones WHERE id = $1',
      [m.id],
    );
    expect(Number(row.version)).toBe(first.body.version);
    expect(first.body.version).toBe(m.version + 1);
    // The same key on another PUT (another body) is a 422 and changes nothing.
    const reused = await a.request<ErrorAnswer>('PUT', `/api/milestones/${m.id}`, {
      token: sw,
      body: { ...first.body, evidence: 'Altra prova' },
      headers: { 'Idempotency-Key': key },
    });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it.each([
    ['not a UUID', 'not-a-uuid'],
    ['a UUID without its dashes', randomUUID().replaceAll('-', '')],
    ['a UUID with a character too many', `${randomUUID()}0`],
    ['blank', ' '],
  ])('a key that is %s is a 400 naming the header, and nothing is done', async (_, key) => {
    const text = `Chiave sbagliata ${key}`;
    const res = await post<ErrorAnswer>(a, '/api/notes', noteBody(text), key);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_INVALID');
    expect(res.body.params).toEqual({ header: 'Idempotency-Key' });
    expect(res.body.message).toMatch(/Idempotency-Key/);
    expect(await notesWith(text)).toBe(0);
  });

  it('a key is outside the rule without a signed-in user (login) and on reads', async () => {
    const login = await a.request<Json>('POST', '/api/auth/login', {
      body: { email: 'admin@demo.generattivi.it', password: 'demo-password' },
      headers: { 'Idempotency-Key': 'not-a-uuid' },
    });
    expect(login.status).toBe(200);
    const read = await a.request('GET', `/api/pacts/${pactId}`, {
      token: sw,
      headers: { 'Idempotency-Key': 'not-a-uuid' },
    });
    expect(read.status).toBe(200);
  });

  it('a refused first request does not hold its key: the corrected one is done, then replayed', async () => {
    const key = randomUUID();
    const refused = await post<ErrorAnswer>(a, '/api/notes', noteBody('   '), key);
    expect(refused.status).toBe(400);
    const missing = await post<ErrorAnswer>(
      b,
      '/api/notes',
      { ...noteBody('Nota corretta'), pactId: 999_999 },
      key,
    );
    expect(missing.status).toBe(400);
    const corrected = await post<Note>(b, '/api/notes', noteBody('Nota corretta'), key);
    expect(corrected.status).toBe(201);
    expect(corrected.headers.get('idempotent-replayed')).toBeNull();
    const again = await post<Note>(a, '/api/notes', noteBody('Nota corretta'), key);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(corrected.body);
    expect(await notesWith('Nota corretta')).toBe(1);
  });

  it(`${N} parallel requests with one key over two instances create one note; the others get its answer or a 409`, async () => {
    const key = randomUUID();
    const text = 'Nota inviata molte volte';
    const responses = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        post<Note & ErrorAnswer>(i % 2 ? b : a, '/api/notes', noteBody(text), key),
      ),
    );
    expect(await notesWith(text)).toBe(1);
    const created = responses.filter((r) => r.status === 201);
    const waiting = responses.filter((r) => r.status === 409);
    expect(created.length + waiting.length).toBe(N);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(created.filter((r) => r.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    for (const r of created) expect(r.body).toEqual(created[0].body);
    for (const r of waiting) {
      expect(r.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    // Once the first is answered, everyone asking again gets its answer.
    const later = await post<Note>(b, '/api/notes', noteBody(text), key);
    expect(later.body).toEqual(created[0].body);
  });

  it('a reservation still running is a 409 with Retry-After; one left by a dead process is taken over once expired', async () => {
    const users = await db.query<{ id: number }>('SELECT id FROM users WHERE email = $1', [
      'sociale.crema@demo.generattivi.it',
    ]);
    const now = Date.now();
    const reserve = (key: string, fingerprint: string, expiresAt: number) =>
      db.run(
        `INSERT INTO idempotency_keys (user_id, "key", fingerprint, lease, status, response_body, created_at, expires_at)
         VALUES ($1, $2, $3, $4, NULL, NULL, $5, $6)`,
        [users[0].id, key, fingerprint, randomUUID(), now, expiresAt],
      );
    // The fingerprint of a request is the server's: that of a first request with the key.
    const running = randomUUID();
    expect((await post(a, '/api/notes', noteBody('Sonda'), running)).status).toBe(201);
    const [probe] = await db.query<{ fingerprint: string }>(
      'SELECT fingerprint FROM idempotency_keys WHERE "key" = $1',
      [running],
    );
    const held = randomUUID();
    await reserve(held, probe.fingerprint, now + 60_000);
    const busy = await post<ErrorAnswer>(b, '/api/notes', noteBody('Sonda'), held);
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(busy.headers.get('retry-after')).toBe('1');

    const dead = randomUUID();
    await reserve(dead, probe.fingerprint, now - 1);
    const taken = await post<Note>(a, '/api/notes', noteBody('Sonda'), dead);
    expect(taken.status).toBe(201);
    expect(taken.headers.get('idempotent-replayed')).toBeNull();
    expect(await notesWith('Sonda')).toBe(2);
  });

  it('an answer older than 24 hours is forgotten: the key does the work again', async () => {
    const key = randomUUID();
    const first = await post<Note>(a, '/api/notes', noteBody('Nota di ieri'), key);
    expect(first.status).toBe(201);
    await db.run(
      'UPDATE idempotency_keys SET created_at = created_at - $1, expires_at = expires_at - $2 WHERE "key" = $3',
      [DAY_MS, DAY_MS, key],
    );
    const again = await post<Note>(b, '/api/notes', noteBody('Nota di ieri'), key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(again.body.id).not.toBe(first.body.id);
    expect(await notesWith('Nota di ieri')).toBe(2);
  });

  it('the OpenAPI document lists the header on the POST routes of signed-in users', async () => {
    const doc = await a.request<{
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
    }>('GET', '/api/docs/openapi.json');
    const headerOf = (path: string, method: string) =>
      (doc.body.paths[path]?.[method]?.parameters ?? []).some(
        (p) => p.in === 'header' && p.name === 'Idempotency-Key',
      );
    expect(headerOf('/api/notes', 'post')).toBe(true);
    expect(headerOf('/api/pacts', 'post')).toBe(true);
    expect(headerOf('/api/pacts/{id}/transitions', 'post')).toBe(true);
    expect(headerOf('/api/auth/login', 'post')).toBe(false);
    expect(headerOf('/api/notes', 'get')).toBe(false);
    expect(headerOf('/api/milestones/{id}', 'put')).toBe(true);
    expect(headerOf('/api/milestones/{id}', 'get')).toBe(false);
  });
});
