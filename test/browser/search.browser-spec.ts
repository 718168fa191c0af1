import type { Page } from 'playwright-core';
import { Browser, openBrowser } from '../support/browser';
import { startServer, TestServer } from '../support/server';
import {
  apiPost,
  openRoute,
  personAged,
  seriousAxeViolations,
  signIn,
  territoryId,
  userId,
  waitForData,
} from '../support/ui';
import { addDays, todayIso } from '@generattivi/shared';

/**
 * The search box of the app bar (issue 13): Ctrl+K / ⌘K or the button opens it; results come
 * as one types, grouped under Patti, Beneficiari, Nuclei; arrows and Enter open a record; a
 * surname, a fragment of a fiscal code and a name typed without its accent all find the
 * person. The pacts list shows whom each pact is for and its search reaches their names.
 */
describe('search box', () => {
  let server: TestServer;
  let browser: Browser;
  const worker = 'sociale.crema@demo.generattivi.it';
  const person = personAged(30, { firstName: 'Nicolò', lastName: 'Scaravaggi', sex: 'M' });
  let personId: number;
  let pact: { id: number; reference: string };

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite' });
    browser = await openBrowser();
    const token = await server.login(worker);
    const crema = await territoryId(server, token, 'CREMA');
    personId = (
      await apiPost(server, token, '/api/beneficiaries', {
        ...person,
        territoryId: crema,
        municipality: 'Crema',
        employmentStatus: 'UNEMPLOYED',
      })
    ).id;
    const admin = await server.login('admin@demo.generattivi.it');
    const makerId = await userId(server, admin, 'maker.crema@demo.generattivi.it');
    pact = await apiPost(server, token, '/api/pacts', {
      type: 'AUTONOMY',
      territoryId: crema,
      beneficiaryId: personId,
      communityMakerId: makerId,
      title: 'Orto di quartiere',
      startDate: todayIso(),
      plannedEndDate: addDays(todayIso(), 180),
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  // A journey that failed with the dialog open leaves the next one a page to start from.
  afterEach(async () => {
    const { page } = browser;
    if ((await dialog(page).count()) > 0) await page.keyboard.press('Escape');
  });

  const box = (page: Page) =>
    page.getByRole('combobox', { name: 'Cerca patti, beneficiari e nuclei' });
  const dialog = (page: Page) => page.getByRole('dialog');
  const option = (page: Page, name: string | RegExp) => page.getByRole('option', { name });
  /**
   * Opens the dialog from the app bar's button, types the text and waits for the server's answer
   * to it (the results of an earlier search may still be shown until then).
   */
  async function searchFor(page: Page, text: string) {
    await page
      .getByRole('button', { name: /^Cerca/ })
      .first()
      .click();
    // Under 3 characters nothing is asked of the server.
    const answered =
      text.trim().length >= 3
        ? page.waitForResponse((res) => {
            const url = new URL(res.url());
            return url.pathname === '/api/search' && url.searchParams.get('q') === text.trim();
          })
        : undefined;
    await box(page).fill(text);
    await answered;
  }

  it('opens with Ctrl+K, groups the results, and Enter opens the pact found by surname', async () => {
    const { page } = browser;
    await signIn(page, server, worker);
    await page.keyboard.press('Control+k');
    await expect(box(page).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await box(page).pressSequentially('Scaravaggi');
    await option(page, new RegExp(`^${pact.reference} — Orto di quartiere`)).waitFor();
    await option(page, /^Scaravaggi Nicolò/).waitFor();
    const headings = await dialog(page)
      .locator('[role="group"]')
      .evaluateAll((groups) =>
        groups.map((g) => document.getElementById(g.getAttribute('aria-labelledby')!)?.textContent),
      );
    expect(headings).toEqual(['Patti', 'Beneficiari']);
    expect(await dialog(page).getByRole('status').textContent()).toBe('2 risultati');
    // The pact's status, worded; its beneficiary beside it.
    await expect(option(page, /Bozza/).count()).resolves.toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The first result is the active one.
    await expect(box(page).getAttribute('aria-activedescendant')).resolves.toBe(
      await option(page, new RegExp(`^${pact.reference}`)).getAttribute('id'),
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/#/pacts/${pact.id}/show`);
    await expect(dialog(page).count()).resolves.toBe(0);
  });

  it('finds "Nicolò" typed without the accent; the arrows choose, Enter opens the person', async () => {
    const { page } = browser;
    await searchFor(page, 'nicolo scarav');
    await option(page, /^Scaravaggi Nicolò/).waitFor();
    await expect(box(page).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('ArrowDown');
    await page
      .locator('[role="option"][aria-selected="true"]', { hasText: /^Scaravaggi Nicolò/ })
      .waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/#/beneficiaries/${personId}/show`);
  });

  it('finds a person by a fragment of the fiscal code', async () => {
    const { page } = browser;
    const fragment = person.fiscalCode.slice(6, 11).toLowerCase();
    await searchFor(page, fragment);
    await option(page, new RegExp(`^Scaravaggi Nicolò\\s*${person.fiscalCode} · Crema$`)).waitFor();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/#/beneficiaries/${personId}/show`);
  });

  it('asks for 3 characters, says "Nessun risultato", and Esc closes', async () => {
    const { page } = browser;
    await searchFor(page, 'sc');
    expect(await dialog(page).getByRole('status').textContent()).toBe('Scrivi almeno 3 caratteri.');
    await box(page).fill('zqxjwv');
    await dialog(page).getByRole('status').getByText('Nessun risultato').waitFor();
    await expect(page.getByRole('option').count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
  });

  it('opens with ⌘K too', async () => {
    const { page } = browser;
    await page.keyboard.press('Meta+k');
    await box(page).waitFor();
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
  });

  it('shows in the pacts list whom each pact is for, and finds pacts by that name', async () => {
    const { page } = browser;
    await openRoute(page, server, '/pacts');
    const search = page.getByPlaceholder('Cerca riferimento, titolo o nome');
    await page.getByRole('columnheader', { name: 'Beneficiario / Nucleo' }).waitFor();
    await search.fill('scaravaggi');
    const row = page.getByRole('row', { name: new RegExp(pact.reference) });
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    await expect(row.getByText('Scaravaggi Nicolò').count()).resolves.toBe(1);
  });

  it('on a 360 px phone: an icon opens a full-width search, without sideways scrolling', async () => {
    const phone = await openBrowser({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    try {
      const { page } = phone;
      await signIn(page, server, worker);
      await page.getByRole('button', { name: 'Cerca', exact: true }).click();
      await box(page).fill('Scaravaggi');
      await option(page, /^Scaravaggi Nicolò/).waitFor();
      const sizes = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        dialog: Math.round(
          document.querySelector('[role="dialog"]')!.getBoundingClientRect().width,
        ),
      }));
      expect(sizes).toEqual({ scroll: 360, dialog: 360 });
      await option(page, /^Scaravaggi Nicolò/).tap();
      await page.waitForURL(`**/#/beneficiaries/${personId}/show`);
    } finally {
      await phone.close();
    }
  });

  it('a manager, who reads initials, finds nobody by a fiscal code nor by name', async () => {
    const { page } = browser;
    await page.evaluate(() => sessionStorage.clear());
    await signIn(page, server, 'manager@demo.generattivi.it');
    await searchFor(page, person.fiscalCode.slice(6, 11));
    await dialog(page).getByRole('status').getByText('Nessun risultato').waitFor();
    await box(page).fill('nicolo scaravaggi');
    await dialog(page).getByRole('status').getByText('Nessun risultato').waitFor();
    await waitForData(page);
    expect(await dialog(page).textContent()).not.toContain('Scaravaggi');
  });
});
