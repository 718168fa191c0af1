import { Browser, openBrowser } from '../support/browser';
import { DEMO_PASSWORD, startServer, TestServer } from '../support/server';
import { field } from '../support/ui';

/**
 * Signed out, the page loads the login on its own and the admin beside it (issue "Field use"):
 * the English messages only when English is chosen, and a link opened signed out still leads
 * where it pointed once signed in.
 */
describe('the login before the rest', () => {
  let server: TestServer;
  let browser: Browser;
  const requested: string[] = [];

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite' });
    browser = await openBrowser();
    browser.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const englishChunks = () => requested.filter((path) => /^\/assets\/en-[\w-]+\.js$/.test(path));

  /**
   * Every text the page showed that looks like a translation key (`app.dashboard.maker_title`):
   * the admin's wording comes after the login page's, and no page may show a key meanwhile.
   */
  const RAW_KEYS = `(() => {
    window.__rawKeys = [];
    const key = /\\b(?:ra|app|resources|enums)\\.[a-z_]+\\.[\\w.]+/;
    const check = () => {
      const text = document.body ? document.body.innerText : '';
      const found = key.exec(text);
      if (found) window.__rawKeys.push(found[0]);
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
  })();`;

  it('opens a link given signed out after signing in, without fetching English', async () => {
    const { page } = browser;
    await page.addInitScript({ content: RAW_KEYS });
    // The admin's wording arrives late (a weak network): the admin must wait for it.
    await page.route(/\/assets\/it-[\w-]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue();
    });
    await page.goto(`${server.url}/#/pacts`);
    await field(page, 'Email').fill('sociale.crema@demo.generattivi.it');
    await field(page, 'Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('button', { name: 'Accedi' }).waitFor({ state: 'detached' });
    // The pact list, not the home.
    await page.getByRole('columnheader', { name: 'Riferimento' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/pacts');
    await page.waitForLoadState('networkidle');
    expect(englishChunks()).toEqual([]);
    // The admin's wording arrived with it: no key was ever on screen.
    expect(await page.evaluate('window.__rawKeys')).toEqual([]);
    await page.unrouteAll();
  });

  it('shows the login in English to a person who chose English, fetching it then', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: /Italiano/i }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.locator('html[lang="en"]').waitFor();
    expect(englishChunks()).toHaveLength(1);

    // Signed out (a new tab: no session), the choice stays: the login page speaks English.
    await page.evaluate(() => sessionStorage.clear());
    requested.length = 0;
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(englishChunks()).toHaveLength(1);
  });
});
