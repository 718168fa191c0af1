import type { Page } from 'playwright-core';
import { Browser, openBrowser } from '../support/browser';
import { startServer, TestServer } from '../support/server';
import { signIn, waitForData } from '../support/ui';

/**
 * The Italian admin, walked by every role of Crema: every page of the menu, the show, edit and
 * create page of each resource, every tab and every dialog the pages open. Nothing on screen
 * may be a raw translation key or an English word of the interface; by keyboard, every one of
 * the first tab stops of each page shows a visible focus (WCAG 2.4.7), and a page reached
 * from the menu starts with the focus on its heading.
 */

const ROLES = [
  'admin@demo.generattivi.it',
  'manager@demo.generattivi.it',
  'sociale.crema@demo.generattivi.it',
  'maker.crema@demo.generattivi.it',
];

/** A translation key shown as is (`app.pacts.search_placeholder`, `ra.action.save`…). */
const RAW_KEY = /(?<![\w@.\-/])(?:app|ra|resources|enums)\.[a-z_]\w*\.[\w.]*\w/;

/** Words the interface would show in English when an Italian string is missing. */
const ENGLISH =
  /\b(?:Search|Create|Edit|Delete|Save|Cancel|Export|Filters?|Add filter|Remove all filters|Show|List|Loading|Rows per page|No results|Required|Close|Refresh|Actions|Select all|Confirm|Submit|Undo|Back|Next page|Previous page|Go to page|Open menu|Toggle|Logout|Profile|Dashboard|Not found|Clear value|Open|Are you sure)\b/;

/** How many tab stops of each page are checked for a visible focus. */
const TAB_STOPS = 30;

/** Buttons a walk must not press: they change data or leave the page for a download. */
const DO_NOT_PRESS = /^(Elimina|Esporta|Aggiorna|Esci|Salva|Conferma|Accedi)\b/;

/** What the page shows: its visible text and the labels, placeholders and titles it names. */
async function visibleText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const shown = (el: Element) =>
      el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const attributes = Array.from(
      document.querySelectorAll('[aria-label],[placeholder],[title],[alt]'),
    )
      .filter(shown)
      .flatMap((el) =>
        ['aria-label', 'placeholder', 'title', 'alt'].map((name) => el.getAttribute(name) ?? ''),
      )
      .filter((text) => text !== '');
    return [...document.body.innerText.split('\n'), ...attributes, document.title];
  });
}

/** The raw keys and English words on the page, each with where it was seen. */
async function untranslated(page: Page, where: string): Promise<string[]> {
  const found: string[] = [];
  for (const text of await visibleText(page)) {
    const key = RAW_KEY.exec(text);
    if (key) found.push(`${where}: raw key "${key[0]}" in "${text.slice(0, 80)}"`);
    const word = ENGLISH.exec(text);
    if (word) found.push(`${where}: English "${word[0]}" in "${text.slice(0, 80)}"`);
  }
  return found;
}

/**
 * Presses Tab `TAB_STOPS` times from where the focus is, noting each stop's outline, shadow,
 * border and background; then, with nothing focused, the same of each stop: a stop that looks
 * the same either way shows no focus.
 */
async function stopsWithoutFocus(page: Page, where: string): Promise<string[]> {
  await page.mouse.move(0, 0);
  await page.evaluate(() =>
    document.querySelectorAll('[data-tab-stop]').forEach((e) => e.removeAttribute('data-tab-stop')),
  );
  const focused: string[] = [];
  for (let i = 0; i < TAB_STOPS; i++) {
    await page.keyboard.press('Tab');
    focused.push(
      await page.evaluate((index) => {
        const el = document.activeElement;
        if (!el || el === document.body) return '';
        el.setAttribute('data-tab-stop', String(index));
        // The element's look and its box's (MUI draws an input's focus on its wrapper).
        const s = getComputedStyle(el);
        const box = el.parentElement ? getComputedStyle(el.parentElement).outline : '';
        return [
          box,
          s.outlineStyle === 'none'
            ? 'none'
            : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
          s.boxShadow,
          s.borderColor,
          s.backgroundColor,
        ].join('|');
      }, i),
    );
  }
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const missing: string[] = [];
  for (let i = 0; i < TAB_STOPS; i++) {
    if (focused[i] === '') continue;
    const still = await page.evaluate((index) => {
      const el = document.querySelector(`[data-tab-stop="${index}"]`);
      if (!el) return null;
      const s = getComputedStyle(el);
      const box = el.parentElement ? getComputedStyle(el.parentElement).outline : '';
      const name =
        el.getAttribute('aria-label') ||
        (el as HTMLElement).innerText?.trim().slice(0, 40) ||
        el.getAttribute('placeholder') ||
        `${el.getAttribute('type') ?? ''} ${el.id} in ${el.parentElement?.className ?? ''}`;
      return {
        name: `${el.tagName.toLowerCase()} "${name}"`,
        style: [
          box,
          s.outlineStyle === 'none'
            ? 'none'
            : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
          s.boxShadow,
          s.borderColor,
          s.backgroundColor,
        ].join('|'),
      };
    }, i);
    if (still && still.style === focused[i]) missing.push(`${where}: stop ${i + 1} ${still.name}`);
  }
  return missing;
}

/** The name of the focused element when it is a visible h1 with text, else what it is. */
async function focusedHeading(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return 'nothing';
    const text = el.innerText?.trim() ?? '';
    return el.tagName === 'H1' && text !== '' ? `h1 ${text}` : `${el.tagName} ${text.slice(0, 40)}`;
  });
}

describe('the Italian admin, by every role and by keyboard', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  test.each(ROLES)(
    '%s sees only Italian and a visible focus everywhere',
    async (email) => {
      const browser: Browser = await openBrowser();
      const { page } = browser;
      const problems: string[] = [];
      const visited = new Set<string>();
      const route = () => decodeURIComponent(new URL(page.url()).hash.slice(1) || '/');

      /** Checks the page on screen, its tabs, and each dialog its buttons open. */
      const checkPage = async (where: string, withDialogs: boolean) => {
        await waitForData(page);
        problems.push(...(await untranslated(page, where)));
        // Tabs by name: a page may re-render its tabs while loading.
        const tabNames = await page
          .locator('main [role="tab"]:visible')
          .evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.trim()));
        for (const name of tabNames.slice(1)) {
          const tab = page.locator('main [role="tab"]:visible').filter({ hasText: name }).first();
          if (
            !(await tab.click({ timeout: 5000 }).then(
              () => true,
              () => false,
            ))
          )
            continue;
          await waitForData(page);
          problems.push(...(await untranslated(page, `${where} tab ${name}`)));
        }
        if (!withDialogs) return;
        const here = page.url();
        const buttons = page.locator(
          'main button:visible:not(thead button):not(.MuiTablePagination-root button):not(.RaSidebar-fixed button)',
        );
        const names = (
          await buttons.evaluateAll((els) =>
            els.map((e) => (e.getAttribute('aria-label') || (e as HTMLElement).innerText).trim()),
          )
        ).filter((name) => name !== '' && !DO_NOT_PRESS.test(name));
        for (const name of new Set(names)) {
          const button = page.locator('main button:visible').filter({ hasText: name }).first();
          if (
            (await button.count()) === 0 ||
            !(await button.isEnabled({ timeout: 2000 }).catch(() => false))
          )
            continue;
          // A button can go while the page re-renders: then there is nothing to open.
          const pressed = await button
            .click({ timeout: 3000 })
            .then(() => true)
            .catch(() => false);
          if (!pressed) continue;
          const dialog = page.locator('[role="dialog"]:visible, [role="menu"]:visible').first();
          await dialog.waitFor({ timeout: 1500 }).catch(() => undefined);
          if ((await dialog.count()) > 0) {
            await waitForData(page);
            problems.push(...(await untranslated(page, `${where} dialog "${name}"`)));
            await page.keyboard.press('Escape');
            await dialog.waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
          }
          if (page.url() !== here) {
            await page.goto(here);
            await waitForData(page);
          }
        }
      };

      /** The show, edit and create pages reached from a list, each checked once. */
      const walkRecords = async (list: string) => {
        const row = page.locator('tbody .RaDataTable-row, tbody tr.MuiTableRow-hover').first();
        if ((await row.count()) > 0) await row.click();
        // Some lists open nothing on a row (no show page for the role).
        const opened =
          (await row.count()) > 0 &&
          (await page
            .waitForURL((url) => url.hash !== `#${list}`, { timeout: 5000 })
            .then(
              () => true,
              () => false,
            ));
        if (opened) {
          const show = route();
          if (!visited.has(show)) {
            visited.add(show);
            await checkPage(show, true);
          }
          const edit = page
            .locator('main a:visible')
            .filter({ hasText: /^Modifica$/ })
            .first();
          if ((await edit.count()) > 0) {
            await edit.click();
            await page.waitForURL((url) => url.hash !== `#${show}`);
            visited.add(route());
            await checkPage(route(), false);
          }
        }
        await page.goto(`${server.url}/#${list}/create`);
        await waitForData(page);
        if (route() === `${list}/create`) {
          visited.add(route());
          await checkPage(route(), false);
        }
      };

      try {
        await signIn(page, server, email);
        await checkPage(`${email} /`, false);
        const menu = await page
          .locator('.RaSidebar-fixed a[href^="#/"]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('href')!.slice(1)));
        expect(menu.length).toBeGreaterThan(0);

        for (const target of menu) {
          await page.goto(`${server.url}/#/`);
          await page.locator('main h1').first().waitFor();
          // Reach the page as a keyboard user does: focus its menu entry and press Enter.
          await page.locator(`.RaSidebar-fixed a[href="#${target}"]`).focus();
          await page.keyboard.press('Enter');
          await page.waitForURL((url) => url.hash === `#${target}`);
          await waitForData(page);
          let heading = await focusedHeading(page);
          for (let i = 0; i < 20 && !heading.startsWith('h1 '); i++) {
            await page.waitForTimeout(250);
            heading = await focusedHeading(page);
          }
          if (target !== '/' && !heading.startsWith('h1 '))
            problems.push(`${target}: after the menu the focus is on ${heading}, not the heading`);
          problems.push(...(await untranslated(page, target)));
          problems.push(...(await stopsWithoutFocus(page, target)));
          await page.goto(`${server.url}/#${target}`);
          await checkPage(target, false);
          if (target !== '/') await walkRecords(target);
        }

        // One pact in each status the role can read, for the transitions each offers.
        const token = await server.login(email);
        const pacts = await server.request<Array<{ id: number; status: string }>>(
          'GET',
          '/api/pacts?range=[0,199]',
          { token },
        );
        const byStatus = new Map(pacts.body.map((p) => [p.status, p.id]));
        for (const id of byStatus.values()) {
          await page.goto(`${server.url}/#/pacts/${id}/show`);
          await page.locator('#pact-reference').waitFor();
          await checkPage(`/pacts/${id}/show`, true);
        }
      } finally {
        await browser.close();
        if (problems.length > 0) console.log(problems.join('\n'));
      }
      expect(problems).toEqual([]);
    },
    600_000,
  );
});
