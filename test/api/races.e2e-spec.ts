import { addDays, APPROVED_PACT_STATUSES, todayIso } from '@generattivi/shared';
import { openDatabase, type DirectDb } from '../support/db';
import { beneficiaryBody, createBeneficiary, createHousehold, Json } from '../support/fixtures';
import { attachSignedPact, pactBody as newPactBody, pactSetup, transition } from '../support/pacts';
import { ApiResponse, failOnUnexpectedErrors, startServer, TestServer } from '../support/server';

type Pact = Json & { id: number; version: number; status: string; reference: string };
type Milestone = Json & { id: number; version: number; pactId: number; title: string };

/**
 * Invariants under concurrency (issue 10): TWO server instances on one database (one SQLite
 * file shared by two processes, or one PostgreSQL database), requests fired in parallel and
 * spread across both. Whatever the interleaving: no 500, the rules that span rows hold, and
 * afterwards the audit chain verifies and list totals are exact.
 */
describe('races between two server instances on one database', () => {
  const N = 24;
  let a: TestServer;
  let b: TestServer;
  let db: DirectDb;
  let sw: string;
  let admin: string;
  let crema: number;
  let makers: number[];
  const today = todayIso();

  /** The instance of the i-th request: every other one. */
  const on = (i: number) => (i % 2 === 0 ? a : b);
  const fire = <T = Json>(
    i: number,
    method: string,
    path: string,
    body?: unknown,
    token = sw,
  ): Promise<ApiResponse<T>> => on(i).request<T>(method, path, { token, body });
  const statuses = (responses: Array<ApiResponse<unknown>>) =>
    responses.map((r) => r.status).sort((x, y) => x - y);
  const codes = (responses: Array<ApiResponse<unknown>>) =>
    new Set(
      responses.filter((r) => r.status >= 400).map((r) => (r.body as { code?: string }).code),
    );

  /** The message a statement run beside the server failed with ('' when it did not fail). */
  const refusal = (statement: Promise<unknown>): Promise<string> =>
    statement.then(
      () => '',
      (e: unknown) => String((e as { message?: unknown } | null)?.message ?? e),
    );

  const pactBody = (subject: Json) => newPactBody(crema, makers[0], subject);

  async function createPact(subject: Json) {
    const res = await a.request<Pact>('POST', '/api/pacts', { token: sw, body: pactBody(subject) });
    if (res.status !== 201) throw new Error(`create pact → ${res.status} ${res.text}`);
    return res.body;
  }

  async function current(id: number): Promise<Pact> {
    return (await a.request<Pact>('GET', `/api/pacts/${id}`, { token: sw })).body;
  }

  async function move(id: number, to: string, extra: Json = {}) {
    const res = await transition<Pact>(a, sw, id, { to, ...extra });
    if (res.status !== 200) throw new Error(`${to} → ${res.status} ${res.text}`);
    return res.body;
  }

  async function newBeneficiary(): Promise<number> {
    return (await createBeneficiary(a, sw, beneficiaryBody(crema, { municipality: 'Crema' }))).id;
  }

  beforeAll(async () => {
    a = await startServer();
    b = await startServer({ databaseUrl: a.databaseUrl, demoData: false });
    const setup = await pactSetup(
      a,
      { sw: 'sociale.crema@demo.generattivi.it', admin: 'admin@demo.generattivi.it' },
      { crema: 'maker.crema@demo.generattivi.it', galli: 'f.galli@demo.generattivi.it' },
    );
    ({ sw, admin } = setup.tokens);
    crema = setup.territories.CREMA;
    makers = [setup.users.crema, setup.users.galli];
    db = await openDatabase(a);
  });
  afterAll(async () => {
    await db?.close();
    await b?.stop();
    await a?.stop();
  });

  // A 500 leaves its trace in the log of the instance that answered it: none in any test.
  failOnUnexpectedErrors(() => [a, b]);

  it('one open AUTONOMY pact per beneficiary: of 24 parallel creations exactly one is created', async () => {
    const beneficiaryId = await newBeneficiary();
    const responses = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        fire<Pact>(i, 'POST', '/api/pacts', pactBody({ beneficiaryId })),
      ),
    );
    expect(statuses(responses)).toEqual([201, ...Array<number>(N - 1).fill(409)]);
    expect(codes(responses)).toEqual(new Set(['OPEN_PACT_EXISTS']));
    const rows = await db.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM pacts WHERE type = 'AUTONOMY' AND beneficiary_id = $1`,
      [beneficiaryId],
    );
    expect(Number(rows[0].n)).toBe(1);
  });

  it('one open INCLUSION pact per household: of 24 parallel creations exactly one is created', async () => {
    const householdId = (await createHousehold(a, sw, { territoryId: crema })).id;
    const responses = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        fire<Pact>(i, 'POST', '/api/pacts', pactBody({ householdId })),
      ),
    );
    expect(statuses(responses)).toEqual([201, ...Array<number>(N - 1).fill(409)]);
    expect(codes(responses)).toEqual(new Set(['OPEN_PACT_EXISTS']));
    const rows = await db.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM pacts WHERE type = 'INCLUSION' AND household_id = $1`,
      [householdId],
    );
    expect(Number(rows[0].n)).toBe(1);
  });

  it('the database itself refuses a second open pact and writes to the milestones of a closed pact', async () => {
    // Beside the server, as an operator with database access could: the rules hold anyway.
    const beneficiaryId = await newBeneficiary();
    const pact = await createPact({ beneficiaryId });
    const now = new Date().toISOString();
    expect(
      await refusal(
        db.run(
          `INSERT INTO pacts (created_at, updated_at, version, type, reference, status, territory_id, beneficiary_id, title, objectives, citizen_commitments, community_commitments, progress)
           VALUES ($1, $2, 1, 'AUTONOMY', 'AUT-RAW-0001', 'SUBMITTED', $3, $4, 'raw', '', '', '', 0)`,
          [now, now, crema, beneficiaryId],
        ),
      ),
    ).toMatch(/unique/i);
    const milestone = await a.request<Milestone>('POST', '/api/milestones', {
      token: sw,
      body: { pactId: pact.id, title: 'Avvio', dueDate: addDays(today, 30) },
    });
    expect(milestone.status).toBe(201);
    await move(pact.id, 'CANCELLED', { reason: 'Rinuncia' });
    const closed = /pact.*closed/i;
    expect(
      await refusal(
        db.run(`UPDATE milestones SET title = 'changed' WHERE pact_id = $1`, [pact.id]),
      ),
    ).toMatch(closed);
    expect(await refusal(db.run('DELETE FROM milestones WHERE pact_id = $1', [pact.id]))).toMatch(
      closed,
    );
    expect(
      await refusal(
        db.run(
          `INSERT INTO milestones (created_at, updated_at, version, pact_id, title, description, due_date, status)
           VALUES ($1, $2, 1, $3, 'late', '', $4, 'PENDING')`,
          [now, now, pact.id, addDays(today, 10)],
        ),
      ),
    ).toMatch(closed);
    expect(
      await refusal(
        db.run(`UPDATE assignments SET reason = 'changed' WHERE pact_id = $1`, [pact.id]),
      ),
    ).toMatch(closed);
  });

  it("a pact's closing racing 24 milestone writes: nothing of its milestones changes once it is closed", async () => {
    const pact = await createPact({ beneficiaryId: await newBeneficiary() });
    const seeded: Milestone[] = [];
    for (let k = 0; k < 4; k++) {
      const res = await a.request<Milestone>('POST', '/api/milestones', {
        token: sw,
        body: { pactId: pact.id, title: `Tappa ${k}`, dueDate: addDays(today, 30 + k) },
      });
      expect(res.status).toBe(201);
      seeded.push(res.body);
    }
    await move(pact.id, 'SUBMITTED');
    await attachSignedPact(a, sw, pact.id);
    const active = await move(pact.id, 'ACTIVE');

    const writes = Array.from({ length: N }, (_, i) => {
      if (i % 2 === 0)
        return fire<Milestone>(i, 'POST', '/api/milestones', {
          pactId: pact.id,
          title: `Tappa aggiunta ${i}`,
          dueDate: addDays(today, 60 + i),
        });
      const m = seeded[i % seeded.length];
      return fire<Milestone>(i, 'PUT', `/api/milestones/${m.id}`, {
        version: m.version,
        title: `Tappa rivista ${i}`,
        dueDate: m.dueDate,
      });
    });
    const closing = fire<Pact>(1, 'POST', `/api/pacts/${pact.id}/transitions`, {
      version: active.version,
      to: 'COMPLETED',
      outcome: 'EMPLOYED',
      // Closing decides the milestones still to do, in the closing's own transaction.
      openMilestones: 'MISSED',
    });
    const [closed, ...answers] = await Promise.all([closing, ...writes]);

    expect(closed.status).toBe(200);
    for (const r of answers) expect([200, 201, 409]).toContain(r.status);
    for (const r of answers.filter((x) => x.status === 409))
      expect(['PACT_CLOSED', 'PACT_CLOSED_CHILDREN', 'VERSION_CONFLICT']).toContain(
        (r.body as unknown as { code: string }).code,
      );

    // The state at closing, rebuilt from the audit trail (in commit order), is the state now:
    // no milestone event after the closing, and every milestone as its earlier events left it.
    const events = await db.query<{
      id: number;
      entity_type: string;
      entity_id: number;
      action: string;
    }>(
      `SELECT id, entity_type, entity_id, action FROM audit_events
        WHERE (entity_type = 'pacts' AND entity_id = $1 AND action = 'transition')
           OR (entity_type = 'milestones' AND entity_id IN (SELECT id FROM milestones WHERE pact_id = $2))
        ORDER BY id`,
      [pact.id, pact.id],
    );
    const closingEvent = events.filter((e) => e.entity_type === 'pacts').at(-1)!;
    const after = events.filter((e) => Number(e.id) > Number(closingEvent.id));
    expect(after).toEqual([]);
    const milestones = (
      await a.request<Milestone[]>(
        'GET',
        `/api/milestones?filter=${encodeURIComponent(JSON.stringify({ pactId: pact.id }))}&range=[0,99]`,
        { token: sw },
      )
    ).body;
    const created = answers.filter((r) => r.status === 201).length;
    const updated = answers.filter((r) => r.status === 200).map((r) => (r.body as Milestone).id);
    expect(milestones).toHaveLength(seeded.length + created);
    for (const m of milestones) {
      const updates = events.filter(
        (e) =>
          e.entity_type === 'milestones' && Number(e.entity_id) === m.id && e.action === 'update',
      ).length;
      expect(m.version).toBe(1 + updates);
      // Every milestone was still to do at the closing, which marked it MISSED: one update of
      // its own, the others those the API answered 200.
      expect(m.status).toBe('MISSED');
      expect(updated.filter((id) => id === m.id)).toHaveLength(updates - 1);
    }
    // Refused writes left nothing: nothing pending in the state at closing either.
    expect((await current(pact.id)).status).toBe('COMPLETED');
  });

  it('54 pairs of assign + edit of one pact: no 500, each either 200 or 409', async () => {
    const pact = await createPact({ beneficiaryId: await newBeneficiary() });
    const version = pact.version;
    const pairs = 54;
    const responses = await Promise.all(
      Array.from({ length: pairs }, (_, i) => [
        fire<Pact>(i, 'POST', `/api/pacts/${pact.id}/assign`, {
          communityMakerId: makers[(i + 1) % 2],
          reason: `turno ${i}`,
        }),
        fire<Pact>(i + 1, 'PUT', `/api/pacts/${pact.id}`, {
          version,
          title: `Titolo ${i}`,
        }),
      ]).flat(),
    );
    for (const r of responses) expect([200, 409]).toContain(r.status);
    expect(responses.some((r) => r.status === 200)).toBe(true);
    // The assignment history holds exactly one open assignment, the pact's community maker's.
    const final = await current(pact.id);
    const open = await db.query<{ community_maker_id: number }>(
      'SELECT community_maker_id FROM assignments WHERE pact_id = $1 AND ended_at IS NULL',
      [pact.id],
    );
    expect(open.map((o) => Number(o.community_maker_id))).toEqual([final.communityMakerId]);
  });

  it('24 edits with the same version: exactly one wins', async () => {
    const pact = await createPact({ beneficiaryId: await newBeneficiary() });
    const responses = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        fire<Pact>(i, 'PUT', `/api/pacts/${pact.id}`, {
          version: pact.version,
          title: `Titolo ${i}`,
        }),
      ),
    );
    expect(statuses(responses)).toEqual([200, ...Array<number>(N - 1).fill(409)]);
    expect(codes(responses)).toEqual(new Set(['VERSION_CONFLICT']));
    const winner = responses.find((r) => r.status === 200)!.body;
    const final = await current(pact.id);
    expect(final.version).toBe(pact.version + 1);
    expect(final.title).toBe(winner.title);
  });

  it('24 creations across both instances: references without gaps or duplicates', async () => {
    const beneficiaries: number[] = [];
    for (let i = 0; i < N; i++) beneficiaries.push(await newBeneficiary());
    const responses = await Promise.all(
      beneficiaries.map((beneficiaryId, i) =>
        fire<Pact>(i, 'POST', '/api/pacts', pactBody({ beneficiaryId })),
      ),
    );
    expect(statuses(responses)).toEqual(Array<number>(N).fill(201));
    const series = responses[0].body.reference.replace(/-\d+$/, '');
    const rows = await db.query<{ reference: string }>(
      'SELECT reference FROM pacts WHERE reference LIKE $1',
      [`${series}-%`],
    );
    const numbers = rows
      .map((r) => Number(r.reference.slice(series.length + 1)))
      .sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, k) => k + 1));
    for (const r of responses)
      expect(numbers).toContain(Number(r.body.reference.slice(series.length + 1)));
  });

  it('approvals racing deletions of the signed pact (24 requests): no approved pact is left without one', async () => {
    // 8 SUBMITTED pacts with one signed copy each: approve on one instance, delete the copy on
    // the other; 4 ACTIVE pacts with two copies each: delete both at once, on both instances.
    const ready = async () => {
      const pact = await createPact({ beneficiaryId: await newBeneficiary() });
      const milestone = await a.request('POST', '/api/milestones', {
        token: sw,
        body: { pactId: pact.id, title: 'Colloquio', dueDate: addDays(today, 30) },
      });
      expect(milestone.status).toBe(201);
      await move(pact.id, 'SUBMITTED');
      return { pact, signed: [await attachSignedPact(a, sw, pact.id)] };
    };
    const submitted = [];
    for (let k = 0; k < 8; k++) submitted.push(await ready());
    const active = [];
    for (let k = 0; k < 4; k++) {
      const { pact, signed } = await ready();
      await move(pact.id, 'ACTIVE');
      active.push({ pact, signed: [...signed, await attachSignedPact(a, sw, pact.id)] });
    }
    const versions = await Promise.all(submitted.map(({ pact }) => current(pact.id)));
    const requests = [
      ...submitted.flatMap(({ pact, signed }, k) => [
        () =>
          fire<Pact>(2 * k, 'POST', `/api/pacts/${pact.id}/transitions`, {
            to: 'ACTIVE',
            version: versions[k].version,
          }),
        () => fire(2 * k + 1, 'DELETE', `/api/documents/${signed[0]}`),
      ]),
      ...active.flatMap(({ signed }) => [
        () => fire(0, 'DELETE', `/api/documents/${signed[0]}`),
        () => fire(1, 'DELETE', `/api/documents/${signed[1]}`),
      ]),
    ];
    expect(requests.length).toBeGreaterThanOrEqual(N);
    const responses = await Promise.all(requests.map((send) => send()));
    expect(responses.filter((r) => r.status >= 500)).toEqual([]);

    const left = async (pactId: number) =>
      (
        await db.query<{ n: number | string }>(
          `SELECT COUNT(*) AS n FROM documents WHERE owner_type = 'pacts' AND owner_id = ${pactId} AND kind = 'SIGNED_PACT'`,
        )
      ).map((r) => Number(r.n))[0];
    for (const [k, { pact }] of submitted.entries()) {
      const [approval, deletion] = responses.slice(2 * k, 2 * k + 2);
      const status = (await current(pact.id)).status;
      const count = await left(pact.id);
      // Either the approval went first (the copy kept: 409), or the deletion (approval: 422).
      if (status === 'ACTIVE') {
        expect([approval.status, deletion.status, count]).toEqual([200, 409, 1]);
        expect(codes([deletion])).toEqual(new Set(['LAST_SIGNED_PACT']));
      } else {
        expect([status, approval.status, deletion.status, count]).toEqual([
          'SUBMITTED',
          422,
          200,
          0,
        ]);
        expect(codes([approval])).toEqual(new Set(['SIGNED_PACT_MISSING']));
      }
    }
    for (const [k, { pact }] of active.entries()) {
      const pair = responses.slice(16 + 2 * k, 16 + 2 * k + 2);
      expect(statuses(pair)).toEqual([200, 409]);
      expect(await left(pact.id)).toBe(1);
    }
    // And whatever the order, no approved pact anywhere lacks its signed copy.
    const unsigned = await db.query<{ id: number }>(
      `SELECT p.id FROM pacts p WHERE p.status IN (${APPROVED_PACT_STATUSES.map((x) => `'${x}'`).join(', ')}) AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.owner_type = 'pacts' AND d.owner_id = p.id AND d.kind = 'SIGNED_PACT')`,
    );
    expect(unsigned).toEqual([]);
  });

  it('24 milestones added at once across both instances: the reports of both count them all at once', async () => {
    const pact = await createPact({ beneficiaryId: await newBeneficiary() });
    /** The milestones due by today in the outcomes report of `server` (from its result cache). */
    const due = async (server: TestServer) => {
      const res = await server.request<{ rows: Array<{ milestonesDue: number }> }>(
        'GET',
        '/api/reports/outcomes',
        { token: sw },
      );
      expect(res.status).toBe(200);
      return res.body.rows.reduce((sum, r) => sum + r.milestonesDue, 0);
    };
    const before = [await due(a), await due(b)];
    expect(before[1]).toBe(before[0]);
    const responses = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        fire(i, 'POST', '/api/milestones', {
          pactId: pact.id,
          title: `Tappa ${i}`,
          dueDate: today,
        }),
      ),
    );
    expect(statuses(responses)).toEqual(Array<number>(N).fill(201));
    expect([await due(a), await due(b)]).toEqual([before[0] + N, before[0] + N]);
  });

  it('afterwards: the audit chain verifies and list totals are exact on both instances', async () => {
    for (const server of [a, b]) {
      const verify = await server.request<{ valid: boolean }>('GET', '/api/audit-events/verify', {
        token: admin,
      });
      expect(verify.status).toBe(200);
      expect(verify.body.valid).toBe(true);
      for (const resource of ['pacts', 'milestones', 'assignments']) {
        const [{ n }] = await db.query<{ n: number | string }>(
          `SELECT COUNT(*) AS n FROM ${resource}`,
        );
        let rows = 0;
        let total = -1;
        for (let start = 0; total === -1 || start < total; start += 1000) {
          const page = await server.request<Json[]>(
            'GET',
            `/api/${resource}?range=${encodeURIComponent(JSON.stringify([start, start + 999]))}`,
            { token: admin },
          );
          expect(page.status).toBe(200);
          total = Number(/\/(\d+)$/.exec(page.headers.get('content-range') ?? '')?.[1]);
          rows += page.body.length;
          if (page.body.length === 0) break;
        }
        expect(total).toBe(Number(n));
        expect(rows).toBe(Number(n));
      }
    }
  });
});
