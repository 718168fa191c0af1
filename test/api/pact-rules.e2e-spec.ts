import { addDays, todayIso } from '@generattivi/shared';
import { openDatabase } from '../support/db';
import { beneficiaryBody, createBeneficiary, createHousehold, Json } from '../support/fixtures';
import { attachSignedPact, pactBody, pactSetup, transition } from '../support/pacts';
import { startServer, TestServer } from '../support/server';

type Rec = Json & { id: number; version: number; updatedAt: string };
type Pact = Rec & {
  status: string;
  progress: number;
  eligibility: { eligible: boolean; checks: Array<{ rule: string; passed: boolean }> };
};
type Milestone = Rec & { status: string; evidence: string | null; overdue: boolean };
type Alert = { kind: string; pactId: number; milestoneId?: number };
type CaseloadRow = { userId: number; overdueMilestones: number; withoutRecentNote: number };

const j = (v: unknown) => encodeURIComponent(JSON.stringify(v));

/**
 * Issue 10, "details": a PUT that changes nothing, a refused submission keeping its
 * evaluation, suspension pausing the clock, closing deciding the open milestones.
 */
describe('pact rules', () => {
  let server: TestServer;
  let admin: string, swCrema: string;
  let t: Record<string, number>;
  let makerCremaId: number, swCremaId: number;
  const today = todayIso();

  beforeAll(async () => {
    server = await startServer();
    const setup = await pactSetup(
      server,
      { admin: 'admin@demo.generattivi.it', swCrema: 'sociale.crema@demo.generattivi.it' },
      {
        makerCrema: 'maker.crema@demo.generattivi.it',
        swCrema: 'sociale.crema@demo.generattivi.it',
      },
    );
    ({ admin, swCrema } = setup.tokens);
    t = setup.territories;
    ({ makerCrema: makerCremaId, swCrema: swCremaId } = setup.users);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const req = <T = Pact>(method: string, path: string, token: string, body?: unknown) =>
    server.request<T>(method, path, { token, body });
  const get = <T = Pact>(path: string, token = admin) => req<T>('GET', path, token);

  async function pactWith(
    milestones: Array<{ title: string; dueDate: string }>,
    extra: Json = {},
  ): Promise<Pact> {
    const b = await createBeneficiary(server, swCrema, beneficiaryBody(t.CREMA));
    const res = await req(
      'POST',
      '/api/pacts',
      swCrema,
      pactBody(t.CREMA, makerCremaId, { beneficiaryId: b.id }, extra),
    );
    expect(res.status).toBe(201);
    for (const m of milestones) {
      const created = await req('POST', '/api/milestones', swCrema, { pactId: res.body.id, ...m });
      expect(created.status).toBe(201);
    }
    return (await get(`/api/pacts/${res.body.id}`)).body;
  }

  const move = (id: number, body: Json) => transition<Pact>(server, swCrema, id, body);

  async function activate(id: number) {
    expect((await move(id, { to: 'SUBMITTED' })).status).toBe(200);
    await attachSignedPact(server, swCrema, id);
    expect((await move(id, { to: 'ACTIVE' })).status).toBe(200);
  }

  const milestonesOf = async (pactId: number) =>
    (await get<Milestone[]>(`/api/milestones?filter=${j({ pactId })}&sort=${j(['id', 'ASC'])}`))
      .body;

  async function auditCount(entityType: string, entityId: number): Promise<number> {
    const res = await get(`/api/audit-events?filter=${j({ entityType, entityId })}&range=[0,0]`);
    expect(res.status).toBe(200);
    return Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1]);
  }

  describe('a PUT that changes nothing', () => {
    /** The record as GET gives it, and the PUT path, for each versioned resource. */
    const records: Array<[string, () => Promise<{ path: string; token: string }>]> = [
      ['pacts', async () => ({ path: `/api/pacts/${(await pactWith([])).id}`, token: swCrema })],
      [
        'milestones',
        async () => {
          const pact = await pactWith([{ title: 'Colloquio', dueDate: addDays(today, 10) }]);
          return { path: `/api/milestones/${(await milestonesOf(pact.id))[0].id}`, token: swCrema };
        },
      ],
      [
        'beneficiaries',
        async () => ({
          path: `/api/beneficiaries/${(await createBeneficiary(server, swCrema, beneficiaryBody(t.CREMA))).id}`,
          token: swCrema,
        }),
      ],
      [
        'households',
        async () => ({
          path: `/api/households/${(await createHousehold(server, swCrema, { territoryId: t.CREMA, iseeEur: 8123.45 })).id}`,
          token: swCrema,
        }),
      ],
      ['users', async () => ({ path: `/api/users/${makerCremaId}`, token: admin })],
      ['territories', async () => ({ path: `/api/territories/${t.CREMONA}`, token: admin })],
      [
        'community-labs',
        async () => ({
          path: `/api/community-labs/${(await get<Rec[]>('/api/community-labs?range=[0,0]')).body[0].id}`,
          token: admin,
        }),
      ],
      [
        'civic-centers',
        async () => ({
          path: `/api/civic-centers/${(await get<Rec[]>('/api/civic-centers?range=[0,0]')).body[0].id}`,
          token: admin,
        }),
      ],
    ];

    it.each(records)(
      '%s: same version, same updatedAt, no audit event, 200 with the record',
      async (resource, make) => {
        const { path, token } = await make();
        const before = await get<Rec>(path, token);
        expect(before.status).toBe(200);
        const id = before.body.id;
        const events = await auditCount(resource, id);
        const res = await req<Rec>('PUT', path, token, before.body);
        expect(res.status).toBe(200);
        expect(res.body).toEqual(before.body);
        const after = await get<Rec>(path, token);
        expect(after.body.version).toBe(before.body.version);
        expect(after.body.updatedAt).toBe(before.body.updatedAt);
        expect(await auditCount(resource, id)).toBe(events);
      },
    );

    it.each([
      ['beneficiaries', 'phone', '+39 333 111 2222'],
      ['pacts', 'title', 'Un altro titolo'],
    ])(
      '%s: a stale version is still a 409, with or without a change',
      async (resource, field, value) => {
        const path =
          resource === 'pacts'
            ? `/api/pacts/${(await pactWith([])).id}`
            : `/api/beneficiaries/${(await createBeneficiary(server, swCrema, beneficiaryBody(t.CREMA))).id}`;
        const first = (await get<Rec>(path, swCrema)).body;
        const changed = await req<Rec>('PUT', path, swCrema, { ...first, [field]: value });
        expect(changed.status).toBe(200);
        expect(changed.body.version).toBe(first.version + 1);
        // The current content with the old version: nothing would change, the version is stale.
        const stale = await req<Rec>('PUT', path, swCrema, {
          ...changed.body,
          version: first.version,
        });
        expect(stale.status).toBe(409);
        expect(stale.body.code).toBe('VERSION_CONFLICT');
        // The current record back as is: a no-op at the current version.
        const same = await req<Rec>('PUT', path, swCrema, changed.body);
        expect(same.status).toBe(200);
        expect(same.body.version).toBe(changed.body.version);
      },
    );

    it('a real change still bumps the version and writes one audit event', async () => {
      const pact = await pactWith([]);
      const events = await auditCount('pacts', pact.id);
      const res = await req('PUT', `/api/pacts/${pact.id}`, swCrema, {
        ...pact,
        objectives: 'Nuovi obiettivi',
      });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(pact.version + 1);
      expect(await auditCount('pacts', pact.id)).toBe(events + 1);
    });
  });

  describe('a refused submission or approval keeps its evaluation', () => {
    async function setEmployment(beneficiaryId: number, employmentStatus: string) {
      const b = await get<Rec>(`/api/beneficiaries/${beneficiaryId}`, swCrema);
      const res = await req('PUT', `/api/beneficiaries/${beneficiaryId}`, swCrema, {
        ...b.body,
        employmentStatus,
      });
      expect(res.status).toBe(200);
    }
    const failing = (p: Pact) => p.eligibility.checks.filter((c) => !c.passed).map((c) => c.rule);

    it('GET after the 422 shows the failing evaluation; the version stays, so nobody gets a 409', async () => {
      const pact = await pactWith([{ title: 'Colloquio', dueDate: addDays(today, 10) }]);
      expect(pact.eligibility.eligible).toBe(true);
      await setEmployment(pact.beneficiaryId as number, 'EMPLOYED');

      const refused = await move(pact.id, { to: 'SUBMITTED' });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('NOT_ELIGIBLE');

      const after = (await get(`/api/pacts/${pact.id}`)).body;
      expect(after.status).toBe('DRAFT');
      expect(after.eligibility.eligible).toBe(false);
      expect(failing(after)).toEqual(['AUTONOMY_UNEMPLOYED']);
      expect(after.version).toBe(pact.version);
      expect(after.updatedAt).toBe(pact.updatedAt);

      // Whoever still holds the copy read before the refusal can save it.
      const edit = await req('PUT', `/api/pacts/${pact.id}`, swCrema, {
        ...pact,
        title: 'Titolo rivisto',
      });
      expect(edit.status).toBe(200);
      expect(edit.body.eligibility.eligible).toBe(false);

      await setEmployment(pact.beneficiaryId as number, 'UNEMPLOYED');
      const submitted = await move(pact.id, { to: 'SUBMITTED' });
      expect(submitted.status).toBe(200);
      expect(submitted.body.eligibility.eligible).toBe(true);
    });

    it('a refused approval too', async () => {
      const pact = await pactWith([{ title: 'Colloquio', dueDate: addDays(today, 10) }]);
      expect((await move(pact.id, { to: 'SUBMITTED' })).status).toBe(200);
      const submitted = (await get(`/api/pacts/${pact.id}`)).body;
      await setEmployment(pact.beneficiaryId as number, 'STUDENT');
      await attachSignedPact(server, swCrema, pact.id);
      const refused = await move(pact.id, { to: 'ACTIVE' });
      expect(refused.status).toBe(422);
      const after = (await get(`/api/pacts/${pact.id}`)).body;
      expect(after.status).toBe('SUBMITTED');
      expect(failing(after)).toEqual(['AUTONOMY_UNEMPLOYED']);
      expect(after.version).toBe(submitted.version);
    });
  });

  describe('suspension pauses the clock', () => {
    it('no overdue milestone, no deadline alert, not in the caseload while SUSPENDED; back on resume', async () => {
      const pact = await pactWith(
        [{ title: 'Colloquio di verifica', dueDate: addDays(today, -10) }],
        {
          startDate: addDays(today, -60),
          plannedEndDate: addDays(today, -1),
        },
      );
      // Opened when it started (the API dates a pact now, and no note is older than its pact).
      const db = await openDatabase(server);
      await db.run('UPDATE pacts SET created_at = $1 WHERE id = $2', [
        new Date(Date.now() - 60 * 86_400_000).toISOString(),
        pact.id,
      ]);
      await db.close();
      const note = await req('POST', '/api/notes', swCrema, {
        pactId: pact.id,
        kind: 'CALL',
        body: 'Telefonata di aggiornamento',
        occurredAt: new Date(Date.now() - 40 * 86_400_000).toISOString(),
      });
      expect(note.status).toBe(201);
      await activate(pact.id);
      const [milestone] = await milestonesOf(pact.id);

      const alertKinds = async () =>
        (await get<Alert[]>(`/api/alerts?filter=${j({ pactId: pact.id })}`, swCrema)).body
          .map((a) => a.kind)
          .sort();
      const overdueIds = async () =>
        (
          await get<Milestone[]>(
            `/api/milestones?filter=${j({ pactId: pact.id, overdue: true })}`,
            swCrema,
          )
        ).body.map((m) => m.id);
      const notOverdueIds = async () =>
        (
          await get<Milestone[]>(
            `/api/milestones?filter=${j({ pactId: pact.id, overdue: false })}`,
            swCrema,
          )
        ).body.map((m) => m.id);
      const caseload = async () => {
        const res = await get<{ socialWorkers: CaseloadRow[] }>('/api/reports/caseload', swCrema);
        return res.body.socialWorkers.find((r) => r.userId === swCremaId)!;
      };

      const running = {
        alerts: await alertKinds(),
        overdue: await overdueIds(),
        record: (await get<Milestone>(`/api/milestones/${milestone.id}`, swCrema)).body.overdue,
        caseload: await caseload(),
      };
      expect(running.alerts).toEqual(['MILESTONE_OVERDUE', 'NO_RECENT_NOTE', 'PAST_PLANNED_END']);
      expect(running.overdue).toEqual([milestone.id]);
      expect(running.record).toBe(true);

      expect((await move(pact.id, { to: 'SUSPENDED', reason: 'Ricovero' })).status).toBe(200);
      expect(await alertKinds()).toEqual([]);
      expect(await overdueIds()).toEqual([]);
      expect(await notOverdueIds()).toEqual([milestone.id]);
      expect((await get<Milestone>(`/api/milestones/${milestone.id}`, swCrema)).body.overdue).toBe(
        false,
      );
      expect((await milestonesOf(pact.id))[0].overdue).toBe(false);
      const paused = await caseload();
      expect(paused.overdueMilestones).toBe(running.caseload.overdueMilestones - 1);
      expect(paused.withoutRecentNote).toBe(running.caseload.withoutRecentNote - 1);

      expect((await move(pact.id, { to: 'ACTIVE' })).status).toBe(200);
      expect(await alertKinds()).toEqual(running.alerts);
      expect(await overdueIds()).toEqual([milestone.id]);
      expect(await caseload()).toEqual(running.caseload);
    });
  });

  describe('closing decides the open milestones', () => {
    const open = [
      { title: 'Colloquio al centro per l’impiego', dueDate: addDays(today, 20) },
      { title: 'Corso di italiano', dueDate: addDays(today, 40) },
    ];

    it('completing with open milestones and no decision: 400 naming them and the choices; nothing changes', async () => {
      const pact = await pactWith(open);
      await activate(pact.id);
      const before = (await get(`/api/pacts/${pact.id}`)).body;
      const res = await move(pact.id, { to: 'COMPLETED', outcome: 'EMPLOYED' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('OPEN_MILESTONES_DECISION_REQUIRED');
      expect(res.body.choices).toEqual(['MISSED', 'CANCELLED']);
      expect((res.body.openMilestones as Array<{ title: string }>).map((m) => m.title)).toEqual(
        open.map((m) => m.title),
      );
      expect(String(res.body.message)).toMatch(/milestones still PENDING: 2 /);
      expect(String(res.body.message)).toContain('Corso di italiano');
      expect(Object.keys(res.body.errors as Json)).toEqual(['openMilestones']);
      const after = (await get(`/api/pacts/${pact.id}`)).body;
      expect(after).toMatchObject({ status: 'ACTIVE', version: before.version });
      expect((await milestonesOf(pact.id)).map((m) => m.status)).toEqual(['PENDING', 'PENDING']);
    });

    it('terminating with CANCELLED cancels each pending milestone with the reason, audited, in the same step', async () => {
      const pact = await pactWith([...open, { title: 'Tirocinio', dueDate: addDays(today, 60) }]);
      await activate(pact.id);
      const [first] = await milestonesOf(pact.id);
      const achieved = await req<Milestone>('PUT', `/api/milestones/${first.id}`, swCrema, {
        ...first,
        status: 'ACHIEVED',
        evidence: 'Colloquio svolto',
      });
      expect(achieved.status).toBe(200);
      const before = await milestonesOf(pact.id);
      const events = await Promise.all(before.map((m) => auditCount('milestones', m.id)));

      const res = await move(pact.id, {
        to: 'TERMINATED',
        outcome: 'MOVED_AWAY',
        reason: 'Trasferimento in un’altra regione',
        openMilestones: 'CANCELLED',
      });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('TERMINATED');
      expect(res.body.progress).toBe(100); // 1 achieved of 1 not cancelled

      const after = await milestonesOf(pact.id);
      expect(after.map((m) => [m.status, m.evidence])).toEqual([
        ['ACHIEVED', 'Colloquio svolto'],
        ['CANCELLED', 'Trasferimento in un’altra regione'],
        ['CANCELLED', 'Trasferimento in un’altra regione'],
      ]);
      expect(after[1].version).toBe(before[1].version + 1);
      expect(after.every((m) => !m.overdue)).toBe(true);
      const eventsAfter = await Promise.all(after.map((m) => auditCount('milestones', m.id)));
      expect(eventsAfter).toEqual([events[0], events[1] + 1, events[2] + 1]);
    });

    it('completing before the start date: every milestone is open, the same decision applies', async () => {
      const pact = await pactWith(open, {
        startDate: addDays(today, 10),
        plannedEndDate: addDays(today, 200),
      });
      await activate(pact.id);
      const refused = await move(pact.id, { to: 'COMPLETED', outcome: 'TRAINING' });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('OPEN_MILESTONES_DECISION_REQUIRED');
      const done = await move(pact.id, {
        to: 'COMPLETED',
        outcome: 'TRAINING',
        openMilestones: 'MISSED',
      });
      expect(done.status).toBe(200);
      expect(done.body.progress).toBe(0);
      // No reason given: the evidence stays as it was.
      expect((await milestonesOf(pact.id)).map((m) => [m.status, m.evidence])).toEqual([
        ['MISSED', null],
        ['MISSED', null],
      ]);
    });

    it('cancelling a pact cancels its pending milestones on its own', async () => {
      const pact = await pactWith(open);
      const res = await move(pact.id, { to: 'CANCELLED', reason: 'Rinuncia della persona' });
      expect(res.status).toBe(200);
      expect((await milestonesOf(pact.id)).map((m) => [m.status, m.evidence])).toEqual([
        ['CANCELLED', 'Rinuncia della persona'],
        ['CANCELLED', 'Rinuncia della persona'],
      ]);
    });

    it('refuses a decision that is not MISSED or CANCELLED, or one the transition does not take', async () => {
      const pact = await pactWith(open);
      await activate(pact.id);
      const wrong = await move(pact.id, {
        to: 'COMPLETED',
        outcome: 'EMPLOYED',
        openMilestones: 'ACHIEVED',
      });
      expect(wrong.status).toBe(400);
      expect(Object.keys(wrong.body.errors as Json)).toEqual(['openMilestones']);
      const suspend = await move(pact.id, {
        to: 'SUSPENDED',
        reason: 'Ricovero',
        openMilestones: 'MISSED',
      });
      expect(suspend.status).toBe(400);
      expect(suspend.body.code).toBe('OPEN_MILESTONES_INVALID');
      expect((await milestonesOf(pact.id)).map((m) => m.status)).toEqual(['PENDING', 'PENDING']);
    });

    it('a pact without pending milestones closes without a decision', async () => {
      const pact = await pactWith([{ title: 'Colloquio', dueDate: addDays(today, 20) }]);
      await activate(pact.id);
      const [m] = await milestonesOf(pact.id);
      expect(
        (await req('PUT', `/api/milestones/${m.id}`, swCrema, { ...m, status: 'MISSED' })).status,
      ).toBe(200);
      const res = await move(pact.id, {
        to: 'TERMINATED',
        outcome: 'DROPPED_OUT',
        reason: 'Ritiro',
      });
      expect(res.status).toBe(200);
    });
  });
});
