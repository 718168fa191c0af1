import { addDays, computeFiscalCode, todayIso, toOmocode, type Sex } from '@generattivi/shared';
import { startServer, TestServer } from '../support/server';

type Json = Record<string, unknown>;
type Person = Json & { id: number; version: number; fiscalCode: string; territoryId: number };
type Household = Json & { id: number; version: number; assessedById: number | null };
type ErrorBody = { message: string; errors?: Record<string, string> };
type LogRow = {
  id: number;
  at: string;
  actorId: number;
  entityType: string;
  entityId: number;
  via: string;
};

const list = (resource: string, filter: Json = {}, extra = '') =>
  `/api/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;

let counter = 0;

/**
 * A beneficiary with a valid fiscal code. Names (ZQ… consonants) and birth dates are unique
 * per call, so codes never collide with each other nor with demo people.
 */
function personBody(territoryId: number, municipality: string, extra: Json = {}): Json {
  counter += 1;
  const sex: Sex = counter % 2 ? 'F' : 'M';
  const birthDate = addDays('1990-01-01', counter * 37);
  const lastName = `Zquarti${String.fromCharCode(66 + (counter % 20))}`;
  const firstName = sex === 'F' ? 'Giada' : 'Dario';
  return {
    firstName,
    lastName,
    fiscalCode: computeFiscalCode({
      lastName,
      firstName,
      birthDate,
      sex,
      municipalityCode: 'D142',
    }),
    birthDate,
    sex,
    territoryId,
    municipality,
    address: 'via Mazzini 12',
    phone: '+39 0373 555123',
    email: `Persona${counter}@Example.org`,
    employmentStatus: 'UNEMPLOYED',
    ...extra,
  };
}

/** Replaces the check character with a wrong one. */
const wrongCheck = (code: string) => code.slice(0, 15) + (code[15] === 'A' ? 'B' : 'A');

describe('people: beneficiaries and households', () => {
  let server: TestServer;
  let admin: string, manager: string, swCrema: string, swCremona: string;
  let makerCrema: string, makerCremona: string;
  let t: Record<string, number>;
  let adminId: number, swCremaId: number, makerCremaId: number;

  const req = <T = Json>(method: string, path: string, token: string, body?: unknown) =>
    server.request<T>(method, path, { token, body });

  async function create<T = Person>(resource: string, token: string, body: Json): Promise<T> {
    const res = await req<T>('POST', `/api/${resource}`, token, body);
    if (res.status !== 201) throw new Error(`POST ${resource} → ${res.status} ${res.text}`);
    return res.body;
  }

  const crema = (extra: Json = {}) => personBody(t.CREMA, 'Crema', extra);
  const householdBody = (extra: Json = {}): Json => ({
    name: `Famiglia Zquarti ${++counter}`,
    territoryId: t.CREMA,
    municipality: 'Crema',
    membersCount: 3,
    iseeEur: 8450.5,
    ...extra,
  });

  async function userId(email: string): Promise<number> {
    const res = await req<Array<{ id: number }>>('GET', list('users', { q: email }), admin);
    return res.body[0].id;
  }

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
      ].map((email) => server.login(email)),
    );
    const territories = await req<Array<{ id: number; code: string }>>(
      'GET',
      '/api/territories',
      admin,
    );
    t = Object.fromEntries(territories.body.map((x) => [x.code, x.id]));
    [adminId, swCremaId, makerCremaId] = await Promise.all(
      [
        'admin@demo.generattivi.it',
        'sociale.crema@demo.generattivi.it',
        'maker.crema@demo.generattivi.it',
      ].map(userId),
    );
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('beneficiaries', () => {
    it('lets a social worker create, read, edit and delete in their territory, audited', async () => {
      const body = crema({ householdId: null });
      const created = await req<Person>('POST', '/api/beneficiaries', swCrema, {
        ...body,
        fiscalCode: ` ${String(body.fiscalCode).toLowerCase()} `,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        ...body,
        email: String(body.email).toLowerCase(),
        householdId: null,
        version: 1,
      });
      expect(created.body.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      const id = created.body.id;

      expect((await req('GET', `/api/beneficiaries/${id}`, swCrema)).body).toEqual(created.body);

      // react-admin sends the whole record back: unchanged read-only fields are ignored.
      const edited = await req<Person>('PUT', `/api/beneficiaries/${id}`, swCrema, {
        ...created.body,
        employmentStatus: 'STUDENT',
        phone: '',
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ employmentStatus: 'STUDENT', phone: null, version: 2 });

      const deleted = await req<Person>('DELETE', `/api/beneficiaries/${id}`, swCrema);
      expect(deleted.status).toBe(200);
      expect(deleted.body).toMatchObject({ id, fiscalCode: body.fiscalCode });
      expect((await req('GET', `/api/beneficiaries/${id}`, admin)).status).toBe(404);

      const trail = await req<Array<{ action: string; actorId: number; changes: Json }>>(
        'GET',
        list('audit-events', { entityType: 'beneficiaries', entityId: id }, '&sort=["id","ASC"]'),
        admin,
      );
      expect(trail.body.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
      expect(trail.body.every((e) => e.actorId === swCremaId)).toBe(true);
      expect(trail.body[1].changes).toEqual({
        employmentStatus: ['UNEMPLOYED', 'STUDENT'],
        phone: [body.phone, null],
      });
      expect(trail.body[2].changes).toMatchObject({
        fiscalCode: [body.fiscalCode, null],
        lastName: [body.lastName, null],
      });
    });

    it('checks the fiscal code: check character, birth date and sex (400 errors.fiscalCode)', async () => {
      const body = crema();
      const code = String(body.fiscalCode);
      const cases: Array<[Json, RegExp]> = [
        [{ fiscalCode: wrongCheck(code) }, /^check character does not match$/],
        [{ birthDate: addDays(String(body.birthDate), 1) }, /encoded birth date .* does not match/],
        [{ sex: body.sex === 'F' ? 'M' : 'F' }, /encoded sex \([FM]\) does not match/],
        [{ fiscalCode: code.slice(0, 15) }, /must have 16 characters/],
      ];
      for (const [change, message] of cases) {
        const res = await req<ErrorBody>('POST', '/api/beneficiaries', swCrema, {
          ...body,
          ...change,
        });
        expect(res.status).toBe(400);
        expect(res.body.errors?.fiscalCode).toMatch(message);
        expect(res.body.message).toContain('fiscalCode: ');
      }
    });

    it('accepts omocodia and stores the code upper-case', async () => {
      const body = crema();
      const omocode = toOmocode(String(body.fiscalCode), 3);
      const res = await req<Person>('POST', '/api/beneficiaries', swCrema, {
        ...body,
        fiscalCode: omocode.toLowerCase(),
      });
      expect(res.status).toBe(201);
      expect(res.body.fiscalCode).toBe(omocode);
    });

    it('refuses a birth date in the future or that does not exist', async () => {
      const future = addDays(todayIso(), 1);
      const res = await req<ErrorBody>('POST', '/api/beneficiaries', swCrema, {
        ...crema(),
        birthDate: future,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors?.birthDate).toBe('must not be in the future');
      const bad = await req<ErrorBody>('POST', '/api/beneficiaries', swCrema, {
        ...crema(),
        birthDate: '1990-02-30',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.birthDate).toMatch(/YYYY-MM-DD/);
    });

    it('refuses unknown fields, read-only fields on create and changed read-only fields', async () => {
      const unknown = await req<ErrorBody>('POST', '/api/beneficiaries', swCrema, {
        ...crema(),
        nickname: 'Gi',
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual({ nickname: 'unknown field' });

      const withId = await req<ErrorBody>('POST', '/api/beneficiaries', swCrema, {
        ...crema(),
        id: 5,
        version: 1,
      });
      expect(withId.status).toBe(400);
      expect(Object.keys(withId.body.errors ?? {}).sort()).toEqual(['id', 'version']);

      const person = await create('beneficiaries', swCrema, crema());
      const changed = await req<ErrorBody>('PUT', `/api/beneficiaries/${person.id}`, swCrema, {
        ...person,
        createdAt: '2020-01-01T00:00:00.000Z',
      });
      expect(changed.status).toBe(400);
      expect(changed.body.errors).toEqual({ createdAt: 'is read-only' });

      const { version: _v, ...withoutVersion } = person;
      const noVersion = await req<ErrorBody>(
        'PUT',
        `/api/beneficiaries/${person.id}`,
        swCrema,
        withoutVersion,
      );
      expect(noVersion.status).toBe(400);
      expect(noVersion.body.errors?.version).toBeDefined();
    });

    it('answers a stale version with 409', async () => {
      const person = await create('beneficiaries', swCrema, crema());
      const first = await req('PUT', `/api/beneficiaries/${person.id}`, swCrema, {
        ...person,
        firstName: 'Giada Maria',
      });
      expect(first.status).toBe(200);
      const stale = await req<ErrorBody>('PUT', `/api/beneficiaries/${person.id}`, swCrema, {
        ...person,
        employmentStatus: 'EMPLOYED',
      });
      expect(stale.status).toBe(409);
      expect(stale.body.message).toMatch(/version/);
    });

    it('refuses a duplicate fiscal code with 409, also on update', async () => {
      const body = crema();
      await create('beneficiaries', swCrema, body);
      const again = await req<ErrorBody>('POST', '/api/beneficiaries', admin, {
        ...body,
        fiscalCode: String(body.fiscalCode).toLowerCase(),
      });
      expect(again.status).toBe(409);
      expect(again.body.message).toContain('fiscalCode');

      const other = await create('beneficiaries', swCrema, crema());
      const clash = await req('PUT', `/api/beneficiaries/${other.id}`, swCrema, {
        ...other,
        fiscalCode: body.fiscalCode,
        birthDate: body.birthDate,
        sex: body.sex,
      });
      expect(clash.status).toBe(409);
    });

    it('lets exactly one of several concurrent creates of the same code through, never a 500', async () => {
      const body = crema();
      const results = await Promise.all(
        [admin, swCrema, admin, swCrema, admin].map((token) =>
          req('POST', '/api/beneficiaries', token, body),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
      const found = await req<Person[]>(
        'GET',
        list('beneficiaries', { fiscalCode: body.fiscalCode }),
        admin,
      );
      expect(found.body).toHaveLength(1);
    });

    it('requires a municipality of the territory and an existing territory', async () => {
      const res = await req<ErrorBody>('POST', '/api/beneficiaries', swCrema, {
        ...crema(),
        municipality: 'Cremona',
      });
      expect(res.status).toBe(400);
      expect(res.body.errors?.municipality).toMatch(/not a municipality of/);
      const lower = await create(
        'beneficiaries',
        swCrema,
        crema({ municipality: " rivolta d'adda" }),
      );
      expect(lower.municipality).toBe("Rivolta d'Adda");
      const none = await req<ErrorBody>('POST', '/api/beneficiaries', admin, {
        ...crema(),
        territoryId: 999,
      });
      expect(none.status).toBe(400);
      expect(none.body.errors?.territoryId).toBeDefined();
    });

    it('requires the household to exist, be visible and lie in the same territory', async () => {
      const cremonaHousehold = await create<Household>('households', admin, {
        ...householdBody(),
        territoryId: t.CREMONA,
        municipality: 'Cremona',
      });
      const missing = await req<ErrorBody>('POST', '/api/beneficiaries', admin, {
        ...crema(),
        householdId: 999_999,
      });
      expect(missing.status).toBe(400);
      expect(missing.body.errors?.householdId).toBeDefined();
      // A Crema social worker does not see Cremona households at all.
      const invisible = await req<ErrorBody>('POST', '/api/beneficiaries', swCrema, {
        ...crema(),
        householdId: cremonaHousehold.id,
      });
      expect(invisible.status).toBe(400);
      expect(invisible.body.errors?.householdId).toBe(`no household ${cremonaHousehold.id}`);
      const elsewhere = await req<ErrorBody>('POST', '/api/beneficiaries', admin, {
        ...crema(),
        householdId: cremonaHousehold.id,
      });
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.body.errors?.householdId).toMatch(/another territory/);
    });

    it('keeps records of other territories out of a social worker’s sight (404, not counted)', async () => {
      const mine = await create('beneficiaries', swCrema, crema());
      const theirs = await create(
        'beneficiaries',
        swCremona,
        personBody(t.CREMONA, 'Cremona', { lastName: 'Zquartizz' }),
      );
      expect((await req('GET', `/api/beneficiaries/${mine.id}`, swCremona)).status).toBe(404);
      expect((await req('PUT', `/api/beneficiaries/${mine.id}`, swCremona, mine)).status).toBe(404);
      expect((await req('DELETE', `/api/beneficiaries/${mine.id}`, swCremona)).status).toBe(404);
      const both = await req<Person[]>(
        'GET',
        list('beneficiaries', { id: [mine.id, theirs.id] }),
        swCremona,
      );
      expect(both.body.map((b) => b.id)).toEqual([theirs.id]);
      expect(both.headers.get('content-range')).toBe('beneficiaries 0-0/1');
      const byName = await req<Person[]>(
        'GET',
        list('beneficiaries', { lastName: mine.lastName, territoryId: t.CREMA }),
        swCremona,
      );
      expect(byName.headers.get('content-range')).toBe('beneficiaries */0');
    });

    it('refuses with 403 a social worker writing into a territory they do not work in', async () => {
      const cremona = personBody(t.CREMONA, 'Cremona');
      expect((await req('POST', '/api/beneficiaries', swCrema, cremona)).status).toBe(403);
      const mine = await create('beneficiaries', swCrema, crema());
      const moved = await req('PUT', `/api/beneficiaries/${mine.id}`, swCrema, {
        ...mine,
        territoryId: t.CREMONA,
        municipality: 'Cremona',
      });
      expect(moved.status).toBe(403);
      const adminMoves = await req<Person>('PUT', `/api/beneficiaries/${mine.id}`, admin, {
        ...mine,
        territoryId: t.CREMONA,
        municipality: 'Cremona',
      });
      expect(adminMoves.status).toBe(200);
      expect((await req('GET', `/api/beneficiaries/${mine.id}`, swCrema)).status).toBe(404);
    });

    it('shows managers initials, the year of birth, masked fiscal codes and no contact details; they cannot write', async () => {
      const person = await create('beneficiaries', swCrema, crema());
      const code = person.fiscalCode;
      const masked = `${code.slice(0, 6)}*********${code[15]}`;
      const one = await req<Json>('GET', `/api/beneficiaries/${person.id}`, manager);
      expect(one.status).toBe(200);
      expect(one.body.fiscalCode).toBe(masked);
      for (const field of ['phone', 'email', 'address']) expect(one.body).not.toHaveProperty(field);
      expect(one.body).toMatchObject({
        firstName: `${String(person.firstName)[0]}.`,
        lastName: `${String(person.lastName)[0]}.`,
        birthYear: Number(String(person.birthDate).slice(0, 4)),
      });
      expect(one.body).not.toHaveProperty('birthDate');
      expect(one.text).not.toContain(String(person.lastName));

      const many = await req<Json[]>('GET', list('beneficiaries', { id: [person.id] }), manager);
      expect(many.body[0].fiscalCode).toBe(masked);
      expect(many.body[0]).not.toHaveProperty('email');
      expect(many.text).not.toContain(code);
      expect(many.text).not.toContain(String(person.lastName));
      expect(many.body[0]).not.toHaveProperty('birthDate');

      expect((await req('POST', '/api/beneficiaries', manager, crema())).status).toBe(403);
      expect((await req('PUT', `/api/beneficiaries/${person.id}`, manager, person)).status).toBe(
        403,
      );
      expect((await req('DELETE', `/api/beneficiaries/${person.id}`, manager)).status).toBe(403);
    });

    it('does not let managers filter, search or sort by fiscal code, nor filter or search by names or birth date', async () => {
      const person = await create('beneficiaries', swCrema, crema());
      const filtered = await req<ErrorBody>(
        'GET',
        list('beneficiaries', { fiscalCode: person.fiscalCode }),
        manager,
      );
      expect(filtered.status).toBe(400);
      expect(filtered.body.errors?.filter).toMatch(/fiscalCode/);
      const sorted = await req(
        'GET',
        list('beneficiaries', {}, '&sort=["fiscalCode","ASC"]'),
        manager,
      );
      expect(sorted.status).toBe(400);
      // A manager reads initials and the year of birth: a search or filter by what they do not
      // read would confirm it.
      for (const filter of [
        { q: person.fiscalCode.slice(0, 11) },
        { q: person.lastName, id: person.id },
        { lastName: person.lastName },
        { birthDate_gte: person.birthDate },
      ]) {
        const refused = await req<ErrorBody>('GET', list('beneficiaries', filter), manager);
        expect([filter, refused.status]).toEqual([filter, 400]);
        expect(refused.body.errors?.filter).toMatch(/masked or hidden/);
      }
      const byYear = await req<Json[]>(
        'GET',
        list('beneficiaries', { id: person.id }, '&sort=["lastName","ASC"]'),
        manager,
      );
      expect(byYear.body).toHaveLength(1);
      // Others may.
      const admins = await req<Json[]>(
        'GET',
        list('beneficiaries', { q: person.fiscalCode.slice(0, 11).toLowerCase() }),
        admin,
      );
      expect(admins.body.map((b) => b.id)).toContain(person.id);
    });

    it('filters by birthDate range, sex, employment status, territory and household', async () => {
      const household = await create<Household>('households', swCrema, householdBody());
      const a = await create('beneficiaries', swCrema, crema({ householdId: household.id }));
      const b = await create(
        'beneficiaries',
        swCrema,
        crema({ householdId: household.id, employmentStatus: 'RETIRED' }),
      );
      const inHousehold = await req<Person[]>(
        'GET',
        list('beneficiaries', { householdId: household.id }, '&sort=["birthDate","ASC"]'),
        admin,
      );
      expect(inHousehold.body.map((p) => p.id)).toEqual([a.id, b.id]);
      const range = await req<Person[]>(
        'GET',
        list('beneficiaries', {
          householdId: household.id,
          birthDate_gte: a.birthDate,
          birthDate_lte: a.birthDate,
          sex: a.sex,
          territoryId: t.CREMA,
        }),
        admin,
      );
      expect(range.body.map((p) => p.id)).toEqual([a.id]);
      const retired = await req<Person[]>(
        'GET',
        list('beneficiaries', { householdId: household.id, employmentStatus: 'RETIRED' }),
        swCrema,
      );
      expect(retired.body.map((p) => p.id)).toEqual([b.id]);
      const unknownFilter = await req('GET', list('beneficiaries', { phone: '1' }), admin);
      expect(unknownFilter.status).toBe(400);
    });

    it('shows community makers only the beneficiaries of pacts assigned to them', async () => {
      const person = await create('beneficiaries', swCrema, crema());
      expect((await req('GET', `/api/beneficiaries/${person.id}`, makerCrema)).status).toBe(404);
      const pact = await req<Json>('POST', '/api/pacts', swCrema, {
        type: 'AUTONOMY',
        territoryId: t.CREMA,
        beneficiaryId: person.id,
        communityMakerId: makerCremaId,
        title: 'Percorso di autonomia',
      });
      expect(pact.status).toBe(201);
      const seen = await req<Json>('GET', `/api/beneficiaries/${person.id}`, makerCrema);
      expect(seen.status).toBe(200);
      // What the field needs: names, contacts, the year of birth; never the fiscal code.
      expect(seen.body).not.toHaveProperty('fiscalCode');
      expect(seen.body).not.toHaveProperty('birthDate');
      expect(seen.body).toMatchObject({
        lastName: person.lastName,
        phone: person.phone,
        birthYear: Number(String(person.birthDate).slice(0, 4)),
      });
      expect(seen.text).not.toContain(person.fiscalCode);
      expect((await req('GET', `/api/beneficiaries/${person.id}`, makerCremona)).status).toBe(404);
      const mine = await req<Person[]>(
        'GET',
        list('beneficiaries', { id: [person.id] }),
        makerCrema,
      );
      expect(mine.body).toHaveLength(1);
      expect((await req('POST', '/api/beneficiaries', makerCrema, crema())).status).toBe(403);
      expect((await req('PUT', `/api/beneficiaries/${person.id}`, makerCrema, person)).status).toBe(
        403,
      );
    });

    it('refuses to delete a beneficiary a pact names (409)', async () => {
      const person = await create('beneficiaries', swCrema, crema());
      const pact = await req('POST', '/api/pacts', admin, {
        type: 'AUTONOMY',
        territoryId: t.CREMA,
        beneficiaryId: person.id,
        title: 'Percorso',
      });
      expect(pact.status).toBe(201);
      const res = await req<ErrorBody>('DELETE', `/api/beneficiaries/${person.id}`, swCrema);
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/pact/);
      expect((await req('GET', `/api/beneficiaries/${person.id}`, swCrema)).status).toBe(200);
    });

    it('lists for ADMIN only the reads of a person, their household and their pacts, newest first', async () => {
      const household = await create<Household>('households', swCrema, householdBody());
      const person = await create('beneficiaries', swCrema, crema({ householdId: household.id }));
      const pact = await create<Json & { id: number }>('pacts', swCrema, {
        type: 'AUTONOMY',
        territoryId: t.CREMA,
        beneficiaryId: person.id,
        title: 'Percorso',
      });
      expect((await req('GET', `/api/beneficiaries/${person.id}`, swCrema)).status).toBe(200);
      expect((await req('GET', `/api/households/${household.id}`, manager)).status).toBe(200);
      expect((await req('GET', `/api/pacts/${pact.id}`, swCrema)).status).toBe(200);
      // A list page naming the person is a read too (via list); other people's records are not.
      await req('GET', list('beneficiaries', { id: [person.id] }), swCrema);
      const someoneElse = await create('beneficiaries', swCrema, crema());
      await req('GET', `/api/beneficiaries/${someoneElse.id}`, swCrema);

      const path = `/api/beneficiaries/${person.id}/access-log`;
      const log = await req<LogRow[]>('GET', path, admin);
      expect(log.status).toBe(200);
      expect(log.headers.get('content-range')).toBe('access-log 0-3/4');
      expect(log.body.map((r) => [r.entityType, r.entityId, r.via])).toEqual([
        ['beneficiaries', person.id, 'list'],
        ['pacts', pact.id, 'one'],
        ['households', household.id, 'one'],
        ['beneficiaries', person.id, 'one'],
      ]);
      expect(log.body[3].actorId).toBe(swCremaId);
      const pactsOnly = await req<LogRow[]>(
        'GET',
        `${path}?filter=${encodeURIComponent('{"entityType":"pacts"}')}`,
        admin,
      );
      expect(pactsOnly.body).toHaveLength(1);
      expect((await req('GET', `${path}?range=[0,1000]`, admin)).status).toBe(400);
      for (const token of [manager, swCrema, makerCrema]) {
        expect((await req('GET', path, token)).status).toBe(403);
      }
      expect((await req('GET', '/api/beneficiaries/999999/access-log', admin)).status).toBe(404);
    });
  });

  describe('households', () => {
    it('creates, reads, edits and deletes, with the ISEE as a JSON number', async () => {
      const created = await req<Household>('POST', '/api/households', swCrema, householdBody());
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        iseeEur: 8450.5,
        vulnerable: false,
        vulnerabilityReason: null,
        assessedById: null,
        assessedAt: null,
        version: 1,
      });
      const id = created.body.id;
      const read = await req<Household>('GET', `/api/households/${id}`, swCrema);
      expect(read.body).toEqual(created.body);
      const unknownIsee = await req<Household>('PUT', `/api/households/${id}`, swCrema, {
        ...created.body,
        iseeEur: null,
        membersCount: 30,
      });
      expect(unknownIsee.status).toBe(200);
      expect(unknownIsee.body).toMatchObject({ iseeEur: null, membersCount: 30, version: 2 });
      const exact = await req<Household>('PUT', `/api/households/${id}`, swCrema, {
        ...unknownIsee.body,
        iseeEur: 9360,
      });
      expect(exact.body.iseeEur).toBe(9360);
      const deleted = await req<Household>('DELETE', `/api/households/${id}`, swCrema);
      expect(deleted.status).toBe(200);
      expect(deleted.body.id).toBe(id);
      expect((await req('GET', `/api/households/${id}`, admin)).status).toBe(404);
    });

    it('validates ISEE, members count and names every wrong field', async () => {
      const cases: Array<[Json, string]> = [
        [{ iseeEur: 100.123 }, 'iseeEur'],
        [{ iseeEur: -1 }, 'iseeEur'],
        [{ iseeEur: '9360.00' }, 'iseeEur'],
        [{ membersCount: 0 }, 'membersCount'],
        [{ membersCount: 31 }, 'membersCount'],
        [{ membersCount: 2.5 }, 'membersCount'],
        [{ name: '  ' }, 'name'],
        [{ municipality: 'Cremona' }, 'municipality'],
      ];
      for (const [change, field] of cases) {
        const res = await req<ErrorBody>('POST', '/api/households', swCrema, {
          ...householdBody(),
          ...change,
        });
        expect([field, res.status]).toEqual([field, 400]);
        expect(Object.keys(res.body.errors ?? {})).toEqual([field]);
      }
    });

    it('records who assessed vulnerability and when; the client cannot set them', async () => {
      const noReason = await req<ErrorBody>('POST', '/api/households', swCrema, {
        ...householdBody(),
        vulnerable: true,
        vulnerabilityReason: '  ',
      });
      expect(noReason.status).toBe(400);
      expect(Object.keys(noReason.body.errors ?? {})).toEqual(['vulnerabilityReason']);

      const forged = await req<ErrorBody>('POST', '/api/households', swCrema, {
        ...householdBody(),
        assessedById: adminId,
      });
      expect(forged.status).toBe(400);
      expect(forged.body.errors).toEqual({
        assessedById: 'is read-only: it cannot be set on create',
      });

      const before = Date.now();
      const assessed = await create<Household & { assessedAt: string }>('households', swCrema, {
        ...householdBody(),
        vulnerable: true,
        vulnerabilityReason: 'Perdita del lavoro di entrambi i genitori',
      });
      expect(assessed.assessedById).toBe(swCremaId);
      expect(Date.parse(assessed.assessedAt)).toBeGreaterThanOrEqual(before - 1000);

      // Sent back unchanged (react-admin), the assessment stays as it was.
      const renamed = await req<Household & { assessedAt: string }>(
        'PUT',
        `/api/households/${assessed.id}`,
        admin,
        { ...assessed, name: 'Famiglia Zquarti rinominata' },
      );
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({
        assessedById: swCremaId,
        assessedAt: assessed.assessedAt,
      });

      const changedWho = await req<ErrorBody>('PUT', `/api/households/${assessed.id}`, admin, {
        ...renamed.body,
        assessedById: adminId,
      });
      expect(changedWho.status).toBe(400);
      expect(changedWho.body.errors).toEqual({ assessedById: 'is read-only' });

      const reassessed = await req<Household & { assessedAt: string }>(
        'PUT',
        `/api/households/${assessed.id}`,
        admin,
        { ...renamed.body, vulnerabilityReason: 'Sfratto esecutivo' },
      );
      expect(reassessed.status).toBe(200);
      expect(reassessed.body.assessedById).toBe(adminId);
      expect(reassessed.body.assessedAt > assessed.assessedAt).toBe(true);

      const trail = await req<Array<{ changes: Json }>>(
        'GET',
        list(
          'audit-events',
          { entityType: 'households', entityId: assessed.id },
          '&sort=["id","DESC"]',
        ),
        admin,
      );
      expect(trail.body[0].changes).toMatchObject({
        vulnerabilityReason: ['Perdita del lavoro di entrambi i genitori', 'Sfratto esecutivo'],
        assessedById: [swCremaId, adminId],
      });
    });

    it('scopes households like beneficiaries; managers and makers only read', async () => {
      const household = await create<Household>('households', swCrema, householdBody());
      expect((await req('GET', `/api/households/${household.id}`, swCremona)).status).toBe(404);
      const counted = await req('GET', list('households', { id: [household.id] }), swCremona);
      expect(counted.headers.get('content-range')).toBe('households */0');
      expect((await req('GET', `/api/households/${household.id}`, manager)).status).toBe(200);
      expect((await req('GET', `/api/households/${household.id}`, makerCrema)).status).toBe(404);
      for (const token of [manager, makerCrema]) {
        expect((await req('POST', '/api/households', token, householdBody())).status).toBe(403);
        expect((await req('PUT', `/api/households/${household.id}`, token, household)).status).toBe(
          403,
        );
        expect((await req('DELETE', `/api/households/${household.id}`, token)).status).toBe(403);
      }
      const elsewhere = await req('POST', '/api/households', swCrema, {
        ...householdBody(),
        territoryId: t.CREMONA,
        municipality: 'Cremona',
      });
      expect(elsewhere.status).toBe(403);
    });

    it('filters by vulnerability, ISEE range, members and name', async () => {
      const tag = `Zfiltro${++counter}`;
      const low = await create<Household>('households', swCrema, {
        ...householdBody({ name: `${tag} bassa`, iseeEur: 5000, membersCount: 2 }),
      });
      const high = await create<Household>('households', swCrema, {
        ...householdBody({ name: `${tag} alta`, iseeEur: 20000.75 }),
        vulnerable: true,
        vulnerabilityReason: 'Disabilità grave',
      });
      const unknown = await create<Household>('households', swCrema, {
        ...householdBody({ name: `${tag} ignota`, iseeEur: null }),
      });
      const ids = async (filter: Json) =>
        (await req<Household[]>('GET', list('households', { q: tag, ...filter }), swCrema)).body
          .map((h) => h.id)
          .sort((a, b) => a - b);
      expect(await ids({})).toEqual([low.id, high.id, unknown.id]);
      expect(await ids({ vulnerable: true })).toEqual([high.id]);
      expect(await ids({ iseeEur_lte: 9360 })).toEqual([low.id]);
      expect(await ids({ iseeEur_gte: 20000.75 })).toEqual([high.id]);
      expect(await ids({ iseeEur: null })).toEqual([unknown.id]);
      expect(await ids({ membersCount: 2, municipality: 'Crema' })).toEqual([low.id]);
    });

    it('refuses to delete a household with members or pacts, or to move one with members', async () => {
      const household = await create<Household>('households', swCrema, householdBody());
      const member = await create('beneficiaries', swCrema, crema({ householdId: household.id }));
      const withMember = await req<ErrorBody>('DELETE', `/api/households/${household.id}`, admin);
      expect(withMember.status).toBe(409);
      expect(withMember.body.message).toMatch(/member/);
      const moved = await req('PUT', `/api/households/${household.id}`, admin, {
        ...household,
        territoryId: t.CREMONA,
        municipality: 'Cremona',
      });
      expect(moved.status).toBe(409);

      expect(
        (
          await req('PUT', `/api/beneficiaries/${member.id}`, swCrema, {
            ...member,
            householdId: null,
          })
        ).status,
      ).toBe(200);
      const pact = await req('POST', '/api/pacts', swCrema, {
        type: 'INCLUSION',
        territoryId: t.CREMA,
        householdId: household.id,
        title: 'Inclusione',
      });
      expect(pact.status).toBe(201);
      const withPact = await req<ErrorBody>('DELETE', `/api/households/${household.id}`, admin);
      expect(withPact.status).toBe(409);
      expect(withPact.body.message).toMatch(/pact/);
    });
  });
});
