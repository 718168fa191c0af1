import { addDays, todayIso } from '@generattivi/shared';
import { openDatabase } from '../support/db';
import { SMALL_PDF, uploadDocument } from '../support/documents';
import { download } from '../support/exports';
import {
  beneficiaryBody,
  createBeneficiary,
  createHousehold,
  type Json,
} from '../support/fixtures';
import { pactBody, pactSetup, ROLE_ACCOUNTS } from '../support/pacts';
import { startServer, type TestServer } from '../support/server';

type LogRow = { entityType: string; entityId: number; actorId: number; via: string; at: string };

const list = (resource: string, filter: Json) =>
  `/api/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

describe('access log: every answer carrying a person is recorded, and purged after retention', () => {
  let server: TestServer;
  let admin: string, swCrema: string, swId: number, makerId: number, crema: number;

  beforeAll(async () => {
    server = await startServer();
    const setup = await pactSetup(
      server,
      { admin: ROLE_ACCOUNTS.admin, swCrema: ROLE_ACCOUNTS.swCrema },
      { sw: ROLE_ACCOUNTS.swCrema, maker: ROLE_ACCOUNTS.makerCrema },
    );
    ({ admin, swCrema } = setup.tokens);
    swId = setup.users.sw;
    makerId = setup.users.maker;
    crema = setup.territories.CREMA;
  }, 60_000);
  afterAll(async () => server?.stop());

  /** The entries about one person written by the social worker of Crema, with how. */
  async function readsOf(personId: number): Promise<Array<[string, number, string]>> {
    const res = await server.request<LogRow[]>(
      'GET',
      `/api/beneficiaries/${personId}/access-log?sort=${encodeURIComponent('["id","ASC"]')}&filter=${encodeURIComponent(JSON.stringify({ actorId: swId }))}`,
      { token: admin },
    );
    expect(res.status).toBe(200);
    return res.body.map((r) => [r.entityType, r.entityId, r.via]);
  }

  async function personWithPact() {
    const household = await createHousehold(server, swCrema, { territoryId: crema });
    const person = await createBeneficiary(
      server,
      swCrema,
      beneficiaryBody(crema, { householdId: household.id }),
    );
    const pact = await server.request<{ id: number }>('POST', '/api/pacts', {
      token: swCrema,
      body: pactBody(crema, makerId, { beneficiaryId: person.id }),
    });
    expect(pact.status).toBe(201);
    return { person, household, pact: pact.body };
  }

  it('records one, list pages (id filter and q), search, document, PDF and exports, each with its via', async () => {
    const { person, household, pact } = await personWithPact();
    const other = await createBeneficiary(server, swCrema, beneficiaryBody(crema));
    const get = async (path: string) => {
      const res = await server.request('GET', path, { token: swCrema });
      expect([path, res.status]).toEqual([path, 200]);
    };
    await get(`/api/beneficiaries/${person.id}`);
    await get(list('beneficiaries', { id: [person.id, other.id] }));
    await get(list('beneficiaries', { q: person.fiscalCode }));
    await get(list('households', { id: [household.id] }));
    await get(list('pacts', { beneficiaryId: person.id }));
    await get(`/api/search?q=${encodeURIComponent(String(person.fiscalCode))}`);
    const file = await uploadDocument(server, swCrema, {
      ownerType: 'beneficiaries',
      ownerId: person.id,
      kind: 'IDENTITY_DOCUMENT',
      file: SMALL_PDF,
      name: 'documento.pdf',
    });
    await get(`/api/documents/${file.id}/content`);
    await get(`/api/pacts/${pact.id}/document`);
    const csv = await download(server, swCrema, 'beneficiaries', { filter: { id: [person.id] } });
    expect(csv.status).toBe(200);
    const pacts = await download(server, swCrema, 'pacts', {
      filter: { id: [pact.id] },
      format: 'xlsx',
    });
    expect(pacts.status).toBe(200);

    expect(await readsOf(person.id)).toEqual([
      ['beneficiaries', person.id, 'one'],
      ['beneficiaries', person.id, 'list'],
      ['beneficiaries', person.id, 'list'],
      ['households', household.id, 'list'],
      ['pacts', pact.id, 'list'],
      ['beneficiaries', person.id, 'search'],
      ['beneficiaries', person.id, 'document'],
      // The PDF of an AUTONOMY pact names its beneficiary (an INCLUSION one, the household too).
      ['pacts', pact.id, 'pdf'],
      ['beneficiaries', person.id, 'pdf'],
      ['beneficiaries', person.id, 'export'],
      ['households', household.id, 'export'],
      ['beneficiaries', person.id, 'export'],
      ['pacts', pact.id, 'export'],
    ]);
    // The other person of the first page has their own entry, and only that one.
    expect(await readsOf(other.id)).toEqual([['beneficiaries', other.id, 'list']]);
  });

  it('writes one entry per person of a large export', async () => {
    const people = [];
    for (let i = 0; i < 30; i++)
      people.push(await createBeneficiary(server, swCrema, beneficiaryBody(crema)));
    const ids = people.map((p) => p.id);
    const before = await countEntries(ids, 'export');
    const csv = await download(server, swCrema, 'beneficiaries', { filter: { id: ids } });
    expect(csv.status).toBe(200);
    expect((await countEntries(ids, 'export')) - before).toBe(30);
  });

  async function countEntries(ids: number[], via: string): Promise<number> {
    const db = await openDatabase(server);
    try {
      const rows = await db.query<{ n: number | string }>(
        `SELECT COUNT(*) AS n FROM access_log WHERE entity_type = 'beneficiaries' AND via = $1 AND entity_id IN (${ids.join(',')})`,
        [via],
      );
      return Number(rows[0].n);
    } finally {
      await db.close();
    }
  }

  it('purges exactly the entries older than ACCESS_LOG_MONTHS, and the database refuses any other delete', async () => {
    const person = await createBeneficiary(server, swCrema, beneficiaryBody(crema));
    const today = todayIso();
    const monthsAgo = (months: number, shiftMs: number) => {
      const d = new Date(Date.now() + shiftMs);
      d.setUTCMonth(d.getUTCMonth() - months);
      return d.toISOString();
    };
    const HOUR = 3_600_000;
    const entries: Array<[string, string]> = [
      ['ancient', monthsAgo(60, 0)],
      ['past 24 months by an hour', monthsAgo(24, -HOUR)],
      ['24 months in an hour', monthsAgo(24, HOUR)],
      ['yesterday', `${addDays(today, -1)}T12:00:00.000Z`],
    ];
    const db = await openDatabase(server);
    try {
      for (const [, at] of entries) {
        await db.run(
          "INSERT INTO access_log (at, actor_id, entity_type, entity_id, via) VALUES ($1, $2, 'beneficiaries', $3, 'one')",
          [at, swId, person.id],
        );
      }
      // Nothing but the purge deletes: not even an entry past retention, before the job's horizon.
      await expect(
        db.run('DELETE FROM access_log WHERE entity_id = $1', [person.id]),
      ).rejects.toThrow(/append-only/);
      // The daily purge is due again; a second instance on the database runs it as it starts.
      await db.run('UPDATE access_log_purge SET last_run_at = NULL');
      const second = await startServer({
        databaseUrl: server.databaseUrl,
        demoData: false,
        env: { ACCESS_LOG_MONTHS: '24' },
      });
      try {
        const left = async () =>
          (
            await db.query<{ at: string }>(
              "SELECT at FROM access_log WHERE entity_type = 'beneficiaries' AND entity_id = $1 ORDER BY at",
              [person.id],
            )
          ).map((r) => r.at);
        const deadline = Date.now() + 15_000;
        while ((await left()).length > 2 && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 200));
        expect(await left()).toEqual([entries[2][1], entries[3][1]]);
        const state = await db.query<{ last_run_at: string | null; lease_owner: string | null }>(
          'SELECT last_run_at, lease_owner FROM access_log_purge',
        );
        expect(state).toHaveLength(1);
        expect(state[0].lease_owner).toBeNull();
        expect(state[0].last_run_at).not.toBeNull();
        // What is younger than the horizon stays undeletable.
        await expect(
          db.run('DELETE FROM access_log WHERE entity_id = $1', [person.id]),
        ).rejects.toThrow(/append-only/);
      } finally {
        await second.stop();
      }
    } finally {
      await db.close();
    }
  }, 60_000);
});
