import { Browser, openBrowser } from '../support/browser';
import { startServer, TestServer } from '../support/server';
import { signIn } from '../support/ui';

/** Signing in and out, the session kept in sessionStorage, and menus that follow the role. */
describe('session and menus', () => {
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

  const menu = () => browser.page.getByRole('menuitem');
  const menuNames = async () => (await menu().allInnerTexts()).map((t) => t.trim());

  it('lets the administrator sign in, see every menu, and sign out', async () => {
    const { page } = browser;
    await signIn(page, server, 'admin@demo.generattivi.it');
    await menu().first().waitFor();
    const names = await menuNames();
    expect(names).toEqual(expect.arrayContaining(['Utenti', 'Registro di audit', 'Patti']));
    expect(await page.evaluate(() => Object.keys(sessionStorage).length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => Object.keys(localStorage).some((k) => /token/i.test(k)))).toBe(
      false,
    );

    await page
      .getByRole('button', { name: /profilo|account|Alessandra/i })
      .first()
      .click();
    await page.getByRole('menuitem', { name: 'Esci' }).click();
    await page.getByRole('button', { name: 'Accedi' }).waitFor();
    expect(
      await page.evaluate(
        () => Object.keys(sessionStorage).filter((k) => /token|user/i.test(k)).length,
      ),
    ).toBe(0);
  });

  it('shows a community maker no users and no audit trail', async () => {
    const { page } = browser;
    await signIn(page, server, 'maker.crema@demo.generattivi.it');
    await menu().first().waitFor();
    const names = await menuNames();
    expect(names).toContain('Patti');
    expect(names).not.toContain('Utenti');
    expect(names).not.toContain('Registro di audit');
    await browser.screenshot('menu-community-maker');
  });
});
