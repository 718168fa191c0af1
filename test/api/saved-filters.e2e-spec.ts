import { Json } from '../support/fixtures';
import { ApiResponse, failOnUnexpectedErrors, startServer, TestServer } from '../support/server';

type SavedFilter = {
  id: number;
  resource: string;
  name: string;
  filter: Json;
  sort: { field: string; order: string } | null;
};

/**
 * Saved list filters (issue 13, lists): each person's own, kept by the server so they follow
 * the person; one name per person and list, enforced by the database (two instances racing).
 */
describe('saved filters', () => {
  let a: TestServer;
  let b: TestServer;
  let sw: string;
  let maker: string;

  beforeAll(async () => {
    a = await startServer();
    b = await startServer({ databaseUrl: a.databaseUrl, demoData: false });
    [sw, maker] = await Promise.all(
      ['sociale.crema@demo.generattivi.it', 'maker.crema@demo.generattivi.it'].map((e) =>
        a.login(e),
      ),
    );
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });
  failOnUnexpectedErrors(() => [a, b]);

  const save = (token: string, body: unknown, server = a) =>
    server.request<SavedFilter & { code?: string; errors?: Json }>('POST', '/api/saved-filters', {
      token,
      body,
    });
  const listOf = async (token: string, resource: string) => {
    const filter = encodeURIComponent(JSON.stringify({ resource }));
    const res = await a.request<SavedFilter[]>('GET', `/api/saved-filters?filter=${filter}`, {
      token,
    });
    expect(res.status).toBe(200);
    return res.body;
  };

  it('saves a filter with its sort, lists it for its owner only, and deletes it', async () => {
    const body = {
      resource: 'pacts',
      name: 'Attivi in ritardo',
      filter: { status: 'ACTIVE', overdue: true },
      sort: { field: 'plannedEndDate', order: 'ASC' },
    };
    const created = await save(sw, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject(body);
    expect(await listOf(sw, 'pacts')).toEqual([expect.objectContaining(body)]);
    expect(await listOf(sw, 'beneficiaries')).toEqual([]);

    // Another person never sees, reads nor deletes it.
    expect(await listOf(maker, 'pacts')).toEqual([]);
    const path = `/api/saved-filters/${created.body.id}`;
    expect((await a.request('GET', path, { token: maker })).status).toBe(404);
    expect((await a.request('DELETE', path, { token: maker })).status).toBe(404);
    expect((await a.request('GET', path, { token: sw })).status).toBe(200);

    // A filter without sort keeps none.
    const plain = await save(sw, { resource: 'pacts', name: 'Tutti', filter: {} });
    expect(plain.status).toBe(201);
    expect(plain.body.sort).toBeNull();

    expect((await a.request('DELETE', path, { token: sw })).status).toBe(200);
    expect((await a.request('GET', path, { token: sw })).status).toBe(404);
    expect((await listOf(sw, 'pacts')).map((f) => f.name)).toEqual(['Tutti']);
  });

  it('refuses a second filter of the same name for the same list with 409, not for another list or person', async () => {
    const body = { resource: 'households', name: 'Vulnerabili', filter: { vulnerable: true } };
    expect((await save(sw, body)).status).toBe(201);
    const again = await save(sw, { ...body, name: '  Vulnerabili ' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DUPLICATE_SAVED_FILTER');
    expect((await save(sw, { ...body, resource: 'beneficiaries' })).status).toBe(201);
    expect((await save(maker, body)).status).toBe(201);
  });

  it('refuses malformed bodies with 400 naming the field', async () => {
    const good = { resource: 'pacts', name: 'Prova', filter: {} };
    const cases: Array<[Json, string]> = [
      [{ ...good, resource: 'secrets' }, 'resource'],
      [{ ...good, name: '' }, 'name'],
      [{ ...good, name: '   ' }, 'name'],
      [{ ...good, name: 'x'.repeat(81) }, 'name'],
      [{ ...good, filter: ['status'] }, 'filter'],
      [{ ...good, filter: 'status=ACTIVE' }, 'filter'],
      [{ ...good, filter: { q: 'x'.repeat(4000) } }, 'filter'],
      [{ ...good, sort: { field: 'title', order: 'UP' } }, 'sort'],
      [{ ...good, sort: { field: 'a b', order: 'ASC' } }, 'sort'],
      [{ ...good, id: 7 }, 'id'],
      [{ ...good, userId: 1 }, 'userId'],
    ];
    for (const [body, field] of cases) {
      const res = await save(sw, body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(Object.keys(res.body.errors ?? {}).join(' ')).toContain(field);
    }
    expect(await listOf(sw, 'milestones')).toEqual([]);
  });

  it('keeps one filter of a name when 24 requests race on two instances', async () => {
    const body = { resource: 'milestones', name: 'Gara', filter: { overdue: true } };
    const responses: Array<ApiResponse<unknown>> = await Promise.all(
      Array.from({ length: 24 }, (_, i) => save(sw, body, i % 2 === 0 ? a : b)),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(23);
    expect((await listOf(sw, 'milestones')).map((f) => f.name)).toEqual(['Gara']);
  });
});
