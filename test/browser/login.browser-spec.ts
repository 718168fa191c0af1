import { existsSync } from 'node:fs';
import { Browser, openBrowser } from '../support/browser';
import { startServer, TestServer } from '../support/server';

describe('login page', () => {
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

  it('renders in Italian at / and saves a screenshot', async () => {
    const { page } = browser;
    await page.goto(server.url + '/');
    await page.getByRole('button', { name: 'Accedi' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('it');
    await expect(page.getByLabel(/Email/).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByLabel(/Password/).count()).resolves.toBeGreaterThan(0);
    const file = await browser.screenshot('login');
    expect(existsSync(file)).toBe(true);
  });
});
