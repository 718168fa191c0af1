import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, type Role } from '@generattivi/shared';
import { ErrorBody, loginEveryRole } from '../support/demo';
import { ApplicationRoutes, readApplicationRoutes, RouteAccess } from '../support/routes';
import { ROOT, startServer, TestServer } from '../support/server';

/**
 * Deny by default, checked on the real application: every route Nest registers must say who
 * may call it, and nothing under /api may be served outside Nest's guard.
 */

/** Routes under /api that Fastify plugins serve, not Nest controllers (public by API.md). */
const PLUGIN_ROUTES = [/^\/api\/docs(\/.*|-json|-yaml)?$/];

/** The public routes the contract allows (API.md "Authentication"). */
/** Health, the login, and what a person signed out uses to set a password from a mailed link. */
const PUBLIC_ROUTES = [
  'GET /api/health',
  'POST /api/auth/login',
  'POST /api/auth/password-reset',
  'POST /api/auth/password-token',
  'POST /api/auth/password',
];

const ALL = 'ADMIN, MANAGER, SOCIAL_WORKER, COMMUNITY_MAKER';
/** The declarations of identity, accounts, territories and the audit trail (DOMAIN.md). */
const EXPECTED: Record<string, string> = {
  'POST /api/auth/login': 'Public',
  'POST /api/auth/logout': ALL,
  'GET /api/auth/me': ALL,
  'POST /api/auth/change-password': ALL,
  'POST /api/auth/password-reset': 'Public',
  'POST /api/auth/password-token': 'Public',
  'POST /api/auth/password': 'Public',
  'POST /api/users/:id/invitation': 'ADMIN',
  'GET /api/health': 'Public',
  'GET /api/users': ALL,
  'GET /api/users/:id': ALL,
  'POST /api/users': 'ADMIN',
  'PUT /api/users/:id': 'ADMIN',
  'DELETE /api/users/:id': 'ADMIN',
  'GET /api/territories': ALL,
  'GET /api/territories/:id': ALL,
  'POST /api/territories': 'ADMIN',
  'PUT /api/territories/:id': 'ADMIN',
  'DELETE /api/territories/:id': 'ADMIN',
  'GET /api/audit-events': 'ADMIN, MANAGER',
  'GET /api/audit-events/verify': 'ADMIN, MANAGER',
  'GET /api/audit-events/:id': 'ADMIN, MANAGER',
  'POST /api/audit-events': 'ADMIN, MANAGER',
  'PUT /api/audit-events/:id': 'ADMIN, MANAGER',
  'DELETE /api/audit-events/:id': 'ADMIN, MANAGER',
};

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
const accessOf = (r: RouteAccess): string =>
  !r.access ? 'UNDECLARED' : 'public' in r.access ? 'Public' : r.access.roles.join(', ');

describe('route declarations (deny by default)', () => {
  let app: ApplicationRoutes;

  beforeAll(async () => {
    app = await readApplicationRoutes();
    const dir = join(ROOT, 'test', 'artifacts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'route-access.txt'), `${app.table}\n`);
    if (process.env.PRINT_ROUTES) console.log(`Route → access\n${app.table}`);
  });

  it('finds the routes of the application', () => {
    expect(app.declared.length).toBeGreaterThanOrEqual(Object.keys(EXPECTED).length);
    for (const route of Object.keys(EXPECTED)) {
      expect(app.declared.map(key)).toContain(route);
    }
  });

  it('every route declares who may call it, with at least one role', () => {
    const undeclared = app.declared
      .filter((r) => !r.access || ('roles' in r.access && r.access.roles.length === 0))
      .map((r) => `${key(r)} (${r.controller}.${r.handler})`);
    expect(undeclared).toEqual([]);
  });

  it('every route stands for its entry of the shared permission table and lets in the roles it names', () => {
    expect(app.declared.filter((r) => r.access && 'permission' in r.access).length).toBe(
      app.declared.length - PUBLIC_ROUTES.length,
    );
    expect(app.permissionProblems).toEqual([]);
  });

  it('declares only known roles', () => {
    for (const r of app.declared) {
      if (r.access && 'roles' in r.access) {
        for (const role of r.access.roles) expect(ROLES).toContain(role);
      }
    }
  });

  it('has no public route beyond health, login and setting a password from a link', () => {
    const open = app.declared.filter((r) => r.access && 'public' in r.access).map(key);
    expect(open.sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('declares accounts, territories, auth and the audit trail as DOMAIN.md says', () => {
    const actual = Object.fromEntries(
      app.declared.filter((r) => key(r) in EXPECTED).map((r) => [key(r), accessOf(r)]),
    );
    expect(actual).toEqual(EXPECTED);
  });

  it('every declared route is really served (the walk reads the paths right)', () => {
    const served = new Set(app.served.map(key));
    const missing = app.declared.filter((r) => !served.has(key(r))).map(key);
    expect(missing).toEqual([]);
  });

  it('serves nothing under /api outside Nest (and so outside its guard) but the docs', () => {
    const declared = new Set(app.declared.map(key));
    const stray = app.served
      .filter((r) => r.path.startsWith('/api'))
      .filter((r) => r.method !== 'HEAD' && !declared.has(key(r)))
      .filter((r) => !PLUGIN_ROUTES.some((re) => re.test(r.path)))
      .map(key);
    expect(stray).toEqual([]);
  });
});

describe('the guard applies every declaration on the running server', () => {
  let server: TestServer;
  let app: ApplicationRoutes;
  let tokens: Record<Role, string>;

  beforeAll(async () => {
    [server, app] = await Promise.all([startServer(), readApplicationRoutes()]);
    tokens = await loginEveryRole(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const concrete = (path: string) => path.replace(/:[A-Za-z]+/g, '1');

  it('answers 401 without a token on every route that is not public', async () => {
    const failures: string[] = [];
    for (const r of app.declared.filter((d) => d.access && 'roles' in d.access)) {
      const res = await server.request<ErrorBody>(r.method, concrete(r.path), {
        body: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      if (res.status !== 401) failures.push(`${key(r)} → ${res.status}`);
      if (r.method === 'GET') {
        // Fastify answers HEAD with the GET handler: the guard must run there too.
        const head = await server.request('HEAD', concrete(r.path));
        if (head.status !== 401) failures.push(`HEAD ${r.path} → ${head.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 to every role a route does not list, before touching anything', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const r of app.declared) {
      if (!r.access || !('roles' in r.access)) continue;
      const allowed: readonly string[] = r.access.roles;
      for (const role of ROLES.filter((x) => !allowed.includes(x))) {
        checked += 1;
        const res = await server.request<ErrorBody>(r.method, concrete(r.path), {
          token: tokens[role],
          body: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        });
        if (res.status !== 403) failures.push(`${role} ${key(r)} → ${res.status}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});
