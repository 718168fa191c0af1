import { Browser, openBrowser } from '../support/browser';
import { startServer, TestServer } from '../support/server';
import { apiPost, field, openRoute, signIn, territoryId } from '../support/ui';

/**
 * The live eligibility preview applies the ISEE threshold the server is configured with
 * (ISEE_THRESHOLD_EUR), not the rules' default of 9,360.00: a household at 11,000.00 passes
 * on a server set to 12,000.00, and one at 12,000.01 does not.
 */
describe('eligibility preview with the server’s ISEE threshold', () => {
  let server: TestServer;
  let browser: Browser;
  const worker = 'sociale.crema@demo.generattivi.it';

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite', env: { ISEE_THRESHOLD_EUR: '12000.00' } });
    browser = await openBrowser();
    const token = await server.login(worker);
    const crema = await territoryId(server, token, 'CREMA');
    for (const [name, iseeEur] of [
      ['Famiglia Sogliaundici', 11000],
      ['Famiglia Sogliadodici', 12000.01],
    ] as const) {
      await apiPost(server, token, '/api/households', {
        name,
        territoryId: crema,
        municipality: 'Crema',
        membersCount: 3,
        iseeEur,
        vulnerable: false,
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('passes a household under the configured threshold, refuses one a cent over it', async () => {
    const { page } = browser;
    await signIn(page, server, worker);
    await openRoute(page, server, '/pacts/create');
    await page.getByRole('radio', { name: 'Inclusione' }).check();
    const household = field(page, 'Nucleo familiare');
    const rule = page.locator('[data-rule="INCLUSION_VULNERABLE"]');

    await household.fill('Sogliaundici');
    await page.getByRole('option', { name: /Sogliaundici/ }).click();
    await rule.waitFor();
    await expect(rule.textContent()).resolves.toMatch(/^✓/);

    await household.fill('Sogliadodici');
    await page.getByRole('option', { name: /Sogliadodici/ }).click();
    await page.waitForFunction(() =>
      document.querySelector('[data-rule="INCLUSION_VULNERABLE"]')?.textContent?.startsWith('✗'),
    );
    await expect(rule.textContent()).resolves.toMatch(/12\.000,00|12,000\.00|12000/);
  });
});
