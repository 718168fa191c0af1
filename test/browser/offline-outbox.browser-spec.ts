import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, todayIso } from '@generattivi/shared';
import type { Page } from 'playwright-core';
import { ARTIFACTS, Browser, openBrowser } from '../support/browser';
import { makerPact } from '../support/journeys';
import { startServer, TestServer } from '../support/server';
import { apiPost, eventually, field, readyForScreenshot, signIn } from '../support/ui';

interface Pact {
  id: number;
  reference: string;
  version: number;
}
interface Milestone {
  id: number;
  pactId: number;
  title: string;
  dueDate: string;
  status: string;
  version: number;
  achievedAt: string | null;
  evidence: string | null;
}

const PHONE = { width: 360, height: 740 };
const SCREENSHOTS = join(ARTIFACTS, 'screenshots');

/** The records the device keeps, read straight from IndexedDB. */
async function onDevice(
  page: Page,
): Promise<{ snapshot: boolean; outbox: number; snapshotText: string }> {
  return page.evaluate(
    () =>
      new Promise<{ snapshot: boolean; outbox: number; snapshotText: string }>(
        (resolve, reject) => {
          const open = indexedDB.open('generattivi-offline');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('snapshot')) {
              db.close();
              resolve({ snapshot: false, outbox: 0, snapshotText: '' });
              return;
            }
            const tx = db.transaction(['snapshot', 'outbox']);
            const snap = tx.objectStore('snapshot').getAll();
            const out = tx.objectStore('outbox').count();
            tx.oncomplete = () => {
              db.close();
              resolve({
                snapshot: snap.result.length > 0,
                outbox: out.result,
                snapshotText: JSON.stringify(snap.result),
              });
            };
          };
        },
      ),
  );
}

/**
 * Issue 12, item 4: the community maker's pacts on the device and the outbox. On a phone
 * (360 × 740), after one visit online: offline the app and the pact page open from the device
 * with "Offline — dati aggiornati alle HH:MM"; a note and an achievement wait on the device
 * through a reload, then, online, are sent once each; an achievement whose milestone the
 * social worker changed meanwhile is shown as a conflict, not written over.
 */
describe('the maker offline: the device keeps their pacts, the outbox sends once', () => {
  let server: TestServer;
  let browser: Browser;
  const maker = 'maker.crema@demo.generattivi.it';
  let worker: string;
  let pact: Pact;
  let first: Milestone;
  let second: Milestone;
  let fiscalCode: string;

  const milestone = async (id: number) =>
    (await server.request<Milestone>('GET', `/api/milestones/${id}`, { token: worker })).body;
  const notesWith = async (text: string) =>
    (
      await server.request<Array<{ body: string }>>(
        'GET',
        `/api/notes?filter=${encodeURIComponent(JSON.stringify({ pactId: pact.id }))}`,
        { token: worker },
      )
    ).body.filter((n) => n.body === text).length;

  const openPact = async (page: Page) => {
    await page.goto(`${server.url}/#/pacts/${pact.id}/show`);
    await page.locator('[data-pact-now]').waitFor({ timeout: 30_000 });
  };

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite' });
    browser = await openBrowser({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      timezoneId: 'Europe/Rome',
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
    worker = await server.login('sociale.crema@demo.generattivi.it');
    const made = await makerPact<Milestone>(server, worker, {
      maker,
      person: { age: 34, firstName: 'Marta', lastName: 'Sabbadini', sex: 'F' },
      title: 'Orto sociale di Ombriano',
      milestones: [
        ['Prima semina nell’orto', 5],
        ['Mercatino del raccolto', 20],
      ],
      status: 'ACTIVE',
    });
    ({ pact, fiscalCode } = made);
    [first, second] = made.milestones;
    await apiPost(server, worker, '/api/notes', {
      pactId: pact.id,
      kind: 'CALL',
      body: 'Telefonata con la referente dell’orto.',
    });
  });
  afterAll(async () => {
    await browser?.context.setOffline(false);
    await browser?.close();
    await server?.stop();
  });

  it('after one visit, offline: the pact opens from the device; a note and an achievement wait through a reload, then are sent once', async () => {
    const { context, page } = browser;
    // One visit online: the app kept by the service worker, the maker's pacts on the device.
    await signIn(page, server, maker);
    await openPact(page);
    await page.getByText('Telefonata con la referente dell’orto.').waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 60_000,
    });
    await expect(eventually(async () => (await onDevice(page)).snapshot, true)).resolves.toBe(true);
    // Only what the pages show: the pact and its person's name, never a fiscal code.
    const kept = (await onDevice(page)).snapshotText;
    expect(kept).toContain(pact.reference);
    expect(kept).toContain('Sabbadini');
    expect(kept).not.toContain(fiscalCode);
    expect(kept).not.toMatch(/fiscalCode/i);

    // Offline, and the page reloaded: the app and the pact page open from the device.
    await context.setOffline(true);
    await page.reload();
    await page.locator('[data-pact-now]').waitFor({ timeout: 30_000 });
    const banner = page.locator('[data-offline-banner]');
    await expect(banner.textContent()).resolves.toMatch(
      /^Offline — dati aggiornati alle \d{2}:\d{2}$/,
    );
    await page.getByText('Telefonata con la referente dell’orto.').waitFor();
    await page.getByText(first.title).first().waitFor();

    // A note, offline: kept on the device, shown as waiting.
    const text = 'Incontro all’orto: semina dei pomodori con i volontari.';
    await page.getByRole('button', { name: `Aggiungi nota al patto ${pact.reference}` }).click();
    let dialog = page.getByRole('dialog');
    await field(dialog, 'Testo').fill(text);
    await dialog.getByRole('button', { name: 'Salva' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Salvata sul dispositivo: sarà inviata quando torna la rete').waitFor();
    const pendingNote = page.locator('[data-pact-now] [data-pending-note]');
    await expect(pendingNote.textContent()).resolves.toContain(text);
    await expect(pendingNote.textContent()).resolves.toContain('In attesa di invio');

    // An achievement, offline: the milestone shows as achieved, waiting.
    await page
      .locator('[data-pact-now]')
      .getByRole('button', { name: `Segna raggiunta la tappa «${first.title}»` })
      .click();
    dialog = page.getByRole('dialog');
    await field(dialog, 'Evidenza').fill('Foto della semina nel gruppo.');
    await dialog.getByRole('button', { name: 'Conferma' }).click();
    await dialog.waitFor({ state: 'detached' });
    const firstNow = page.locator(`[data-pact-now] [data-milestone="${first.id}"]`);
    await firstNow.getByText('Raggiunta — in attesa di invio').waitFor();
    await page.locator('[data-outbox-count="2"]').waitFor({ state: 'attached' });

    // Another reload, still offline: both still waiting on the device.
    await page.reload();
    await page.locator('[data-pact-now]').waitFor({ timeout: 30_000 });
    await expect(pendingNote.textContent()).resolves.toContain(text);
    await firstNow.getByText('Raggiunta — in attesa di invio').waitFor();
    await page.locator('[data-outbox-count="2"]').waitFor({ state: 'attached' });
    expect((await onDevice(page)).outbox).toBe(2);
    expect(await notesWith(text)).toBe(0);
    // The home opens from the device too: the pact, its milestone marked as waiting.
    await page.goto(`${server.url}/#/`);
    const card = page.locator(`[data-pact="${pact.reference}"]`);
    await card.getByText(second.title).waitFor({ timeout: 30_000 });
    await card.getByText('Raggiunta — in attesa di invio').waitFor();
    await page.locator('[data-offline-banner]').waitFor();
    await openPact(page);
    // The names the page shows come from the device too (no person's fiscal code there).
    await page.locator('[data-pact-now]').getByText('Chiara Locatelli').waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('Sabbadini Marta');
    await readyForScreenshot(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'phone-360-offline.png'), fullPage: true });
    // Nothing sideways on a phone.
    const widths = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]);

    // Online: sent, once each; the marks of waiting go.
    await context.setOffline(false);
    await expect(eventually(async () => (await onDevice(page)).outbox, 0, 20_000)).resolves.toBe(0);
    expect(await notesWith(text)).toBe(1);
    const achieved = await milestone(first.id);
    expect(achieved).toMatchObject({
      status: 'ACHIEVED',
      achievedAt: todayIso(),
      evidence: 'Foto della semina nel gruppo.',
      version: first.version + 1,
    });
    await banner.waitFor({ state: 'detached' });
    await page.locator('[data-pact-now]').getByText(text).waitFor();
    await expect(page.locator('[data-pending]').count()).resolves.toBe(0);
    await expect(page.locator('[data-outbox-count]').count()).resolves.toBe(0);
    // Sent once: a second pass sends nothing more.
    await page.reload();
    await page.locator('[data-pact-now]').waitFor({ timeout: 30_000 });
    expect(await notesWith(text)).toBe(1);
    expect((await milestone(first.id)).version).toBe(first.version + 1);
  });

  it('an achievement made offline on a milestone the social worker changed meanwhile is a conflict, not written over', async () => {
    const { context, page } = browser;
    await context.setOffline(true);
    await page.reload();
    await page.locator('[data-pact-now]').waitFor({ timeout: 30_000 });
    await page
      .locator('[data-pact-now]')
      .getByRole('button', { name: `Segna raggiunta la tappa «${second.title}»` })
      .click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'Evidenza').fill('Banco allestito in piazza.');
    await dialog.getByRole('button', { name: 'Conferma' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .locator(`[data-pact-now] [data-milestone="${second.id}"]`)
      .getByText('Raggiunta — in attesa di invio')
      .waitFor();

    // Meanwhile the social worker moves the milestone's date.
    const current = await milestone(second.id);
    const moved = await server.request<Milestone>('PUT', `/api/milestones/${second.id}`, {
      token: worker,
      body: { ...current, dueDate: addDays(todayIso(), 30) },
    });
    expect(moved.status).toBe(200);

    await context.setOffline(false);
    const conflict = page.locator('[data-conflict="achievement"]');
    await conflict.waitFor({ timeout: 20_000 });
    await expect(conflict.textContent()).resolves.toContain(
      `La tappa «${second.title}» è stata modificata da un altro operatore: controlla e segna di nuovo`,
    );
    // Not written over: the social worker's change stands, the milestone still pending.
    expect(await milestone(second.id)).toMatchObject({
      status: 'PENDING',
      dueDate: addDays(todayIso(), 30),
      version: moved.body.version,
    });
    // What the maker typed is kept: "Segna di nuovo" on the milestone as it is now, prefilled.
    await conflict
      .getByRole('button', { name: `Segna di nuovo la tappa «${second.title}»` })
      .click();
    const again = page.getByRole('dialog');
    await expect(field(again, 'Evidenza').inputValue()).resolves.toBe('Banco allestito in piazza.');
    await again.getByRole('button', { name: 'Conferma' }).click();
    await again.waitFor({ state: 'detached' });
    await conflict.waitFor({ state: 'detached' });
    expect(await milestone(second.id)).toMatchObject({
      status: 'ACHIEVED',
      dueDate: addDays(todayIso(), 30),
      evidence: 'Banco allestito in piazza.',
      version: moved.body.version + 1,
    });
    expect((await onDevice(page)).outbox).toBe(0);
  });

  it('an expired session keeps the outbox: after signing in again it is sent, once', async () => {
    const { context, page } = browser;
    await context.setOffline(true);
    await page.reload();
    await page.locator('[data-pact-now]').waitFor({ timeout: 30_000 });
    const text = 'Telefonata: il raccolto è pronto per il mercatino.';
    await page.getByRole('button', { name: `Aggiungi nota al patto ${pact.reference}` }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'Testo').fill(text);
    await dialog.getByRole('button', { name: 'Salva' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-pact-now] [data-pending-note]').getByText(text).waitFor();

    // Meanwhile the session expires: its token is no longer accepted.
    await page.evaluate(() => {
      const session = JSON.parse(sessionStorage.getItem('generattivi.session') ?? '{}') as {
        accessToken: string;
      };
      session.accessToken = 'scaduto';
      sessionStorage.setItem('generattivi.session', JSON.stringify(session));
    });
    await page.reload();
    await page.locator('[data-pact-now] [data-pending-note]').getByText(text).waitFor({
      timeout: 30_000,
    });

    // Online: the maker is asked to sign in again (by the outbox's notice, or by the app's
    // first refused read); nothing is sent with the expired session, nothing is lost.
    await context.setOffline(false);
    const again = page.getByRole('button', { name: 'Accedi di nuovo' });
    const login = page.getByRole('button', { name: 'Accedi', exact: true });
    await again.or(login).first().waitFor({ timeout: 20_000 });
    if (await again.isVisible()) {
      await expect(
        page.getByRole('alert').filter({ hasText: 'Sessione scaduta' }).textContent(),
      ).resolves.toContain('Sessione scaduta: accedi di nuovo per inviare 1 elemento');
      await again.click();
    }
    await login.waitFor({ timeout: 20_000 });
    expect(await notesWith(text)).toBe(0);
    expect((await onDevice(page)).outbox).toBe(1);

    // Signed in again: the outbox is sent, once.
    await signIn(page, server, maker);
    await expect(eventually(async () => (await onDevice(page)).outbox, 0, 20_000)).resolves.toBe(0);
    expect(await notesWith(text)).toBe(1);
  });

  it('signing out warns of what is not yet sent, and clears the device only once confirmed', async () => {
    const { context, page } = browser;
    await openPact(page);
    await expect(eventually(async () => (await onDevice(page)).snapshot, true)).resolves.toBe(true);
    await context.setOffline(true);
    const text = 'Nota che la community maker sceglie di non inviare.';
    await page.getByRole('button', { name: `Aggiungi nota al patto ${pact.reference}` }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'Testo').fill(text);
    await dialog.getByRole('button', { name: 'Salva' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-pact-now] [data-pending-note]').getByText(text).waitFor();

    const signOut = async () => {
      await page.getByRole('button', { name: 'Profilo' }).first().click();
      await page.getByRole('menuitem', { name: 'Esci' }).click();
    };
    // Warned first; "Annulla" keeps everything.
    await signOut();
    let warning = page.getByRole('dialog');
    await expect(warning.textContent()).resolves.toContain(
      '1 elemento non ancora inviato andrà perso',
    );
    await warning.getByRole('button', { name: 'Annulla' }).click();
    await warning.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    expect(await onDevice(page)).toMatchObject({ snapshot: true, outbox: 1 });

    // Confirmed: signed out, nothing of the maker left on the device.
    await signOut();
    warning = page.getByRole('dialog');
    await warning.getByRole('button', { name: 'Esci e scarta' }).click();
    await page.getByRole('button', { name: 'Accedi', exact: true }).waitFor({ timeout: 20_000 });
    expect(await onDevice(page)).toMatchObject({ snapshot: false, outbox: 0 });
    await context.setOffline(false);
    expect(await notesWith(text)).toBe(0);
  });
});
