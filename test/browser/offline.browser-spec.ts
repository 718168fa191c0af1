import { Browser, openBrowser } from '../support/browser';
import { startServer, TestServer } from '../support/server';

/**
 * The installable app shell: after one visit the service worker has kept the built admin, and
 * the app opens without network (issue "Field use"); /api is never answered by it.
 */
describe('the admin without network, after one visit', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite' });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.context.setOffline(false);
    await browser?.close();
    await server?.stop();
  });

  it('opens the Italian login page offline, and leaves /api to the network', async () => {
    const { context, page } = browser;
    await page.goto(server.url + '/');
    await page.getByRole('button', { name: 'Accedi' }).waitFor({ timeout: 30_000 });
    // The service worker is installed (the admin kept) once it controls the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 60_000,
    });

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: 'Accedi' }).waitFor({ timeout: 30_000 });
    await expect(
      page.getByRole('heading', { name: 'GenerAttivi', level: 1 }).count(),
    ).resolves.toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('it');
    await browser.screenshot('login-offline');

    // Offline, the API is not there: no answer kept by the service worker stands in for it.
    const api = await page.evaluate(async () => {
      try {
        const res = await fetch('/api/health');
        return `answered ${res.status}`;
      } catch {
        return 'failed';
      }
    });
    expect(api).toBe('failed');

    // A deep link opens the app too (every page of the admin is index.html).
    await page.goto(server.url + '/pacts');
    await page.getByRole('button', { name: 'Accedi' }).waitFor({ timeout: 30_000 });
  });
});
