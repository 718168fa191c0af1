import type { MailOutboxRecord } from '@generattivi/shared';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from '../support/browser';
import { listQuery } from '../support/demo';
import { startServer, type TestServer } from '../support/server';
import { apiPost, field, openRoute, signIn, waitForData } from '../support/ui';

/**
 * Issue 17 in the admin, without a mail server (the outbox): the administrator creates an
 * account without a password and finds the invitation in «Posta in uscita»; its link opens
 * the page that sets the password, then the person signs in. «Password dimenticata?» from the
 * login page; a password set by the administrator is changed at the first sign-in.
 */
describe('invitations, resets and the first sign-in in the admin', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: string;

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite', env: { MAIL_POLL_SECONDS: '1' } });
    browser = await openBrowser();
    admin = await server.login('admin@demo.generattivi.it');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signOut = async (page: Page) => {
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`${server.url}/#/login`);
    await page.reload();
  };
  /** The message of the outbox for `to` once delivered there (read as the administrator). */
  const outboxMessage = async (to: string, kind: string) => {
    for (let i = 0; i < 100; i++) {
      const res = await server.request<MailOutboxRecord[]>(
        'GET',
        `/api/mail-outbox${listQuery({ to, kind })}`,
        { token: admin },
      );
      if (res.body[0]?.status === 'outbox') return res.body[0];
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no ${kind} for ${to} in the outbox`);
  };
  /** On the page of a link: the password twice, saved, then signing in with it. */
  const choosePasswordAndSignIn = async (page: Page, email: string, password: string) => {
    await page.getByRole('heading', { name: 'Scegli la password' }).waitFor();
    await field(page, 'Nuova password').fill(password);
    await field(page, 'Ripeti la nuova password').fill(password);
    await page.getByRole('button', { name: 'Salva la password' }).click();
    await page.getByText(`Password salvata. Ora accedi con ${email}`).waitFor();
    await page.getByRole('link', { name: 'Accedi' }).click();
    await field(page, 'Email').fill(email);
    await field(page, 'Password').fill(password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.locator('main h1').first().waitFor({ timeout: 30_000 });
  };

  it('the administrator invites without a password; the link from «Posta in uscita» sets it', async () => {
    const { page } = browser;
    const email = `invitata.${Date.now().toString(36)}@test.generattivi.it`;
    await signIn(page, server, 'admin@demo.generattivi.it');
    await openRoute(page, server, '/users/create');
    const password = field(page, 'Password');
    await expect(
      page.locator(`[id="${await password.getAttribute('aria-describedby')}"]`).textContent(),
    ).resolves.toContain('Lascia vuoto per inviare un invito via email');
    await field(page, 'Email').fill(email);
    await field(page, 'Nome e cognome').fill('Ornella Invitata');
    await page.getByRole('combobox', { name: 'Ruolo' }).click();
    await page.getByRole('option', { name: 'Responsabile' }).click();
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.waitForURL(/#\/users\/\d+\/show/);
    await waitForData(page);
    await page.getByRole('button', { name: 'Invia di nuovo l’invito' }).waitFor();

    await outboxMessage(email, 'invitation');
    await page.getByRole('menuitem', { name: 'Posta in uscita' }).click();
    await page.waitForURL(/#\/mail-outbox/);
    await waitForData(page);
    const row = page.getByRole('row').filter({ hasText: email });
    await expect(row.textContent()).resolves.toMatch(/\d{2}\/\d{2}\/\d{4},? \d{2}:\d{2}/);
    await expect(row.textContent()).resolves.toContain('Nella posta in uscita');
    await expect(row.textContent()).resolves.toContain('Invito');
    await row.click();
    await page.waitForURL(/#\/mail-outbox\/\d+\/show/);
    await page.getByText('Buongiorno Ornella Invitata,').waitFor();
    const link = page.getByRole('link', { name: /imposta-password\?token=/ });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^http:\/\/localhost:\d+\/#\/imposta-password\?token=[\w-]{43}$/);

    // The person, on their own device: no session there.
    await signOut(page);
    await page.goto(href.replace('localhost', '127.0.0.1'));
    await page.getByText(`Buongiorno Ornella Invitata: scegli la password`).waitFor();
    await choosePasswordAndSignIn(page, email, 'Lanterne sul fiume Serio 2026');
    await expect(page.locator('main h1').first().textContent()).resolves.not.toContain(
      'Cambia la password',
    );
  });

  it('«Password dimenticata?» answers the same for any address; the mailed link resets it', async () => {
    const { page } = browser;
    const email = `dimentica.${Date.now().toString(36)}@test.generattivi.it`;
    await apiPost(server, admin, '/api/users', {
      email,
      fullName: 'Pietro Smemorato',
      role: 'MANAGER',
      territoryIds: [],
      password: 'Una vecchia password di Pietro',
    });
    await signOut(page);
    for (const address of [`nessuno.${Date.now().toString(36)}@test.generattivi.it`, email]) {
      await page.goto(`${server.url}/#/login`);
      await page.getByRole('link', { name: 'Password dimenticata?' }).click();
      await page.getByRole('heading', { name: 'Password dimenticata' }).waitFor();
      await field(page, 'Email').fill(address);
      await page.getByRole('button', { name: 'Invia il link' }).click();
      await page.getByText(/Se l’indirizzo appartiene a un account attivo/).waitFor();
    }
    const message = await outboxMessage(email, 'password-reset');
    const token = /token=([\w-]{43})/.exec(message.text ?? '')?.[1];
    // Opened on a 360 px phone: the page fits the screen.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.url}/#/imposta-password?token=${token}`);
    await page.getByRole('heading', { name: 'Scegli la password' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(360);
    await choosePasswordAndSignIn(page, email, 'Pietro ricorda la nuova frase 2026');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The link served once.
    await signOut(page);
    await page.goto(`${server.url}/#/imposta-password?token=${token}`);
    await page.getByText(/già stato usato/).waitFor();
  });

  it('a password the administrator typed is changed at the first sign-in, before anything else', async () => {
    const { page } = browser;
    const email = `primo.${Date.now().toString(36)}@test.generattivi.it`;
    const given = 'Password data da Amministrazione 7';
    await apiPost(server, admin, '/api/users', {
      email,
      fullName: 'Lucia Nuova',
      role: 'MANAGER',
      territoryIds: [],
      password: given,
    });
    await signOut(page);
    await field(page, 'Email').fill(email);
    await field(page, 'Password').fill(given);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('heading', { name: 'Cambia la password' }).waitFor({ timeout: 30_000 });
    // Another page shows the same form.
    await openRoute(page, server, '/pacts');
    await page.getByRole('heading', { name: 'Cambia la password' }).waitFor();

    await field(page, 'Password attuale').fill('non è questa');
    await field(page, 'Nuova password').fill('Girasoli a Crema in agosto 2026');
    await field(page, 'Ripeti la nuova password').fill('Girasoli a Crema in agosto 2026');
    await page.getByRole('button', { name: 'Salva la password' }).click();
    await page.getByText('non è la password attuale').waitFor();

    await field(page, 'Password attuale').fill(given);
    // The page loads again with the new session, on the page it was.
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Salva la password' }).click(),
    ]);
    await waitForData(page);
    await page.locator('#react-admin-title').getByText('Patti').first().waitFor();
    await expect(page.getByRole('heading', { name: 'Cambia la password' }).count()).resolves.toBe(
      0,
    );
    const me = await server.login(email, 'Girasoli a Crema in agosto 2026');
    expect(me).toBeTruthy();
  });
});
