import { todayIso } from '@generattivi/shared';
import { Browser, openBrowser } from '../support/browser';
import { makerPact } from '../support/journeys';
import { startServer, TestServer } from '../support/server';
import {
  field,
  readyForScreenshot,
  seriousAxeViolations,
  signIn,
  waitForData,
} from '../support/ui';

interface Pact {
  id: number;
  reference: string;
  version: number;
}

/**
 * Journey (b): from their home, the community maker of Crema marks a milestone of an active
 * pact achieved and adds a diary note, each in two clicks; the home fits a phone.
 */
describe('community maker journey', () => {
  let server: TestServer;
  let browser: Browser;
  const maker = 'maker.crema@demo.generattivi.it';
  const milestoneTitle = 'Consegna del curriculum al Centro per l’impiego';
  let pact: Pact;
  let milestoneId: number;
  let workerToken: string;

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite' });
    browser = await openBrowser();
    // The social worker opens, plans, submits and approves a pact followed by the maker.
    workerToken = await server.login('sociale.crema@demo.generattivi.it');
    const made = await makerPact(server, workerToken, {
      maker,
      person: { age: 25, firstName: 'Sara', lastName: 'Campanelli', sex: 'F' },
      title: 'Ritorno al lavoro nella ristorazione',
      milestones: [[milestoneTitle, 10]],
      status: 'ACTIVE',
    });
    pact = made.pact;
    milestoneId = made.milestones[0].id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows "I miei patti", accessible, with the pact and its pending milestone', async () => {
    const { page } = browser;
    await signIn(page, server, maker);
    await page.getByRole('heading', { name: 'I miei patti', level: 1 }).waitFor();
    await page.locator(`[data-pact="${pact.reference}"]`).getByText(milestoneTitle).waitFor();
    await waitForData(page);
    await readyForScreenshot(page);
    await browser.screenshot('home-community-maker');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('marks the milestone achieved in two clicks', async () => {
    const { page } = browser;
    const card = page.locator(`[data-pact="${pact.reference}"]`);
    // Click 1: the milestone's button opens the dialog (date: today by default).
    await card
      .getByRole('button', { name: `Segna raggiunta la tappa «${milestoneTitle}»` })
      .click();
    const dialog = page.getByRole('dialog');
    await expect(field(dialog, 'Raggiunta il').inputValue()).resolves.toBe(todayIso());
    await field(dialog, 'Evidenza').fill(
      'Curriculum consegnato allo sportello, ricevuta protocollata.',
    );
    // Click 2: confirm.
    await dialog.getByRole('button', { name: 'Conferma' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`Tappa «${milestoneTitle}» raggiunta.`).waitFor();

    const saved = await server.request<{ status: string; achievedAt: string; evidence: string }>(
      'GET',
      `/api/milestones/${milestoneId}`,
      { token: workerToken },
    );
    expect(saved.body).toMatchObject({
      status: 'ACHIEVED',
      achievedAt: todayIso(),
      evidence: 'Curriculum consegnato allo sportello, ricevuta protocollata.',
    });
    await card.getByText('100%').waitFor();
  });

  it('adds a diary note in two clicks', async () => {
    const { page } = browser;
    const card = page.locator(`[data-pact="${pact.reference}"]`);
    const text = 'Incontro al laboratorio: Sara ha scelto il corso HACCP.';
    // Click 1: the pact's button opens the dialog.
    await card.getByRole('button', { name: `Aggiungi nota al patto ${pact.reference}` }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'Testo').fill(text);
    // Click 2: save (the kind is "Incontro" unless changed).
    await dialog.getByRole('button', { name: 'Salva' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`Nota aggiunta al diario del patto ${pact.reference}.`).waitFor();

    const notes = await server.request<Array<{ body: string; kind: string }>>(
      'GET',
      `/api/notes?filter=${encodeURIComponent(JSON.stringify({ pactId: pact.id }))}`,
      { token: workerToken },
    );
    expect(notes.body).toEqual([expect.objectContaining({ body: text, kind: 'MEETING' })]);
  });

  it('fits a phone: no horizontal scroll at 390 px, large touch targets', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { name: 'I miei patti', level: 1 }).waitFor();
    await waitForData(page);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const buttons = page.locator('[data-pact] button');
    const count = await buttons.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const box = await buttons.nth(i).boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
    await readyForScreenshot(page);
    await browser.screenshot('home-community-maker-phone');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
