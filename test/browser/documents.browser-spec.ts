import { todayIso } from '@generattivi/shared';
import { readFileSync } from 'node:fs';
import { Browser, openBrowser } from '../support/browser';
import { SMALL_PNG, uploadDocument } from '../support/documents';
import { startServer, TestServer } from '../support/server';
import { openRoute, seriousAxeViolations, signIn, waitForData } from '../support/ui';

/** A small PDF of exactly 1536 bytes (shown as "1,5 kB"). */
const HEAD = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n';
const TAIL = '%%EOF\n';
const PDF = Buffer.from(
  HEAD + '%' + 'x'.repeat(1536 - HEAD.length - TAIL.length - 2) + '\n' + TAIL,
  'latin1',
);

/** Today as the list writes it, dd/mm/yyyy. */
const today = () => todayIso().split('-').reverse().join('/');

/**
 * The documents of a pact: the social worker uploads a signed pact (progress, then the row
 * with its kind and size in Italian), downloads the same bytes, previews it, and is told in
 * Italian that a text file named .pdf is not a document nor a file over the limit, and
 * deletes it; the manager sees the list only; a community maker is offered "Prova" only; the
 * tab fits a 360 px phone.
 */
describe('documents of a pact', () => {
  let server: TestServer;
  let browser: Browser;
  let pact: { id: number; reference: string };
  const fileName = 'patto-firmato.pdf';

  beforeAll(async () => {
    // A small limit, so that a file too large is quick to send.
    server = await startServer({
      engine: 'sqlite',
      env: { DOCUMENT_MAX_BYTES: String(64 * 1024) },
    });
    browser = await openBrowser();
    const token = await server.login('sociale.crema@demo.generattivi.it');
    // A pact waiting for approval: no document yet (an approved one has its signed copy), and
    // its signed copy may still be deleted.
    const pacts = await server.request<Array<{ id: number; reference: string }>>(
      'GET',
      `/api/pacts?filter=${encodeURIComponent(JSON.stringify({ status: 'SUBMITTED' }))}`,
      { token },
    );
    pact = pacts.body[0];
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const uploadDialog = () => browser.page.getByRole('dialog');

  const chooseKind = async (kind: string) => {
    const { page } = browser;
    await uploadDialog().getByRole('combobox', { name: /Tipo/ }).click();
    await page.getByRole('option', { name: kind }).click();
  };

  it('uploads a signed pact and lists it with its kind, size, author and day in Italian', async () => {
    const { page } = browser;
    await signIn(page, server, 'sociale.crema@demo.generattivi.it');
    await openRoute(page, server, `/pacts/${pact.id}/show`);
    await page.getByRole('tab', { name: 'Documenti' }).click();
    await page.getByText('Nessun documento allegato.').waitFor();

    await page.getByRole('button', { name: 'Carica documento' }).click();
    await chooseKind('Patto firmato');
    await uploadDialog().locator('input[type="file"]').setInputFiles({
      name: fileName,
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await uploadDialog().getByText(`${fileName} (1,5 kB)`).waitFor();
    await uploadDialog().getByRole('button', { name: 'Carica documento' }).click();
    await uploadDialog().waitFor({ state: 'detached' });
    await page.getByText(`Documento «${fileName}» caricato.`).waitFor();

    const row = page.getByRole('row', { name: new RegExp(fileName) });
    await row.waitFor();
    const cells = (await row.getByRole('cell').allTextContents()).map((t) => t.trim());
    expect(cells.slice(0, 3)).toEqual(['Patto firmato', fileName, '1,5 kB']);
    expect(cells[3]).not.toBe('');
    expect(cells[4]).toBe(today());
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('downloads the same bytes under the uploaded name', async () => {
    const { page } = browser;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Scarica ${fileName}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(fileName);
    const path = await download.path();
    expect(readFileSync(path).equals(PDF)).toBe(true);
  });

  /** Starts recording what the page's Content-Security-Policy refuses; answers the record. */
  const recordRefusals = async () => {
    const { page } = browser;
    await page.evaluate(() => {
      const refused: string[] = [];
      (window as unknown as { refused: string[] }).refused = refused;
      document.addEventListener('securitypolicyviolation', (e) =>
        refused.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    return () => page.evaluate(() => (window as unknown as { refused: string[] }).refused);
  };

  it('previews the PDF in a dialog, in a frame the page allows', async () => {
    const { page } = browser;
    const refused = await recordRefusals();
    await page.getByRole('button', { name: `Anteprima di ${fileName}` }).click();
    const preview = page.getByRole('dialog', { name: `Anteprima di ${fileName}` });
    await expect(preview.locator('iframe').getAttribute('src')).resolves.toMatch(/^blob:/);
    await expect(refused()).resolves.toEqual([]);
    await preview.getByRole('button', { name: 'Chiudi' }).click();
    await preview.waitFor({ state: 'detached' });
  });

  it('previews a photo as the image itself', async () => {
    const { page } = browser;
    const token = await server.login('sociale.crema@demo.generattivi.it');
    await uploadDocument(server, token, {
      ownerType: 'pacts',
      ownerId: pact.id,
      kind: 'OTHER',
      file: SMALL_PNG,
      name: 'foto.png',
    });
    await page.reload();
    await page.getByRole('button', { name: 'Anteprima di foto.png' }).click();
    const refused = await recordRefusals();
    const image = page.getByRole('dialog', { name: 'Anteprima di foto.png' }).getByRole('img');
    await image.waitFor();
    // Drawn, not a broken image: the browser decoded its 8 × 8 pixels.
    await page.waitForFunction(
      () => (document.querySelector('[role="dialog"] img') as HTMLImageElement | null)?.complete,
    );
    await expect(image.evaluate((img: HTMLImageElement) => img.naturalWidth)).resolves.toBe(8);
    await expect(refused()).resolves.toEqual([]);
    await page.getByRole('button', { name: 'Chiudi' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('says in Italian that a text file named .pdf is not accepted (415)', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Carica documento' }).click();
    await chooseKind('Altro');
    await uploadDialog()
      .locator('input[type="file"]')
      .setInputFiles({
        name: 'appunti.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('Solo testo, non un PDF.\n'),
      });
    await uploadDialog().getByRole('button', { name: 'Carica documento' }).click();
    const alert = uploadDialog().getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(
      /^Tipo di file non accettato: sono ammessi /,
    );
    await uploadDialog().getByRole('button', { name: 'Annulla' }).click();
    await waitForData(page);
    await expect(page.getByRole('row', { name: /appunti\.pdf/ }).count()).resolves.toBe(0);
  });

  it('says in Italian that a file over the limit is too large (413), in kB', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Carica documento' }).click();
    await chooseKind('Altro');
    const large = Buffer.concat([PDF, Buffer.alloc(100 * 1024, 0x25)]);
    await uploadDialog()
      .locator('input[type="file"]')
      .setInputFiles({ name: 'grande.pdf', mimeType: 'application/pdf', buffer: large });
    await uploadDialog().getByRole('button', { name: 'Carica documento' }).click();
    const alert = uploadDialog().getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toBe('Il file è troppo grande: al massimo 64 kB.');
    await uploadDialog().getByRole('button', { name: 'Annulla' }).click();
    await uploadDialog().waitFor({ state: 'detached' });
  });

  it('shows the manager the list, with neither download nor preview nor delete', async () => {
    const manager = await openBrowser();
    try {
      const { page } = manager;
      await signIn(page, server, 'manager@demo.generattivi.it');
      await openRoute(page, server, `/pacts/${pact.id}/show/documents`);
      const row = page.getByRole('row', { name: new RegExp(fileName) });
      await row.waitFor();
      await expect(row.getByRole('cell').first().textContent()).resolves.toBe('Patto firmato');
      await expect(
        page.getByRole('button', { name: /^(Scarica|Anteprima|Elimina|Carica documento)/ }).count(),
      ).resolves.toBe(0);
    } finally {
      await manager.close();
    }
  });

  it('fits a 360 px phone: the document as a card, its buttons large enough to tap', async () => {
    const phone = await openBrowser({ viewport: { width: 360, height: 740 }, isMobile: true });
    try {
      const { page } = phone;
      await signIn(page, server, 'sociale.crema@demo.generattivi.it');
      await openRoute(page, server, `/pacts/${pact.id}/show/documents`);
      const card = page.locator('[data-cards] li', { hasText: fileName });
      await card.waitFor();
      await expect(card.textContent()).resolves.toContain('1,5 kB');
      const measure = () =>
        page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          lowButtons: Array.from(document.querySelectorAll('main button, [role="dialog"] button'))
            .map((b) => b.getBoundingClientRect())
            .filter((r) => r.width > 0 && r.height < 44).length,
        }));
      await expect(measure()).resolves.toEqual({ scrollWidth: 360, lowButtons: 0 });
      await page.getByRole('button', { name: 'Carica documento' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Scegli il file' }).waitFor();
      await expect(measure()).resolves.toEqual({ scrollWidth: 360, lowButtons: 0 });
    } finally {
      await phone.close();
    }
  });

  it('offers a community maker only "Prova" (EVIDENCE), on a pact of theirs', async () => {
    const makerEmail = 'maker.crema@demo.generattivi.it';
    const token = await server.login(makerEmail);
    const theirs = await server.request<Array<{ id: number }>>('GET', '/api/pacts', { token });
    const maker = await openBrowser();
    try {
      const { page } = maker;
      await signIn(page, server, makerEmail);
      await openRoute(page, server, `/pacts/${theirs.body[0].id}/show/documents`);
      await page.getByRole('button', { name: 'Carica documento' }).click();
      const kind = page.getByRole('dialog').getByRole('combobox', { name: /Tipo/ });
      await expect(kind.textContent()).resolves.toBe('Prova');
      await kind.click();
      await expect(page.getByRole('option').allTextContents()).resolves.toEqual(['Prova']);
    } finally {
      await maker.close();
    }
  });

  it('lets the social worker delete the document, after asking', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: `Elimina ${fileName}` }).click();
    const confirm = page.getByRole('dialog', { name: `Eliminare il documento «${fileName}»?` });
    await confirm.getByRole('button', { name: 'Conferma' }).click();
    await page.getByText('Documento eliminato.').waitFor();
    await page.getByRole('row', { name: new RegExp(fileName) }).waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /foto\.png/ }).waitFor();
  });
});
