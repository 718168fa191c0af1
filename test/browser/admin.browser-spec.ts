import { Browser, openBrowser } from '../support/browser';
import { startServer, TestServer } from '../support/server';
import { readyForScreenshot, seriousAxeViolations, signIn, waitForData } from '../support/ui';

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
});
