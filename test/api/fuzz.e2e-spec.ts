import fc from 'fast-check';
import { startServer, TestServer } from '../support/server';

/** Every create/update/action route, with the field names its records use. */
const ROUTES: Array<{ method: 'POST' | 'PUT'; path: string; fields: string[] }> = [
  { method: 'POST', path: '/api/auth/login', fields: ['email', 'password'] },
  {
    method: 'POST',
    path: '/api/users',
    fields: ['email', 'fullName', 'role', 'territoryIds', 'active', 'password'],
  },
  {
    method: 'PUT',
    path: '/api/users/2',
    fields: ['email', 'fullName', 'role', 'territoryIds', 'active', 'version'],
  },
  {
    method: 'PUT',
    path: '/api/territories/1',
    fields: ['name', 'municipalities', 'version', 'code'],
  },
  {
    method: 'POST',
    path: '/api/beneficiaries',
    fields: [
      'firstName',
      'lastName',
      'fiscalCode',
      'birthDate',
      'sex',
      'territoryId',
      'municipality',
      'employmentStatus',
      'householdId',
    ],
  },
  {
    method: 'PUT',
    path: '/api/beneficiaries/1',
    fields: [
      'firstName',
      'lastName',
      'fiscalCode',
      'birthDate',
      'sex',
      'territoryId',
      'municipality',
      'employmentStatus',
      'version',
    ],
  },
  {
    method: 'POST',
    path: '/api/households',
    fields: [
      'name',
      'territoryId',
      'municipality',
      'membersCount',
      'iseeEur',
      'vulnerable',
      'vulnerabilityReason',
    ],
  },
  {
    method: 'PUT',
    path: '/api/households/1',
    fields: [
      'name',
      'territoryId',
      'municipality',
      'membersCount',
      'iseeEur',
      'vulnerable',
      'version',
    ],
  },
  {
    method: 'POST',
    path: '/api/pacts',
    fields: [
      'type',
      'territoryId',
      'beneficiaryId',
      'householdId',
      'title',
      'startDate',
      'plannedEndDate',
      'communityMakerId',
    ],
  },
  {
    method: 'PUT',
    path: '/api/pacts/1',
    fields: [
      'title',
      'objectives',
      'startDate',
      'plannedEndDate',
      'beneficiaryId',
      'version',
      'status',
    ],
  },
  {
    method: 'POST',
    path: '/api/pacts/1/transitions',
    fields: ['to', 'reason', 'outcome', 'version'],
  },
  {
    method: 'POST',
    path: '/api/pacts/1/assign',
    fields: ['communityMakerId', 'reason', 'version'],
  },
  {
    method: 'POST',
    path: '/api/eligibility/check',
    fields: ['type', 'beneficiaryId', 'householdId', 'territoryId', 'startDate', 'pactId'],
  },
  {
    method: 'POST',
    path: '/api/milestones',
    fields: ['pactId', 'title', 'dueDate', 'status', 'achievedAt', 'evidence'],
  },
  {
    method: 'PUT',
    path: '/api/milestones/1',
    fields: ['title', 'dueDate', 'status', 'achievedAt', 'version'],
  },
  { method: 'POST', path: '/api/notes', fields: ['pactId', 'kind', 'occurredAt', 'body'] },
  {
    method: 'POST',
    path: '/api/community-labs',
    fields: ['name', 'territoryId', 'municipality', 'communityMakerIds'],
  },
  {
    method: 'PUT',
    path: '/api/community-labs/1',
    fields: ['name', 'territoryId', 'communityMakerIds', 'version'],
  },
  {
    method: 'POST',
    path: '/api/civic-centers',
    fields: ['name', 'territoryId', 'childrenReached', 'adultsReached'],
  },
  {
    method: 'PUT',
    path: '/api/civic-centers/1',
    fields: ['name', 'territoryId', 'childrenReached', 'version'],
  },
];

/** Values that tend to break servers: wrong types, huge numbers, odd dates, nested junk. */
const nasty = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    null,
    '',
    ' ',
    '0',
    '-1',
    'NaN',
    '2026-02-30',
    '9999-12-31',
    '1900-01-01',
    "'; DROP TABLE pacts; --",
    '__proto__',
    'ACTIVE',
    'AUTONOMY',
    'CREMA',
  ),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -2147483649, 2147483648, 1e308, 0, 1, 2, 3),
  fc.string({ maxLength: 300 }),
);

describe('arbitrary bodies', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startServer();
    token = await server.login('admin@demo.generattivi.it');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each(ROUTES)(
    '$method $path answers 2xx or 4xx, never 5xx',
    async ({ method, path, fields }) => {
      const body = fc.oneof(
        fc.dictionary(fc.constantFrom(...fields, 'id', 'extra', 'constructor'), nasty, {
          maxKeys: fields.length + 2,
        }),
        fc.jsonValue({ maxDepth: 3 }),
      );
      await fc.assert(
        fc.asyncProperty(body, async (value) => {
          const res = await server.request(method, path, { token, rawBody: JSON.stringify(value) });
          if (res.status >= 500)
            throw new Error(
              `${method} ${path} ${JSON.stringify(value)} → ${res.status} ${res.text}`,
            );
          expect(res.status).toBeGreaterThanOrEqual(200);
        }),
        { numRuns: 40, seed: 20261125 },
      );
    },
  );
});
