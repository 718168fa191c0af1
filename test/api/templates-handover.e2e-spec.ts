import { addDays, todayIso } from '@generattivi/shared';
import { openDatabase, type DirectDb } from '../support/db';
import { auditEvents, createUser, listQuery } from '../support/demo';
import { beneficiaryBody, createBeneficiary, Json } from '../support/fixtures';
import { pactBody, pactSetup } from '../support/pacts';
import {
  ApiResponse,
  DEMO_PASSWORD,
  failOnUnexpectedErrors,
  startServer,
  TestServer,
} from '../support/server';

type Template = Json & {
  id: number;
  version: number;
  type: string;
  territoryId: number | null;
  title: string;
  durationDays: number;
  milestones: Array<{ title: string; description: string; days: number }>;
};
type Pact = Json & {
  id: number;
  version: number;
  reference: string;
  title: string;
  communityMakerId: number | null;
  socialWorkerId: number | null;
  plannedEndDate: string | null;
};
type Milestone = Json & { id: number; title: string; dueDate: string; status: string };
type Assignment = Json & {
  id: number;
  communityMakerId: number;
  startedAt: string;
  endedAt: string | null;
  reason: string | null;
};
type ErrorBody = Json & { code: string; errors?: Record<string, string>; fieldErrors?: Json };

const PASSWORD = `${DEMO_PASSWORD}-Robusta!9`;

/** Issue 13 items 3 and 4: pact templates, and handing a caseload over. */
describe('pact templates and hand-over', () => {
  let a: TestServer;
  let b: TestServer;
  let db: DirectDb;
  let admin: string;
  let sw: string;
  let swCremona: string;
  let manager: string;
  let maker: string;
  let crema: number;
  let cremona: number;
  const today = todayIso();

  const as = <T = Json>(token: string, method: string, path: string, body?: unknown) =>
    a.request<T>(method, path, { token, body });
  const code = (res: ApiResponse<unknown>) => (res.body as ErrorBody).code;

  const templateBody = (extra: Json = {}): Json => ({
    type: 'AUTONOMY',
    territoryId: crema,
    title: 'Tirocinio breve — 3 mesi',
    objectives: 'Obiettivi del modello',
    citizenCommitments: 'Impegni del cittadino',
    communityCommitments: 'Impegni della comunità',
    durationDays: 90,
    milestones: [
      { title: 'Avvio', description: 'Colloquio', days: 0 },
      { title: 'Verifica', description: '', days: 45 },
      { title: 'Chiusura', days: 90 },
    ],
    ...extra,
  });

  async function newMaker(territoryId: number, fullName = 'Maker di prova') {
    return createUser(a, admin, {
      role: 'COMMUNITY_MAKER',
      territoryIds: [territoryId],
      fullName,
      password: PASSWORD,
    });
  }

  /** `n` DRAFT AUTONOMY pacts in CREMA followed by `makerId` (social worker `socialWorkerId`). */
  async function pactsOf(n: number, makerId: number, extra: Json = {}): Promise<Pact[]> {
    const out: Pact[] = [];
    for (let i = 0; i < n; i++) {
      const beneficiaryId = (
        await createBeneficiary(a, sw, beneficiaryBody(crema, { municipality: 'Crema' }))
      ).id;
      const res = await as<Pact>(
        sw,
        'POST',
        '/api/pacts',
        pactBody(crema, makerId, { beneficiaryId }, extra),
      );
      if (res.status !== 201) throw new Error(`create pact → ${res.status} ${res.text}`);
      out.push(res.body);
    }
    return out;
  }

  const pact = async (id: number) => (await as<Pact>(admin, 'GET', `/api/pacts/${id}`)).body;
  const historyOf = async (pactId: number) =>
    (
      await as<Assignment[]>(
        admin,
        'GET',
        `/api/assignments${listQuery({ pactId }, ['id', 'ASC'], [0, 99])}`,
      )
    ).body;
  const held = async (column: string, userId: number) =>
    Number(
      (
        await db.query<{ n: number | string }>(
          `SELECT COUNT(*) AS n FROM pacts WHERE ${column} = $1 AND status IN ('DRAFT','SUBMITTED','ACTIVE','SUSPENDED')`,
          [userId],
        )
      )[0].n,
    );

  beforeAll(async () => {
    a = await startServer();
    b = await startServer({ databaseUrl: a.databaseUrl, demoData: false });
    const setup = await pactSetup(
      a,
      {
        admin: 'admin@demo.generattivi.it',
        sw: 'sociale.crema@demo.generattivi.it',
        swCremona: 'sociale.cremona@demo.generattivi.it',
        manager: 'manager@demo.generattivi.it',
        maker: 'maker.crema@demo.generattivi.it',
      },
      {},
    );
    ({ admin, sw, swCremona, manager, maker } = setup.tokens);
    crema = setup.territories.CREMA;
    cremona = setup.territories.CREMONA;
    db = await openDatabase(a);
  });
  afterAll(async () => {
    await db?.close();
    await b?.stop();
    await a?.stop();
  });

  // A 500 leaves its trace in the log of the instance that answered it: none in any test.
  failOnUnexpectedErrors(() => [a, b]);

  describe('the pact-templates collection', () => {
    it('the demo data holds two or three templates of each type, listed with Content-Range', async () => {
      const res = await as<Template[]>(
        admin,
        'GET',
        `/api/pact-templates${listQuery({}, ['title', 'ASC'], [0, 99])}`,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-range')).toBe(
        `pact-templates 0-${res.body.length - 1}/${res.body.length}`,
      );
      for (const type of ['AUTONOMY', 'INCLUSION']) {
        const n = res.body.filter((t) => t.type === type).length;
        expect(n).toBeGreaterThanOrEqual(2);
        expect(n).toBeLessThanOrEqual(3);
      }
      expect(res.body.map((t) => t.title)).toEqual(
        expect.arrayContaining([
          'Tirocinio di inclusione — 6 mesi',
          'Percorso di autonomia abitativa',
        ]),
      );
      const filtered = await as<Template[]>(
        admin,
        'GET',
        `/api/pact-templates${listQuery({ type: 'INCLUSION' })}`,
      );
      expect(filtered.body.every((t) => t.type === 'INCLUSION')).toBe(true);
      const unknown = await as(admin, 'GET', `/api/pact-templates${listQuery({ colour: 'red' })}`);
      expect(unknown.status).toBe(400);
    });

    it('a social worker reads those of their territories and the common ones; a maker none', async () => {
      const seen = await as<Template[]>(swCremona, 'GET', '/api/pact-templates?range=[0,99]');
      expect(seen.status).toBe(200);
      expect(seen.body.some((t) => t.territoryId === null)).toBe(true);
      expect(seen.body.every((t) => t.territoryId === null || t.territoryId === cremona)).toBe(
        true,
      );
      const cremaOnly = (
        await as<Template[]>(
          admin,
          'GET',
          `/api/pact-templates${listQuery({ territoryId: crema })}`,
        )
      ).body;
      expect(cremaOnly.length).toBeGreaterThan(0);
      expect((await as(swCremona, 'GET', `/api/pact-templates/${cremaOnly[0].id}`)).status).toBe(
        404,
      );
      expect((await as(maker, 'GET', '/api/pact-templates')).status).toBe(403);
      expect((await as(manager, 'GET', '/api/pact-templates')).status).toBe(200);
      expect((await as(manager, 'POST', '/api/pact-templates', templateBody())).status).toBe(403);
    });

    it('creates, edits (version checked) and deletes, each audited; social workers only in their territories', async () => {
      const created = await as<Template>(sw, 'POST', '/api/pact-templates', templateBody());
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        version: 1,
        territoryId: crema,
        milestones: [
          { title: 'Avvio', description: 'Colloquio', days: 0 },
          { title: 'Verifica', description: '', days: 45 },
          { title: 'Chiusura', description: '', days: 90 },
        ],
      });
      const id = created.body.id;
      const edited = await as<Template>(sw, 'PUT', `/api/pact-templates/${id}`, {
        ...created.body,
        title: 'Tirocinio breve',
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ title: 'Tirocinio breve', version: 2 });
      const stale = await as(sw, 'PUT', `/api/pact-templates/${id}`, {
        ...created.body,
        title: 'x y z',
      });
      expect([stale.status, code(stale)]).toEqual([409, 'VERSION_CONFLICT']);
      expect((await as(swCremona, 'PUT', `/api/pact-templates/${id}`, edited.body)).status).toBe(
        404,
      );
      const common = await as(
        sw,
        'POST',
        '/api/pact-templates',
        templateBody({ territoryId: null }),
      );
      expect([common.status, code(common)]).toEqual([403, 'TEMPLATE_NOT_IN_TERRITORY']);
      const elsewhere = await as(
        sw,
        'POST',
        '/api/pact-templates',
        templateBody({ territoryId: cremona }),
      );
      expect([elsewhere.status, code(elsewhere)]).toEqual([403, 'NOT_IN_TERRITORY']);
      const events = await auditEvents(a, admin, { entityType: 'pact-templates', entityId: id });
      expect(events.map((e) => e.action)).toEqual(['create', 'update']);
      const removed = await as(sw, 'DELETE', `/api/pact-templates/${id}`);
      expect(removed.status).toBe(200);
      expect((await as(sw, 'GET', `/api/pact-templates/${id}`)).status).toBe(404);
    });

    it('refuses milestones after the duration (the last day is fine), too many, blank or negative', async () => {
      const onTheDay = await as(
        admin,
        'POST',
        '/api/pact-templates',
        templateBody({ durationDays: 45, milestones: [{ title: 'Fine', days: 45 }] }),
      );
      expect(onTheDay.status).toBe(201);
      const after = await as(
        admin,
        'POST',
        '/api/pact-templates',
        templateBody({
          durationDays: 45,
          milestones: [
            { title: 'Avvio', days: 0 },
            { title: 'Fine', days: 46 },
          ],
        }),
      );
      expect([after.status, code(after)]).toEqual([400, 'VALIDATION']);
      expect((after.body as ErrorBody).errors).toHaveProperty(['milestones.1.days']);
      const many = await as(
        admin,
        'POST',
        '/api/pact-templates',
        templateBody({
          milestones: Array.from({ length: 41 }, (_, i) => ({ title: `Tappa ${i}`, days: 1 })),
        }),
      );
      expect(many.status).toBe(400);
      expect((many.body as ErrorBody).errors).toHaveProperty(['milestones']);
      const forty = await as(
        admin,
        'POST',
        '/api/pact-templates',
        templateBody({
          milestones: Array.from({ length: 40 }, (_, i) => ({ title: `Tappa ${i}`, days: 1 })),
        }),
      );
      expect(forty.status).toBe(201);
      const blank = await as(
        admin,
        'POST',
        '/api/pact-templates',
        templateBody({ title: '  ', milestones: [{ title: ' ', days: -1 }] }),
      );
      expect(blank.status).toBe(400);
      expect(Object.keys((blank.body as ErrorBody).errors ?? {}).sort()).toEqual([
        'milestones.0.days',
        'milestones.0.title',
        'title',
      ]);
      const zero = await as(
        admin,
        'POST',
        '/api/pact-templates',
        templateBody({ durationDays: 0, milestones: [] }),
      );
      expect(zero.status).toBe(400);
      const odd = await as(
        admin,
        'POST',
        '/api/pact-templates',
        templateBody({ milestones: [{ title: 'x', days: 1, extra: true }] }),
      );
      expect(odd.status).toBe(400);
    });
  });

  describe('a pact created from a template', () => {
    let template: Template;
    beforeAll(async () => {
      template = (await as<Template>(sw, 'POST', '/api/pact-templates', templateBody())).body;
    });

    it('takes what the body left empty and gets the milestones dated from its start, audited', async () => {
      const makerId = (await newMaker(crema)).id;
      const beneficiaryId = (
        await createBeneficiary(a, sw, beneficiaryBody(crema, { municipality: 'Crema' }))
      ).id;
      const start = '2027-01-31';
      const res = await as<Pact>(sw, 'POST', '/api/pacts', {
        type: 'AUTONOMY',
        territoryId: crema,
        beneficiaryId,
        communityMakerId: makerId,
        templateId: template.id,
        title: '',
        objectives: 'I miei obiettivi',
        startDate: start,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        title: template.title,
        objectives: 'I miei obiettivi',
        citizenCommitments: 'Impegni del cittadino',
        communityCommitments: 'Impegni della comunità',
        plannedEndDate: addDays(start, 90),
      });
      const milestones = (
        await as<Milestone[]>(
          sw,
          'GET',
          `/api/milestones${listQuery({ pactId: res.body.id }, ['dueDate', 'ASC'])}`,
        )
      ).body;
      expect(milestones.map((m) => [m.title, m.dueDate, m.status])).toEqual([
        ['Avvio', '2027-01-31', 'PENDING'],
        ['Verifica', '2027-03-17', 'PENDING'],
        ['Chiusura', '2027-05-01', 'PENDING'],
      ]);
      for (const m of milestones) {
        const events = await auditEvents(a, admin, { entityType: 'milestones', entityId: m.id });
        expect(events.map((e) => e.action)).toEqual(['create']);
      }
    });

    it('refuses a template of another type or territory, an unknown one, and no start date', async () => {
      const beneficiaryId = (
        await createBeneficiary(a, sw, beneficiaryBody(crema, { municipality: 'Crema' }))
      ).id;
      const body = {
        type: 'AUTONOMY',
        territoryId: crema,
        beneficiaryId,
        startDate: today,
        templateId: template.id,
      };
      const inclusion = (
        await as<Template[]>(admin, 'GET', `/api/pact-templates${listQuery({ type: 'INCLUSION' })}`)
      ).body[0];
      const other = await as(sw, 'POST', '/api/pacts', { ...body, templateId: inclusion.id });
      expect([other.status, (other.body as ErrorBody).errors]).toEqual([
        400,
        { templateId: expect.any(String) },
      ]);
      expect(
        (other.body as { fieldErrors: Record<string, { code: string }> }).fieldErrors.templateId
          .code,
      ).toBe('TEMPLATE_OTHER_TYPE');
      const cremonaTemplate = (
        await as<Template>(
          admin,
          'POST',
          '/api/pact-templates',
          templateBody({ territoryId: cremona }),
        )
      ).body;
      const elsewhere = await as(admin, 'POST', '/api/pacts', {
        ...body,
        templateId: cremonaTemplate.id,
      });
      expect(
        (elsewhere.body as { fieldErrors: Record<string, { code: string }> }).fieldErrors.templateId
          .code,
      ).toBe('TEMPLATE_OTHER_TERRITORY');
      const unknown = await as(sw, 'POST', '/api/pacts', { ...body, templateId: 999999 });
      expect(
        (unknown.body as { fieldErrors: Record<string, { code: string }> }).fieldErrors.templateId
          .code,
      ).toBe('NO_SUCH_RECORD');
      const noStart = await as(sw, 'POST', '/api/pacts', { ...body, startDate: undefined });
      expect(
        (noStart.body as { fieldErrors: Record<string, { code: string }> }).fieldErrors.startDate
          .code,
      ).toBe('REQUIRED_WITH_TEMPLATE');
      const noTitle = await as(sw, 'POST', '/api/pacts', { ...body, templateId: undefined });
      expect(noTitle.status).toBe(400);
      const rows = await db.query<{ n: number | string }>(
        'SELECT COUNT(*) AS n FROM pacts WHERE beneficiary_id = $1',
        [beneficiaryId],
      );
      expect(Number(rows[0].n)).toBe(0);
    });
  });

  describe('hand-over', () => {
    it('moves every open pact of a maker in one step: history and audit for each, versions bumped', async () => {
      const from = await newMaker(crema, 'Giulia Rossi');
      const to = await newMaker(crema, 'Marco Bianchi');
      const pacts = await pactsOf(5, from.id);
      const listed = (
        await as<Array<{ id: number; openPacts: number }>>(
          admin,
          'GET',
          `/api/users${listQuery({ id: [from.id, to.id] })}`,
        )
      ).body;
      expect(listed.map((u) => [u.id, u.openPacts]).sort()).toEqual(
        [
          [from.id, 5],
          [to.id, 0],
        ].sort(),
      );
      const res = await as<{ moved: number; pactIds: number[] }>(
        sw,
        'POST',
        '/api/assignments/hand-over',
        {
          fromUserId: from.id,
          toUserId: to.id,
          reason: 'Trasferimento ad altro servizio',
        },
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ moved: 5, pactIds: pacts.map((p) => p.id).sort((x, y) => x - y) });
      for (const p of pacts) {
        const now = await pact(p.id);
        expect([now.communityMakerId, now.version]).toEqual([to.id, p.version + 1]);
        const history = await historyOf(p.id);
        expect(history.map((h) => [h.communityMakerId, h.endedAt === null, h.reason])).toEqual([
          [from.id, false, 'assegnazione iniziale'],
          [to.id, true, 'Trasferimento ad altro servizio'],
        ]);
        const events = await auditEvents(a, admin, {
          entityType: 'pacts',
          entityId: p.id,
          action: 'hand_over',
        });
        expect(events.map((e) => e.changes)).toEqual([
          { communityMakerId: [from.id, to.id], reason: [null, 'Trasferimento ad altro servizio'] },
        ]);
      }
      expect(await held('community_maker_id', from.id)).toBe(0);
      const again = await as(sw, 'POST', '/api/assignments/hand-over', {
        fromUserId: from.id,
        toUserId: to.id,
        reason: 'x',
      });
      expect([again.status, code(again)]).toEqual([400, 'VALIDATION']);
    });

    it('moves only the pacts listed; one that is not held by the giver moves none (409, named)', async () => {
      const from = await newMaker(crema);
      const to = await newMaker(crema);
      const pacts = await pactsOf(3, from.id);
      const stranger = (await pactsOf(1, to.id))[0];
      const bad = await as<ErrorBody>(sw, 'POST', '/api/assignments/hand-over', {
        fromUserId: from.id,
        toUserId: to.id,
        reason: 'Ferie',
        pactIds: [pacts[0].id, stranger.id],
      });
      expect([bad.status, bad.body.code, bad.body.pactIds]).toEqual([
        409,
        'HAND_OVER_NOT_HELD',
        [stranger.id],
      ]);
      expect(await held('community_maker_id', from.id)).toBe(3);
      expect((await historyOf(pacts[0].id)).length).toBe(1);
      const ok = await as<{ moved: number; pactIds: number[] }>(
        sw,
        'POST',
        '/api/assignments/hand-over',
        {
          fromUserId: from.id,
          toUserId: to.id,
          reason: 'Ferie',
          pactIds: [pacts[1].id, pacts[0].id, pacts[0].id],
        },
      );
      expect(ok.body).toEqual({
        moved: 2,
        pactIds: [pacts[0].id, pacts[1].id].sort((x, y) => x - y),
      });
      expect((await pact(pacts[2].id)).communityMakerId).toBe(from.id);
    });

    it('is atomic: a receiver outside the territory of one pact moves none (422 naming it)', async () => {
      const from = await createUser(a, admin, {
        role: 'COMMUNITY_MAKER',
        territoryIds: [crema, cremona],
        password: PASSWORD,
      });
      const to = await newMaker(crema);
      await pactsOf(2, from.id);
      const subject = (
        await createBeneficiary(a, swCremona, beneficiaryBody(cremona, { municipality: 'Cremona' }))
      ).id;
      const inCremona = await as<Pact>(
        swCremona,
        'POST',
        '/api/pacts',
        pactBody(cremona, from.id, { beneficiaryId: subject }),
      );
      expect(inCremona.status).toBe(201);
      const res = await as<ErrorBody>(admin, 'POST', '/api/assignments/hand-over', {
        fromUserId: from.id,
        toUserId: to.id,
        reason: 'Trasferimento',
      });
      expect([res.status, res.body.code, res.body.pactIds]).toEqual([
        422,
        'HAND_OVER_OTHER_TERRITORY',
        [inCremona.body.id],
      ]);
      expect(res.body.message).toContain(inCremona.body.reference);
      expect(await held('community_maker_id', from.id)).toBe(3);
      // The social worker of CREMA hands over only what is in their territory.
      const scoped = await as<{ moved: number }>(sw, 'POST', '/api/assignments/hand-over', {
        fromUserId: from.id,
        toUserId: to.id,
        reason: 'Trasferimento',
      });
      expect([scoped.status, scoped.body.moved]).toEqual([200, 2]);
      expect(await held('community_maker_id', from.id)).toBe(1);
    });

    it('refuses wrong bodies, receivers and callers', async () => {
      const from = await newMaker(crema);
      const to = await newMaker(crema);
      await pactsOf(1, from.id);
      const inactive = await createUser(a, admin, {
        role: 'COMMUNITY_MAKER',
        territoryIds: [crema],
        active: false,
        password: PASSWORD,
      });
      const swUser = await createUser(a, admin, {
        role: 'SOCIAL_WORKER',
        territoryIds: [crema],
        password: PASSWORD,
      });
      const post = (token: string, body: Json) =>
        as<ErrorBody>(token, 'POST', '/api/assignments/hand-over', {
          fromUserId: from.id,
          toUserId: to.id,
          reason: 'Motivo',
          ...body,
        });
      const fieldCode = (res: ApiResponse<ErrorBody>, field: string) =>
        (res.body.fieldErrors as Record<string, { code: string }>)[field]?.code;
      expect(fieldCode(await post(sw, { pactIds: [] }), 'pactIds')).toBe('MIN_ITEMS');
      expect(fieldCode(await post(sw, { reason: ' ' }), 'reason')).toBe('NOT_BLANK');
      expect(fieldCode(await post(sw, { reason: undefined }), 'reason')).toBeDefined();
      expect(fieldCode(await post(sw, { toUserId: from.id }), 'toUserId')).toBe(
        'HAND_OVER_RECEIVER',
      );
      expect(fieldCode(await post(sw, { toUserId: inactive.id }), 'toUserId')).toBe(
        'HAND_OVER_RECEIVER',
      );
      expect(fieldCode(await post(sw, { toUserId: swUser.id }), 'toUserId')).toBe(
        'HAND_OVER_RECEIVER',
      );
      expect(fieldCode(await post(sw, { toUserId: 999999 }), 'toUserId')).toBe('NO_SUCH_RECORD');
      const adminId = (await as<{ id: number }>(admin, 'GET', '/api/auth/me')).body.id;
      expect(fieldCode(await post(sw, { fromUserId: adminId }), 'fromUserId')).toBe(
        'HAND_OVER_GIVER',
      );
      expect(fieldCode(await post(swCremona, {}), 'fromUserId')).toBe('NOTHING_TO_HAND_OVER');
      expect((await post(maker, {})).status).toBe(403);
      expect((await post(manager, {})).status).toBe(403);
      expect(await held('community_maker_id', from.id)).toBe(1);
    });

    it('hands over the pacts of a social worker: the pact names the colleague, audited', async () => {
      const from = await createUser(a, admin, {
        role: 'SOCIAL_WORKER',
        territoryIds: [crema],
        password: PASSWORD,
      });
      const to = await createUser(a, admin, {
        role: 'SOCIAL_WORKER',
        territoryIds: [crema],
        password: PASSWORD,
      });
      const makerId = (await newMaker(crema)).id;
      const pacts = await pactsOf(2, makerId, { socialWorkerId: from.id });
      const res = await as<{ moved: number }>(admin, 'POST', '/api/assignments/hand-over', {
        fromUserId: from.id,
        toUserId: to.id,
        reason: 'Maternità',
      });
      expect(res.body).toEqual({ moved: 2, pactIds: pacts.map((p) => p.id) });
      for (const p of pacts) {
        const now = await pact(p.id);
        expect([now.socialWorkerId, now.communityMakerId, now.version]).toEqual([
          to.id,
          makerId,
          p.version + 1,
        ]);
        const events = await auditEvents(a, admin, {
          entityType: 'pacts',
          entityId: p.id,
          action: 'hand_over',
        });
        expect(events.map((e) => e.changes)).toEqual([
          { socialWorkerId: [from.id, to.id], reason: [null, 'Maternità'] },
        ]);
      }
    });

    it('a user holding open pacts is not deactivated (409 with the count) until they are handed over', async () => {
      const from = await newMaker(crema);
      const to = await newMaker(crema);
      await pactsOf(2, from.id);
      const user = (await as<Json & { version: number }>(admin, 'GET', `/api/users/${from.id}`))
        .body;
      expect(user.openPacts).toBe(2);
      const refused = await as<ErrorBody>(admin, 'PUT', `/api/users/${from.id}`, {
        ...user,
        active: false,
      });
      expect([refused.status, refused.body.code, refused.body.openPacts]).toEqual([
        409,
        'USER_HOLDS_OPEN_PACTS',
        2,
      ]);
      expect(refused.body.params).toEqual({ count: 2 });
      const renamed = await as(admin, 'PUT', `/api/users/${from.id}`, {
        ...user,
        fullName: 'Nome nuovo',
      });
      expect(renamed.status).toBe(200);
      await as(sw, 'POST', '/api/assignments/hand-over', {
        fromUserId: from.id,
        toUserId: to.id,
        reason: 'Fine incarico',
      });
      const current = (await as<Json>(admin, 'GET', `/api/users/${from.id}`)).body;
      expect(current.openPacts).toBe(0);
      const done = await as<Json>(admin, 'PUT', `/api/users/${from.id}`, {
        ...current,
        active: false,
      });
      expect([done.status, done.body.active]).toEqual([200, false]);
    });

    it('hand-overs to a colleague racing their deactivation over two instances: never an inactive holder', async () => {
      const N = 24;
      for (let round = 0; round < 2; round++) {
        const x = await newMaker(crema);
        const y = await newMaker(crema);
        await pactsOf(3, x.id);
        const record = (await as<Json>(admin, 'GET', `/api/users/${y.id}`)).body;
        const responses = await Promise.all(
          Array.from({ length: N }, (_, i) => {
            const on = i % 2 === 0 ? a : b;
            return i % 4 < 2
              ? on.request('POST', '/api/assignments/hand-over', {
                  token: sw,
                  body: { fromUserId: x.id, toUserId: y.id, reason: 'Riorganizzazione' },
                })
              : on.request('PUT', `/api/users/${y.id}`, {
                  token: admin,
                  body: { ...record, active: false },
                });
          }),
        );
        for (const r of responses) expect([200, 400, 409]).toContain(r.status);
        const after = (await as<Json>(admin, 'GET', `/api/users/${y.id}`)).body;
        const holds = await held('community_maker_id', y.id);
        // Either the pacts arrived first (the deactivation refused) or the deactivation did.
        expect(after.active === false && holds > 0).toBe(false);
        expect(holds === 3 || holds === 0).toBe(true);
        expect(holds + (await held('community_maker_id', x.id))).toBe(3);
      }
    });

    it('parallel hand-overs of the same pacts over two instances: each pact moved whole, its history a chain', async () => {
      const x = await newMaker(crema);
      const y = await newMaker(crema);
      const pacts = await pactsOf(5, x.id);
      const ids = pacts.map((p) => p.id);
      const N = 24;
      const responses = await Promise.all(
        Array.from({ length: N }, (_, i) =>
          (i % 2 === 0 ? a : b).request<{ moved: number }>('POST', '/api/assignments/hand-over', {
            token: sw,
            body:
              i % 4 < 2
                ? { fromUserId: x.id, toUserId: y.id, reason: `r${i}`, pactIds: ids }
                : { fromUserId: y.id, toUserId: x.id, reason: `r${i}`, pactIds: ids },
          }),
        ),
      );
      const statuses = new Set(responses.map((r) => r.status));
      expect([...statuses].every((s) => s === 200 || s === 409)).toBe(true);
      const moves = responses.filter((r) => r.status === 200);
      expect(moves.length).toBeGreaterThanOrEqual(1);
      for (const r of moves) expect(r.body.moved).toBe(5);
      for (const r of responses.filter((r) => r.status === 409))
        expect(code(r)).toBe('HAND_OVER_NOT_HELD');
      for (const p of pacts) {
        const now = await pact(p.id);
        expect(now.version).toBe(p.version + moves.length);
        const history = await historyOf(p.id);
        expect(history).toHaveLength(1 + moves.length);
        expect(history.filter((h) => h.endedAt === null).map((h) => h.communityMakerId)).toEqual([
          now.communityMakerId,
        ]);
        for (let i = 1; i < history.length; i++) {
          expect(history[i].communityMakerId).not.toBe(history[i - 1].communityMakerId);
          expect(history[i - 1].endedAt).toBe(history[i].startedAt);
        }
      }
      // The same moves, pact by pact: every pact followed the same hand-overs.
      const reasons = await Promise.all(
        ids.map(async (id) => (await historyOf(id)).map((h) => h.reason)),
      );
      for (const r of reasons) expect(r).toEqual(reasons[0]);
      const verify = await as<{ valid: boolean }>(admin, 'GET', '/api/audit-events/verify');
      expect(verify.body.valid).toBe(true);
    });
  });
});
