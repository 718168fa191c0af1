import { Browser, openBrowser } from '../support/browser';
import { startServer, TestServer } from '../support/server';
import { createUser } from '../support/demo';
import { beneficiaryBody, createBeneficiary } from '../support/fixtures';
import {
  field,
  helperText,
  openRoute,
  readyForScreenshot,
  seriousAxeViolations,
  signIn,
  territoryId,
  userId,
  waitForData,
} from '../support/ui';

/** Journey (d): the administrator's home says whether the audit hash chain is intact. */
describe('administrator home', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite' });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the audit chain status, users and territories, accessibly', async () => {
    const { page } = browser;
    await signIn(page, server, 'admin@demo.generattivi.it');
    await page.getByRole('heading', { name: 'Amministrazione', level: 1 }).waitFor();
    const status = page.getByRole('status').filter({ hasText: /Catena integra/ });
    await status.waitFor();
    await expect(status.textContent()).resolves.toMatch(/Catena integra: \d+ eventi verificati/);
    // The head to note: the last event, its time and the start of its hash.
    await expect(page.getByTestId('audit-chain-head').textContent()).resolves.toMatch(
      /^Ultimo evento: n\. \d+ del \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}:\d{2}, impronta [0-9a-f]{16}…/,
    );
    await page.getByRole('heading', { name: /^Utenti/ }).waitFor();
    await page.getByRole('heading', { name: /^Ambiti/ }).waitFor();
    await page.getByText('Ambito distrettuale di Crema').waitFor();
    await waitForData(page);
    await readyForScreenshot(page);
    await browser.screenshot('home-admin');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('lists the users with their ambiti as chips, accessibly', async () => {
    const { page } = browser;
    await openRoute(page, server, '/users');
    const row = page.getByRole('row').filter({ hasText: 'sociale.crema@demo.generattivi.it' });
    await row.getByText('Ambito distrettuale di Crema').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('words the audit trail in Italian: actions, who, and the record by its name, deleted ones too', async () => {
    const { page } = browser;
    const admin = await server.login('admin@demo.generattivi.it');
    const crema = await territoryId(server, admin, 'CREMA');
    const user = await createUser(server, admin, {
      fullName: 'Teresa Maroni',
      role: 'MANAGER',
      territoryIds: [],
      password: 'Sedia-Lampone-Fiume-42',
    });
    const changed = await server.request('PUT', `/api/users/${user.id}`, {
      token: admin,
      body: { ...user, role: 'SOCIAL_WORKER', territoryIds: [crema] },
    });
    expect(changed.status).toBe(200);
    const person = await createBeneficiary(
      server,
      admin,
      beneficiaryBody(crema, { firstName: 'Ornella', lastName: 'Vanoni' }),
    );
    const deleted = await server.request('DELETE', `/api/beneficiaries/${person.id}`, {
      token: admin,
    });
    expect(deleted.status).toBeLessThan(300);

    await openRoute(page, server, '/audit-events');
    const roleChange = page.getByRole('row').filter({ hasText: 'Cambio di ruolo' }).first();
    await roleChange.getByRole('link', { name: 'Teresa Maroni' }).waitFor();
    await expect(
      roleChange.getByRole('link', { name: 'Alessandra Ferrari' }).count(),
    ).resolves.toBe(1);
    await roleChange.getByText('Ambito distrettuale di Crema').waitFor();
    await expect(roleChange.textContent()).resolves.toMatch(
      /Ruolo.*Responsabile.*Assistente sociale.*Ambiti.*Ambito distrettuale di Crema/,
    );
    const removal = page.getByRole('row').filter({ hasText: 'Eliminazione' }).first();
    await removal.getByText('Vanoni Ornella (eliminato)').waitFor();
    // Field keys in words, never as the server names them.
    await expect(page.locator('table').first().textContent()).resolves.not.toMatch(
      /territoryIds|fiscalCode|role_change|\bdelete\b/,
    );
    await readyForScreenshot(page);
    await browser.screenshot('audit-list');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('asks an ambito of a social worker, and keeps the role of a maker with open pacts until they are handed over', async () => {
    const { page } = browser;
    await openRoute(page, server, '/users/create');
    await field(page, 'Email').fill('nuova.assistente@comune.crema.cr.it');
    await field(page, 'Nome e cognome').fill('Nuova Assistente');
    await page.getByRole('combobox', { name: /^Ruolo/ }).click();
    await page.getByRole('option', { name: 'Assistente sociale' }).click();
    await field(page, 'Password').fill('Sedia-Lampone-Fiume-43');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByText('ne serve almeno 1').waitFor();
    const territories = page.getByRole('combobox', { name: /^Ambiti/ });
    await expect(helperText(page, territories)).resolves.toContain('ne serve almeno 1');
    // Marked required, as the server has it.
    await expect(page.locator('label', { hasText: /^Ambiti/ }).textContent()).resolves.toMatch(
      /\*/,
    );
    expect(page.url()).toContain('/users/create');

    const admin = await server.login('admin@demo.generattivi.it');
    const maker = await userId(server, admin, 'maker.crema@demo.generattivi.it');
    await openRoute(page, server, `/users/${maker}`);
    await page.getByRole('combobox', { name: /^Ruolo/ }).click();
    await page.getByRole('option', { name: 'Responsabile' }).click();
    const notice = page.getByRole('alert').filter({ hasText: /patti aperti/ });
    await notice.getByRole('button', { name: 'Passa i patti' }).waitFor();
    await page.getByRole('button', { name: 'Salva' }).click();
    await page
      .getByText(/^Ha ancora \d+ patti aperti/)
      .first()
      .waitFor();
    await page
      .getByText('Prima passa i suoi patti aperti a un collega («Passa i patti»).')
      .waitFor();
    await readyForScreenshot(page);
    await browser.screenshot('user-holds-open-pacts');
    const now = await server.request<{ role: string }>('GET', `/api/users/${maker}`, {
      token: admin,
    });
    expect(now.body.role).toBe('COMMUNITY_MAKER');
  });
});
