import { addDays, RULE_SET_VERSION, todayIso } from '@generattivi/shared';
import {
  beneficiaryBody,
  createBeneficiary,
  createHousehold,
  Json,
  territoryIds,
  userId,
  yearsBefore,
} from '../support/fixtures';
import { attachSignedPact } from '../support/pacts';
import { startServer, TestServer } from '../support/server';

type Pact = Json & {
  id: number;
  version: number;
  status: string;
  reference: string;
  progress: number;
  eligibility: { eligible: boolean; checks: Array<{ rule: string; passed: boolean }> };
};
type Evaluation = {
  eligible: boolean;
  checks: Array<{ rule: string; passed: boolean; message: string }>;
};

describe('pacts', () => {
  let server: TestServer;
  let admin: string,
    manager: string,
    swCrema: string,
    swCremona: string,
    makerCrema: string,
    makerCremona: string;
  let t: Record<string, number>;
  let makerCremaId: number, makerCremonaId: number;
  const today = todayIso();

  beforeAll(async () => {
    server = await startServer();
    [admin, manager, swCrema, swCremona, makerCrema, makerCremona] = await Promise.all(
      [
        'admin@demo.generattivi.it',
        'manager@demo.generattivi.it',
        'sociale.crema@demo.generattivi.it',
        'sociale.cremona@demo.generattivi.it',
        'maker.crema@demo.generattivi.it',
        'maker.cremona@demo.generattivi.it',
      ].map((e) => server.login(e)),
    );
    t = await territoryIds(server, admin);
    makerCremaId = await userId(server, admin, 'maker.crema@demo.generattivi.it');
    makerCremonaId = await userId(server, admin, 'maker.cremona@demo.generattivi.it');
  });
  afterAll(async () => {
    await server?.stop();
  });

  const post = <T = Pact>(path: string, token: string, body: unknown) =>
    server.request<T>('POST', path, { token, body });
  const get = <T = Pact>(path: string, token: string) => server.request<T>('GET', path, { token });
  const put = <T = Pact>(path: string, token: string, body: unknown) =>
    server.request<T>('PUT', path, { token, body });

  async function autonomyPact(
    token = swCrema,
    birthDate?: string,
    extra: Json = {},
  ): Promise<Pact> {
    const b = await createBeneficiary(
      server,
      token,
      beneficiaryBody(t.CREMA, birthDate ? { birthDate } : {}),
    );
    const res = await post('/api/pacts', token, {
      type: 'AUTONOMY',
      territoryId: t.CREMA,
      beneficiaryId: b.id,
      title: 'Percorso verso il lavoro',
      startDate: today,
      plannedEndDate: addDays(today, 180),
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function transition(id: number, token: string, body: Json) {
    const current = await get(`/api/pacts/${id}`, admin);
    return post(`/api/pacts/${id}/transitions`, token, { version: current.body.version, ...body });
  }

  it('walks a pact from draft to completion', async () => {
    const pact = await autonomyPact(swCrema, undefined, { communityMakerId: makerCremaId });
    expect(pact.status).toBe('DRAFT');
    expect(pact.reference).toMatch(new RegExp(`^AUT-CREMA-${today.slice(0, 4)}-\\d{4}$`));
    expect(pact.eligibility.eligible).toBe(true);

    const m1 = await post<Json & { id: number; version: number }>('/api/milestones', makerCrema, {
      pactId: pact.id,
      title: 'Bilancio di competenze',
      dueDate: addDays(today, 30),
    });
    expect(m1.status).toBe(201);
    const m2 = await post<Json & { id: number; version: number }>('/api/milestones', swCrema, {
      pactId: pact.id,
      title: 'Tirocinio',
      dueDate: addDays(today, 90),
    });
    expect(m2.status).toBe(201);

    expect((await transition(pact.id, makerCrema, { to: 'SUBMITTED' })).status).toBe(200);
    await attachSignedPact(server, swCrema, pact.id);
    const approved = await transition(pact.id, swCrema, { to: 'ACTIVE' });
    expect(approved.status).toBe(200);
    expect(approved.body.approvedAt).toBeTruthy();

    const achieved = await put<Json>(`/api/milestones/${m1.body.id}`, makerCrema, {
      ...m1.body,
      status: 'ACHIEVED',
      evidence: 'Colloquio svolto',
    });
    expect(achieved.status).toBe(200);
    expect(achieved.body.achievedAt).toBe(today);
    expect((await get(`/api/pacts/${pact.id}`, swCrema)).body.progress).toBe(50);

    expect(
      (
        await post('/api/notes', makerCrema, {
          pactId: pact.id,
          kind: 'MEETING',
          body: 'Primo incontro al laboratorio',
        })
      ).status,
    ).toBe(201);

    const missingOutcome = await transition(pact.id, swCrema, { to: 'COMPLETED' });
    expect(missingOutcome.status).toBe(400);
    const wrongOutcome = await transition(pact.id, swCrema, {
      to: 'COMPLETED',
      outcome: 'IMPROVED',
    });
    expect(wrongOutcome.status).toBe(400);
    // The second milestone is still to do: closing says what becomes of it.
    const undecided = await transition(pact.id, swCrema, {
      to: 'COMPLETED',
      outcome: 'EMPLOYED',
      reason: 'Assunto a tempo determinato',
    });
    expect(undecided.status).toBe(400);
    expect(undecided.body.code).toBe('OPEN_MILESTONES_DECISION_REQUIRED');
    expect(undecided.body.openMilestones).toEqual([
      { id: m2.body.id, title: 'Tirocinio', dueDate: addDays(today, 90) },
    ]);
    const done = await transition(pact.id, swCrema, {
      to: 'COMPLETED',
      outcome: 'EMPLOYED',
      reason: 'Assunto a tempo determinato',
      openMilestones: 'MISSED',
    });
    expect(done.status).toBe(200);
    expect(done.body.progress).toBe(50);
    expect((await get<Json>(`/api/milestones/${m2.body.id}`, swCrema)).body).toMatchObject({
      status: 'MISSED',
      evidence: 'Assunto a tempo determinato',
      overdue: false,
    });
    expect(done.body).toMatchObject({
      status: 'COMPLETED',
      outcome: 'EMPLOYED',
      closingNote: 'Assunto a tempo determinato',
    });
    expect(done.body.closedAt).toBeTruthy();

    // Closed: read-only, but diary notes may still be added.
    const latest = done.body;
    expect(
      (await put(`/api/pacts/${pact.id}`, swCrema, { ...latest, title: 'Nuovo titolo' })).status,
    ).toBe(409);
    expect(
      (await post('/api/milestones', swCrema, { pactId: pact.id, title: 'Altro', dueDate: today }))
        .status,
    ).toBe(409);
    expect(
      (await put(`/api/milestones/${m2.body.id}`, swCrema, { ...m2.body, status: 'CANCELLED' }))
        .status,
    ).toBe(409);
    expect(
      (
        await post('/api/notes', swCrema, {
          pactId: pact.id,
          kind: 'NOTE',
          body: 'Verifica a tre mesi',
        })
      ).status,
    ).toBe(201);
    expect(
      (await post(`/api/pacts/${pact.id}/assign`, swCrema, { communityMakerId: makerCremaId }))
        .status,
    ).toBe(409);
    const history = await get<Json[]>(
      `/api/assignments?filter=${encodeURIComponent(JSON.stringify({ pactId: pact.id }))}`,
      swCrema,
    );
    expect(history.body).toHaveLength(1);
    expect(history.body[0].endedAt).toBeTruthy();
  });

  it('refuses a transition not allowed from the status with 409 listing the allowed ones', async () => {
    const pact = await autonomyPact();
    const res = await transition(pact.id, swCrema, { to: 'COMPLETED', outcome: 'EMPLOYED' });
    expect(res.status).toBe(409);
    expect(res.body.allowed).toEqual(['SUBMITTED', 'CANCELLED']);
    expect(res.body.message).toContain('SUBMITTED');
  });

  it('lets each role fire only its transitions', async () => {
    const pact = await autonomyPact(swCrema, undefined, { communityMakerId: makerCremaId });
    await post('/api/milestones', swCrema, {
      pactId: pact.id,
      title: 'Avvio',
      dueDate: addDays(today, 10),
    });
    // The manager may not fire any transition; the maker may only submit.
    expect((await transition(pact.id, manager, { to: 'SUBMITTED' })).status).toBe(403);
    expect((await transition(pact.id, makerCrema, { to: 'CANCELLED', reason: 'x' })).status).toBe(
      403,
    );
    expect((await transition(pact.id, makerCrema, { to: 'SUBMITTED' })).status).toBe(200);
    expect((await transition(pact.id, makerCrema, { to: 'ACTIVE' })).status).toBe(403);
    // A social worker of another territory does not see it at all.
    expect((await transition(pact.id, swCremona, { to: 'ACTIVE' })).status).toBe(404);
    // Send back needs a reason.
    expect((await transition(pact.id, swCrema, { to: 'DRAFT' })).status).toBe(400);
    expect(
      (
        await transition(pact.id, swCrema, {
          to: 'DRAFT',
          reason: 'Mancano gli impegni della comunità',
        })
      ).status,
    ).toBe(200);
    expect((await transition(pact.id, swCrema, { to: 'SUBMITTED' })).status).toBe(200);
    await attachSignedPact(server, swCrema, pact.id);
    expect((await transition(pact.id, swCrema, { to: 'ACTIVE' })).status).toBe(200);
    expect((await transition(pact.id, swCrema, { to: 'SUSPENDED' })).status).toBe(400);
    expect(
      (await transition(pact.id, swCrema, { to: 'SUSPENDED', reason: 'Ricovero' })).status,
    ).toBe(200);
    expect((await transition(pact.id, makerCrema, { to: 'ACTIVE' })).status).toBe(403);
    expect((await transition(pact.id, swCrema, { to: 'ACTIVE' })).status).toBe(200);
    expect(
      (
        await transition(pact.id, admin, {
          to: 'TERMINATED',
          reason: 'Trasferito',
          outcome: 'EMPLOYED',
        })
      ).status,
    ).toBe(400);
    const terminated = await transition(pact.id, admin, {
      to: 'TERMINATED',
      reason: 'Trasferito fuori provincia',
      outcome: 'MOVED_AWAY',
      openMilestones: 'MISSED',
    });
    expect(terminated.status).toBe(200);
    expect(terminated.body).toMatchObject({ status: 'TERMINATED', outcome: 'MOVED_AWAY' });
    expect((await transition(pact.id, admin, { to: 'ACTIVE' })).status).toBe(409);
  });

  it('refuses approval without a maker, a milestone or valid dates (422 naming each)', async () => {
    const pact = await autonomyPact(swCrema, undefined, { plannedEndDate: null });
    expect((await transition(pact.id, swCrema, { to: 'SUBMITTED' })).status).toBe(200);
    await attachSignedPact(server, swCrema, pact.id);
    const res = await transition(pact.id, swCrema, { to: 'ACTIVE' });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors as Json).sort()).toEqual([
      'communityMakerId',
      'milestones',
      'plannedEndDate',
    ]);
  });

  describe('eligibility at its edges', () => {
    const check = (body: Json) => post<Evaluation>('/api/eligibility/check', swCrema, body);
    const rule = (e: Evaluation, id: string) => e.checks.find((c) => c.rule === id)?.passed;

    it('AUTONOMY_AGE: 19 today is eligible, 18 is not', async () => {
      const b19 = await createBeneficiary(
        server,
        swCrema,
        beneficiaryBody(t.CREMA, { birthDate: yearsBefore(today, 19) }),
      );
      const b18 = await createBeneficiary(
        server,
        swCrema,
        beneficiaryBody(t.CREMA, { birthDate: addDays(yearsBefore(today, 19), 1) }),
      );
      expect(
        rule(
          (await check({ type: 'AUTONOMY', beneficiaryId: b19.id, territoryId: t.CREMA })).body,
          'AUTONOMY_AGE',
        ),
      ).toBe(true);
      expect(
        rule(
          (await check({ type: 'AUTONOMY', beneficiaryId: b18.id, territoryId: t.CREMA })).body,
          'AUTONOMY_AGE',
        ),
      ).toBe(false);
    });

    it('AUTONOMY_AGE: turning 40 tomorrow is eligible today, not tomorrow', async () => {
      const b = await createBeneficiary(
        server,
        swCrema,
        beneficiaryBody(t.CREMA, { birthDate: addDays(yearsBefore(today, 40), 1) }),
      );
      expect(
        rule(
          (
            await check({
              type: 'AUTONOMY',
              beneficiaryId: b.id,
              territoryId: t.CREMA,
              startDate: today,
            })
          ).body,
          'AUTONOMY_AGE',
        ),
      ).toBe(true);
      expect(
        rule(
          (
            await check({
              type: 'AUTONOMY',
              beneficiaryId: b.id,
              territoryId: t.CREMA,
              startDate: addDays(today, 1),
            })
          ).body,
          'AUTONOMY_AGE',
        ),
      ).toBe(false);
    });

    it('AUTONOMY_AGE: born on 29 February, 19 on 1 March of a non-leap year', async () => {
      const b = await createBeneficiary(
        server,
        swCrema,
        beneficiaryBody(t.CREMA, { birthDate: '2008-02-29' }),
      );
      expect(
        rule(
          (
            await check({
              type: 'AUTONOMY',
              beneficiaryId: b.id,
              territoryId: t.CREMA,
              startDate: '2027-02-28',
            })
          ).body,
          'AUTONOMY_AGE',
        ),
      ).toBe(false);
      expect(
        rule(
          (
            await check({
              type: 'AUTONOMY',
              beneficiaryId: b.id,
              territoryId: t.CREMA,
              startDate: '2027-03-01',
            })
          ).body,
          'AUTONOMY_AGE',
        ),
      ).toBe(true);
    });

    it('AUTONOMY_UNEMPLOYED and SAME_TERRITORY fail with reasons', async () => {
      const employed = await createBeneficiary(
        server,
        admin,
        beneficiaryBody(t.CREMA, { employmentStatus: 'EMPLOYED' }),
      );
      const e = (
        await post<Evaluation>('/api/eligibility/check', admin, {
          type: 'AUTONOMY',
          beneficiaryId: employed.id,
          territoryId: t.CREMONA,
        })
      ).body;
      expect(e.eligible).toBe(false);
      expect(rule(e, 'AUTONOMY_UNEMPLOYED')).toBe(false);
      expect(rule(e, 'SAME_TERRITORY')).toBe(false);
      expect(e.checks.every((c) => typeof c.message === 'string' && c.message.length > 0)).toBe(
        true,
      );
    });

    it('INCLUSION_VULNERABLE: ISEE exactly at 9,360.00 passes, one cent over fails, an assessment passes', async () => {
      const at = await createHousehold(server, swCrema, { territoryId: t.CREMA, iseeEur: 9360 });
      const over = await createHousehold(server, swCrema, {
        territoryId: t.CREMA,
        iseeEur: 9360.01,
      });
      const assessed = await createHousehold(server, swCrema, {
        territoryId: t.CREMA,
        iseeEur: null,
        vulnerable: true,
        vulnerabilityReason: 'Sfratto esecutivo in corso',
      });
      const r = async (id: number) =>
        rule(
          (await check({ type: 'INCLUSION', householdId: id, territoryId: t.CREMA })).body,
          'INCLUSION_VULNERABLE',
        );
      expect(await r(at.id)).toBe(true);
      expect(await r(over.id)).toBe(false);
      expect(await r(assessed.id)).toBe(true);
    });

    it('submission re-runs the rules and answers 422 with the evaluation', async () => {
      const pact = await autonomyPact(swCrema, addDays(yearsBefore(today, 40), 1), {
        startDate: addDays(today, 1),
        plannedEndDate: addDays(today, 200),
      });
      expect(pact.eligibility.eligible).toBe(false);
      const res = await transition(pact.id, swCrema, { to: 'SUBMITTED' });
      expect(res.status).toBe(422);
      const evaluation = res.body.evaluation as Evaluation;
      expect(evaluation.eligible).toBe(false);
      expect(evaluation.checks.find((c) => c.rule === 'AUTONOMY_AGE')?.passed).toBe(false);
    });
  });

  it('refuses a second open pact of the same type for the same person (409)', async () => {
    const pact = await autonomyPact();
    const again = await post('/api/pacts', swCrema, {
      type: 'AUTONOMY',
      territoryId: t.CREMA,
      beneficiaryId: pact.beneficiaryId,
      title: 'Secondo patto',
    });
    expect(again.status).toBe(409);
  });

  it('keeps the reassignment history and moves access with the maker', async () => {
    const other = await createBeneficiary(
      server,
      admin,
      beneficiaryBody(t.CREMONA, { municipality: 'Cremona' }),
    );
    const created = await post('/api/pacts', swCremona, {
      type: 'AUTONOMY',
      territoryId: t.CREMONA,
      beneficiaryId: other.id,
      title: 'Patto Cremona',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(
      (await post(`/api/pacts/${id}/assign`, swCremona, { communityMakerId: makerCremaId })).status,
    ).toBe(400);
    expect(
      (
        await post(`/api/pacts/${id}/assign`, swCremona, {
          communityMakerId: makerCremonaId,
          reason: 'Prima assegnazione',
        })
      ).status,
    ).toBe(200);
    expect((await get(`/api/pacts/${id}`, makerCremona)).status).toBe(200);
    const extra = await server.request<Json & { id: number }>('POST', '/api/users', {
      token: admin,
      body: {
        email: `maker.extra.${Date.now()}@demo.generattivi.it`,
        fullName: 'Anna Extra',
        role: 'COMMUNITY_MAKER',
        territoryIds: [t.CREMONA],
        password: 'una-password-lunga',
      },
    });
    expect(extra.status).toBe(201);
    expect(
      (await post(`/api/pacts/${id}/assign`, makerCremona, { communityMakerId: extra.body.id }))
        .status,
    ).toBe(403);
    const moved = await post(`/api/pacts/${id}/assign`, swCremona, {
      communityMakerId: extra.body.id,
      reason: 'Cambio di laboratorio',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.communityMakerId).toBe(extra.body.id);
    expect((await get(`/api/pacts/${id}`, makerCremona)).status).toBe(404);
    const history = await get<Array<Json>>(
      `/api/assignments?filter=${encodeURIComponent(JSON.stringify({ pactId: id }))}&sort=${encodeURIComponent('["startedAt","ASC"]')}`,
      swCremona,
    );
    expect(history.body.map((a) => [a.communityMakerId, a.endedAt === null])).toEqual([
      [makerCremonaId, false],
      [extra.body.id, true],
    ]);
    expect(
      (
        await server.request('PUT', `/api/assignments/${history.body[0].id}`, {
          token: admin,
          body: {},
        })
      ).status,
    ).toBe(405);
    expect(
      (await server.request('DELETE', `/api/assignments/${history.body[0].id}`, { token: admin }))
        .status,
    ).toBe(405);
  });

  it('keeps diary notes append-only (405)', async () => {
    const pact = await autonomyPact();
    const note = await post<Json & { id: number }>('/api/notes', swCrema, {
      pactId: pact.id,
      kind: 'CALL',
      body: 'Telefonata',
    });
    expect(note.status).toBe(201);
    expect(
      (await put(`/api/notes/${note.body.id}`, swCrema, { ...note.body, body: 'Corretto' })).status,
    ).toBe(405);
    expect(
      (await server.request('DELETE', `/api/notes/${note.body.id}`, { token: admin })).status,
    ).toBe(405);
  });

  it('lets a community maker edit only the commitments of a DRAFT pact assigned to them', async () => {
    const pact = await autonomyPact(swCrema, undefined, { communityMakerId: makerCremaId });
    const ok = await put(`/api/pacts/${pact.id}`, makerCrema, {
      ...pact,
      objectives: 'Trovare un lavoro stabile',
      citizenCommitments: 'Partecipare agli incontri',
    });
    expect(ok.status).toBe(200);
    // The fields are named as in the API, for the admin to say by their labels.
    const refused = await put(`/api/pacts/${pact.id}`, makerCrema, {
      ...ok.body,
      startDate: addDays(today, 3),
      socialWorkerId: null,
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'MAKER_FIELDS_ONLY',
      params: { fields: 'socialWorkerId, startDate' },
    });
    expect(
      (await put(`/api/pacts/${pact.id}`, manager, { ...ok.body, title: 'x y z' })).status,
    ).toBe(403);
    expect(
      (await put(`/api/pacts/${pact.id}`, swCrema, { ...ok.body, status: 'ACTIVE' })).status,
    ).toBe(400);
    expect(
      (await put(`/api/pacts/${pact.id}`, swCrema, { ...ok.body, reference: 'X' })).status,
    ).toBe(400);
  });

  it('deletes only DRAFT pacts, keeping the content in the audit trail', async () => {
    const pact = await autonomyPact();
    const submitted = await autonomyPact();
    await transition(submitted.id, swCrema, { to: 'SUBMITTED' });
    expect(
      (await server.request('DELETE', `/api/pacts/${submitted.id}`, { token: swCrema })).status,
    ).toBe(409);
    const del = await server.request<Pact>('DELETE', `/api/pacts/${pact.id}`, { token: swCrema });
    expect(del.status).toBe(200);
    expect(del.body.reference).toBe(pact.reference);
    expect((await get(`/api/pacts/${pact.id}`, swCrema)).status).toBe(404);
    const trail = await get<Array<Json>>(
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entityType: 'pacts', entityId: pact.id, action: 'delete' }))}`,
      admin,
    );
    expect(trail.body).toHaveLength(1);
    expect((trail.body[0].changes as Json).reference).toEqual([pact.reference, null]);
  });

  it('lets exactly one of ten concurrent updates with the same version succeed', async () => {
    const pact = await autonomyPact();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        put(`/api/pacts/${pact.id}`, swCrema, { ...pact, title: `Titolo concorrente ${i}` }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    expect((await get(`/api/pacts/${pact.id}`, swCrema)).body.version).toBe(pact.version + 1);
  });

  it('gives fifty concurrent creations fifty distinct gapless references', async () => {
    const people = [];
    for (let i = 0; i < 50; i++)
      people.push(
        await createBeneficiary(
          server,
          swCremona,
          beneficiaryBody(t.CREMONA, { municipality: 'Cremona' }),
        ),
      );
    const results = await Promise.all(
      people.map((b) =>
        post('/api/pacts', swCremona, {
          type: 'AUTONOMY',
          territoryId: t.CREMONA,
          beneficiaryId: b.id,
          title: 'Patto in parallelo',
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const numbers = results.map((r) => Number(r.body.reference.slice(-4))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(50);
    expect(numbers[49] - numbers[0]).toBe(49);
  });

  it('scopes lists: out-of-scope pacts are not found and not counted', async () => {
    const pact = await autonomyPact();
    expect((await get(`/api/pacts/${pact.id}`, swCremona)).status).toBe(404);
    const list = await get<Pact[]>(
      `/api/pacts?filter=${encodeURIComponent(JSON.stringify({ id: [pact.id] }))}`,
      swCremona,
    );
    expect(list.body).toEqual([]);
    expect(list.headers.get('content-range')).toBe('pacts */0');
    const mine = await get<Pact[]>(`/api/pacts?range=${encodeURIComponent('[0,999]')}`, makerCrema);
    expect(mine.body.every((p) => p.communityMakerId === makerCremaId)).toBe(true);
  });
});

describe('the ISEE threshold the server is configured with', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ env: { ISEE_THRESHOLD_EUR: '12000.00' } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('is the one the rules apply and the one the settings tell clients, to the cent', async () => {
    const maker = await server.login('maker.crema@demo.generattivi.it');
    const settings = await server.request('GET', '/api/eligibility/settings', { token: maker });
    expect(settings.status).toBe(200);
    expect(settings.body).toEqual({ ruleSetVersion: RULE_SET_VERSION, iseeThresholdEur: 12000 });
    expect((await server.request('GET', '/api/eligibility/settings')).status).toBe(401);

    const sw = await server.login('sociale.crema@demo.generattivi.it');
    const crema = (await territoryIds(server, sw)).CREMA;
    const vulnerable = async (iseeEur: number) => {
      const h = await createHousehold(server, sw, { territoryId: crema, iseeEur });
      const res = await server.request<Evaluation & { checks: Array<{ rule: string }> }>(
        'POST',
        '/api/eligibility/check',
        { token: sw, body: { type: 'INCLUSION', householdId: h.id, territoryId: crema } },
      );
      return res.body.checks.find((c) => c.rule === 'INCLUSION_VULNERABLE')?.passed;
    };
    expect(await vulnerable(12000)).toBe(true);
    expect(await vulnerable(12000.01)).toBe(false);
    expect(await vulnerable(9360.01)).toBe(true);
  });
});
