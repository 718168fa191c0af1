import { addDays } from '@generattivi/shared';
import fc from 'fast-check';
import { DEMO_ACCOUNTS } from '../support/demo';
import {
  bodies,
  BodySample,
  deepJson,
  ListFields,
  listFieldsFrom,
  listQueries,
  OpenApiDocument,
  Operation,
  operationsOf,
  PATH_MUTATIONS,
  plainQueries,
  queryString,
} from '../support/openapi-fuzz';
import { startServer, TestServer } from '../support/server';

/**
 * Fuzzing driven by the OpenAPI description the server serves (/api/docs/openapi.json): every
 * operation, as an admin and as a community maker (and a few unauthenticated), with mutated
 * path parameters, query strings and bodies. No client input may produce a 5xx.
 * Deterministic: fast-check draws every request from a fixed seed before any is sent.
 */
const SEED = 20261206;
const CONCURRENCY = 4;

const ADMIN = DEMO_ACCOUNTS.find((a) => a.role === 'ADMIN')!.email;
const MAKER = DEMO_ACCOUNTS.find((a) => a.role === 'COMMUNITY_MAKER')!.email;

type Who = 'admin' | 'maker' | 'anonymous';

interface FuzzRequest {
  who: Who;
  method: string;
  url: string;
  body?: BodySample;
}

interface Offence {
  request: string;
  status: number;
  response: string;
}

const sample = <T>(arb: fc.Arbitrary<T>, numRuns: number, salt: number): T[] =>
  numRuns > 0 ? fc.sample(arb, { seed: SEED + salt, numRuns }) : [];

const clip = (text: string, max = 400) =>
  text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;

let server: TestServer;

// One server for the file: the explicit cases first, on the demo data as loaded, then the fuzz.
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('input limits', () => {
  let token: string;

  beforeAll(async () => {
    token = await server.login(ADMIN);
  });

  it.each([
    ['arrays', deepJson(10_000)],
    ['objects', deepJson(10_000, '{"email":', '}', '"x"')],
  ])('JSON of %s 10,000 levels deep is a 400 on the unauthenticated login', async (_k, text) => {
    const res = await server.request('POST', '/api/auth/login', { rawBody: text });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errors: { body: 'is nested deeper than 32 levels' } });
  });

  it('JSON 10,000 levels deep is a 400 on an authenticated POST, inside a field too', async () => {
    for (const text of [deepJson(10_000), `{"title":${deepJson(10_000)}}`]) {
      const res = await server.request('POST', '/api/pacts', { token, rawBody: text });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ errors: { body: 'is nested deeper than 32 levels' } });
    }
  });

  it('takes 32 levels and refuses 33', async () => {
    const at = (levels: number) =>
      server.request('POST', '/api/eligibility/check', {
        token,
        rawBody: `{"type":"AUTONOMY","territoryId":1,"x":${deepJson(levels - 1)}}`,
      });
    // 32 levels reach validation, which names the unknown field; 33 are refused before it.
    await expect(at(32)).resolves.toMatchObject({
      status: 400,
      body: { errors: { x: 'unknown field' } },
    });
    await expect(at(33)).resolves.toMatchObject({
      status: 400,
      body: { errors: { body: 'is nested deeper than 32 levels' } },
    });
  });

  it('a NUL character in a body, a key or the query string is a 400 naming where', async () => {
    const body = await server.request('POST', '/api/notes', {
      token,
      body: { pactId: 1, kind: 'NOTE', body: 'a\u0000b' },
    });
    expect(body.status).toBe(400);
    expect(body.body).toMatchObject({
      errors: { body: 'must not contain a NUL character (\\u0000)' },
    });
    const key = await server.request('POST', '/api/notes', { token, rawBody: '{"a\\u0000":1}' });
    expect(key.status).toBe(400);
    const query = await server.request('GET', '/api/pacts?filter=%7B%22title%22%3A%22a%00%22%7D', {
      token,
    });
    expect(query.status).toBe(400);
    expect(query.body).toMatchObject({
      errors: { filter: 'must not contain a NUL character (\\u0000)' },
    });
    const escaped = await server.request(
      'GET',
      `/api/pacts?filter=${encodeURIComponent('{"title":"a\\u0000"}')}`,
      { token },
    );
    expect(escaped.status).toBe(400);
    expect(escaped.body).toMatchObject({
      errors: { filter: 'title must not contain a NUL character (\\u0000)' },
    });
  });

  it.each([
    '0',
    '-1',
    '0x10',
    '%2B1',
    '1e3',
    '0000001',
    '%201',
    '99999999999',
    '2147483648',
    '1.0',
  ])('path id %s is a 400 naming id', async (id) => {
    const res = await server.request('GET', `/api/pacts/${id}`, { token });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errors: { id: 'must be a positive whole number' } });
  });

  it('a canonical id still finds its record; the largest integer is a 404', async () => {
    await expect(server.request('GET', '/api/pacts/1', { token })).resolves.toMatchObject({
      status: 200,
      body: { id: 1 },
    });
    await expect(server.request('GET', '/api/pacts/2147483647', { token })).resolves.toMatchObject({
      status: 404,
    });
  });

  it.each([
    ['id', { id: 2147483648 }],
    ['territoryId_gte', { territoryId_gte: -2147483649 }],
    ['startDate', { startDate: '2026-02-30' }],
    ['startDate_gte', { startDate_gte: '0000-01-01' }],
  ])('filter %s out of range is a 400 naming it', async (key, filter) => {
    const res = await server.request<{ message: string }>(
      'GET',
      `/api/pacts?filter=${encodeURIComponent(JSON.stringify(filter))}`,
      { token },
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(new RegExp(`^filter: ${key} must be`));
  });

  it('a huge numeric string in a decimal filter is a 400', async () => {
    const res = await server.request<{ message: string }>(
      'GET',
      `/api/households?filter=${encodeURIComponent(JSON.stringify({ iseeEur_gte: '9'.repeat(400) }))}`,
      { token },
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^filter: iseeEur_gte must be a number/);
  });

  it.each([
    ['a body id beyond the integer column', { territoryId: 2147483648 }, 'territoryId'],
    ['a body id of 1e400', '1e400', 'territoryId'],
    ['a count beyond its bound', { membersCount: 31 }, 'membersCount'],
  ])('%s is a 400 naming the field', async (_case, value, field) => {
    const base = { name: 'Famiglia Fuzz', territoryId: 1, municipality: 'Crema', membersCount: 2 };
    const rawBody =
      typeof value === 'string'
        ? JSON.stringify(base).replace('"territoryId":1', `"territoryId":${value}`)
        : JSON.stringify({ ...base, ...value });
    const res = await server.request<{ errors: Record<string, string> }>(
      'POST',
      '/api/households',
      {
        token,
        rawBody,
      },
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual([field]);
  });

  it.each([
    ['2026-02-30', 400],
    ['2026-02-29', 400],
    ['1899-12-31', 400],
    ['3000-01-01', 400],
    ['2024-02-29', 200],
  ])('eligibility start date %s → %i', async (dueDate, status) => {
    const res = await server.request('POST', '/api/eligibility/check', {
      token,
      body: { type: 'AUTONOMY', territoryId: 1, beneficiaryId: 1, startDate: dueDate },
    });
    expect(res.status).toBe(status);
    if (status === 400)
      expect(res.body).toMatchObject({ errors: { startDate: 'must be a date YYYY-MM-DD' } });
  });

  it.each([
    ['2026-05-01T24:00:00Z', 400],
    ['2026-02-30T10:00:00Z', 400],
    ['0000-01-01T00:00:00Z', 400],
    ['2026-05-01T10:00:00+14:30', 400],
    ['DAYT23:59:59Z', 201],
    ['DAYT10:00:00+14:00', 201],
  ])('note instant %s → %i', async (instant, status) => {
    // DAY: two days after the creation of the pact of the oldest demo note (a note may not be
    // older than its pact), days before today.
    const oldest = await server.request<Array<{ pactId: number }>>(
      'GET',
      '/api/notes?sort=["occurredAt","ASC"]&range=[0,0]',
      { token },
    );
    const { pactId } = oldest.body[0];
    const pact = await server.request<{ createdAt: string }>('GET', `/api/pacts/${pactId}`, {
      token,
    });
    const occurredAt = instant.replace('DAY', addDays(pact.body.createdAt.slice(0, 10), 2));
    const res = await server.request('POST', '/api/notes', {
      token,
      body: { pactId, kind: 'NOTE', body: 'Colloquio', occurredAt },
    });
    expect(res.status).toBe(status);
    if (status === 400) {
      expect(res.body).toMatchObject({
        errors: { occurredAt: 'must be an ISO 8601 instant such as 2026-11-25T10:00:00Z' },
      });
    }
  });
});

describe('fuzzing every operation of the OpenAPI description', () => {
  let doc: OpenApiDocument;
  let operations: Operation[];
  const tokens: Partial<Record<Who, string>> = {};
  /** Ids the fuzz must not write to: the two accounts it works as. */
  const ownIds = new Set<string>();
  const sent = { total: 0 };

  beforeAll(async () => {
    tokens.admin = await server.login(ADMIN);
    tokens.maker = await server.login(MAKER);
    for (const who of ['admin', 'maker'] as const) {
      const me = await server.request<{ id: number }>('GET', '/api/auth/me', {
        token: tokens[who],
      });
      ownIds.add(String(me.body.id));
    }
    const res = await server.request<OpenApiDocument>('GET', '/api/docs/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
    operations = operationsOf(doc);
  });

  /** Sends the requests, a few at a time; returns every one answered with a 5xx. */
  async function send(requests: FuzzRequest[]): Promise<Offence[]> {
    const offences: Offence[] = [];
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < requests.length; i = next++) {
        const { who, method, url, body } = requests[i];
        const headers: Record<string, string> = {};
        const token = tokens[who];
        if (token) headers.authorization = `Bearer ${token}`;
        if (body) headers['content-type'] = body.contentType;
        const res = await fetch(server.url + url, { method, headers, body: body?.text });
        const text = await res.text();
        sent.total++;
        if (res.status >= 500) {
          offences.push({
            request: `${who} ${method} ${clip(url, 300)}${body ? ` [${body.contentType}] ${clip(body.text)}` : ''}`,
            status: res.status,
            response: clip(text),
          });
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return offences;
  }

  /** A path with its parameters set; ids of the fuzz accounts are left alone by writes. */
  const fill = (op: Operation, value: string) => op.path.replace(/\{\w+\}/g, () => value);
  const canonicalIds = (op: Operation) =>
    ['1', '2', '3', '5'].filter(
      (id) => op.method === 'GET' || !/\/users\//.test(op.path) || !ownIds.has(id),
    );

  it('reads the description: every route is there', () => {
    const names = operations.map((op) => `${op.method} ${op.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login',
        'GET /api/pacts',
        'PUT /api/pacts/{id}',
        'POST /api/pacts/{id}/transitions',
        'POST /api/notes',
        'GET /api/reports/outcomes',
      ]),
    );
    expect(operations.filter((op) => op.body).length).toBeGreaterThanOrEqual(20);
  });

  it('mutated path parameters never give a 5xx', async () => {
    const requests: FuzzRequest[] = [];
    operations
      .filter((op) => op.pathParams.length > 0 && op.path !== '/api/auth/logout')
      .forEach((op, n) => {
        const body = op.body ? sample(bodies(doc, op.body), 1, n)[0] : undefined;
        for (const value of [...canonicalIds(op), ...PATH_MUTATIONS]) {
          requests.push({ who: 'admin', method: op.method, url: fill(op, value), body });
        }
        for (const value of [...canonicalIds(op).slice(0, 2), ...PATH_MUTATIONS.slice(0, 4)]) {
          requests.push({ who: 'maker', method: op.method, url: fill(op, value), body });
        }
        requests.push({ who: 'anonymous', method: op.method, url: fill(op, '0x10'), body });
      });
    expect(requests.length).toBeGreaterThan(500);
    expect(await send(requests)).toEqual([]);
  });

  it('mutated query strings never give a 5xx', async () => {
    const requests: FuzzRequest[] = [];
    const lists = operations.filter(
      (op) => op.method === 'GET' && op.queryParams.some((p) => p.name === 'filter'),
    );
    expect(lists.length).toBeGreaterThanOrEqual(10);
    for (const [n, op] of operations.entries()) {
      if (op.queryParams.length === 0 || op.method !== 'GET') continue;
      const path = fill(op, '1');
      let queries: fc.Arbitrary<Record<string, string>>;
      if (lists.includes(op)) {
        // The list names its filterable and sortable fields in its 400 for unknown ones.
        const probe = await server.request<{ message: string }>(
          'GET',
          `${path}${queryString({ filter: '{"~unknown~":1}', sort: '["~unknown~","ASC"]' })}`,
          { token: tokens.admin },
        );
        const fields: ListFields = listFieldsFrom(probe.body.message ?? '');
        expect({ path, filterable: fields.filterable.length > 0 }).toEqual({
          path,
          filterable: true,
        });
        queries = listQueries(fields);
      } else {
        queries = plainQueries(doc, op.queryParams);
      }
      for (const q of sample(queries, 30, n)) {
        requests.push({ who: 'admin', method: 'GET', url: `${path}${queryString(q)}` });
      }
      for (const q of sample(queries, 10, n + 1000)) {
        requests.push({ who: 'maker', method: 'GET', url: `${path}${queryString(q)}` });
      }
      requests.push({ who: 'anonymous', method: 'GET', url: `${path}?filter=%00` });
    }
    expect(await send(requests)).toEqual([]);
  });

  it('bodies from the request schemas, mutated, never give a 5xx', async () => {
    const requests: FuzzRequest[] = [];
    for (const [n, op] of operations.entries()) {
      if (op.method === 'GET' || op.method === 'DELETE' || op.path === '/api/auth/logout') continue;
      const ids = canonicalIds(op);
      const arb = bodies(doc, op.body);
      const runs = op.body
        ? { admin: 35, maker: 12, anonymous: 2 }
        : { admin: 6, maker: 3, anonymous: 1 };
      for (const who of ['admin', 'maker', 'anonymous'] as const) {
        sample(arb, runs[who], n * 10 + who.length).forEach((body, i) => {
          requests.push({ who, method: op.method, url: fill(op, ids[i % ids.length]), body });
        });
      }
    }
    expect(requests.length).toBeGreaterThan(1000);
    expect(await send(requests)).toEqual([]);
  });

  it('logging out with any body never gives a 5xx', async () => {
    const requests: FuzzRequest[] = [];
    for (const body of sample(bodies(doc, undefined), 5, 7)) {
      tokens.anonymous = await server.login(ADMIN);
      const offences = await send([
        { who: 'anonymous', method: 'POST', url: '/api/auth/logout', body },
      ]);
      requests.push(
        ...offences.map(() => ({ who: 'anonymous' as const, method: 'POST', url: '' })),
      );
      expect(offences).toEqual([]);
    }
    delete tokens.anonymous;
    expect(requests).toEqual([]);
  });

  it('the accounts it fuzzed as still work', async () => {
    for (const who of ['admin', 'maker'] as const) {
      const me = await server.request('GET', '/api/auth/me', { token: tokens[who] });
      expect({ who, status: me.status }).toEqual({ who, status: 200 });
    }
    expect(sent.total).toBeGreaterThan(2500);
  });
});
