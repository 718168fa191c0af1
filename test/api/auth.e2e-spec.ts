import { createHash } from 'node:crypto';
import {
  auditEvents,
  createUser,
  DEMO_ACCOUNT,
  DEMO_ACCOUNTS,
  ErrorBody,
  SessionUser,
  UserRecord,
} from '../support/demo';
import { decodeClaims, forgeToken, nowSeconds } from '../support/jwt';
import { DEMO_PASSWORD, startServer, TestServer } from '../support/server';

interface LoginBody {
  accessToken: string;
  user: SessionUser;
}

const UNAUTHORIZED: Pick<ErrorBody, 'statusCode' | 'error'> = {
  statusCode: 401,
  error: 'Unauthorized',
};

describe('authentication', () => {
  let server: TestServer;
  let admin: string;

  const login = (email: string, password: string) =>
    server.request<LoginBody & ErrorBody>('POST', '/api/auth/login', {
      body: { email, password },
    });
  const me = (token: string) =>
    server.request<SessionUser & ErrorBody>('GET', '/api/auth/me', { token });
  const meWithHeader = (authorization: string) =>
    server.request<ErrorBody>('GET', '/api/auth/me', { headers: { authorization } });

  beforeAll(async () => {
    server = await startServer();
    admin = await server.login(DEMO_ACCOUNT.ADMIN);
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('POST /api/auth/login', () => {
    it.each(DEMO_ACCOUNTS)('signs in the demo account $email as $role', async ({ email, role }) => {
      const res = await login(email, DEMO_PASSWORD);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'user']);
      expect(Object.keys(res.body.user).sort()).toEqual([
        'email',
        'fullName',
        'id',
        'mustChangePassword',
        'role',
        'territoryIds',
      ]);
      expect(res.body.user.mustChangePassword).toBe(false);
      expect(res.body.user).toMatchObject({ email, role });
      expect(Number.isInteger(res.body.user.id)).toBe(true);
      expect(res.body.user.fullName.length).toBeGreaterThan(1);
      expect(res.body.user.territoryIds.length).toBeGreaterThan(0);
      expect(res.body.accessToken.split('.')).toHaveLength(3);
    });

    it('issues a short-lived HS256 token that names the user and has its own id', async () => {
      const a = await login(DEMO_ACCOUNT.MANAGER, DEMO_PASSWORD);
      const b = await login(DEMO_ACCOUNT.MANAGER, DEMO_PASSWORD);
      const header = JSON.parse(
        Buffer.from(a.body.accessToken.split('.')[0], 'base64url').toString('utf8'),
      ) as { alg: string };
      expect(header.alg).toBe('HS256');
      const claims = decodeClaims(a.body.accessToken);
      expect(claims.sub).toBe(a.body.user.id);
      expect(typeof claims.jti).toBe('string');
      expect(claims.jti).not.toBe(decodeClaims(b.body.accessToken).jti);
      const ttl = Number(claims.exp) - Number(claims.iat);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(24 * 3600);
      // The token carries no personal data beyond the user id.
      expect(JSON.stringify(claims)).not.toContain('@');
    });

    it('answers an unknown email and a wrong password with the very same 401 body', async () => {
      const unknown = await login('nobody@demo.generattivi.it', DEMO_PASSWORD);
      const wrong = await login(DEMO_ACCOUNT.SOCIAL_WORKER, 'not-the-demo-password');
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(unknown.body).toEqual(wrong.body);
      expect(unknown.body).toMatchObject(UNAUTHORIZED);
      expect(unknown.body.message).not.toMatch(/exist|unknown|found|password is wrong/i);
    });

    it('treats the email case-insensitively and ignores surrounding spaces', async () => {
      const res = await login('  Admin@Demo.GenerAttivi.IT ', DEMO_PASSWORD);
      expect(res.status).toBe(200);
      expect(res.body.user.email).toBe(DEMO_ACCOUNT.ADMIN);
    });

    it('is case-sensitive for the password', async () => {
      const res = await login(DEMO_ACCOUNT.ADMIN, DEMO_PASSWORD.toUpperCase());
      expect(res.status).toBe(401);
    });

    it('refuses a deactivated account with the same 401 as a wrong password', async () => {
      const password = 'deactivated-account-pw';
      const user = await createUser(server, admin, { password, active: false });
      const res = await login(user.email, password);
      const wrong = await login(DEMO_ACCOUNT.SOCIAL_WORKER, 'not-the-demo-password');
      expect(res.status).toBe(401);
      expect(res.body).toEqual(wrong.body);
    });

    it('refuses a body without email or password with a 400 naming them', async () => {
      const res = await server.request<ErrorBody>('POST', '/api/auth/login', { body: {} });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors ?? {}).sort()).toEqual(['email', 'password']);
    });
  });

  describe('GET /api/auth/me', () => {
    it('returns the same user object as the login', async () => {
      const res = await login(DEMO_ACCOUNT.COMMUNITY_MAKER, DEMO_PASSWORD);
      const mine = await me(res.body.accessToken);
      expect(mine.status).toBe(200);
      expect(mine.body).toEqual(res.body.user);
    });

    it('answers 401 without a token', async () => {
      const res = await server.request<ErrorBody>('GET', '/api/auth/me');
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject(UNAUTHORIZED);
    });
  });

  describe('tokens the server must refuse (401)', () => {
    let good: string;
    let claims: ReturnType<typeof decodeClaims>;
    let reference: ErrorBody;

    beforeAll(async () => {
      good = await server.login(DEMO_ACCOUNT.SOCIAL_WORKER);
      claims = decodeClaims(good);
      reference = (await server.request<ErrorBody>('GET', '/api/auth/me')).body;
    });

    it('accepts a token forged with the same secret and valid claims (the control)', async () => {
      const forged = forgeToken({ ...claims, jti: 'control-0000-4000-8000-000000000000' });
      expect((await me(forged)).status).toBe(200);
    });

    const refused: Array<[string, () => string]> = [
      ['an empty Bearer', () => 'Bearer '],
      ['a bare token without the Bearer scheme', () => good],
      ['another scheme', () => `Basic ${Buffer.from('admin:demo-password').toString('base64')}`],
      ['a malformed token', () => 'Bearer not-a-jwt'],
      ['a token with garbage segments', () => 'Bearer aaa.bbb.ccc'],
      ['a truncated signature', () => `Bearer ${good.slice(0, -3)}`],
      [
        'a tampered payload (sub changed, signature kept)',
        () => {
          const [h, , s] = good.split('.');
          const body = Buffer.from(JSON.stringify({ ...claims, sub: 1 })).toString('base64url');
          return `Bearer ${h}.${body}.${s}`;
        },
      ],
      ['an expired token', () => `Bearer ${forgeToken({ ...claims, exp: nowSeconds() - 60 })}`],
      ['alg: none without a signature', () => `Bearer ${forgeToken(claims, { alg: 'none' })}`],
      [
        'alg: none with the original signature',
        () => `Bearer ${forgeToken(claims, { alg: 'none' })}${good.split('.')[2]}`,
      ],
      ['HS512 with the right secret', () => `Bearer ${forgeToken(claims, { alg: 'HS512' })}`],
      ['HS384 with the right secret', () => `Bearer ${forgeToken(claims, { alg: 'HS384' })}`],
      [
        'HS256 with a foreign key',
        () =>
          `Bearer ${forgeToken(claims, { secret: 'another-secret-that-is-long-enough-for-hs256' })}`,
      ],
      [
        'a token not yet valid (nbf in the future)',
        () => `Bearer ${forgeToken({ ...claims, nbf: nowSeconds() + 3600 })}`,
      ],
      ['a token without exp', () => `Bearer ${forgeToken({ ...claims, exp: undefined })}`],
      [
        'a token with a string exp',
        () => `Bearer ${forgeToken({ ...claims, exp: String(nowSeconds() + 600) })}`,
      ],
      ['a token without jti', () => `Bearer ${forgeToken({ ...claims, jti: undefined })}`],
      ['a token without token version', () => `Bearer ${forgeToken({ ...claims, tv: undefined })}`],
      ['a token with a string sub', () => `Bearer ${forgeToken({ ...claims, sub: '1' })}`],
      [
        'a token of a user that does not exist',
        () => `Bearer ${forgeToken({ ...claims, sub: 99999 })}`,
      ],
      [
        'a token with an older token version',
        () => `Bearer ${forgeToken({ ...claims, tv: Number(claims.tv) - 1 })}`,
      ],
    ];

    it.each(refused)('refuses %s', async (_name, header) => {
      const res = await meWithHeader(header());
      expect(res.status).toBe(401);
      // One message for every refusal: nothing tells an attacker which check failed.
      expect(res.body).toEqual(reference);
    });

    it('still accepts the genuine token after all that', async () => {
      expect((await me(good)).status).toBe(200);
    });
  });

  describe('revocation', () => {
    it('logout ends that token only; another session of the same user keeps working', async () => {
      const first = await server.login(DEMO_ACCOUNT.MANAGER);
      const second = await server.login(DEMO_ACCOUNT.MANAGER);
      const out = await server.request<{ loggedOut: boolean }>('POST', '/api/auth/logout', {
        token: first,
      });
      expect(out.status).toBe(200);
      expect(out.body).toEqual({ loggedOut: true });
      expect((await me(first)).status).toBe(401);
      expect((await server.request('GET', '/api/users', { token: first })).status).toBe(401);
      expect((await server.request('POST', '/api/auth/logout', { token: first })).status).toBe(401);
      expect((await me(second)).status).toBe(200);
      // A forged copy of the revoked token (same jti, fresh expiry) stays revoked.
      const copy = forgeToken({ ...decodeClaims(first), exp: nowSeconds() + 3600 });
      expect((await me(copy)).status).toBe(401);
    });

    it('logout without a token is a 401', async () => {
      expect((await server.request('POST', '/api/auth/logout')).status).toBe(401);
    });

    async function freshUser(): Promise<{ user: UserRecord; token: string; password: string }> {
      const password = 'revocation-test-password';
      const user = await createUser(server, admin, { password, role: 'SOCIAL_WORKER' });
      const token = await server.login(user.email, password);
      expect((await me(token)).status).toBe(200);
      return { user, token, password };
    }

    const put = (user: UserRecord, changes: Partial<UserRecord> & { password?: string }) =>
      server.request<UserRecord & ErrorBody>('PUT', `/api/users/${user.id}`, {
        token: admin,
        body: { ...user, ...changes },
      });

    it('a role change by ADMIN revokes every token of that user at once', async () => {
      const { user, token, password } = await freshUser();
      const other = await server.login(user.email, password);
      expect((await put(user, { role: 'COMMUNITY_MAKER' })).status).toBe(200);
      expect((await me(token)).status).toBe(401);
      expect((await me(other)).status).toBe(401);
      const again = await server.login(user.email, password);
      const now = await me(again);
      expect(now.status).toBe(200);
      expect(now.body.role).toBe('COMMUNITY_MAKER');
    });

    it('deactivation by ADMIN revokes the tokens and blocks the login', async () => {
      const { user, token, password } = await freshUser();
      expect((await put(user, { active: false })).status).toBe(200);
      expect((await me(token)).status).toBe(401);
      expect((await login(user.email, password)).status).toBe(401);
    });

    it('a territory change revokes the tokens (the scope they carried is gone)', async () => {
      const { user, token } = await freshUser();
      expect((await put(user, { territoryIds: [2] })).status).toBe(200);
      expect((await me(token)).status).toBe(401);
    });

    it('a new password set by ADMIN revokes the tokens; the old password stops working', async () => {
      const { user, token, password } = await freshUser();
      const res = await put(user, { password: 'a-brand-new-password' });
      expect(res.status).toBe(200);
      expect((await me(token)).status).toBe(401);
      expect((await login(user.email, password)).status).toBe(401);
      expect((await login(user.email, 'a-brand-new-password')).status).toBe(200);
    });

    it('a name change does not revoke anything', async () => {
      const { user, token } = await freshUser();
      expect((await put(user, { fullName: 'Giulia Renamed' })).status).toBe(200);
      const now = await me(token);
      expect(now.status).toBe(200);
      expect(now.body.fullName).toBe('Giulia Renamed');
    });
  });

  describe('audit of sign-ins', () => {
    it('records login, failed login and logout, and never the password', async () => {
      const password = 'audited-login-password';
      const wrong = 'wrong-password-that-must-not-be-stored';
      const user = await createUser(server, admin, { password });
      expect((await login(user.email, wrong)).status).toBe(401);
      const token = await server.login(user.email, password);
      expect((await server.request('POST', '/api/auth/logout', { token })).status).toBe(200);
      const unknownEmail = 'ghost.audit@demo.generattivi.it';
      expect((await login(unknownEmail, wrong)).status).toBe(401);

      const mine = await auditEvents(server, admin, { entityType: 'users', entityId: user.id });
      expect(mine.map((e) => e.action)).toEqual(['create', 'login_failed', 'login', 'logout']);
      const [, failed, ok, out] = mine;
      expect(failed.actorId).toBeNull();
      expect(ok.actorId).toBe(user.id);
      expect(out.actorId).toBe(user.id);

      expect((await login(unknownEmail, wrong)).status).toBe(401);
      const ghosts = await auditEvents(server, admin, { action: 'login_failed' });
      // An unknown address is kept as a keyed pseudonym only (people type passwords there):
      // the same for the same address, and not its plain SHA-256 (guessable by anyone).
      const plainSha256 = createHash('sha256').update(unknownEmail.toLowerCase()).digest('hex');
      const ghost = ghosts.filter((e) => e.entityId === null).slice(-2);
      expect(ghost).toHaveLength(2);
      expect(ghost[0]).toMatchObject({ actorId: null, entityId: null });
      const [pseudonym] = ghost.map((e) => e.changes.emailPseudonym?.[1] as string);
      expect(pseudonym).toMatch(/^[0-9a-f]{16}$/);
      expect(ghost[0].changes).toEqual({ emailPseudonym: [null, pseudonym] });
      expect(ghost[1].changes).toEqual({ emailPseudonym: [null, pseudonym] });
      expect(plainSha256).not.toContain(pseudonym);
      expect(JSON.stringify(ghosts)).not.toContain(plainSha256.slice(0, 16));
      expect(JSON.stringify(ghosts)).not.toContain(unknownEmail);

      const everything = JSON.stringify(await auditEvents(server, admin));
      for (const secret of [password, wrong, token, '$argon2', 'passwordHash']) {
        expect(everything).not.toContain(secret);
      }
    });
  });
});
