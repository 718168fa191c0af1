import { computeFiscalCode } from '@generattivi/shared';
import { startServer, TestServer } from '../support/server';

type Json = Record<string, unknown>;
type Row = Json & { id: number; version: number };
type ErrorBody = { message: string; errors?: Record<string, string> };

const list = (resource: string, filter: Json = {}) =>
  `/api/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

describe('people: community laboratories and Civic Centers', () => {
  let server: TestServer;
  let tokens: Record<'admin' | 'manager' | 'swCrema' | 'swCremona' | 'makerCrema', string>;
  let t: Record<string, number>;
  let ids: Record<'admin' | 'makerCrema' | 'makerCremona', number>;
  let counter = 0;

  const req = <T = Row>(method: string, path: string, token: string, body?: unknown) =>
    server.request<T>(method, path, { token, body });

  async function create(resource: string, token: string, body: Json): Promise<Row> {
    const res = await req('POST', `/api/${resource}`, token, body);
    if (res.status !== 201) throw new Error(`POST ${resource} → ${res.status} ${res.text}`);
    return res.body;
  }

  const labBody = (extra: Json = {}): Json => ({
    name: `Laboratorio Zeta ${++counter}`,
    territoryId: t.CREMA,
    municipality: 'Crema',
    description: 'Compiti insieme e cucina di comunità',
    communityMakerIds: [ids.makerCrema],
    ...extra,
  });
  const centerBody = (extra: Json = {}): Json => ({
    name: `Civic Center Zeta ${++counter}`,
    territoryId: t.CREMA,
    municipality: 'Crema',
    description: 'Doposcuola e attività culturali',
    childrenReached: 120,
    adultsReached: 40,
    ...extra,
  });

  beforeAll(async () => {
    server = await startServer();
    const emails = {
      admin: 'admin@demo.generattivi.it',
      manager: 'manager@demo.generattivi.it',
      swCrema: 'sociale.crema@demo.generattivi.it',
      swCremona: 'sociale.cremona@demo.generattivi.it',
      makerCrema: 'maker.crema@demo.generattivi.it',
    };
    const entries = await Promise.all(
      Object.entries(emails).map(async ([k, email]) => [k, await server.login(email)]),
    );
    tokens = Object.fromEntries(entries) as typeof tokens;
    const territories = await req<Array<{ id: number; code: string }>>(
      'GET',
      '/api/territories',
      tokens.admin,
    );
    t = Object.fromEntries(territories.body.map((x) => [x.code, x.id]));
    const idOf = async (email: string) =>
      (await req<Row[]>('GET', list('users', { q: email }), tokens.admin)).body[0].id;
    ids = {
      admin: await idOf(emails.admin),
      makerCrema: await idOf(emails.makerCrema),
      makerCremona: await idOf('maker.cremona@demo.generattivi.it'),
    };
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('community-labs', () => {
    it('is read by every role and written by ADMIN and social workers of the territory', async () => {
      const lab = await create('community-labs', tokens.swCrema, {
        ...labBody(),
        communityMakerIds: [ids.makerCrema, ids.makerCrema],
      });
      expect(lab).toMatchObject({
        territoryId: t.CREMA,
        municipality: 'Crema',
        communityMakerIds: [ids.makerCrema],
        version: 1,
      });
      for (const token of Object.values(tokens)) {
        expect((await req('GET', `/api/community-labs/${lab.id}`, token)).status).toBe(200);
        const all = await req('GET', '/api/community-labs', token);
        expect(all.status).toBe(200);
        expect(all.headers.get('content-range')).toMatch(/^community-labs /);
      }
      const edited = await req('PUT', `/api/community-labs/${lab.id}`, tokens.swCrema, {
        ...lab,
        description: 'Nuova descrizione',
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ description: 'Nuova descrizione', version: 2 });
      const stale = await req('PUT', `/api/community-labs/${lab.id}`, tokens.admin, lab);
      expect(stale.status).toBe(409);

      for (const token of [tokens.manager, tokens.makerCrema]) {
        expect((await req('POST', '/api/community-labs', token, labBody())).status).toBe(403);
      }
      expect(
        (await req('PUT', `/api/community-labs/${lab.id}`, tokens.swCremona, edited.body)).status,
      ).toBe(403);
      const moved = await req('PUT', `/api/community-labs/${lab.id}`, tokens.swCrema, {
        ...edited.body,
        territoryId: t.CREMONA,
        municipality: 'Cremona',
        communityMakerIds: [],
      });
      expect(moved.status).toBe(403);
      const elsewhere = await req('POST', '/api/community-labs', tokens.swCrema, {
        ...labBody(),
        territoryId: t.CREMONA,
        municipality: null,
        communityMakerIds: [],
      });
      expect(elsewhere.status).toBe(403);
    });

    it('requires active community makers of the territory (400 naming the ids)', async () => {
      for (const wrong of [ids.makerCremona, ids.admin, 999_999]) {
        const res = await req<ErrorBody>('POST', '/api/community-labs', tokens.admin, {
          ...labBody(),
          communityMakerIds: [ids.makerCrema, wrong],
        });
        expect(res.status).toBe(400);
        expect(res.body.errors?.communityMakerIds).toContain(String(wrong));
      }
      const bad = await req<ErrorBody>('POST', '/api/community-labs', tokens.admin, {
        ...labBody(),
        communityMakerIds: ['6'],
        municipality: 'Casalmaggiore',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.communityMakerIds).toBeDefined();
      const readOnly = await req<ErrorBody>('POST', '/api/community-labs', tokens.admin, {
        ...labBody(),
        createdAt: '2026-01-01T00:00:00.000Z',
      });
      expect(readOnly.status).toBe(400);
      expect(Object.keys(readOnly.body.errors ?? {})).toEqual(['createdAt']);
    });

    it('filters by maker and territory and searches name and description', async () => {
      const tag = `Zricerca${++counter}`;
      const withMaker = await create(
        'community-labs',
        tokens.admin,
        labBody({ name: `${tag} uno` }),
      );
      const without = await create('community-labs', tokens.admin, {
        ...labBody({ name: `${tag} due`, communityMakerIds: [] }),
      });
      const found = async (filter: Json) =>
        (
          await req<Row[]>('GET', list('community-labs', { q: tag, ...filter }), tokens.manager)
        ).body
          .map((l) => l.id)
          .sort((a, b) => a - b);
      expect(await found({})).toEqual([withMaker.id, without.id]);
      expect(await found({ communityMakerIds: ids.makerCrema })).toEqual([withMaker.id]);
      expect(await found({ territoryId: t.CREMONA })).toEqual([]);
    });

    it('is deleted by ADMIN only, and not while a pact names it', async () => {
      const lab = await create('community-labs', tokens.swCrema, labBody());
      const birthDate = '1995-05-05';
      const person = await create('beneficiaries', tokens.swCrema, {
        firstName: 'Ilaria',
        lastName: 'Zeffiri',
        birthDate,
        sex: 'F',
        fiscalCode: computeFiscalCode({
          lastName: 'Zeffiri',
          firstName: 'Ilaria',
          birthDate,
          sex: 'F',
          municipalityCode: 'D142',
        }),
        territoryId: t.CREMA,
        municipality: 'Crema',
        employmentStatus: 'UNEMPLOYED',
      });
      const pact = await req<Row>('POST', '/api/pacts', tokens.swCrema, {
        type: 'AUTONOMY',
        territoryId: t.CREMA,
        beneficiaryId: person.id,
        communityLabId: lab.id,
        title: 'Percorso al laboratorio',
      });
      expect(pact.status).toBe(201);
      expect((await req('DELETE', `/api/community-labs/${lab.id}`, tokens.swCrema)).status).toBe(
        403,
      );
      const referenced = await req<ErrorBody>(
        'DELETE',
        `/api/community-labs/${lab.id}`,
        tokens.admin,
      );
      expect(referenced.status).toBe(409);
      expect(referenced.body.message).toMatch(/pact/);

      const free = await create('community-labs', tokens.swCrema, labBody());
      const deleted = await req('DELETE', `/api/community-labs/${free.id}`, tokens.admin);
      expect(deleted.status).toBe(200);
      expect(deleted.body.id).toBe(free.id);
      expect((await req('GET', `/api/community-labs/${free.id}`, tokens.admin)).status).toBe(404);
      const trail = await req<Array<{ action: string; changes: Json }>>(
        'GET',
        list('audit-events', { entityType: 'community-labs', entityId: free.id, action: 'delete' }),
        tokens.admin,
      );
      expect(trail.body[0].changes).toMatchObject({ name: [free.name, null] });
    });
  });

  describe('civic-centers', () => {
    it('is read by every role and written by ADMIN and social workers of the territory', async () => {
      const center = await create('civic-centers', tokens.swCrema, centerBody());
      expect(center).toMatchObject({ childrenReached: 120, adultsReached: 40, version: 1 });
      for (const token of Object.values(tokens)) {
        expect((await req('GET', `/api/civic-centers/${center.id}`, token)).status).toBe(200);
      }
      const edited = await req('PUT', `/api/civic-centers/${center.id}`, tokens.swCrema, {
        ...center,
        childrenReached: 130,
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ childrenReached: 130, version: 2 });
      expect(
        (await req('PUT', `/api/civic-centers/${center.id}`, tokens.swCrema, center)).status,
      ).toBe(409);
      expect(
        (await req('PUT', `/api/civic-centers/${center.id}`, tokens.swCremona, edited.body)).status,
      ).toBe(403);
      expect((await req('POST', '/api/civic-centers', tokens.manager, centerBody())).status).toBe(
        403,
      );
      expect(
        (await req('POST', '/api/civic-centers', tokens.makerCrema, centerBody())).status,
      ).toBe(403);
      const elsewhere = await req('POST', '/api/civic-centers', tokens.swCrema, {
        ...centerBody(),
        territoryId: t.CASALMAGGIORE,
        municipality: 'Casalmaggiore',
      });
      expect(elsewhere.status).toBe(403);

      const negative = await req<ErrorBody>('POST', '/api/civic-centers', tokens.admin, {
        ...centerBody(),
        childrenReached: -1,
        adultsReached: 1.5,
      });
      expect(negative.status).toBe(400);
      expect(Object.keys(negative.body.errors ?? {}).sort()).toEqual([
        'adultsReached',
        'childrenReached',
      ]);

      const reach = await req<Row[]>(
        'GET',
        list('civic-centers', { id: [center.id], childrenReached_gte: 130 }),
        tokens.makerCrema,
      );
      expect(reach.body.map((c) => c.id)).toEqual([center.id]);

      expect((await req('DELETE', `/api/civic-centers/${center.id}`, tokens.swCrema)).status).toBe(
        403,
      );
      expect((await req('DELETE', `/api/civic-centers/${center.id}`, tokens.admin)).status).toBe(
        200,
      );
      expect((await req('DELETE', `/api/civic-centers/${center.id}`, tokens.admin)).status).toBe(
        404,
      );
    });
  });
});
