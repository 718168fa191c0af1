import type { MailOutboxRecord, PasswordTokenInfo } from '@generattivi/shared';
import { createHash } from 'node:crypto';
import { openDatabase, type DirectDb } from '../support/db';
import {
  auditEvents,
  DEMO_ACCOUNT,
  ErrorBody,
  listQuery,
  loginEveryRole,
  uniqueEmail,
  type Role,
  type SessionUser,
  type UserRecord,
} from '../support/demo';
import { failOnUnexpectedErrors, startServer, TestServer } from '../support/server';
import { TestSmtp, tokenIn } from '../support/smtp';

/**
 * Mail end to end: a real SMTP server started here receives what the server sends in the
 * background. Invitations and password resets (links valid 72 hours, once), the first
 * sign-in's change of password, retries against a failing mail server, two instances
 * sending each message once, and the outbox the administrator reads without a mail server.
 */

const PUBLIC_URL = 'https://generattivi.example.it';
const MAIL_ENV = {
  PUBLIC_URL,
  MAIL_POLL_SECONDS: '1',
  MAIL_RETRY_BASE_SECONDS: '1',
  MAIL_FROM: 'GenerAttivi <noreply@generattivi.example.it>',
};
const HOUR_MS = 60 * 60_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const strongPassword = () => `Tramonto sul Serio ${Math.random().toString(36).slice(2, 8)} 2026`;

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('mail over SMTP', () => {
  const smtp = new TestSmtp();
  let server: TestServer;
  let other: TestServer | undefined;
  let admin: string;
  let db: DirectDb;

  beforeAll(async () => {
    await smtp.start();
    server = await startServer({ env: { ...MAIL_ENV, SMTP_URL: smtp.url } });
    admin = await server.login(DEMO_ACCOUNT.ADMIN);
    db = await openDatabase(server);
  });
  afterAll(async () => {
    await db?.close();
    await other?.stop();
    await server?.stop();
    await smtp.stop();
  });
  failOnUnexpectedErrors(() => [server, ...(other ? [other] : [])]);

  const invite = async (fields: Partial<UserRecord> = {}) => {
    const res = await server.request<UserRecord>('POST', '/api/users', {
      token: admin,
      body: {
        email: fields.email ?? uniqueEmail('invited'),
        fullName: fields.fullName ?? 'Chiara Invitata',
        role: fields.role ?? 'SOCIAL_WORKER',
        territoryIds: [1],
      },
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const setPassword = (token: string, password: string) =>
    server.request<ErrorBody & { email?: string }>('POST', '/api/auth/password', {
      body: { token, password },
    });
  const signIn = (email: string, password: string) =>
    server.request<{ accessToken: string; user: SessionUser }>('POST', '/api/auth/login', {
      body: { email, password },
    });
  const outboxOf = async (to: string) => {
    const res = await server.request<MailOutboxRecord[]>(
      'GET',
      `/api/mail-outbox${listQuery({ to })}`,
      { token: admin },
    );
    expect(res.status).toBe(200);
    return res.body;
  };

  it('invitation: the mailed link sets the password, once, and the user signs in with it', async () => {
    const user = await invite({ fullName: 'Chiara Rossi' });
    expect(user.mustChangePassword).toBe(false);
    const [mail] = await smtp.waitFor(user.email);
    expect(mail.subject).toBe('Il tuo account GenerAttivi: scegli la password');
    expect(mail.parsed.from?.text).toContain('noreply@generattivi.example.it');
    expect(mail.text).toContain('Buongiorno Chiara Rossi,');
    expect(mail.text).toContain(`${PUBLIC_URL}/#/imposta-password?token=`);
    const token = tokenIn(mail.text);
    expect(mail.html).toContain(`href="${PUBLIC_URL}/#/imposta-password?token=${token}"`);

    // Only the hash is kept, for 72 hours.
    const [stored] = await db.query<{ hash: string; created_at: string; expires_at: string }>(
      'SELECT hash, created_at, expires_at FROM password_tokens WHERE user_id = $1',
      [user.id],
    );
    expect(stored.hash).toBe(sha256(token));
    expect(Date.parse(stored.expires_at) - Date.parse(stored.created_at)).toBe(72 * HOUR_MS);

    const info = await server.request<PasswordTokenInfo>('POST', '/api/auth/password-token', {
      body: { token },
    });
    expect(info.status).toBe(200);
    expect(info.body).toEqual({
      email: user.email,
      fullName: 'Chiara Rossi',
      purpose: 'invitation',
    });

    const weak = await setPassword(token, 'qwertyuiop12');
    expect(weak.status).toBe(400);
    expect(Object.keys(weak.body.errors ?? {})).toEqual(['password']);

    const password = strongPassword();
    const set = await setPassword(token, password);
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ email: user.email });
    const signedIn = await signIn(user.email, password);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.mustChangePassword).toBe(false);

    const again = await setPassword(token, strongPassword());
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('PASSWORD_TOKEN_USED');
    expect((await signIn(user.email, password)).status).toBe(200);

    // Sent: the outbox keeps the address, subject and status, not the body with its link.
    const [sent] = await outboxOf(user.email);
    expect(sent).toMatchObject({ status: 'sent', kind: 'invitation', text: null, html: null });
    expect(sent.attempts).toBe(1);
    const actions = (
      await auditEvents(server, admin, { entityType: 'users', entityId: user.id })
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'invitation', 'password_set']));
  });

  it('refuses a link past its 72 hours (410), takes it just before, and refuses a made-up one (400)', async () => {
    const user = await invite();
    const token = tokenIn((await smtp.waitFor(user.email))[0].text);
    const expire = (ms: number) =>
      db.run('UPDATE password_tokens SET expires_at = $1 WHERE hash = $2', [
        new Date(Date.now() + ms).toISOString(),
        sha256(token),
      ]);
    await expire(-1000);
    const late = await setPassword(token, strongPassword());
    expect(late.status).toBe(410);
    expect(late.body.code).toBe('PASSWORD_TOKEN_EXPIRED');
    expect(late.body.message).toMatch(/^token: /);
    await expire(60_000);
    expect((await setPassword(token, strongPassword())).status).toBe(200);

    const unknown = await setPassword('A'.repeat(43), strongPassword());
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('PASSWORD_TOKEN_INVALID');
    const described = await server.request<ErrorBody>('POST', '/api/auth/password-token', {
      body: { token: 'A'.repeat(43) },
    });
    expect(described.status).toBe(400);
    expect(described.body.code).toBe('PASSWORD_TOKEN_INVALID');
  });

  it('a new invitation (ADMIN) kills the older link; none for a deactivated account', async () => {
    const user = await invite();
    const first = tokenIn((await smtp.waitFor(user.email))[0].text);
    const again = await server.request<{ expiresAt: string }>(
      'POST',
      `/api/users/${user.id}/invitation`,
      { token: admin },
    );
    expect(again.status).toBe(202);
    expect(Date.parse(again.body.expiresAt) - Date.now()).toBeGreaterThan(71 * HOUR_MS);
    const second = tokenIn((await smtp.waitFor(user.email, 2))[1].text);
    expect(second).not.toBe(first);
    expect((await setPassword(first, strongPassword())).body.code).toBe('PASSWORD_TOKEN_INVALID');
    expect((await setPassword(second, strongPassword())).status).toBe(200);

    const worker = await server.login(DEMO_ACCOUNT.SOCIAL_WORKER);
    const refused = await server.request('POST', `/api/users/${user.id}/invitation`, {
      token: worker,
    });
    expect(refused.status).toBe(403);

    const inactive = await server.request<UserRecord>('POST', '/api/users', {
      token: admin,
      body: {
        email: uniqueEmail('inactive'),
        fullName: 'Dario Spento',
        role: 'MANAGER',
        territoryIds: [],
        active: false,
      },
    });
    expect(inactive.status).toBe(201);
    const conflict = await server.request<ErrorBody>(
      'POST',
      `/api/users/${inactive.body.id}/invitation`,
      { token: admin },
    );
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('USER_INACTIVE');
  });

  it('reset: a known and an unknown address get the same answer; only the known one a mail', async () => {
    const user = await invite();
    const password = strongPassword();
    expect(
      (await setPassword(tokenIn((await smtp.waitFor(user.email))[0].text), password)).status,
    ).toBe(200);
    const session = (await signIn(user.email, password)).body.accessToken;

    const unknownEmail = uniqueEmail('nobody');
    const timed = async (email: string) => {
      const started = performance.now();
      const res = await server.request('POST', '/api/auth/password-reset', { body: { email } });
      return { res, ms: Math.round(performance.now() - started) };
    };
    const { res: unknown, ms: unknownMs } = await timed(unknownEmail);
    const { res: known, ms: knownMs } = await timed(user.email.toUpperCase());
    console.log(`password reset answered in ${knownMs} ms (known), ${unknownMs} ms (unknown)`);
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.text).toBe(unknown.text);

    const [, resetMail] = await smtp.waitFor(user.email, 2);
    expect(resetMail.subject).toBe('GenerAttivi: reimposta la password');
    expect(smtp.to(unknownEmail)).toEqual([]);
    expect(await db.query('SELECT id FROM mail_outbox WHERE "to" = $1', [unknownEmail])).toEqual(
      [],
    );
    const token = tokenIn(resetMail.text);
    const info = await server.request<PasswordTokenInfo>('POST', '/api/auth/password-token', {
      body: { token },
    });
    expect(info.body.purpose).toBe('reset');

    const renewed = strongPassword();
    expect((await setPassword(token, renewed)).status).toBe(200);
    expect((await signIn(user.email, password)).status).toBe(401);
    expect((await signIn(user.email, renewed)).status).toBe(200);
    // The sessions from before the reset have ended.
    expect((await server.request('GET', '/api/auth/me', { token: session })).status).toBe(401);
    const requests = await auditEvents(server, admin, { action: 'password_reset_request' });
    expect(requests.filter((e) => e.entityId === user.id)).toHaveLength(1);
  });

  it('limits reset requests per address (429 with Retry-After), known or not', async () => {
    const email = uniqueEmail('limited');
    const answers = [];
    for (let i = 0; i < 4; i++)
      answers.push(
        await server.request<ErrorBody>('POST', '/api/auth/password-reset', { body: { email } }),
      );
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 429]);
    expect(answers[3].body.code).toBe('PASSWORD_RESET_RATE_LIMITED');
    expect(Number(answers[3].headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not held up.
    const fresh = await server.request('POST', '/api/auth/password-reset', {
      body: { email: uniqueEmail('other') },
    });
    expect(fresh.status).toBe(202);
  });

  it('a password set by an administrator is changed at first sign-in; older sessions end', async () => {
    const email = uniqueEmail('flagged');
    const given = strongPassword();
    const created = await server.request<UserRecord>('POST', '/api/users', {
      token: admin,
      body: {
        email,
        fullName: 'Elena Bianchi',
        role: 'MANAGER',
        territoryIds: [],
        password: given,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.mustChangePassword).toBe(true);
    const first = await signIn(email, given);
    expect(first.body.user.mustChangePassword).toBe(true);
    const token = first.body.accessToken;
    const me = await server.request<SessionUser>('GET', '/api/auth/me', { token });
    expect(me.body.mustChangePassword).toBe(true);

    const change = (currentPassword: string, newPassword: string, as = token) =>
      server.request<ErrorBody & { accessToken?: string; user?: SessionUser }>(
        'POST',
        '/api/auth/change-password',
        { token: as, body: { currentPassword, newPassword } },
      );
    const wrong = await change('not the password at all', strongPassword());
    expect(wrong.status).toBe(400);
    expect(wrong.body.fieldErrors).toEqual({
      currentPassword: expect.objectContaining({ code: 'CURRENT_PASSWORD_WRONG' }),
    });
    const same = await change(given, given);
    expect(same.status).toBe(400);
    expect(Object.keys(same.body.errors ?? {})).toEqual(['newPassword']);
    const weak = await change(given, 'password1234');
    expect(weak.status).toBe(400);

    const chosen = strongPassword();
    const changed = await change(given, chosen);
    expect(changed.status).toBe(200);
    expect(changed.body.user).toMatchObject({ email, mustChangePassword: false });
    expect((await server.request('GET', '/api/auth/me', { token })).status).toBe(401);
    const fresh = await server.request<SessionUser>('GET', '/api/auth/me', {
      token: changed.body.accessToken,
    });
    expect(fresh.body.mustChangePassword).toBe(false);
    expect((await signIn(email, given)).status).toBe(401);
    expect((await signIn(email, chosen)).body.user.mustChangePassword).toBe(false);

    // Demo accounts are not flagged.
    const demo = await signIn(DEMO_ACCOUNT.SOCIAL_WORKER, 'demo-password');
    expect(demo.body.user.mustChangePassword).toBe(false);
  });

  it('retries a mail the SMTP server refuses (451) until it takes it, losing nothing', async () => {
    smtp.failNext = 3;
    const refusedBefore = smtp.refused;
    const user = await invite();
    const started = Date.now();
    const [mail] = await smtp.waitFor(user.email, 1, 60_000);
    console.log(
      `mail taken after ${smtp.refused - refusedBefore} refusals, in ${Date.now() - started} ms`,
    );
    expect(smtp.refused - refusedBefore).toBe(3);
    expect(tokenIn(mail.text)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await until('the outbox row sent', async () => {
      const rows = await outboxOf(user.email);
      return rows[0]?.status === 'sent' ? rows : undefined;
    });
    expect(row).toMatchObject({ status: 'sent', attempts: 4, lastError: null });
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.to(user.email)).toHaveLength(1);
  });

  it('two instances on one database send each message exactly once', async () => {
    other = await startServer({
      databaseUrl: server.databaseUrl,
      engine: server.engine,
      env: { ...MAIL_ENV, SMTP_URL: smtp.url },
    });
    const emails = Array.from({ length: 12 }, () => uniqueEmail('twice'));
    const servers = [server, other];
    const tokens = [admin, await other.login(DEMO_ACCOUNT.ADMIN)];
    await Promise.all(
      emails.map(async (email, i) => {
        const res = await servers[i % 2].request('POST', '/api/users', {
          token: tokens[i % 2],
          body: { email, fullName: 'Fabio Doppio', role: 'MANAGER', territoryIds: [] },
        });
        expect(res.status).toBe(201);
      }),
    );
    for (const email of emails) await smtp.waitFor(email, 1, 60_000);
    // Three more polls of both instances: nothing is sent twice.
    await new Promise((r) => setTimeout(r, 3000));
    expect(emails.map((e) => smtp.to(e).length)).toEqual(emails.map(() => 1));
    const rows = await db.query<{ status: string }>(
      `SELECT status FROM mail_outbox WHERE "to" IN (${emails.map((_, i) => `$${i + 1}`).join(', ')})`,
      emails,
    );
    expect(rows.map((r) => r.status)).toEqual(emails.map(() => 'sent'));
  });
});

describe('mail without SMTP_URL: the outbox', () => {
  let server: TestServer;
  let tokens: Record<Role, string>;
  let db: DirectDb;

  beforeAll(async () => {
    server = await startServer({ env: MAIL_ENV });
    tokens = await loginEveryRole(server);
    db = await openDatabase(server);
  });
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });
  failOnUnexpectedErrors(() => [server]);

  it('keeps the invitation for the administrator to read, with its link; 403 to the other roles', async () => {
    const email = uniqueEmail('outbox');
    const created = await server.request<UserRecord>('POST', '/api/users', {
      token: tokens.ADMIN,
      body: { email, fullName: 'Giorgio Posta', role: 'MANAGER', territoryIds: [] },
    });
    expect(created.status).toBe(201);
    const message = await until('the invitation in the outbox', async () => {
      const res = await server.request<MailOutboxRecord[]>(
        'GET',
        `/api/mail-outbox${listQuery({ to: email })}`,
        { token: tokens.ADMIN },
      );
      return res.body[0]?.status === 'outbox' ? res.body[0] : undefined;
    });
    expect(message).toMatchObject({ to: email, kind: 'invitation', attempts: 0 });
    expect(message.sentAt).not.toBeNull();
    const shown = await server.request<MailOutboxRecord>('GET', `/api/mail-outbox/${message.id}`, {
      token: tokens.ADMIN,
    });
    expect(shown.status).toBe(200);
    const token = tokenIn(shown.body.text ?? '');
    expect(shown.body.text).toContain(`${PUBLIC_URL}/#/imposta-password?token=${token}`);
    const set = await server.request('POST', '/api/auth/password', {
      body: { token, password: strongPassword() },
    });
    expect(set.status).toBe(200);

    for (const role of ['MANAGER', 'SOCIAL_WORKER', 'COMMUNITY_MAKER'] as const) {
      for (const path of ['/api/mail-outbox', `/api/mail-outbox/${message.id}`]) {
        const res = await server.request('GET', path, { token: tokens[role] });
        expect([role, path, res.status]).toEqual([role, path, 403]);
      }
      const retry = await server.request('POST', `/api/mail-outbox/${message.id}/retry`, {
        token: tokens[role],
      });
      expect(retry.status).toBe(403);
    }
    expect((await server.request('GET', '/api/mail-outbox')).status).toBe(401);
  });

  it('lets the administrator queue again a failed message, and only a failed one', async () => {
    const email = uniqueEmail('failed');
    await server.request('POST', '/api/auth/password-reset', { body: { email } });
    const created = await server.request<UserRecord>('POST', '/api/users', {
      token: tokens.ADMIN,
      body: { email, fullName: 'Irene Ritenta', role: 'MANAGER', territoryIds: [] },
    });
    const message = await until('the invitation in the outbox', async () => {
      const res = await server.request<MailOutboxRecord[]>(
        'GET',
        `/api/mail-outbox${listQuery({ to: email })}`,
        { token: tokens.ADMIN },
      );
      return res.body[0]?.status === 'outbox' ? res.body[0] : undefined;
    });
    expect(created.status).toBe(201);
    const notFailed = await server.request<ErrorBody>(
      'POST',
      `/api/mail-outbox/${message.id}/retry`,
      { token: tokens.ADMIN },
    );
    expect(notFailed.status).toBe(409);
    expect(notFailed.body.code).toBe('MAIL_NOT_RETRIABLE');

    await db.run("UPDATE mail_outbox SET status = 'failed', attempts = 10 WHERE id = $1", [
      message.id,
    ]);
    const retried = await server.request<MailOutboxRecord>(
      'POST',
      `/api/mail-outbox/${message.id}/retry`,
      { token: tokens.ADMIN },
    );
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'queued', attempts: 0 });
    await until('the message delivered again', async () => {
      const res = await server.request<MailOutboxRecord>('GET', `/api/mail-outbox/${message.id}`, {
        token: tokens.ADMIN,
      });
      return res.body.status === 'outbox' ? res.body : undefined;
    });
    const [event] = await auditEvents(server, tokens.ADMIN, { action: 'mail_retry' });
    expect(event).toMatchObject({ entityType: 'mail-outbox', entityId: message.id });
  });
});
