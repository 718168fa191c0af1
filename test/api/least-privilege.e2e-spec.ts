import { openDatabase } from '../support/db';
import {
  beneficiaryBody,
  createBeneficiary,
  createHousehold,
  type Json,
} from '../support/fixtures';
import { pactBody, pactSetup, ROLE_ACCOUNTS, transition } from '../support/pacts';
import { startServer, type TestServer } from '../support/server';

type ErrorBody = { code?: string; message: string };
type Duplicate = { beneficiaryId: number; reportedById: number; territoryId: number; at: string };
type Found = { resource: string; id: number; description?: string };

/** What a client sends to create the person again: the record without what the server sets. */
const bodyOf = (record: Json): Json => {
  const { id: _id, createdAt: _c, updatedAt: _u, version: _v, anonymisedAt: _a, ...body } = record;
  return body;
};

const list = (resource: string, filter: Json) =>
  `/api/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

describe('least privilege', () => {
  let server: TestServer;
  let admin: string, swCrema: string, swCremona: string, maker: string;
  let swCremaId: number, makerId: number, crema: number, cremona: number;

  beforeAll(async () => {
    server = await startServer();
    const setup = await pactSetup(
      server,
      {
        admin: ROLE_ACCOUNTS.admin,
        swCrema: ROLE_ACCOUNTS.swCrema,
        swCremona: ROLE_ACCOUNTS.swCremona,
        maker: ROLE_ACCOUNTS.makerCrema,
      },
      { swCrema: ROLE_ACCOUNTS.swCrema, maker: ROLE_ACCOUNTS.makerCrema },
    );
    ({ admin, swCrema, swCremona, maker } = setup.tokens);
    ({ swCrema: swCremaId, maker: makerId } = setup.users);
    ({ CREMA: crema, CREMONA: cremona } = setup.territories);
  }, 60_000);
  afterAll(async () => server?.stop());

  const get = (path: string, token: string) => server.request<Json>('GET', path, { token });

  describe('a community maker reads a person only while their assignment is open', () => {
    it('reads the person, household and PDF of an open pact, and none of them once it is closed', async () => {
      const household = await createHousehold(server, swCrema, { territoryId: crema });
      const person = await createBeneficiary(
        server,
        swCrema,
        beneficiaryBody(crema, { householdId: household.id }),
      );
      const created = await server.request<{ id: number }>('POST', '/api/pacts', {
        token: swCrema,
        body: pactBody(crema, makerId, { householdId: household.id }, { beneficiaryId: person.id }),
      });
      expect(created.status).toBe(201);
      const pactId = created.body.id;
      const lastName = String(person.lastName);

      expect((await get(`/api/beneficiaries/${person.id}`, maker)).status).toBe(200);
      expect((await get(`/api/households/${household.id}`, maker)).status).toBe(200);
      expect((await get(list('beneficiaries', { id: [person.id] }), maker)).body).toHaveLength(1);
      expect((await get(`/api/pacts/${pactId}/document`, maker)).status).toBe(200);
      const open = await server.request<Found[]>('GET', `/api/search?q=${lastName}`, {
        token: maker,
      });
      expect(open.body.map((r) => `${r.resource}/${r.id}`)).toContain(`beneficiaries/${person.id}`);

      const closed = await transition(server, swCrema, pactId, {
        to: 'CANCELLED',
        reason: 'Rinuncia della persona',
      });
      expect(closed.status).toBe(200);

      // The person and the household are out of scope: not found, as elsewhere.
      expect((await get(`/api/beneficiaries/${person.id}`, maker)).status).toBe(404);
      expect((await get(`/api/households/${household.id}`, maker)).status).toBe(404);
      expect((await get(list('beneficiaries', { id: [person.id] }), maker)).body).toEqual([]);
      expect((await get(list('households', { id: [household.id] }), maker)).body).toEqual([]);
      // The pact stays theirs (their diary, their milestones), naming nobody.
      expect((await get(`/api/pacts/${pactId}`, maker)).status).toBe(200);
      const pdf = await server.request<ErrorBody>('GET', `/api/pacts/${pactId}/document`, {
        token: maker,
      });
      expect(pdf.status).toBe(403);
      expect(pdf.body.code).toBe('ASSIGNMENT_ENDED');
      const after = await server.request<Found[]>('GET', `/api/search?q=${lastName}`, {
        token: maker,
      });
      // Their pact is still found, describing nobody; the person and household are not.
      expect(after.body.map((r) => [r.resource, r.id, r.description])).toEqual([
        ['pacts', pactId, undefined],
      ]);
      const byTitle = await server.request<Found[]>(
        'GET',
        `/api/search?q=${encodeURIComponent(String(closed.body.reference))}`,
        { token: maker },
      );
      expect(byTitle.body).toEqual([expect.objectContaining({ resource: 'pacts', id: pactId })]);
      expect(byTitle.body[0].description).toBeUndefined();
      expect(byTitle.text).not.toContain(lastName);
      // The social worker still reads them.
      expect((await get(`/api/beneficiaries/${person.id}`, swCrema)).status).toBe(200);
    });

    it('exports no list of people', async () => {
      for (const collection of ['beneficiaries', 'households']) {
        const res = await get(`/api/${collection}/export`, maker);
        expect([collection, res.status]).toEqual([collection, 403]);
      }
    });
  });

  describe('a fiscal code already held by a person out of the caller’s scope', () => {
    async function duplicates(filter: Json): Promise<Duplicate[]> {
      const res = await server.request<Duplicate[]>(
        'GET',
        list('beneficiaries/possible-duplicates', filter),
        { token: admin },
      );
      expect(res.status).toBe(200);
      return res.body;
    }

    it('answers 409 without naming the code or where the person is, and reports it to ADMIN', async () => {
      const cremonese = await createBeneficiary(
        server,
        swCremona,
        beneficiaryBody(cremona, { municipality: 'Cremona' }),
      );
      const code = String(cremonese.fiscalCode);
      const body = { ...bodyOf(cremonese), territoryId: crema, municipality: 'Crema' };
      const res = await server.request<ErrorBody>('POST', '/api/beneficiaries', {
        token: swCrema,
        body,
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('FISCAL_CODE_UNAVAILABLE');
      expect(res.text).not.toContain(code);
      expect(res.text).not.toMatch(/cremona/i);
      expect(await duplicates({ beneficiaryId: cremonese.id })).toEqual([
        expect.objectContaining({
          beneficiaryId: cremonese.id,
          reportedById: swCremaId,
          territoryId: crema,
        }),
      ]);
      // Correcting someone's code to it is the same; the report stays one.
      const mine = await createBeneficiary(server, swCrema, beneficiaryBody(crema));
      const corrected = await server.request<ErrorBody>('PUT', `/api/beneficiaries/${mine.id}`, {
        token: swCrema,
        body: {
          ...bodyOf(cremonese),
          version: mine.version,
          territoryId: crema,
          municipality: 'Crema',
        },
      });
      expect(corrected.status).toBe(409);
      expect(corrected.body.code).toBe('FISCAL_CODE_UNAVAILABLE');
      expect(await duplicates({ beneficiaryId: cremonese.id })).toHaveLength(1);
      // Only ADMIN reads the reports.
      for (const token of [swCrema, swCremona, maker]) {
        const refused = await server.request('GET', '/api/beneficiaries/possible-duplicates', {
          token,
        });
        expect(refused.status).toBe(403);
      }
      // Deleting the person on file takes the report with them.
      const removed = await server.request('DELETE', `/api/beneficiaries/${cremonese.id}`, {
        token: swCremona,
      });
      expect(removed.status).toBe(200);
      expect(await duplicates({ beneficiaryId: cremonese.id })).toEqual([]);
    });

    it('inside the caller’s scope stays the 409 naming the code', async () => {
      const person = await createBeneficiary(server, swCrema, beneficiaryBody(crema));
      const res = await server.request<ErrorBody>('POST', '/api/beneficiaries', {
        token: swCrema,
        body: { ...bodyOf(person), email: 'altro@example.org' },
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('DUPLICATE_FISCAL_CODE');
      expect(res.text).toContain(String(person.fiscalCode));
      expect(await duplicates({ beneficiaryId: person.id })).toEqual([]);
    });

    it('20 parallel attempts on a code held elsewhere: each a 409, one report, one person', async () => {
      const cremonese = await createBeneficiary(
        server,
        swCremona,
        beneficiaryBody(cremona, { municipality: 'Cremona' }),
      );
      const attempts = await Promise.all(
        Array.from({ length: 20 }, () =>
          server.request<ErrorBody>('POST', '/api/beneficiaries', {
            token: swCrema,
            body: { ...bodyOf(cremonese), territoryId: crema, municipality: 'Crema' },
          }),
        ),
      );
      expect(attempts.map((r) => [r.status, r.body.code])).toEqual(
        Array.from({ length: 20 }, () => [409, 'FISCAL_CODE_UNAVAILABLE']),
      );
      expect(await duplicates({ beneficiaryId: cremonese.id })).toHaveLength(1);
      const db = await openDatabase(server);
      try {
        const rows = await db.query('SELECT id FROM beneficiaries WHERE fiscal_code = $1', [
          cremonese.fiscalCode,
        ]);
        expect(rows).toHaveLength(1);
      } finally {
        await db.close();
      }
    });

    it('20 parallel creations of one new code from two territories: one person, each other a 409 as its scope says', async () => {
      const body = beneficiaryBody(crema);
      const attempts = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          server.request<ErrorBody & { id?: number; territoryId?: number }>(
            'POST',
            '/api/beneficiaries',
            i % 2
              ? { token: swCrema, body }
              : {
                  token: swCremona,
                  body: { ...body, territoryId: cremona, municipality: 'Cremona' },
                },
          ),
        ),
      );
      const created = attempts.filter((r) => r.status === 201);
      expect(created).toHaveLength(1);
      const winner = created[0].body.territoryId;
      attempts.forEach((res, i) => {
        if (res.status === 201) return;
        const sameScope = (i % 2 ? crema : cremona) === winner;
        expect([i, res.status, res.body.code]).toEqual([
          i,
          409,
          sameScope ? 'DUPLICATE_FISCAL_CODE' : 'FISCAL_CODE_UNAVAILABLE',
        ]);
      });
      expect(await duplicates({ beneficiaryId: created[0].body.id })).toHaveLength(1);
    });
  });
});
