import type { Locator, Page, Request } from 'playwright-core';
import { Browser, openBrowser } from '../support/browser';
import { startServer, TestServer } from '../support/server';
import { signIn } from '../support/ui';

/**
 * The admin walked by every role of Crema, each role on one signed-in page: every page of the
 * menu, the show, edit and create page of each resource, every tab and every dialog or menu
 * the buttons of those pages open. In Italian nothing on screen may be a raw translation key
 * or an English word of the interface; by keyboard, every one of the first tab stops of each
 * page and of each dialog shows a visible focus (WCAG 2.4.7), Escape closes a dialog, a page
 * reached from the menu starts with the focus on its heading and every page has exactly one
 * level-1 heading. In English no page shows a raw translation key.
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
  /\b(?:Search|Create|Edit|Delete|Save|Cancel|Export|Filters?|Add filter|Remove all filters|Show|List|Loading|Rows per page|No results|Required|Close|Refresh|Actions|Select all|Confirm|Submit|Undo|Back|Next page|Previous page|Go to page|Open menu|Toggle|Logout|Profile|Dashboard|Not found|Clear value|Open|Are you sure|Choose|Previous month|Next month)\b/;

/** How many tab stops of each page (or dialog) are checked for a visible focus. */
const TAB_STOPS = 30;

/** Buttons a walk must not press: they change data or leave the page for a download. */
const DO_NOT_PRESS = /^(Elimina|Esporta|Aggiorna|Esci|Salva|Conferma|Accedi)\b/i;

/** What shows that the admin is still loading. */
const LOADING =
  '.MuiSkeleton-root, [aria-busy="true"], .MuiLinearProgress-indeterminate, .app-loader, .RaLoading-root';

/** A dialog or menu (the sidebar's menu is one too: the walk marks what was open before). */
const OVERLAY = '[role="dialog"], [role="menu"]';

/** A dialog or menu a button has just opened. */
const OPENED = '[role="dialog"]:not([data-open-before]), [role="menu"]:not([data-open-before])';

/** How long a page's level-1 heading may stay hidden or missing while the page renders. */
const HEADING_WAIT_MS = 5000;

/** A visible level-1 heading: an h1, or the app bar title standing for one. */
const LEVEL_ONE = 'h1, [role="heading"][aria-level="1"]';

/** The requests the page has in flight. */
interface Requests {
  pending(): number;
  /** Resolves once none is in flight. */
  idle(): Promise<void>;
}

/**
 * Follows the page's requests: the walk waits for the page's own answers rather than for a
 * fixed time or for a quiet network.
 */
function trackRequests(page: Page): Requests {
  const pending = new Set<Request>();
  let waiters: Array<() => void> = [];
  page.on('request', (r) => {
    if (['fetch', 'xhr', 'document', 'script'].includes(r.resourceType())) pending.add(r);
  });
  const done = (r: Request) => {
    pending.delete(r);
    if (pending.size > 0) return;
    for (const wake of waiters) wake();
    waiters = [];
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    pending: () => pending.size,
    idle: () =>
      pending.size === 0
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const timer = setTimeout(
              () => reject(new Error(`still pending: ${[...pending].map((r) => r.url())}`)),
              20_000,
            );
            waiters.push(() => {
              clearTimeout(timer);
              resolve();
            });
          }),
  };
}

/** Two animation frames in the page, then whether something still shows it is loading. */
async function loadingAfterFrames(page: Page): Promise<boolean> {
  return page.evaluate(
    (loading) =>
      new Promise<boolean>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => resolve(document.querySelector(loading) !== null)),
        ),
      ),
    LOADING,
  );
}

/** What the element (the whole page by default) shows: its text, labels, placeholders and titles. */
async function visibleText(page: Page, scope: string | null): Promise<string[]> {
  return page.evaluate((selector) => {
    const shown = (el: Element) =>
      el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const root = selector
      ? (Array.from(document.querySelectorAll(selector)).filter(shown).pop() as HTMLElement)
      : document.body;
    if (!root) return [];
    const attributes = Array.from(root.querySelectorAll('[aria-label],[placeholder],[title],[alt]'))
      .filter(shown)
      .flatMap((el) =>
        ['aria-label', 'placeholder', 'title', 'alt'].map((name) => el.getAttribute(name) ?? ''),
      )
      .filter((text) => text !== '');
    return [...root.innerText.split('\n'), ...attributes, ...(selector ? [] : [document.title])];
  }, scope);
}

interface Recorder {
  /** The look of each element focused since `start`, marked with its index. */
  __tabStops: string[];
  __tabStopsStart(): void;
  __tabStopLook(el: Element): string;
}

/** The look of a focusable: its outline, shadow, border, background, and its box's outline. */
function look(el: Element): string {
  // MUI draws an input's focus on its wrapper.
  const s = getComputedStyle(el);
  const box = el.parentElement ? getComputedStyle(el.parentElement).outline : '';
  return [
    box,
    s.outlineStyle === 'none' ? 'none' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
    s.boxShadow,
    s.borderColor,
    s.backgroundColor,
  ].join('|');
}

/** Installed in the page as a string: the app's Content-Security-Policy forbids eval there. */
const RECORDER = `(() => {
  window.__tabStopLook = ${look.toString()};
  window.__tabStops = [];
  window.__tabStopsStart = () => {
    document.querySelectorAll('[data-tab-stop]').forEach((e) => e.removeAttribute('data-tab-stop'));
    window.__tabStops = [];
  };
  if (window.__tabStopsListening) return;
  window.__tabStopsListening = true;
  document.addEventListener('focusin', (event) => {
    const el = event.target;
    if (!(el instanceof Element) || el.hasAttribute('data-tab-stop')) return;
    const index = window.__tabStops.length;
    el.setAttribute('data-tab-stop', String(index));
    window.__tabStops.push(window.__tabStopLook(el));
    // Again once the app has handled the focus (MUI marks some boxes focused from React).
    setTimeout(() => {
      if (document.activeElement === el) window.__tabStops[index] = window.__tabStopLook(el);
    }, 0);
  }, true);
})()`;

/**
 * Presses `key` up to `TAB_STOPS` times from where the focus is (or until the focus comes back
 * round, as in a dialog or a menu), the page noting the look of each element focused; then,
 * with nothing focused, the look of each again: one that looks the same either way shows no
 * focus.
 */
async function stopsWithoutFocus(page: Page, where: string, key = 'Tab'): Promise<string[]> {
  await page.mouse.move(0, 0);
  await page.evaluate(RECORDER);
  await page.evaluate(() => (window as unknown as Recorder).__tabStopsStart());
  for (let i = 0; i < TAB_STOPS; i += 5) {
    for (let j = 0; j < 5; j++) await page.keyboard.press(key);
    // Round again: the focus is on a stop already seen.
    const again = await page.evaluate(() =>
      document.activeElement?.hasAttribute('data-tab-stop')
        ? Number(document.activeElement.getAttribute('data-tab-stop')) <
          (window as unknown as Recorder).__tabStops.length - 1
        : false,
    );
    if (again) break;
  }
  const focused = await page.evaluate(() => {
    const stops = (window as unknown as Recorder).__tabStops.slice();
    (document.activeElement as HTMLElement | null)?.blur();
    return stops;
  });
  return page.evaluate(
    ([where, focused]) => {
      const recorder = window as unknown as Recorder;
      return focused.flatMap((style, index) => {
        const el = document.querySelector(`[data-tab-stop="${index}"]`);
        if (!el || el === document.body || recorder.__tabStopLook(el) !== style) return [];
        const name =
          el.getAttribute('aria-label') ||
          (el as HTMLElement).innerText?.trim().slice(0, 40) ||
          el.getAttribute('placeholder') ||
          `${el.getAttribute('type') ?? ''} ${el.id} in ${el.parentElement?.className ?? ''}`;
        return [`${where}: stop ${index + 1} ${el.tagName.toLowerCase()} "${name}"`];
      });
    },
    [where, focused] as const,
  );
}

/** One walker per role: its page, what it found, and the checks it makes. */
class Walker {
  readonly problems: string[] = [];
  /** The show, edit and create routes met, for the English pass. */
  readonly visited = new Set<string>();
  private readonly requests: Requests;
  private lastRoute = '/';

  constructor(
    private readonly page: Page,
    private readonly server: TestServer,
  ) {
    this.requests = trackRequests(page);
  }

  route(): string {
    return decodeURIComponent(new URL(this.page.url()).hash.slice(1) || '/');
  }

  /** Waits until the page has no request in flight and shows nothing loading. */
  async settle(): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      await this.requests.idle();
      const loading = await loadingAfterFrames(this.page);
      if (!loading && this.requests.pending() === 0) return;
      if (Date.now() > deadline) throw new Error(`${this.route()} still loading after 30 s`);
      if (loading)
        await this.page
          .locator(LOADING)
          .first()
          .waitFor({ state: 'detached', timeout: 15_000 })
          .catch(() => undefined);
    }
  }

  async go(route: string): Promise<void> {
    await this.page.goto(`${this.server.url}/#${route}`);
    await this.settle();
  }

  /** The raw keys (and, in Italian, English words) shown, each with where it was seen. */
  async untranslated(where: string, scope: string | null = null, english = true) {
    for (const text of await visibleText(this.page, scope)) {
      const key = RAW_KEY.exec(text);
      if (key) this.problems.push(`${where}: raw key "${key[0]}" in "${text.slice(0, 80)}"`);
      const word = english ? ENGLISH.exec(text) : null;
      if (word) this.problems.push(`${where}: English "${word[0]}" in "${text.slice(0, 80)}"`);
    }
  }

  /**
   * Exactly one visible level-1 heading on the page. Looked at again for a while before it
   * counts as a problem: a part of the page loading late (a chunk, a record) can hide the page
   * for a moment behind its spinner.
   */
  async oneHeading(where: string): Promise<void> {
    const look = () =>
      this.page.locator(LEVEL_ONE).evaluateAll((els) =>
        els.map((e) => ({
          shown: e.checkVisibility(),
          name: `${e.tagName.toLowerCase()} "${(e as HTMLElement).innerText.trim()}"`,
        })),
      );
    const deadline = Date.now() + HEADING_WAIT_MS;
    let headings = await look();
    while (headings.filter((h) => h.shown).length !== 1 && Date.now() < deadline) {
      await this.page.waitForTimeout(200);
      await this.settle();
      headings = await look();
    }
    const shown = headings.filter((h) => h.shown);
    if (shown.length !== 1)
      this.problems.push(
        `${where}: ${shown.length} level-1 headings (${headings.map((h) => `${h.name}${h.shown ? '' : ' hidden'}`).join(', ')})`,
      );
  }

  /** Opens the page's tabs after the first, each checked with `check`. */
  async tabs(where: string, check: (where: string) => Promise<void>): Promise<void> {
    const tabs = this.page.locator('main [role="tab"]:visible');
    const names = await tabs.evaluateAll((els) =>
      els.map((e) => (e as HTMLElement).innerText.trim()),
    );
    for (const name of [...names.slice(1), ...names.slice(0, 1)]) {
      // By name: a page may re-render its tabs while loading.
      const tab = () => tabs.filter({ hasText: name }).first();
      const click = () =>
        tab()
          .click({ timeout: 5000 })
          .then(() => true)
          .catch(() => false);
      if ((await tab().count()) === 0) continue;
      // A tab that stays detached is one of a page just left, not yet gone.
      if (!(await click()) && !(await click())) continue;
      await this.settle();
      // The first tab last: the page is left as it was.
      if (name !== names[0]) await check(`${where} tab ${name}`);
    }
  }

  /** The page on screen in Italian: its text, its heading, its tabs, and what its buttons open. */
  async checkPage(where: string): Promise<void> {
    await this.settle();
    await this.untranslated(where);
    await this.oneHeading(where);
    await this.tabs(where, async (tab) => {
      await this.untranslated(tab);
      await this.dialogs(tab);
    });
    await this.dialogs(where);
  }

  /**
   * Presses each button of the page (none that saves, deletes or leaves for a download); each
   * dialog or menu one opens must be Italian, show the focus of its controls, and close on
   * Escape, without saving anything.
   */
  async dialogs(where: string): Promise<void> {
    const here = this.route();
    const main = this.page.locator('main');
    const names = await main
      .locator(
        'button:visible:not(thead button):not(.MuiTablePagination-root button):not(.RaSidebar-fixed button):not([role="tab"])',
      )
      .evaluateAll((els) =>
        // textContent: innerText is as CSS writes it (MUI buttons in capitals).
        els.map((e) =>
          (e.getAttribute('aria-label') || e.textContent || '').replace(/\s+/g, ' ').trim(),
        ),
      );
    for (const name of new Set(names.filter((n) => n !== '' && !DO_NOT_PRESS.test(n)))) {
      if (this.route() !== here) await this.go(here);
      const button = main.getByRole('button', { name, exact: true }).first();
      // A button can go while the page re-renders: then there is nothing to open.
      if (
        (await button.count()) === 0 ||
        !(await button.isEnabled({ timeout: 2000 }).catch(() => false))
      )
        continue;
      await this.page.evaluate((overlay) => {
        for (const el of Array.from(document.querySelectorAll(overlay)))
          if (el.checkVisibility()) el.setAttribute('data-open-before', '');
      }, OVERLAY);
      if (
        !(await button.click({ timeout: 5000 }).then(
          () => true,
          () => false,
        ))
      )
        continue;
      await this.settle();
      const overlay = this.page.locator(OPENED).filter({ visible: true }).first();
      if ((await overlay.count()) > 0) await this.checkDialog(`${where} dialog "${name}"`, overlay);
    }
    if (this.route() !== here) await this.go(here);
  }

  private async checkDialog(where: string, overlay: Locator): Promise<void> {
    await this.untranslated(where, OPENED);
    // In a menu the arrows move the focus (Tab closes it); in a dialog, Tab.
    const menu = (await overlay.getAttribute('role')) === 'menu';
    this.problems.push(...(await stopsWithoutFocus(this.page, where, menu ? 'ArrowDown' : 'Tab')));
    // Back inside it, where a keyboard user is, to press Escape.
    const stop = overlay.locator('[data-tab-stop]').first();
    if ((await stop.count()) > 0) await stop.focus();
    else await overlay.evaluate((el) => (el as HTMLElement).focus());
    await this.page.keyboard.press('Escape');
    const closed = await overlay
      .waitFor({ state: 'hidden', timeout: 3000 })
      .then(() => true)
      .catch(() => false);
    if (!closed) {
      this.problems.push(`${where}: Escape does not close it`);
      await this.go('/');
    }
  }

  /**
   * Reaches the menu entry as a keyboard user does (focus on its link, Enter): the focus must
   * land on the page's heading, and every tab stop must show its focus.
   */
  async byKeyboard(target: string): Promise<void> {
    await this.page.locator(`.RaSidebar-fixed a[href="#${target}"]`).focus();
    await this.page.keyboard.press('Enter');
    await this.page.waitForURL((url) => url.hash === `#${target}`);
    await this.settle();
    if (target !== this.lastRoute) {
      const onHeading = await this.page
        .waitForFunction(
          (selector) => document.activeElement?.matches(selector) ?? false,
          LEVEL_ONE,
          { timeout: 5000 },
        )
        .then(
          () => true,
          () => false,
        );
      if (!onHeading) {
        const on = await this.page.evaluate(
          () =>
            `${document.activeElement?.tagName} ${(document.activeElement as HTMLElement | null)?.innerText?.slice(0, 40)}`,
        );
        this.problems.push(`${target}: after the menu the focus is on ${on}, not the heading`);
      }
    }
    this.lastRoute = target;
    this.problems.push(...(await stopsWithoutFocus(this.page, target)));
  }

  /** The show and edit page of the list's first row, and its create page, each checked once. */
  async records(list: string): Promise<void> {
    await this.go(list);
    const row = this.page.locator('tbody .RaDataTable-row, tbody tr.MuiTableRow-hover').first();
    if ((await row.count()) > 0) {
      await row.click();
      // Some lists open nothing on a row (no show page for the role).
      const opened = await this.page
        .waitForURL((url) => url.hash !== `#${list}`, { timeout: 3000 })
        .then(
          () => true,
          () => false,
        );
      if (opened) {
        const show = this.route();
        await this.checkRecordPage(show);
        const edit = this.page
          .locator('main a:visible')
          .filter({ hasText: /^Modifica$/ })
          .first();
        if ((await edit.count()) > 0) {
          await edit.click();
          await this.page.waitForURL((url) => url.hash !== `#${show}`);
          await this.checkRecordPage(this.route());
        }
      }
    }
    await this.go(`${list}/create`);
    if (this.route() === `${list}/create`) await this.checkRecordPage(this.route());
  }

  async checkRecordPage(route: string): Promise<void> {
    if (this.visited.has(route)) return;
    this.visited.add(route);
    await this.checkPage(route);
  }
}

describe('the admin, by every role, in Italian and English and by keyboard', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe.each(ROLES)('%s', (email) => {
    let browser: Browser;
    let walker: Walker;
    let menu: string[] = [];

    beforeAll(async () => {
      browser = await openBrowser();
      walker = new Walker(browser.page, server);
      await signIn(browser.page, server, email);
      await walker.settle();
      menu = await browser.page
        .locator('.RaSidebar-fixed a[href^="#/"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('href')!.slice(1)));
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    /** Runs a part of the walk and fails with everything it found. */
    const expectNoProblems = async (part: () => Promise<void>) => {
      walker.problems.length = 0;
      await part();
      if (walker.problems.length > 0) console.log(walker.problems.join('\n'));
      expect(walker.problems).toEqual([]);
    };

    test(
      'every page of the menu: Italian, one heading focused from the menu, visible focus',
      () =>
        expectNoProblems(async () => {
          expect(menu.length).toBeGreaterThan(0);
          await walker.checkPage(`${email} /`);
          for (const target of menu) {
            await walker.byKeyboard(target);
            await walker.checkPage(target);
          }
        }),
      300_000,
    );

    test(
      'the show, edit and create pages, their tabs and dialogs',
      () =>
        expectNoProblems(async () => {
          for (const target of menu) if (target !== '/') await walker.records(target);
        }),
      300_000,
    );

    test(
      'a pact in each status the role reads, with the dialogs of its transitions',
      () =>
        expectNoProblems(async () => {
          const token = await server.login(email);
          const pacts = await server.request<Array<{ id: number; status: string }>>(
            'GET',
            '/api/pacts?range=[0,199]',
            { token },
          );
          const byStatus = new Map(pacts.body.map((p) => [p.status, p.id]));
          expect(byStatus.size).toBeGreaterThan(0);
          for (const id of byStatus.values()) {
            await walker.go(`/pacts/${id}/show`);
            await walker.checkRecordPage(`/pacts/${id}/show`);
          }
        }),
      300_000,
    );

    test(
      'in English, no page shows a raw translation key',
      () =>
        expectNoProblems(async () => {
          const { page } = browser;
          // The language switch of the app bar: a menu of the languages, each by its own name.
          const switchTo = async (language: string) => {
            await page.locator('header button[aria-controls="simple-menu"]').click();
            await page.getByRole('menuitem', { name: language }).click();
            await page.waitForFunction(
              (lang) => document.documentElement.lang === lang,
              language.slice(0, 2).toLowerCase(),
            );
            await walker.settle();
          };
          await switchTo('English');
          try {
            for (const route of ['/', ...menu, ...walker.visited]) {
              await walker.go(route);
              await walker.untranslated(`en ${route}`, null, false);
              await walker.oneHeading(`en ${route}`);
              await walker.tabs(`en ${route}`, (tab) => walker.untranslated(tab, null, false));
            }
          } finally {
            await switchTo('Italiano');
          }
        }),
      300_000,
    );
  });
});
