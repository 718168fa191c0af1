import { ROLES, type Role } from '@generattivi/shared';
import {
  createUser,
  DEMO_ACCOUNT,
  ErrorBody,
  loginEveryRole,
  uniqueEmail,
  UserRecord,
} from '../support/demo';
import { beneficiaryBody, createBeneficiary, createHousehold } from '../support/fixtures';
import { startServer, TestServer } from '../support/server';

/**
 * The authorization matrix: role × route × expected status, on the real server
 * (DOMAIN.md "Who may do what", API.md "Errors"). One row per request; every row is also
 * tried without a token (401 unless the route is public).
 *
 * To add a resource, add rows: `path` may name fixtures (`{userId}`), `body` builds the request
 * for the role at hand (read the current record with `f.admin` for versioned updates), and
 * `expect` maps every role to a status — use the helpers below, e.g.
 *   { method: 'GET', path: '/api/pacts/{pactOfCremona}',
 *     expect: statuses({ ADMIN: 200, MANAGER: 200, SOCIAL_WORKER: 200, COMMUNITY_MAKER: 404 }) }
 * and, if a row needs a record, create it in `createFixtures`.
 */

interface Fixtures {
  server: TestServer;
  /** ADMIN's token, for preparing requests. */
  admin: string;
  /** An account the rows may edit (not a demo account, not the caller). */
  userId: number;
  territoryId: number;
  auditEventId: number;
  /** An id no record has. */
  missingId: number;
  /** Case records: one pact of Crema followed by maker.crema, one of Cremona (out of scope
   *  for the Crema social worker and maker), with their people, a milestone and a note. */
  pactCrema: number;
  pactCremona: number;
  beneficiaryCrema: number;
  beneficiaryCremona: number;
  householdCremona: number;
  milestoneCrema: number;
  noteCrema: number;
  assignmentCrema: number;
}

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** `{fixture}` placeholders are replaced by the fixture's value: `/api/users/{userId}`. */
  path: string;
  /** Makes a record for each request (each role), named `{fresh}` in the path. */
  fresh?: (f: Fixtures) => Promise<number>;
  body?: (f: Fixtures, role: Role) => unknown;
  /** Sign in again for this request (for rows that end the session, such as logout). */
  freshToken?: boolean;
  /** Public routes answer without a token; the others must answer 401. */
  public?: boolean;
  expect: Record<Role, number>;
  /** What the row shows, in the test name. */
  note?: string;
}

const statuses = (s: Record<Role, number>) => s;
const everyone = (status: number) =>
  statuses({
    ADMIN: status,
    MANAGER: status,
    SOCIAL_WORKER: status,
    COMMUNITY_MAKER: status,
  });
/** `status` for the listed roles, 403 for the others. */
const only = (roles: Role[], status: number) =>
  Object.fromEntries(ROLES.map((r) => [r, roles.includes(r) ? status : 403])) as Record<
    Role,
    number
  >;
const adminOnly = (status: number) => only(['ADMIN'], status);
/** Seen by ADMIN and MANAGER only: the Crema social worker and maker get 404 (out of scope). */
const outOfScope = (admin: number, manager = 200) =>
  statuses({ ADMIN: admin, MANAGER: manager, SOCIAL_WORKER: 404, COMMUNITY_MAKER: 404 });
const auditors = (status: number) => only(['ADMIN', 'MANAGER'], status);

async function current<T>(f: Fixtures, path: string): Promise<T> {
  const res = await f.server.request<T>('GET', path, { token: f.admin });
  if (res.status !== 200) throw new Error(`GET ${path} → ${res.status} ${res.text}`);
  return res.body;
}

const ROWS: Row[] = [
  // auth
  {
    method: 'POST',
    path: '/api/auth/login',
    public: true,
    expect: everyone(401),
    note: 'bad password',
    body: () => ({ email: DEMO_ACCOUNT.ADMIN, password: 'not-the-password' }),
  },
  { method: 'GET', path: '/api/auth/me', expect: everyone(200) },
  { method: 'POST', path: '/api/auth/logout', freshToken: true, expect: everyone(200) },
  { method: 'GET', path: '/api/health', public: true, expect: everyone(200) },
  { method: 'GET', path: '/api/eligibility/settings', expect: everyone(200) },

  // users: everyone reads the directory; only ADMIN writes; accounts are never deleted
  { method: 'GET', path: '/api/users', expect: everyone(200) },
  { method: 'GET', path: '/api/users/{userId}', expect: everyone(200) },
  { method: 'GET', path: '/api/users/{missingId}', expect: everyone(404) },
  {
    method: 'POST',
    path: '/api/users',
    expect: adminOnly(201),
    body: (_f, role) => ({
      email: uniqueEmail(`matrix-${role}`),
      fullName: 'Matrix Created',
      role: 'COMMUNITY_MAKER',
      territoryIds: [1],
      password: 'matrix-password-123',
    }),
  },
  {
    method: 'PUT',
    path: '/api/users/{userId}',
    expect: adminOnly(200),
    body: async (f, role) => ({
      ...(await current<UserRecord>(f, `/api/users/${f.userId}`)),
      fullName: `Edited by ${role}`,
    }),
  },
  {
    method: 'PUT',
    path: '/api/users/{userId}',
    expect: adminOnly(200),
    note: 'role and territories',
    body: async (f, role) => ({
      ...(await current<UserRecord>(f, `/api/users/${f.userId}`)),
      role: role === 'ADMIN' ? 'MANAGER' : 'ADMIN',
      territoryIds: [1, 2, 3],
    }),
  },
  {
    method: 'PUT',
    path: '/api/users/{missingId}',
    expect: adminOnly(404),
    body: async (f) => ({
      ...(await current<UserRecord>(f, `/api/users/${f.userId}`)),
      id: undefined,
    }),
  },
  { method: 'DELETE', path: '/api/users/{userId}', expect: adminOnly(409) },
  { method: 'DELETE', path: '/api/users/{missingId}', expect: adminOnly(404) },

  // territories: read for all, write for ADMIN; the three ambiti exist and cannot be deleted
  { method: 'GET', path: '/api/territories', expect: everyone(200) },
  { method: 'GET', path: '/api/territories/{territoryId}', expect: everyone(200) },
  { method: 'GET', path: '/api/territories/{missingId}', expect: everyone(404) },
  {
    method: 'POST',
    path: '/api/territories',
    expect: adminOnly(409),
    note: 'code already exists',
    body: () => ({
      code: 'CREMA',
      name: 'Ambito distrettuale di Crema',
      municipalities: ['Crema'],
    }),
  },
  {
    method: 'PUT',
    path: '/api/territories/{territoryId}',
    expect: adminOnly(200),
    body: (f) => current(f, `/api/territories/${f.territoryId}`),
  },
  { method: 'DELETE', path: '/api/territories/{territoryId}', expect: adminOnly(409) },

  // audit trail: ADMIN and MANAGER read it; nobody writes it through the API
  { method: 'GET', path: '/api/audit-events', expect: auditors(200) },
  { method: 'GET', path: '/api/audit-events/verify', expect: auditors(200) },
  { method: 'GET', path: '/api/audit-events/{auditEventId}', expect: auditors(200) },
  { method: 'GET', path: '/api/audit-events/{missingId}', expect: auditors(404) },
  {
    method: 'POST',
    path: '/api/audit-events',
    expect: auditors(405),
    body: () => ({ action: 'forged', entityType: 'users', entityId: 1, changes: {} }),
  },
  {
    method: 'PUT',
    path: '/api/audit-events/{auditEventId}',
    expect: auditors(405),
    body: () => ({ action: 'forged' }),
  },
  { method: 'DELETE', path: '/api/audit-events/{auditEventId}', expect: auditors(405) },
  // case records: scoped (out of scope is 404), written by the roles DOMAIN.md names
  { method: 'GET', path: '/api/pacts', expect: everyone(200) },
  { method: 'GET', path: '/api/pacts/{pactCrema}', expect: everyone(200) },
  { method: 'GET', path: '/api/pacts/{pactCremona}', expect: outOfScope(200) },
  // the printable pact names people: not for the manager
  {
    method: 'GET',
    path: '/api/pacts/{pactCrema}/document',
    expect: statuses({ ADMIN: 200, MANAGER: 403, SOCIAL_WORKER: 200, COMMUNITY_MAKER: 200 }),
  },
  { method: 'GET', path: '/api/pacts/{pactCremona}/document', expect: outOfScope(200, 403) },
  {
    method: 'PUT',
    path: '/api/pacts/{pactCremona}',
    expect: outOfScope(200, 403),
    body: async (f, role) => ({
      ...(await current<Record<string, unknown>>(f, `/api/pacts/${f.pactCremona}`)),
      title: `Titolo di ${role}`,
    }),
  },
  {
    method: 'POST',
    path: '/api/pacts',
    expect: statuses({ ADMIN: 201, MANAGER: 403, SOCIAL_WORKER: 201, COMMUNITY_MAKER: 403 }),
    body: async (f) => ({
      type: 'AUTONOMY',
      territoryId: 1,
      beneficiaryId: (await newBeneficiary(f, 1)).id,
      title: 'Patto della matrice',
    }),
  },
  {
    method: 'POST',
    path: '/api/pacts/{pactCremona}/transitions',
    expect: outOfScope(409, 403),
    note: 'DRAFT → COMPLETED',
    body: async (f) => ({
      to: 'COMPLETED',
      outcome: 'EMPLOYED',
      version: (await current<{ version: number }>(f, `/api/pacts/${f.pactCremona}`)).version,
    }),
  },
  {
    method: 'POST',
    path: '/api/pacts/{pactCremona}/assign',
    expect: statuses({ ADMIN: 409, MANAGER: 403, SOCIAL_WORKER: 404, COMMUNITY_MAKER: 403 }),
    note: 'the same maker again',
    body: async (f) => ({
      communityMakerId: (
        await current<{ communityMakerId: number }>(f, `/api/pacts/${f.pactCremona}`)
      ).communityMakerId,
    }),
  },
  { method: 'GET', path: '/api/beneficiaries', expect: everyone(200) },
  { method: 'GET', path: '/api/beneficiaries/{beneficiaryCrema}', expect: everyone(200) },
  { method: 'GET', path: '/api/beneficiaries/{beneficiaryCremona}', expect: outOfScope(200) },
  {
    method: 'GET',
    path: '/api/beneficiaries/{beneficiaryCrema}/access-log',
    expect: adminOnly(200),
  },
  {
    method: 'GET',
    path: '/api/beneficiaries/{beneficiaryCrema}/subject-access',
    expect: adminOnly(200),
  },
  {
    method: 'GET',
    path: '/api/beneficiaries/{missingId}/subject-access',
    expect: adminOnly(404),
  },
  { method: 'GET', path: '/api/access-log', expect: adminOnly(200) },
  {
    method: 'PUT',
    path: '/api/beneficiaries/{beneficiaryCremona}',
    expect: statuses({ ADMIN: 200, MANAGER: 403, SOCIAL_WORKER: 404, COMMUNITY_MAKER: 403 }),
    body: async (f) => current(f, `/api/beneficiaries/${f.beneficiaryCremona}`),
  },
  { method: 'GET', path: '/api/households/{householdCremona}', expect: outOfScope(200) },
  {
    method: 'DELETE',
    path: '/api/households/{householdCremona}',
    expect: statuses({ ADMIN: 409, MANAGER: 403, SOCIAL_WORKER: 404, COMMUNITY_MAKER: 403 }),
    note: 'it has a pact',
  },
  { method: 'GET', path: '/api/milestones/{milestoneCrema}', expect: everyone(200) },
  {
    method: 'POST',
    path: '/api/milestones',
    expect: statuses({ ADMIN: 201, MANAGER: 403, SOCIAL_WORKER: 201, COMMUNITY_MAKER: 201 }),
    body: (f) => ({ pactId: f.pactCrema, title: 'Tappa della matrice', dueDate: '2027-03-01' }),
  },
  { method: 'GET', path: '/api/notes/{noteCrema}', expect: everyone(200) },
  {
    method: 'POST',
    path: '/api/notes',
    expect: statuses({ ADMIN: 201, MANAGER: 403, SOCIAL_WORKER: 400, COMMUNITY_MAKER: 400 }),
    note: 'on a pact out of scope for Crema',
    body: (f) => ({ pactId: f.pactCremona, kind: 'NOTE', body: 'Nota della matrice' }),
  },
  {
    method: 'PUT',
    path: '/api/notes/{noteCrema}',
    expect: everyone(405),
    body: () => ({ body: 'corretto' }),
  },
  { method: 'DELETE', path: '/api/notes/{noteCrema}', expect: everyone(405) },
  { method: 'GET', path: '/api/assignments/{assignmentCrema}', expect: everyone(200) },
  { method: 'POST', path: '/api/assignments', expect: everyone(405), body: () => ({ pactId: 1 }) },
  { method: 'DELETE', path: '/api/assignments/{assignmentCrema}', expect: everyone(405) },
  { method: 'GET', path: '/api/community-labs', expect: everyone(200) },
  { method: 'GET', path: '/api/civic-centers', expect: everyone(200) },
  { method: 'GET', path: '/api/reports/outcomes', expect: everyone(200) },
  { method: 'GET', path: '/api/reports/caseload', expect: everyone(200) },
  { method: 'GET', path: '/api/alerts', expect: everyone(200) },
  { method: 'GET', path: '/api/search?q=famiglia', expect: everyone(200) },

  // deleting (PERMISSIONS in shared/): ADMIN, and the social worker in their territories —
  // a DRAFT pact without notes, a record nothing references; a maker removes the milestones
  // of the DRAFT pacts they co-design; a manager never deletes
  {
    method: 'DELETE',
    path: '/api/pacts/{fresh}',
    note: 'a DRAFT pact of Crema without notes',
    fresh: async (f) => (await newPact(f)).id,
    expect: statuses({ ADMIN: 200, MANAGER: 403, SOCIAL_WORKER: 200, COMMUNITY_MAKER: 403 }),
  },
  {
    method: 'DELETE',
    path: '/api/beneficiaries/{fresh}',
    note: 'a person of Crema nothing references',
    fresh: async (f) => (await newBeneficiary(f, 1)).id,
    expect: statuses({ ADMIN: 200, MANAGER: 403, SOCIAL_WORKER: 200, COMMUNITY_MAKER: 403 }),
  },
  {
    method: 'DELETE',
    path: '/api/households/{fresh}',
    note: 'a household of Crema nothing references',
    fresh: async (f) =>
      (await createHousehold(f.server, f.admin, { territoryId: 1, municipality: 'Crema' })).id,
    expect: statuses({ ADMIN: 200, MANAGER: 403, SOCIAL_WORKER: 200, COMMUNITY_MAKER: 403 }),
  },
  {
    method: 'DELETE',
    path: '/api/milestones/{fresh}',
    note: 'of the DRAFT pact of Crema the maker follows',
    fresh: async (f) => {
      const res = await f.server.request<{ id: number }>('POST', '/api/milestones', {
        token: f.admin,
        body: { pactId: f.pactCrema, title: 'Tappa da togliere', dueDate: '2027-02-01' },
      });
      if (res.status !== 201) throw new Error(`fresh milestone → ${res.status} ${res.text}`);
      return res.body.id;
    },
    expect: statuses({ ADMIN: 200, MANAGER: 403, SOCIAL_WORKER: 200, COMMUNITY_MAKER: 200 }),
  },
];

async function newPact(f: Fixtures): Promise<{ id: number }> {
  const res = await f.server.request<{ id: number }>('POST', '/api/pacts', {
    token: f.admin,
    body: {
      type: 'AUTONOMY',
      territoryId: 1,
      beneficiaryId: (await newBeneficiary(f, 1)).id,
      title: 'Patto da cancellare',
    },
  });
  if (res.status !== 201) throw new Error(`fresh pact → ${res.status} ${res.text}`);
  return res.body;
}

async function newBeneficiary(f: Fixtures, territoryId: number): Promise<{ id: number }> {
  return createBeneficiary(
    f.server,
    f.admin,
    beneficiaryBody(territoryId, { municipality: territoryId === 1 ? 'Crema' : 'Cremona' }),
  );
}

async function createFixtures(server: TestServer, admin: string): Promise<Fixtures> {
  const user = await createUser(server, admin, {
    password: 'matrix-target-password',
    role: 'COMMUNITY_MAKER',
  });
  const [firstEvent] = (
    await server.request<Array<{ id: number }>>(
      'GET',
      `/api/audit-events?sort=${encodeURIComponent('["id","ASC"]')}&range=${encodeURIComponent('[0,0]')}`,
      { token: admin },
    )
  ).body;
  const partial = { server, admin };
  const swCrema = await server.login('sociale.crema@demo.generattivi.it');
  const swCremona = await server.login('sociale.cremona@demo.generattivi.it');
  const makerCrema = (
    await server.request<Array<{ id: number }>>(
      'GET',
      `/api/users?filter=${encodeURIComponent(JSON.stringify({ q: 'maker.crema@' }))}`,
      { token: admin },
    )
  ).body[0].id;
  const makerCremona = (
    await server.request<Array<{ id: number }>>(
      'GET',
      `/api/users?filter=${encodeURIComponent(JSON.stringify({ q: 'maker.cremona@' }))}`,
      { token: admin },
    )
  ).body[0].id;
  const beneficiaryCrema = await createBeneficiary(
    server,
    swCrema,
    beneficiaryBody(1, { municipality: 'Crema' }),
  );
  const household = await createHousehold(server, swCremona, {
    territoryId: 2,
    municipality: 'Cremona',
  });
  const beneficiaryCremona = await createBeneficiary(
    server,
    swCremona,
    beneficiaryBody(2, { municipality: 'Cremona', householdId: household.id }),
  );
  const create = async (token: string, body: Record<string, unknown>) => {
    const res = await server.request<{ id: number }>('POST', '/api/pacts', { token, body });
    if (res.status !== 201) throw new Error(`fixture pact → ${res.status} ${res.text}`);
    return res.body.id;
  };
  const pactCrema = await create(swCrema, {
    type: 'AUTONOMY',
    territoryId: 1,
    beneficiaryId: beneficiaryCrema.id,
    title: 'Patto di Crema',
    communityMakerId: makerCrema,
  });
  const pactCremona = await create(swCremona, {
    type: 'INCLUSION',
    territoryId: 2,
    householdId: household.id,
    beneficiaryId: beneficiaryCremona.id,
    title: 'Patto di Cremona',
    communityMakerId: makerCremona,
  });
  const milestone = await server.request<{ id: number }>('POST', '/api/milestones', {
    token: swCrema,
    body: { pactId: pactCrema, title: 'Primo colloquio', dueDate: '2027-01-15' },
  });
  const note = await server.request<{ id: number }>('POST', '/api/notes', {
    token: swCrema,
    body: { pactId: pactCrema, kind: 'CALL', body: 'Telefonata di avvio' },
  });
  const [assignment] = (
    await server.request<Array<{ id: number }>>(
      'GET',
      `/api/assignments?filter=${encodeURIComponent(JSON.stringify({ pactId: pactCrema }))}`,
      { token: admin },
    )
  ).body;
  return {
    ...partial,
    userId: user.id,
    territoryId: 1,
    auditEventId: firstEvent.id,
    missingId: 999_999,
    pactCrema,
    pactCremona,
    beneficiaryCrema: beneficiaryCrema.id,
    beneficiaryCremona: beneficiaryCremona.id,
    householdCremona: household.id,
    milestoneCrema: milestone.body.id,
    noteCrema: note.body.id,
    assignmentCrema: assignment.id,
  };
}

const label = (row: Row) => `${row.method} ${row.path}${row.note ? ` (${row.note})` : ''}`;

function resolvePath(path: string, f: Fixtures): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = (f as unknown as Record<string, unknown>)[name];
    if (typeof value !== 'number' && typeof value !== 'string')
      throw new Error(`${path}: no fixture named ${name}`);
    return String(value);
  });
}

describe('authorization matrix', () => {
  let server: TestServer;
  let tokens: Record<Role, string>;
  let f: Fixtures;

  beforeAll(async () => {
    server = await startServer();
    tokens = await loginEveryRole(server);
    f = await createFixtures(server, tokens.ADMIN);
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe.each(ROWS.map((row) => [label(row), row] as const))('%s', (_label, row) => {
    const path = async () =>
      resolvePath(
        row.path.replace('{fresh}', row.fresh ? String(await row.fresh(f)) : '{fresh}'),
        f,
      );

    it.each(ROLES.map((role) => [role, row.expect[role]] as const))(
      '%s → %i',
      async (role, expected) => {
        const token = row.freshToken ? await server.login(DEMO_ACCOUNT[role]) : tokens[role];
        const body = row.body ? await row.body(f, role) : undefined;
        const url = await path();
        const res = await server.request<ErrorBody>(row.method, url, { token, body });
        if (res.status !== expected) {
          throw new Error(
            `${role} ${row.method} ${url} → ${res.status}, expected ${expected}: ${res.text}`,
          );
        }
        expect(res.status).toBe(expected);
        if (expected >= 400) expect(res.body.statusCode).toBe(expected);
      },
    );

    it(`without a token → ${row.public ? row.expect.ADMIN : 401}`, async () => {
      const body = row.body ? await row.body(f, 'ADMIN') : undefined;
      const res = await server.request<ErrorBody>(row.method, await path(), { body });
      // A public route answers as it does for anyone; the others refuse before anything else.
      expect(res.status).toBe(row.public ? row.expect.ADMIN : 401);
    });
  });
});
