import {
  auditEvents,
  createUser,
  DEMO_ACCOUNT,
  ErrorBody,
  listQuery,
  loginEveryRole,
  uniqueEmail,
  UserRecord,
} from '../support/demo';
import type { Role } from '@generattivi/shared';
import { beneficiaryBody, createBeneficiary, territoryIds } from '../support/fixtures';
import { pactBody } from '../support/pacts';
import { startServer, TestServer } from '../support/server';

const USER_KEYS = [
  'active',
  'createdAt',
  'digestFrequency',
  'email',
  'fullName',
  'id',
  'mustChangePassword',
  'openPacts',
  'role',
  'territoryIds',
  'updatedAt',
  'version',
];

describe('users', () => {
  let server: TestServer;
  let tokens: Record<Role, string>;
  let admin: string;
  /** Every password these tests use: none may ever come back or reach the trail. */
  const passwords: string[] = [];
  const texts: string[] = [];

  const request = async <T = UserRecord & ErrorBody>(
    method: string,
    path: string,
    token: string,
    body?: unknown,
  ) => {
    const res = await server.request<T>(method, path, { token, body });
    texts.push(res.text);
    return res;
  };
  const password = (p: string) => {
    passwords.push(p);
    return p;
  };
  const newUser = (overrides: Record<string, unknown> = {}) => ({
    email: uniqueEmail(),
    fullName: 'Chiara Ferrari',
    role: 'SOCIAL_WORKER',
    territoryIds: [1],
    password: password(`pw-${Math.random().toString(36).slice(2)}-long-enough`),
    ...overrides,
  });

  beforeAll(async () => {
    server = await startServer();
    tokens = await loginEveryRole(server);
    admin = tokens.ADMIN;
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('create (ADMIN)', () => {
    it('returns 201 and the full record, never the password or its hash', async () => {
      const body = newUser({ email: uniqueEmail('Mixed.Case').toUpperCase() });
      const res = await request('POST', '/api/users', admin, body);
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(USER_KEYS);
      expect(res.body).toMatchObject({
        email: body.email.toLowerCase(),
        fullName: 'Chiara Ferrari',
        role: 'SOCIAL_WORKER',
        territoryIds: [1],
        active: true,
        version: 1,
      });
      expect(res.text).not.toContain(body.password);
      expect(res.text.replace('"mustChangePassword"', '')).not.toMatch(
        /argon2|password|tokenVersion/i,
      );
      // Set by an administrator: to be changed at first sign-in.
      expect(res.body.mustChangePassword).toBe(true);
    });

    it('gives each role its digest unless one is chosen; a wrong one is a 400', async () => {
      const made = async (role: Role, extra: Record<string, unknown> = {}) => {
        const res = await request<UserRecord>(
          'POST',
          '/api/users',
          admin,
          newUser({ role, email: uniqueEmail(role), ...extra }),
        );
        expect(res.status).toBe(201);
        return res.body.digestFrequency;
      };
      expect(await made('SOCIAL_WORKER')).toBe('daily');
      expect(await made('COMMUNITY_MAKER')).toBe('weekly');
      expect(await made('MANAGER', { territoryIds: [] })).toBe('weekly');
      expect(await made('ADMIN', { territoryIds: [] })).toBe('none');
      expect(await made('SOCIAL_WORKER', { digestFrequency: 'none' })).toBe('none');
      const bad = await request(
        'POST',
        '/api/users',
        admin,
        newUser({ digestFrequency: 'hourly' }),
      );
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.errors ?? {})).toEqual(['digestFrequency']);
      // The administrator changes it with the rest of the record; left out, it stays.
      const created = await request('POST', '/api/users', admin, newUser());
      const { openPacts: _load, ...record } = created.body;
      const put = await request('PUT', `/api/users/${created.body.id}`, admin, {
        ...record,
        digestFrequency: 'weekly',
      });
      expect([put.status, put.body.digestFrequency]).toEqual([200, 'weekly']);
      const { digestFrequency: _kept, ...without } = put.body;
      const again = await request('PUT', `/api/users/${created.body.id}`, admin, {
        ...without,
        openPacts: 0,
        fullName: 'Chiara Ferrari Bianchi',
      });
      expect([again.status, again.body.digestFrequency]).toEqual([200, 'weekly']);
    });

    it('refuses a password shorter than 12 characters with a 400 naming password', async () => {
      const res = await request('POST', '/api/users', admin, newUser({ password: 'short-11chr' }));
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors ?? {})).toEqual(['password']);
      expect(res.body.message).toMatch(/^password: .*12/);
    });

    it('accepts exactly 12 characters', async () => {
      const res = await request(
        'POST',
        '/api/users',
        admin,
        newUser({ password: password('Vq7#mK2p!xR9') }),
      );
      expect(res.status).toBe(201);
    });

    it('accepts a Unicode password, which then signs in (whatever its normal form)', async () => {
      const composed = password('pàssword-çittà-日本語-🔐');
      const created = await request('POST', '/api/users', admin, newUser({ password: composed }));
      expect(created.status).toBe(201);
      expect(
        (
          await server.request('POST', '/api/auth/login', {
            body: { email: created.body.email, password: composed },
          })
        ).status,
      ).toBe(200);
      // The same text typed on a keyboard that sends decomposed accents (NFD).
      const decomposed = composed.normalize('NFD');
      expect(decomposed).not.toBe(composed);
      passwords.push(decomposed);
      const res = await server.request('POST', '/api/auth/login', {
        body: { email: created.body.email, password: decomposed },
      });
      expect(res.status).toBe(200);
    });

    it('counts a password of 12 emoji as long enough and one of 5 as too short', async () => {
      expect(
        (
          await request(
            'POST',
            '/api/users',
            admin,
            newUser({ password: password('🔐🍎🚲🌋🎻🦉🧭🪁🥨🛶🌵🎲') }),
          )
        ).status,
      ).toBe(201);
      expect(
        (await request('POST', '/api/users', admin, newUser({ password: '🔐'.repeat(5) }))).status,
      ).toBe(400);
    });

    it.each([' '.repeat(12), 'aaaaaaaaaaaa', 'password1234', 'qwertyuiop12', '🔐'.repeat(12)])(
      'refuses the common or patterned password %j with a 400 naming password',
      async (weak) => {
        const res = await request('POST', '/api/users', admin, newUser({ password: weak }));
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual({ password: expect.stringMatching(/too easy to guess/) });
        expect(res.body.message).toMatch(/^password: is too easy to guess/);
      },
    );

    it("refuses a password made of the user's own name and email", async () => {
      const res = await request(
        'POST',
        '/api/users',
        admin,
        newUser({
          email: 'l.bertolotti@comune.crema.cr.it',
          fullName: 'Luca Bertolotti',
          password: 'lucabertolotti',
        }),
      );
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors ?? {})).toEqual(['password']);
    });

    it('refuses a duplicate email with 409, whatever its case', async () => {
      const first = newUser();
      expect((await request('POST', '/api/users', admin, first)).status).toBe(201);
      const again = await request(
        'POST',
        '/api/users',
        admin,
        newUser({ email: first.email.toUpperCase() }),
      );
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(/^email:/);
    });

    it('refuses a duplicate email with 409 even when the requests race', async () => {
      const email = uniqueEmail('race');
      const results = await Promise.all(
        Array.from({ length: 6 }, () => request('POST', '/api/users', admin, newUser({ email }))),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      const found = await request<UserRecord[]>('GET', `/api/users${listQuery({ email })}`, admin);
      expect(found.body).toHaveLength(1);
    });

    it('refuses an unknown territory id with 400 naming territoryIds', async () => {
      const res = await request('POST', '/api/users', admin, newUser({ territoryIds: [1, 4242] }));
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors ?? {})).toEqual(['territoryIds']);
    });

    it.each(['SOCIAL_WORKER', 'COMMUNITY_MAKER'])(
      'refuses a %s without an ambito: 400 MIN_ITEMS {min: 1} on territoryIds',
      async (role) => {
        const res = await request('POST', '/api/users', admin, newUser({ role, territoryIds: [] }));
        expect([res.status, res.body.code]).toEqual([400, 'VALIDATION']);
        expect(res.body.fieldErrors).toEqual({
          territoryIds: expect.objectContaining({ code: 'MIN_ITEMS', params: { min: 1 } }),
        });
        expect((await request('POST', '/api/users', admin, newUser({ role }))).status).toBe(201);
      },
    );

    it.each(['ADMIN', 'MANAGER'])('takes a %s without an ambito', async (role) => {
      const res = await request('POST', '/api/users', admin, newUser({ role, territoryIds: [] }));
      expect(res.status).toBe(201);
    });

    it('refuses read-only fields, unknown fields and bad values, naming each in one 400', async () => {
      const res = await server.request<ErrorBody>('POST', '/api/users', {
        token: admin,
        body: {
          ...newUser({ role: 'SUPERUSER', email: 'not-an-email' }),
          id: 7,
          version: 3,
          passwordHash: '$argon2id$forged',
        },
      });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors ?? {}).sort()).toEqual([
        'email',
        'id',
        'passwordHash',
        'role',
        'version',
      ]);
      expect(res.body.errors?.passwordHash).toBe('unknown field');
      expect(res.body.errors?.id).toMatch(/read-only/);
    });

    it.each(['MANAGER', 'SOCIAL_WORKER', 'COMMUNITY_MAKER'] as const)(
      'is refused to %s with 403, and nothing is created',
      async (role) => {
        const body = newUser({ role: 'ADMIN' });
        const res = await request('POST', '/api/users', tokens[role], body);
        expect(res.status).toBe(403);
        const found = await request<UserRecord[]>(
          'GET',
          `/api/users${listQuery({ email: body.email })}`,
          admin,
        );
        expect(found.body).toEqual([]);
      },
    );
  });

  describe('update (ADMIN)', () => {
    let target: UserRecord;

    beforeEach(async () => {
      target = await createUser(server, admin, { password: password('update-target-password') });
    });

    const put = (token: string, changes: Record<string, unknown>, id = target.id) =>
      request('PUT', `/api/users/${id}`, token, { ...target, ...changes });

    it('accepts the whole record back (read-only fields unchanged) and bumps the version', async () => {
      const res = await put(admin, { fullName: 'Chiara Ferrari Rossi' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: target.id,
        fullName: 'Chiara Ferrari Rossi',
        version: 2,
      });
      expect(Object.keys(res.body).sort()).toEqual(USER_KEYS);
    });

    it('refuses a stale version with 409 and changes nothing', async () => {
      expect((await put(admin, { fullName: 'First' })).status).toBe(200);
      const stale = await put(admin, { fullName: 'Second' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
      const now = await request('GET', `/api/users/${target.id}`, admin);
      expect(now.body).toMatchObject({ fullName: 'First', version: 2 });
    });

    it('lets exactly one of two concurrent updates of the same version win', async () => {
      const results = await Promise.all([
        put(admin, { fullName: 'Anna' }),
        put(admin, { fullName: 'Bruna' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    });

    it.each([
      ['id', 99],
      ['createdAt', '2020-01-01T00:00:00.000Z'],
      ['updatedAt', '2020-01-01T00:00:00.000Z'],
    ])('refuses a changed read-only %s with 400 naming it', async (field, value) => {
      const res = await put(admin, { [field]: value });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors ?? {})).toEqual([field]);
    });

    it('refuses a duplicate email with 409', async () => {
      const res = await put(admin, { email: DEMO_ACCOUNT.MANAGER.toUpperCase() });
      expect(res.status).toBe(409);
    });

    it('refuses an unknown territory with 400', async () => {
      const res = await put(admin, { territoryIds: [999] });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors ?? {})).toEqual(['territoryIds']);
    });

    it('refuses a short new password with 400 naming password', async () => {
      const res = await put(admin, { password: 'too-short' });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors ?? {})).toEqual(['password']);
    });

    it('refuses a common new password with 400 naming password, and takes a passphrase', async () => {
      const weak = await put(admin, { password: 'password1234' });
      expect(weak.status).toBe(400);
      expect(weak.body.errors).toEqual({ password: expect.stringMatching(/too easy to guess/) });
      const strong = await put(admin, { password: password('Remo-Vela-Tiglio-37') });
      expect(strong.status).toBe(200);
    });

    it('refuses to leave a social worker without an ambito, or to make a manager one without', async () => {
      const emptied = await put(admin, { territoryIds: [] });
      expect([emptied.status, emptied.body.code]).toEqual([400, 'VALIDATION']);
      expect(emptied.body.fieldErrors).toEqual({
        territoryIds: expect.objectContaining({ code: 'MIN_ITEMS', params: { min: 1 } }),
      });
      const manager = await put(admin, { role: 'MANAGER', territoryIds: [] });
      expect(manager.status).toBe(200);
      const back = await request('PUT', `/api/users/${target.id}`, admin, {
        ...manager.body,
        role: 'SOCIAL_WORKER',
      });
      expect([back.status, back.body.fieldErrors]).toEqual([
        400,
        { territoryIds: expect.objectContaining({ code: 'MIN_ITEMS', params: { min: 1 } }) },
      ]);
      const now = await request('GET', `/api/users/${target.id}`, admin);
      expect(now.body).toMatchObject({ role: 'MANAGER', territoryIds: [] });
    });

    it('refuses a new role, or taking away the ambito of open pacts, from a holder of open pacts (409 with the count)', async () => {
      const sw = tokens.SOCIAL_WORKER;
      const crema = (await territoryIds(server, admin)).CREMA;
      const maker = await createUser(server, admin, {
        role: 'COMMUNITY_MAKER',
        territoryIds: [crema],
        password: password('maker-with-pacts-password'),
      });
      for (let i = 0; i < 2; i++) {
        const beneficiaryId = (
          await createBeneficiary(server, sw, beneficiaryBody(crema, { municipality: 'Crema' }))
        ).id;
        const made = await request(
          'POST',
          '/api/pacts',
          sw,
          pactBody(crema, maker.id, { beneficiaryId }),
        );
        expect(made.status).toBe(201);
      }
      const other = crema === 1 ? 2 : 1;
      const current = (await request('GET', `/api/users/${maker.id}`, admin)).body;
      const changes: Array<[string, Record<string, unknown>]> = [
        ['role', { role: 'SOCIAL_WORKER' }],
        ['role', { role: 'ADMIN', territoryIds: [] }],
        ['territoryIds', { territoryIds: [other] }],
      ];
      for (const [field, change] of changes) {
        const refused = await request('PUT', `/api/users/${maker.id}`, admin, {
          ...current,
          ...change,
        });
        expect([
          refused.status,
          refused.body.code,
          refused.body.params,
          refused.body.field,
        ]).toEqual([409, 'USER_HOLDS_OPEN_PACTS', { count: 2 }, field]);
      }
      const added = await request('PUT', `/api/users/${maker.id}`, admin, {
        ...current,
        territoryIds: [crema, other],
      });
      expect(added.status).toBe(200);
      const trimmed = await request('PUT', `/api/users/${maker.id}`, admin, {
        ...added.body,
        territoryIds: [crema],
      });
      expect(trimmed.status).toBe(200);
      expect((await request('GET', `/api/users/${maker.id}`, admin)).body).toMatchObject({
        role: 'COMMUNITY_MAKER',
        openPacts: 2,
      });
    });

    it('lets ADMIN change role and territories', async () => {
      const res = await put(admin, { role: 'COMMUNITY_MAKER', territoryIds: [3, 2] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ role: 'COMMUNITY_MAKER', territoryIds: [2, 3] });
    });

    it.each(['MANAGER', 'SOCIAL_WORKER', 'COMMUNITY_MAKER'] as const)(
      'refuses role and territory changes by %s (403), even on their own account',
      async (role) => {
        const me = (await request<{ id: number }>('GET', '/api/auth/me', tokens[role])).body;
        const own = (await request('GET', `/api/users/${me.id}`, admin)).body;
        const res = await request('PUT', `/api/users/${me.id}`, tokens[role], {
          ...own,
          role: 'ADMIN',
          territoryIds: [1, 2, 3],
        });
        expect(res.status).toBe(403);
        const after = (await request('GET', `/api/users/${me.id}`, admin)).body;
        expect(after).toEqual(own);
        expect((await put(tokens[role], { fullName: 'Not theirs to change' })).status).toBe(403);
      },
    );

    it('stops ADMIN from demoting or deactivating themselves (400)', async () => {
      const me = (await request<{ id: number }>('GET', '/api/auth/me', admin)).body;
      const own = (await request('GET', `/api/users/${me.id}`, admin)).body;
      const demote = await request('PUT', `/api/users/${me.id}`, admin, {
        ...own,
        role: 'MANAGER',
      });
      expect(demote.status).toBe(400);
      expect(Object.keys(demote.body.errors ?? {})).toEqual(['role']);
      const off = await request('PUT', `/api/users/${me.id}`, admin, { ...own, active: false });
      expect(off.status).toBe(400);
      expect(Object.keys(off.body.errors ?? {})).toEqual(['active']);
    });

    it('answers 404 for an account that does not exist', async () => {
      expect((await put(admin, { fullName: 'Ghost' }, 424242)).status).toBe(404);
    });
  });

  describe('read', () => {
    it('lists with filters and Content-Range, for every role', async () => {
      for (const token of Object.values(tokens)) {
        const res = await request<UserRecord[]>(
          'GET',
          `/api/users${listQuery({ role: 'COMMUNITY_MAKER', active: true }, ['email', 'ASC'], [0, 1])}`,
          token,
        );
        expect(res.status).toBe(200);
        expect(res.body).toHaveLength(2);
        expect(res.body.every((u) => u.role === 'COMMUNITY_MAKER')).toBe(true);
        expect(res.headers.get('content-range')).toMatch(/^users 0-1\/\d+$/);
        for (const u of res.body) expect(Object.keys(u).sort()).toEqual(USER_KEYS);
      }
    });

    it('searches by q and filters by territory', async () => {
      const all = await request<UserRecord[]>(
        'GET',
        `/api/users${listQuery(undefined, undefined, [0, 999])}`,
        admin,
      );
      const expected = all.body
        .filter((u) => u.email.includes('demo.generattivi') && u.territoryIds.includes(3))
        .map((u) => u.email)
        .sort();
      expect(expected).toEqual(
        expect.arrayContaining([
          'admin@demo.generattivi.it',
          'maker.casalmaggiore@demo.generattivi.it',
          'manager@demo.generattivi.it',
          'sociale.casalmaggiore@demo.generattivi.it',
        ]),
      );
      const res = await request<UserRecord[]>(
        'GET',
        `/api/users${listQuery({ q: 'demo.generattivi', territoryIds: 3 }, undefined, [0, 999])}`,
        admin,
      );
      expect(res.status).toBe(200);
      expect(res.body.map((u) => u.email).sort()).toEqual(expected);
      expect(res.body.some((u) => u.email === 'sociale.crema@demo.generattivi.it')).toBe(false);
    });

    it('refuses to filter or sort by the password hash (400)', async () => {
      for (const q of [
        listQuery({ passwordHash: 'x' }),
        listQuery(undefined, ['passwordHash', 'ASC']),
      ]) {
        // Not through `request`: the 400 names the field, which the final sweep looks for.
        expect((await server.request('GET', `/api/users${q}`, { token: admin })).status).toBe(400);
      }
    });
  });

  describe('never shows a password', () => {
    it('has no password, hash or token version in any response or in the audit trail', async () => {
      const trail = JSON.stringify(await auditEvents(server, admin, { entityType: 'users' }));
      const list = await request(
        'GET',
        `/api/users${listQuery(undefined, undefined, [0, 999])}`,
        admin,
      );
      expect(list.status).toBe(200);
      expect(passwords.length).toBeGreaterThan(5);
      for (const text of [...texts, trail]) {
        for (const p of passwords) expect(text).not.toContain(p);
        expect(text).not.toMatch(/\$argon2|passwordHash|tokenVersion/);
      }
    });
  });
});
