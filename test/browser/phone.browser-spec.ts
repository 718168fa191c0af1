import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, todayIso } from '@generattivi/shared';
import type { Page } from 'playwright-core';
import { ARTIFACTS, Browser, openBrowser } from '../support/browser';
import { openDatabase } from '../support/db';
import { listQuery } from '../support/demo';
import { makerPact } from '../support/journeys';
import { startServer, TestServer } from '../support/server';
import { apiPost, field, readyForScreenshot, signIn, waitForData } from '../support/ui';

interface Pact {
  id: number;
  reference: string;
  version: number;
}

const PHONE = { width: 360, height: 740 };
const SCREENSHOTS = join(ARTIFACTS, 'screenshots');
/** The smallest height of anything a finger taps (WCAG 2.5.5). */
const MIN_TARGET = 44;

/** What a page does wrong on a phone: sideways scroll, and each control too small to tap. */
interface PhoneProblems {
  wide: string[];
  scrollWidth: number;
  viewportWidth: number;
  smallTargets: string[];
}

/**
 * Measures the page as shown: the document's width against the viewport's, and every visible
 * control (links, buttons, tabs, menu items, inputs: an input by its whole box) under 44 px
 * high, named by its text or label.
 */
async function phoneProblems(page: Page): Promise<PhoneProblems> {
  return page.evaluate(
    ({ min, width }) => {
      const controls = document.querySelectorAll<HTMLElement>(
        [
          'a[href]',
          'button',
          'summary',
          'select',
          'textarea',
          'input:not([type="hidden"])',
          '[role="button"]',
          '[role="link"]',
          '[role="tab"]',
          '[role="menuitem"]',
          '[role="option"]',
          '[role="combobox"]',
          '[role="checkbox"]',
          '[role="switch"]',
        ].join(', '),
      );
      const smallTargets: string[] = [];
      for (const control of Array.from(controls)) {
        if (!control.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true })) continue;
        // An input is tapped through its box (the MUI field), a checkbox through its button.
        const box = control.matches('input[type="checkbox"], input[type="radio"]')
          ? control.parentElement
          : control.matches('input, textarea, [role="combobox"]')
            ? (control.closest('.MuiInputBase-root') ?? control)
            : control;
        const rect = (box ?? control).getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0) continue;
        if (rect.height >= min) continue;
        const name =
          control.getAttribute('aria-label') ||
          control.innerText?.trim().replace(/\s+/g, ' ').slice(0, 60) ||
          control.getAttribute('name') ||
          control.getAttribute('placeholder') ||
          control.className.toString().slice(0, 60);
        smallTargets.push(
          `${control.tagName.toLowerCase()} «${name}»: ${Math.round(rect.height)} px`,
        );
      }
      // Why: the innermost elements wider than the screen, which widen the ones around them.
      const tooWide = (el: Element) => el.getBoundingClientRect().width > width + 1;
      const wide = Array.from(document.body.querySelectorAll<HTMLElement>('*'))
        .filter((el) => tooWide(el) && !Array.from(el.children).some(tooWide))
        .slice(0, 5)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${el.classList[0] ?? ''} ` +
            `«${(el.innerText ?? '').trim().slice(0, 30)}» ${Math.round(el.getBoundingClientRect().width)} px`,
        );
      return {
        wide,
        scrollWidth: document.documentElement.scrollWidth,
        // Not innerWidth: a phone zooms out to show a page wider than its screen.
        viewportWidth: width,
        smallTargets,
      };
    },
    { min: MIN_TARGET, width: PHONE.width },
  );
}

/** The page fits the phone: no sideways scroll, no control under 44 px (listed when any). */
async function expectFitsPhone(page: Page, where: string): Promise<void> {
  const { scrollWidth, viewportWidth, smallTargets, wide } = await phoneProblems(page);
  const sideways =
    scrollWidth > viewportWidth
      ? `${scrollWidth} px wide in ${viewportWidth}: ${wide.join('; ')}`
      : null;
  expect({ where, sideways, smallTargets }).toEqual({ where, sideways: null, smallTargets: [] });
}

/** Waits for a menu or drawer to finish opening (measured mid-way, it is scaled down). */
async function settled(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((css) => {
    const paper = document.querySelector(css);
    return (
      !!paper &&
      paper.getAnimations({ subtree: true }).length === 0 &&
      ['none', 'matrix(1, 0, 0, 1, 0, 0)'].includes(getComputedStyle(paper).transform)
    );
  }, selector);
}

/** `2026-12-05` → `05/12/2026`. */
const italianDate = (iso: string) => iso.split('-').reverse().join('/');

/**
 * A community maker in the field, on a 360 × 740 touch phone: every page they use fits the
 * screen without sideways scrolling and every control is large enough to tap; an active
 * pact's page starts with what is next; a note is dated when it happened.
 */
describe('the community maker on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  const maker = 'maker.crema@demo.generattivi.it';
  const milestoneTitle = 'Colloquio con il tutor del laboratorio di falegnameria';
  let pact: Pact;
  /** The show and edit pages of records the maker reads, once made. */
  const recordPages: string[] = [];

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite' });
    browser = await openBrowser({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      timezoneId: 'Europe/Rome',
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
    // The social worker opens an AUTONOMY pact followed by the maker, with a milestone, and
    // activates it; it was created a month ago.
    const worker = await server.login('sociale.crema@demo.generattivi.it');
    const made = await makerPact(server, worker, {
      maker,
      person: { age: 31, firstName: 'Luca', lastName: 'Ferrandi', sex: 'M' },
      title: 'Un mestiere nel legno: apprendistato in una bottega di Crema',
      milestones: [[milestoneTitle, 7]],
      status: 'ACTIVE',
    });
    pact = made.pact;
    const [milestone] = made.milestones;
    const beneficiary = { id: made.beneficiaryId };
    const note = await apiPost(server, worker, '/api/notes', {
      pactId: pact.id,
      kind: 'CALL',
      body: 'Primo contatto con la bottega di via Mazzini.',
    });
    // A household the maker reads (the ones of their pacts).
    const households = await server.request<Array<{ id: number }>>(
      'GET',
      `/api/households${listQuery({}, ['name', 'ASC'], [0, 0])}`,
      { token: await server.login(maker) },
    );
    expect(households.body).toHaveLength(1);
    recordPages.push(
      `/notes/${note.id}/show`,
      `/beneficiaries/${beneficiary.id}/show`,
      `/households/${households.body[0].id}/show`,
      `/milestones/${milestone.id}/show`,
      `/milestones/${milestone.id}`,
    );
    const db = await openDatabase(server);
    try {
      const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
      await db.run('UPDATE pacts SET created_at = $1 WHERE id = $2', [monthAgo, pact.id]);
    } finally {
      await db.close();
    }
    // The login page, before signing in.
    await browser.page.goto(server.url + '/');
    await field(browser.page, 'Email').waitFor();
    loginProblems = await phoneProblems(browser.page);
    await signIn(browser.page, server, maker);
  });
  let loginProblems: PhoneProblems;
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const visit = async (route: string) => {
    const { page } = browser;
    await page.goto(`${server.url}/#${route}`);
    await page.locator('main h1, #react-admin-title[role="heading"]').first().waitFor();
    await waitForData(page);
  };

  it('fits the login page', () => {
    const { scrollWidth, viewportWidth, smallTargets } = loginProblems;
    expect({ scrollWidth: Math.max(scrollWidth, viewportWidth), smallTargets }).toEqual({
      scrollWidth: viewportWidth,
      smallTargets: [],
    });
  });

  it('fits the home, "I miei patti", with large targets', async () => {
    await visit('/');
    const { page } = browser;
    await page.getByRole('heading', { name: 'I miei patti', level: 1 }).waitFor();
    await page.locator(`[data-pact="${pact.reference}"]`).waitFor();
    await expectFitsPhone(page, 'home');
    await readyForScreenshot(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'phone-360-maker-home.png'), fullPage: true });
  });

  const makerPages = [
    '/pacts',
    '/milestones',
    '/notes',
    '/notes/create',
    '/assignments',
    '/beneficiaries',
    '/households',
  ];
  it.each(makerPages)('fits %s', async (route) => {
    await visit(route);
    await expectFitsPhone(browser.page, route);
    // The list a maker starts from, its filters ("In ritardo" switch) included, for review.
    if (route === '/pacts') await browser.screenshot('phone-360-pacts');
  });

  it('fits the pages of a note, a beneficiary, a household and a milestone', async () => {
    expect(recordPages).toHaveLength(5);
    for (const route of recordPages) {
      await visit(route);
      // Shown, not refused and sent elsewhere.
      expect(new URL(browser.page.url()).hash).toBe(`#${route}`);
      await expect(browser.page.getByText("L'elemento non esiste").count()).resolves.toBe(0);
      await expectFitsPhone(browser.page, route);
    }
  });

  it('fits the pact page and each of its tabs, the next milestones before the eligibility', async () => {
    const { page } = browser;
    await visit(`/pacts/${pact.id}/show`);
    await page.getByRole('heading', { name: pact.reference, level: 1 }).waitFor();
    const now = page.locator('[data-pact-now]');
    await now.getByText(milestoneTitle).waitFor();
    const eligibility = page.locator('[data-eligibility]');
    await expect(eligibility.getAttribute('data-eligibility')).resolves.toBe('collapsible');
    // Collapsed: its heading's button says so, its rules are not on the page.
    const toggle = eligibility.getByRole('button', { name: /Requisiti/ });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.getByText(/^Verificati il/).count()).resolves.toBe(0);
    const milestonesTop = (await now.getByText(milestoneTitle).boundingBox())?.y ?? Infinity;
    const eligibilityTop = (await eligibility.boundingBox())?.y ?? -Infinity;
    expect(milestonesTop).toBeLessThan(eligibilityTop);
    expect(
      await page.locator('h1').evaluateAll((h) => h.filter((e) => e.checkVisibility()).length),
    ).toBe(1);
    await expectFitsPhone(page, 'pact page');
    await readyForScreenshot(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'phone-360-pact.png'), fullPage: true });

    // Opened on request.
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await expectFitsPhone(page, 'pact page, eligibility open');

    for (const [tab, path] of [
      ['Dettagli', ''],
      ['Tappe', '/milestones'],
      ['Diario', '/notes'],
      ['Assegnazioni', '/assignments'],
    ]) {
      await visit(`/pacts/${pact.id}/show${path}`);
      await expect(
        page.getByRole('tab', { name: tab }).getAttribute('aria-selected'),
      ).resolves.toBe('true');
      await expectFitsPhone(page, `pact tab ${tab}`);
    }
  });

  it('adds a note dated yesterday, shown in the diary with that date', async () => {
    const { page } = browser;
    const yesterday = addDays(todayIso(), -1);
    const text = 'Telefonata con la bottega: Luca inizierà la prova lunedì.';
    await visit(`/pacts/${pact.id}/show`);
    await page
      .locator('[data-pact-now]')
      .getByRole('button', { name: `Aggiungi nota al patto ${pact.reference}` })
      .click();
    const dialog = page.getByRole('dialog');
    const when = field(dialog, 'Avvenuta il');
    // It happened now unless told otherwise.
    await expect(when.inputValue()).resolves.toMatch(new RegExp(`^${todayIso()}T\\d\\d:\\d\\d$`));
    await expectFitsPhone(page, 'add note dialog');

    // Tomorrow is refused before anything is sent.
    await when.fill(`${addDays(todayIso(), 1)}T10:00`);
    await field(dialog, 'Testo').fill(text);
    // Enter in a field submits the dialog.
    await when.press('Enter');
    await dialog.getByText('non può essere nel futuro').waitFor();

    await when.fill(`${yesterday}T18:30`);
    await when.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`Nota aggiunta al diario del patto ${pact.reference}.`).waitFor();

    await visit(`/pacts/${pact.id}/show/notes`);
    const note = page.locator('li', { hasText: text }).first();
    await note.waitFor();
    await expect(note.innerText()).resolves.toContain(`${italianDate(yesterday)}, 18:30`);
  });
  it("shows the server's refusal of the time beside it, in Italian, in the dialog and on the note page", async () => {
    const { page } = browser;
    // The server's answer to a note dated before its pact (API.md "Errors"), whatever is sent.
    const refusal = {
      statusCode: 400,
      error: 'Bad Request',
      message: 'occurredAt: must not be before 2026-01-15',
      code: 'VALIDATION',
      params: {},
      errors: { occurredAt: 'must not be before 2026-01-15' },
      fieldErrors: {
        occurredAt: {
          code: 'NOT_BEFORE',
          params: { date: '2026-01-15' },
          message: 'must not be before 2026-01-15',
        },
      },
    };
    await page.route('**/api/notes', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({ status: 400, json: refusal })
        : route.fallback(),
    );
    try {
      await visit(`/pacts/${pact.id}/show/notes`);
      await page
        .getByRole('button', { name: `Aggiungi nota al patto ${pact.reference}` })
        .last()
        .click();
      const dialog = page.getByRole('dialog');
      await field(dialog, 'Testo').fill('Incontro al laboratorio.');
      await field(dialog, 'Avvenuta il').press('Enter');
      await dialog.getByText('non può essere precedente al 15/01/2026').waitFor();
      await dialog.getByRole('button', { name: 'Annulla' }).click();

      await visit('/notes/create');
      const pactInput = field(page, 'Patto');
      await pactInput.fill(pact.reference);
      await page.getByRole('option', { name: new RegExp(pact.reference) }).click();
      await field(page, 'Testo').fill('Incontro al laboratorio.');
      await page.getByRole('button', { name: 'Salva' }).click();
      await page.getByText('non può essere precedente al 15/01/2026').waitFor();
      expect(new URL(page.url()).hash).toBe('#/notes/create');
    } finally {
      await page.unroute('**/api/notes');
    }
  });

  it('fits the user menu, which offers the language', async () => {
    const { page } = browser;
    await visit('/');
    const userMenu = page.locator('header button[aria-haspopup="true"]').last();
    await expect(userMenu.getAttribute('aria-label')).resolves.toMatch(/Profilo/);
    await userMenu.click();
    await page.getByRole('menuitem', { name: 'English' }).waitFor();
    await settled(page, '.MuiMenu-paper');
    await expectFitsPhone(page, 'user menu');
    await page.getByRole('menuitem', { name: 'Italiano' }).click();
    await page.getByRole('menuitem', { name: 'Italiano' }).waitFor({ state: 'hidden' });
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('it');
  });

  it('fits the menu', async () => {
    const { page } = browser;
    await visit('/');
    await page.locator('header button').first().click();
    await page.getByRole('menuitem', { name: 'Patti' }).first().waitFor();
    await settled(page, '.MuiDrawer-paper');
    await expectFitsPhone(page, 'menu');
  });
});
