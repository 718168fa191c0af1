import { Browser, openBrowser } from '../support/browser';
import { startServer, TestServer } from '../support/server';
import {
  openRoute,
  readyForScreenshot,
  seriousAxeViolations,
  signIn,
  waitForData,
} from '../support/ui';

/**
 * What a manager must never be offered: the labels of every create, edit and action button,
 * and printing a pact (it names people).
 */
const WRITE_ACTIONS =
  /^(Stampa il patto|Crea|Modifica|Elimina|Approva|Rimanda in bozza|Invia per approvazione|Sospendi|Riprendi|Concludi con esito|Interrompi|Annulla il patto|Segna raggiunta|Aggiungi(?! filtro)|Assegna|Cambia community maker|Nuovo patto)/;

/**
 * Journey (c): the manager reads outcomes across territories as charts (lazily loaded) and
 * is offered no create, edit or action button anywhere.
 */
describe('manager journey', () => {
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

  const writeButtons = async () => {
    const { page } = browser;
    const buttons = await page.getByRole('button').allTextContents();
    const links = await page.getByRole('link').allTextContents();
    const labels = await page
      .locator('button[aria-label], a[aria-label]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    return [...buttons, ...links, ...labels]
      .map((t) => t.trim())
      .filter((t) => WRITE_ACTIONS.test(t));
  };

  it('shows the four outcome charts, accessible, and no write buttons', async () => {
    const { page } = browser;
    await signIn(page, server, 'manager@demo.generattivi.it');
    await page.getByRole('heading', { name: 'Esiti dei patti GenerAttivi', level: 1 }).waitFor();
    const charts = page.locator('figure[data-chart]');
    await charts.nth(3).waitFor({ timeout: 30_000 });
    await expect(charts.count()).resolves.toBe(4);
    for (let i = 0; i < 4; i++) {
      await expect(
        charts.nth(i).locator('.recharts-bar-rectangle').count(),
      ).resolves.toBeGreaterThan(0);
    }
    await expect(
      page.getByRole('heading', { name: /Community maker e carico/ }).count(),
    ).resolves.toBe(1);
    await waitForData(page);
    expect(await writeButtons()).toEqual([]);
    await readyForScreenshot(page);
    await browser.screenshot('home-manager');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('reads pacts without edit or create buttons, with the audit history', async () => {
    const { page } = browser;
    await openRoute(page, server, '/pacts');
    await page.getByRole('button', { name: 'Esporta', exact: true }).waitFor();
    expect(await writeButtons()).toEqual([]);
    await page.locator('tbody .RaDataTable-row .column-reference').first().click();
    await page.locator('#pact-reference').waitFor();
    await page.getByRole('tab', { name: 'Registro di audit' }).click();
    await page.getByRole('columnheader', { name: /quando/i }).waitFor();
    await waitForData(page);
    expect(await writeButtons()).toEqual([]);
  });

  it('sees fiscal codes masked, and still exports them', async () => {
    const { page } = browser;
    await openRoute(page, server, '/beneficiaries');
    await page.getByRole('button', { name: 'Esporta', exact: true }).waitFor();
    await page.locator('tbody .column-fiscalCode').first().waitFor();
    const codes = await page.locator('tbody .column-fiscalCode').allTextContents();
    const values = codes.filter((c) => /^[A-Z0-9*]{16}$/.test(c.trim()));
    expect(values.length).toBeGreaterThan(0);
    for (const code of values) expect(code).toContain('*');
    // Initials and the year of birth; no search by a name they do not read.
    const years = await page.locator('tbody .column-birthYear').allTextContents();
    expect(years.some((y) => /^(19|20)\d\d$/.test(y.trim()))).toBe(true);
    expect(await page.locator('tbody .column-birthDate').count()).toBe(0);
    const surnames = await page.locator('tbody .column-lastName').allTextContents();
    for (const name of surnames) expect(name.trim()).toMatch(/^(\p{Lu}\. ?)+$/u);
    expect(await page.locator('input[name="q"]').count()).toBe(0);
    expect(await writeButtons()).toEqual([]);
    await page.locator('tbody .RaDataTable-row .column-lastName').first().click();
    await page.waitForURL(/#\/beneficiaries\/\d+\/show/);
    await page.getByText(/\*{9}/).first().waitFor();
    await waitForData(page);
    expect(await writeButtons()).toEqual([]);
  });
});
