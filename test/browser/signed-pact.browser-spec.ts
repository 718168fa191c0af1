import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { italianDate, todayIso } from '@generattivi/shared';
import type { Page } from 'playwright-core';
import { ARTIFACTS, Browser, openBrowser } from '../support/browser';
import { makerPact } from '../support/journeys';
import { documentsOf, SMALL_PDF, SMALL_PNG, uploadDocument } from '../support/documents';
import { startServer, TestServer } from '../support/server';
import {
  apiPost,
  openRoute,
  readyForScreenshot,
  seriousAxeViolations,
  signIn,
  waitForData,
} from '../support/ui';

interface Pact {
  id: number;
  reference: string;
  version: number;
  status: string;
}

const WORKER = 'sociale.crema@demo.generattivi.it';
const MAKER = 'maker.crema@demo.generattivi.it';
const PHONE = { width: 360, height: 740 };
const SCREENSHOTS = join(ARTIFACTS, 'screenshots');

/** How wide the page is against the phone's 360 px (no sideways scrolling when equal). */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/**
 * The signed pact and the evidence of a milestone (issue 11): (a) the social worker prints a
 * SUBMITTED pact, is told in the approve dialog that the signed pact is missing, uploads the
 * scan there and approves, then attaches a PDF as evidence from a desktop; (b) the community maker, on a 360 × 740 phone, marks a milestone
 * achieved with a photo from the camera input, which becomes the milestone's EVIDENCE, and is
 * offered "Riprova" when the photo does not get through.
 */
describe('signed pact and evidence photo', () => {
  let server: TestServer;
  let worker: string;

  /** A pact of a new beneficiary followed by the maker, with its milestones a day apart, SUBMITTED. */
  async function submittedPact(lastName: string, milestoneTitles: string[]) {
    const made = await makerPact(server, worker, {
      maker: MAKER,
      person: { age: 27, firstName: 'Marta', lastName, sex: 'F' },
      title: `Percorso di ${lastName}`,
      milestones: milestoneTitles.map((title, i) => [title, 14 + i] as const),
      status: 'SUBMITTED',
    });
    return { pact: made.pact, milestones: made.milestones.map((m) => m.id) };
  }

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite' });
    worker = await server.login(WORKER);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('(a) the social worker approves with the signed pact', () => {
    let browser: Browser;
    let pact: Pact;
    const scan = 'patto-firmato-scansione.pdf';

    beforeAll(async () => {
      browser = await openBrowser();
      ({ pact } = await submittedPact('Signorelli', ['Colloquio in biblioteca']));
      await signIn(browser.page, server, WORKER);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('prints the pact: the PDF arrives', async () => {
      const { page } = browser;
      await openRoute(page, server, `/pacts/${pact.id}/show`);
      const [response, download] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/api/pacts/${pact.id}/document`)),
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Stampa il patto' }).click(),
      ]);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
      expect(download.suggestedFilename()).toBe(`${pact.reference}.pdf`);
    });

    it('says in the approve dialog that the signed pact is missing, and holds the approval', async () => {
      const { page } = browser;
      await page.getByRole('button', { name: 'Approva' }).click();
      const dialog = page.getByRole('dialog');
      const missing = dialog.locator('[data-signed-pact="missing"]');
      await missing.getByText('Manca il patto firmato', { exact: true }).waitFor();
      await missing
        .getByText(/^Stampa il patto, fallo firmare e carica qui la scansione/)
        .waitFor();
      // "Stampa il patto" is offered right there too.
      await missing.getByRole('button', { name: 'Stampa il patto' }).waitFor();
      await expect(dialog.getByRole('button', { name: 'Approva' }).isDisabled()).resolves.toBe(
        true,
      );
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('says in Italian why a file dropped on the box is refused (a text file named .pdf)', async () => {
      const { page } = browser;
      const dialog = page.getByRole('dialog');
      const dropped = await page.evaluateHandle(() => {
        const transfer = new DataTransfer();
        transfer.items.add(
          new File(['Solo testo, non un PDF.\n'], 'appunti.pdf', { type: 'application/pdf' }),
        );
        return transfer;
      });
      const zone = dialog.locator('[data-drop-zone]');
      await zone.dispatchEvent('dragover', { dataTransfer: dropped });
      await zone.dispatchEvent('drop', { dataTransfer: dropped });
      const alert = dialog.locator('[data-signed-pact="missing"]').getByRole('alert');
      await expect(alert.textContent()).resolves.toMatch(/^Tipo di file non accettato: /);
      await expect(dialog.getByRole('button', { name: 'Approva' }).isDisabled()).resolves.toBe(
        true,
      );
      await expect(documentsOf(server, worker, 'pacts', pact.id)).resolves.toEqual([]);
    });

    it('uploads the scan in the dialog, names it with its day, then approves', async () => {
      const { page } = browser;
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Carica il patto firmato').setInputFiles({
        name: scan,
        mimeType: 'application/pdf',
        buffer: SMALL_PDF,
      });
      const present = dialog.locator('[data-signed-pact="present"]');
      await present.getByText('Patto firmato allegato').waitFor();
      await expect(present.textContent()).resolves.toContain(
        `«${scan}», caricato il ${italianDate(todayIso())}.`,
      );
      const approve = dialog.getByRole('button', { name: 'Approva' });
      await expect(approve.isEnabled()).resolves.toBe(true);
      await approve.click();
      await dialog.waitFor({ state: 'detached' });
      await page.locator('#pact-reference ~ .MuiChip-root', { hasText: 'Attivo' }).waitFor();

      const saved = await server.request<Pact>('GET', `/api/pacts/${pact.id}`, { token: worker });
      expect(saved.body.status).toBe('ACTIVE');
      const documents = await documentsOf(server, worker, 'pacts', pact.id);
      expect(documents.map((d) => [d.kind, d.fileName, d.sizeBytes])).toEqual([
        ['SIGNED_PACT', scan, SMALL_PDF.length],
      ]);
    });

    it('lists the signed pact in Documenti', async () => {
      const { page } = browser;
      await page.getByRole('tab', { name: 'Documenti' }).click();
      const row = page.getByRole('row', { name: new RegExp(scan.replace(/\./g, '\\.')) });
      await row.waitFor();
      const cells = (await row.getByRole('cell').allTextContents()).map((t) => t.trim());
      expect(cells.slice(0, 2)).toEqual(['Patto firmato', scan]);
    });

    it('offers "Allega una prova" on a desktop: a PDF or a photo, not a GIF', async () => {
      const { page } = browser;
      const title = 'Colloquio in biblioteca';
      await page.getByRole('tab', { name: 'Tappe' }).click();
      // The milestone as listed under Tappe (an active pact also offers it under "Ora nel patto").
      await page
        .getByRole('list', { name: 'Tappe' })
        .getByRole('button', { name: `Segna raggiunta la tappa «${title}»` })
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Allega una prova' }).waitFor();
      const input = dialog.getByLabel('Allega una prova');
      await expect(input.getAttribute('capture')).resolves.toBeNull();
      await expect(input.getAttribute('accept')).resolves.toContain('application/pdf');

      await input.setInputFiles({
        name: 'animazione.gif',
        mimeType: 'image/gif',
        buffer: Buffer.from('GIF89a'),
      });
      await dialog
        .getByText('Formato non accettato: scegli una foto JPEG, PNG o WebP, oppure un PDF.')
        .waitFor();
      await input.setInputFiles({
        name: 'verbale.pdf',
        mimeType: 'application/pdf',
        buffer: SMALL_PDF,
      });
      await dialog.getByText('verbale.pdf', { exact: true }).waitFor();
      await expect(dialog.getByRole('img', { name: /^Anteprima/ }).count()).resolves.toBe(0);
      await dialog.getByRole('button', { name: 'Conferma' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText(`Tappa «${title}» raggiunta.`).waitFor();

      const [milestone] = (
        await server.request<Array<{ id: number }>>(
          'GET',
          `/api/milestones?filter=${encodeURIComponent(JSON.stringify({ pactId: pact.id }))}`,
          { token: worker },
        )
      ).body;
      const evidence = await documentsOf(server, worker, 'milestones', milestone.id);
      expect(evidence.map((d) => [d.kind, d.fileName, d.mediaType])).toEqual([
        ['EVIDENCE', 'verbale.pdf', 'application/pdf'],
      ]);
      await page
        .locator(`[data-milestone="${milestone.id}"]`)
        .getByText('1 prova allegata')
        .waitFor();
    });

    it('names an attached signed pact and, when the server finds none after all, says so and offers the upload again', async () => {
      const { page } = browser;
      const { pact: other } = await submittedPact('Bertolazzi', ['Visita al laboratorio']);
      const attached = await uploadDocument(server, worker, {
        ownerType: 'pacts',
        ownerId: other.id,
        kind: 'SIGNED_PACT',
        file: SMALL_PDF,
        name: 'firmato-bertolazzi.pdf',
      });
      await openRoute(page, server, `/pacts/${other.id}/show`);
      await page.getByRole('button', { name: 'Approva' }).click();
      const dialog = page.getByRole('dialog');
      await dialog
        .locator('[data-signed-pact="present"]')
        .getByText('«firmato-bertolazzi.pdf», caricato il', { exact: false })
        .waitFor();
      // Someone removes it meanwhile, and the server refuses the approval (422).
      const removed = await server.request('DELETE', `/api/documents/${attached.id}`, {
        token: worker,
      });
      expect(removed.status).toBe(200);
      await page.route(`**/api/pacts/${other.id}/transitions`, (route) =>
        route.fulfill({
          status: 422,
          contentType: 'application/json',
          body: JSON.stringify({
            statusCode: 422,
            code: 'SIGNED_PACT_MISSING',
            message: 'The signed pact is missing: upload a SIGNED_PACT document',
          }),
        }),
      );
      try {
        await dialog.getByRole('button', { name: 'Approva' }).click();
        const refusal = dialog.getByRole('alert');
        await refusal.getByText('Manca il patto firmato', { exact: true }).waitFor();
        await dialog.locator('[data-signed-pact="missing"]').waitFor();
        await dialog.getByLabel('Carica il patto firmato').waitFor({ state: 'attached' });
        await expect(dialog.getByRole('button', { name: 'Approva' }).isDisabled()).resolves.toBe(
          true,
        );
      } finally {
        await page.unroute(`**/api/pacts/${other.id}/transitions`);
      }
      await dialog.getByRole('button', { name: 'Annulla' }).click();
      const still = await server.request<Pact>('GET', `/api/pacts/${other.id}`, { token: worker });
      expect(still.body.status).toBe('SUBMITTED');
    });
  });

  describe('(b) the community maker marks a milestone achieved with a photo, on a phone', () => {
    let browser: Browser;
    let pact: Pact;
    let milestones: number[];
    const titles = ['Prima giornata in bottega', 'Attestato del corso sulla sicurezza'];
    const photo = 'foto-tappa.png';

    beforeAll(async () => {
      browser = await openBrowser({
        viewport: PHONE,
        isMobile: true,
        hasTouch: true,
        timezoneId: 'Europe/Rome',
      });
      ({ pact, milestones } = await submittedPact('Fontanella', titles));
      // Approved through the API, with its signed pact.
      await uploadDocument(server, worker, {
        ownerType: 'pacts',
        ownerId: pact.id,
        kind: 'SIGNED_PACT',
        file: SMALL_PDF,
        name: 'firmato.pdf',
      });
      pact = await apiPost<Pact>(server, worker, `/api/pacts/${pact.id}/transitions`, {
        to: 'ACTIVE',
        version: pact.version,
      });
      await signIn(browser.page, server, MAKER);
    });
    afterAll(async () => {
      await browser?.close();
    });

    const achieveButton = (page: Page, title: string) =>
      page
        .locator(`[data-pact="${pact.reference}"]`)
        .getByRole('button', { name: `Segna raggiunta la tappa «${title}»` });

    it('offers "Scatta una foto" (the rear camera) and shows the chosen photo, which can be removed', async () => {
      const { page } = browser;
      await achieveButton(page, titles[0]).click();
      const dialog = page.getByRole('dialog');
      const take = dialog.getByRole('button', { name: 'Scatta una foto' });
      await take.waitFor();
      expect((await take.boundingBox())?.height).toBeGreaterThanOrEqual(44);
      const input = dialog.getByLabel('Scatta una foto');
      await expect(input.getAttribute('capture')).resolves.toBe('environment');
      await expect(input.getAttribute('accept')).resolves.toBe('image/*');

      await input.setInputFiles({ name: photo, mimeType: 'image/png', buffer: SMALL_PNG });
      const thumbnail = dialog.getByRole('img', { name: `Anteprima di ${photo}` });
      await thumbnail.waitFor();
      // The photo itself fills the thumbnail: its dark green from corner to corner.
      await expect(
        thumbnail.evaluate(async (canvas: HTMLCanvasElement) => {
          const context = canvas.getContext('2d')!;
          const pixel = (x: number, y: number) => [...context.getImageData(x, y, 1, 1).data];
          for (let i = 0; i < 50 && pixel(0, 0)[3] === 0; i++) {
            await new Promise((done) => requestAnimationFrame(done));
          }
          const last = canvas.width - 1;
          return { size: [canvas.width, canvas.height], corners: [pixel(0, 0), pixel(last, last)] };
        }),
      ).resolves.toEqual({
        size: [144, 144],
        corners: [
          [0x1b, 0x5e, 0x20, 255],
          [0x1b, 0x5e, 0x20, 255],
        ],
      });
      await dialog.getByRole('button', { name: `Rimuovi ${photo}` }).click();
      await thumbnail.waitFor({ state: 'detached' });
      await take.waitFor();

      await dialog
        .getByLabel('Scatta una foto')
        .setInputFiles({ name: photo, mimeType: 'image/png', buffer: SMALL_PNG });
      await thumbnail.waitFor();
      await waitForData(page);
      await readyForScreenshot(page);
      await page.screenshot({ path: join(SCREENSHOTS, 'phone-360-achieve-photo.png') });
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('saves the achievement, then attaches the photo as the milestone’s EVIDENCE', async () => {
      const { page } = browser;
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Conferma' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText(`Tappa «${titles[0]}» raggiunta.`).waitFor();

      const milestone = await server.request<{ status: string }>(
        'GET',
        `/api/milestones/${milestones[0]}`,
        { token: worker },
      );
      expect(milestone.body.status).toBe('ACHIEVED');
      const evidence = await documentsOf(server, worker, 'milestones', milestones[0]);
      expect(evidence.map((d) => [d.kind, d.fileName, d.mediaType, d.sizeBytes])).toEqual([
        ['EVIDENCE', photo, 'image/png', SMALL_PNG.length],
      ]);
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    });

    it('shows on the timeline that the milestone has evidence, listed on its page', async () => {
      const { page } = browser;
      await openRoute(page, server, `/pacts/${pact.id}/show/milestones`);
      const item = page.locator(`[data-milestone="${milestones[0]}"]`);
      const link = item.getByRole('link', { name: '1 prova allegata' });
      await link.waitFor();
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await link.click();
      await page.getByText(photo, { exact: true }).waitFor();
      await waitForData(page);
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    });

    it('keeps the achievement when the photo does not get through, and attaches it with "Riprova"', async () => {
      const { page } = browser;
      await openRoute(page, server, '/');
      await achieveButton(page, titles[1]).click();
      const dialog = page.getByRole('dialog');
      await dialog
        .getByLabel('Scatta una foto')
        .setInputFiles({ name: 'attestato.png', mimeType: 'image/png', buffer: SMALL_PNG });
      await dialog.getByRole('img', { name: 'Anteprima di attestato.png' }).waitFor();
      // The connection drops for the upload only.
      await page.route('**/api/documents', (route) =>
        route.request().method() === 'POST' ? route.abort() : route.continue(),
      );
      await dialog.getByRole('button', { name: 'Conferma' }).click();
      await dialog.waitFor({ state: 'detached' });
      const notice = page.getByRole('alert').filter({ hasText: 'la foto non è stata allegata' });
      await notice.waitFor();
      await expect(notice.textContent()).resolves.toContain(
        `La tappa «${titles[1]}» è raggiunta, ma la foto non è stata allegata.`,
      );
      await notice
        .getByText('Caricamento non riuscito: controlla la connessione e riprova.')
        .waitFor();
      const milestone = await server.request<{ status: string }>(
        'GET',
        `/api/milestones/${milestones[1]}`,
        { token: worker },
      );
      expect(milestone.body.status).toBe('ACHIEVED');
      await expect(documentsOf(server, worker, 'milestones', milestones[1])).resolves.toEqual([]);
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

      await page.unroute('**/api/documents');
      await notice.getByRole('button', { name: 'Riprova' }).click();
      await notice.waitFor({ state: 'detached' });
      const attached = await documentsOf(server, worker, 'milestones', milestones[1]);
      expect(attached.map((d) => [d.kind, d.fileName])).toEqual([['EVIDENCE', 'attestato.png']]);
    });
  });
});
