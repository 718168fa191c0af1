import { addDays, todayIso } from '@generattivi/shared';
import { openDatabase, type DirectDb } from '../support/db';
import { beneficiaryBody, createBeneficiary, createHousehold, Json } from '../support/fixtures';
import { attachSignedPact, pactBody, pactSetup, ROLE_ACCOUNTS, transition } from '../support/pacts';
import { startServer, TestServer } from '../support/server';

type Pact = Json & { id: number; version: number; status: string };

/**
 * The pact list takes its total (Content-Range) from the pact_counts summary, kept by
 * triggers on pacts, when the caller's scope and the filters allow it. Whatever the path,
 * the total must be the number of pacts the list actually holds.
 */
describe('pact list totals (pact_counts)', () => {
  let server: TestServer;
  let db: DirectDb;
  let tokens: Record<'admin' | 'manager' | 'swCrema' | 'swCremona' | 'makerCrema', string>;
  let t: Record<string, number>;
  let maker: Record<'CREMA' | 'CREMONA', number>;
  const today = todayIso();

  const j = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  const post = (path: string, token: string, body: unknown) =>
    server.request<Pact>('POST', path, { token, body });

  async function pact(territory: 'CREMA' | 'CREMONA', type: 'AUTONOMY' | 'INCLUSION') {
    const token = territory === 'CREMA' ? tokens.swCrema : tokens.swCremona;
    const municipality = territory === 'CREMA' ? 'Crema' : 'Cremona';
    const subject =
      type === 'AUTONOMY'
        ? {
            beneficiaryId: (
              await createBeneficiary(
                server,
                token,
                beneficiaryBody(t[territory], { municipality }),
              )
            ).id,
          }
        : {
            householdId: (
              await createHousehold(server, token, { territoryId: t[territory], municipality })
            ).id,
          };
    const res = await post(
      '/api/pacts',
      token,
      pactBody(t[territory], maker[territory], subject, { title: `Patto ${type} ${territory}` }),
    );
    if (res.status !== 201) throw new Error(`create pact → ${res.status} ${res.text}`);
    const milestone = await post('/api/milestones', token, {
      pactId: res.body.id,
      title: 'Avvio',
      dueDate: addDays(today, 30),
    });
    if (milestone.status !== 201) throw new Error(`milestone → ${milestone.status}`);
    return { ...res.body, token };
  }

  async function move(p: { id: number; token: string }, to: string, extra: Json = {}) {
    const res = await transition(server, p.token, p.id, { to, ...extra });
    if (res.status !== 200) throw new Error(`${to} → ${res.status} ${res.text}`);
  }

  /** The Content-Range total of a page, and every row of the whole list. */
  async function totalAndRows(token: string, filter: Json, range = '[0,24]') {
    const page = await server.request<Pact[]>(
      'GET',
      `/api/pacts?filter=${j(filter)}&range=${j(JSON.parse(range))}`,
      { token },
    );
    expect(page.status).toBe(200);
    const total = Number(/\/(\d+)$/.exec(page.headers.get('content-range') ?? '')?.[1]);
    const all = await server.request<Pact[]>(
      'GET',
      `/api/pacts?filter=${j(filter)}&range=${j([0, 999])}`,
      { token },
    );
    expect(all.status).toBe(200);
    return { total, rows: all.body, page };
  }

  beforeAll(async () => {
    server = await startServer();
    ({
      tokens,
      territories: t,
      users: maker,
    } = await pactSetup(server, ROLE_ACCOUNTS, {
      CREMA: 'maker.crema@demo.generattivi.it',
      CREMONA: 'maker.cremona@demo.generattivi.it',
    }));
    db = await openDatabase(server);

    // Pacts in two territories, of both types, moved through the transitions.
    const created = [];
    for (const territory of ['CREMA', 'CREMONA'] as const)
      for (const type of ['AUTONOMY', 'AUTONOMY', 'AUTONOMY', 'INCLUSION'] as const)
        created.push(await pact(territory, type));
    const [a1, a2, a3, i1, b1, b2, b3, j1] = created;
    for (const p of [a1, a2, i1, b1, b2, j1]) await move(p, 'SUBMITTED');
    for (const p of [a1, i1, b1]) {
      await attachSignedPact(server, p.token, p.id);
      await move(p, 'ACTIVE');
    }
    await move(a1, 'SUSPENDED', { reason: 'Ricovero' });
    await move(b2, 'CANCELLED', { reason: 'Rinuncia' });
    await move(b3, 'CANCELLED', { reason: 'Trasferimento' });
    const deleted = await server.request('DELETE', `/api/pacts/${a3.id}`, {
      token: tokens.swCrema,
    });
    expect(deleted.status).toBe(200);
  });

  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  it('keeps pact_counts equal to a count of the pacts', async () => {
    const summary = await db.query<{
      territory_id: number;
      status: string;
      type: string;
      n: number;
    }>(
      'SELECT territory_id, status, type, n FROM pact_counts WHERE n <> 0 ORDER BY territory_id, status, type',
    );
    const counted = await db.query<{
      territory_id: number;
      status: string;
      type: string;
      n: number;
    }>(
      'SELECT territory_id, status, type, COUNT(*) AS n FROM pacts GROUP BY territory_id, status, type ORDER BY territory_id, status, type',
    );
    const norm = (rows: typeof summary) => rows.map((r) => ({ ...r, n: Number(r.n) }));
    expect(norm(summary)).toEqual(norm(counted));
    expect(summary.map((r) => r.status)).toEqual(expect.arrayContaining(['CANCELLED']));
    const [negative] = await db.query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM pact_counts WHERE n < 0',
    );
    expect(Number(negative.n)).toBe(0);
  });

  const filters = (): Array<[string, Json]> => [
    ['no filter', {}],
    ['territoryId', { territoryId: t.CREMA }],
    ['status', { status: 'ACTIVE' }],
    ['territoryId + status', { territoryId: t.CREMONA, status: 'CANCELLED' }],
    ['type', { type: 'INCLUSION' }],
    ['status as an array', { status: ['SUBMITTED', 'SUSPENDED', 'DRAFT'] }],
    [
      'all three, arrays',
      { territoryId: [t.CREMA, t.CREMONA], status: ['ACTIVE', 'DRAFT'], type: 'AUTONOMY' },
    ],
    ['an empty array', { status: [] }],
    // Not answerable from the summary: counted over the pacts.
    ['a search', { q: 'Patto' }],
    ['a community maker', { communityMakerId: maker.CREMA, status: 'ACTIVE' }],
  ];

  it.each(['admin', 'manager', 'swCrema', 'swCremona', 'makerCrema'] as const)(
    'gives %s totals equal to the rows of the whole list',
    async (who) => {
      for (const [name, filter] of filters()) {
        const { total, rows } = await totalAndRows(tokens[who], filter);
        expect({ name, total }).toEqual({ name, total: rows.length });
      }
    },
  );

  it('answers an empty page with */total, and an empty array with */0', async () => {
    const past = await totalAndRows(tokens.swCrema, { status: 'ACTIVE' }, '[900,924]');
    expect(past.page.headers.get('content-range')).toBe(`pacts */${past.rows.length}`);
    expect(past.rows.length).toBeGreaterThan(0);
    const none = await totalAndRows(tokens.admin, { status: [] });
    expect(none.page.headers.get('content-range')).toBe('pacts */0');
  });

  it('takes the total from pact_counts only where it applies', async () => {
    // Tamper with the summary: the lists that use it show the change, the others do not.
    const filter = { territoryId: t.CREMA, status: 'ACTIVE', type: 'AUTONOMY' };
    const before = await totalAndRows(tokens.admin, filter);
    const key = [t.CREMA, 'ACTIVE', 'AUTONOMY'];
    const where = 'WHERE territory_id = $1 AND status = $2 AND type = $3';
    expect(await db.run(`UPDATE pact_counts SET n = n + 1000 ${where}`, key)).toBe(1);
    try {
      for (const who of ['admin', 'manager', 'swCrema'] as const)
        expect((await totalAndRows(tokens[who], filter)).total).toBe(before.total + 1000);
      expect((await totalAndRows(tokens.swCremona, filter)).total).toBe(0);
      expect((await totalAndRows(tokens.admin, { ...filter, q: 'Patto' })).total).toBeLessThan(
        1000,
      );
      expect((await totalAndRows(tokens.makerCrema, filter)).total).toBeLessThan(1000);
    } finally {
      await db.run(`UPDATE pact_counts SET n = n - 1000 ${where}`, key);
    }
  });
});
