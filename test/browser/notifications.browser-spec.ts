import type { ProfileRecord } from '@generattivi/shared';
import { openBrowser, type Browser } from '../support/browser';
import { startServer, type TestServer } from '../support/server';
import { apiPost, cremaBeneficiary, signIn, territoryId, userId, waitForData } from '../support/ui';

const MAKER = 'maker.crema@demo.generattivi.it';

/**
 * Issue 17: a community maker, on a phone, sees on the bell that a pact was assigned to them,
 * opens it from the notification, and chooses a daily digest in «Profilo».
 */
describe('notifications and profile in the admin', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite' });
    browser = await openBrowser({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the bell shows an assignment; a click opens the pact and reads it; the profile saves the digest', async () => {
    const { page } = browser;
    const sw = await server.login('sociale.crema@demo.generattivi.it');
    const maker = await server.login(MAKER);
    const admin = await server.login('admin@demo.generattivi.it');
    // The demo's assignments are read: the bell starts at zero.
    await apiPost(server, maker, '/api/notifications/read-all', {});
    await signIn(page, server, MAKER);
    const bell = page.locator('header button[data-unread-count]');
    await expect(bell.getAttribute('aria-label')).resolves.toBe('Notifiche');

    const crema = await territoryId(server, sw, 'CREMA');
    const person = await cremaBeneficiary(server, sw, crema, {
      firstName: 'Ottavia',
      lastName: 'Campanini',
      sex: 'F',
    });
    const pact = await apiPost<{ id: number; reference: string }>(server, sw, '/api/pacts', {
      type: 'AUTONOMY',
      territoryId: crema,
      beneficiaryId: person.id,
      communityMakerId: await userId(server, admin, MAKER),
      title: 'Percorso verso il lavoro',
    });
    // Read again when the window gets the focus back.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.waitForFunction(
      () =>
        document.querySelector('header button[data-unread-count]')?.getAttribute('aria-label') ===
        'Notifiche: 1 da leggere',
    );
    await bell.click();
    const list = page.getByRole('dialog', { name: 'Notifiche' });
    const item = list.getByRole('button', {
      name: new RegExp(`Il patto ${pact.reference} ti è stato assegnato`),
    });
    await item.waitFor();
    await expect(item.textContent()).resolves.toMatch(/\d{2}\/\d{2}\/\d{4} · da leggere/);
    const box = await list.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
    await item.click();
    await page.waitForURL(new RegExp(`#/pacts/${pact.id}/show`));
    await page.waitForFunction(
      () =>
        document.querySelector('header button[data-unread-count]')?.getAttribute('aria-label') ===
        'Notifiche',
    );

    await page.locator('header button[aria-haspopup="true"]').last().click();
    await page.getByRole('menuitem', { name: 'Profilo' }).click();
    await page.waitForURL(/#\/profile/);
    await waitForData(page);
    const group = page.getByRole('radiogroup', { name: 'Riepilogo via email' });
    await expect(
      group.getByRole('radio', { name: 'Ogni settimana (il lunedì)' }).isChecked(),
    ).resolves.toBe(true);
    await group.getByRole('radio', { name: 'Ogni giorno' }).check();
    await page.getByText('Preferenza salvata').waitFor();
    const profile = await server.request<ProfileRecord>('GET', '/api/profile', { token: maker });
    expect(profile.body.digestFrequency).toBe('daily');
    await page.getByRole('button', { name: 'Mostra l’anteprima di oggi' }).click();
    await page.getByText(/Oggetto: GenerAttivi – Riepilogo del \d{2}\/\d{2}\/\d{4}/).waitFor();
    await expect(page.locator('[data-digest-preview]').textContent()).resolves.toContain(
      '/#/pacts/',
    );
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });
});
