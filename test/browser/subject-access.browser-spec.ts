import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { Browser, openBrowser } from '../support/browser';
import { startServer, TestServer } from '../support/server';
import { openRoute, signIn, waitForData } from '../support/ui';

/**
 * A person's page for the administrator: the access register (who, when dd/mm/yyyy hh:mm,
 * what, in Italian) and the ZIP of everything held about them (GDPR art. 15); neither is
 * shown to a social worker.
 */
describe('access register and art. 15 download', () => {
  let server: TestServer;
  let browser: Browser;
  let person: { id: number; lastName: string; fiscalCode: string };
  let reader: string;
  let pactId: number;
  let pactReference: string;

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite' });
    browser = await openBrowser();
    const token = await server.login('sociale.crema@demo.generattivi.it');
    const pacts = await server.request<
      Array<{ id: number; beneficiaryId: number; reference: string }>
    >(
      'GET',
      `/api/pacts?filter=${encodeURIComponent(JSON.stringify({ type: 'AUTONOMY' }))}&range=[0,0]`,
      { token },
    );
    pactId = pacts.body[0].id;
    pactReference = pacts.body[0].reference;
    person = (
      await server.request<typeof person>(
        'GET',
        `/api/beneficiaries/${pacts.body[0].beneficiaryId}`,
        { token },
      )
    ).body;
    reader = (await server.request<{ fullName: string }>('GET', '/api/auth/me', { token })).body
      .fullName;
    // The social worker has read the person (above) and reads their pact: the register shows both.
    await server.request('GET', `/api/pacts/${pactId}`, { token });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the administrator who read the person and when, and downloads the ZIP', async () => {
    const { page } = browser;
    await signIn(page, server, 'admin@demo.generattivi.it');
    await openRoute(page, server, `/beneficiaries/${person.id}/show`);
    await waitForData(page);
    await page.getByText('Registro degli accessi').waitFor();
    // The social worker's read (the administrator's own, just now, comes first).
    const row = page.getByRole('row', { name: new RegExp(reader) }).first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}/);
    await expect(row.textContent()).resolves.toMatch(
      new RegExp(`Scheda della persona|Patto ${pactReference}`),
    );
    // What was read by its name (the pact by its reference), and how.
    await page
      .getByRole('row', { name: new RegExp(`${reader}.*Patto ${pactReference}\\s*Scheda aperta$`) })
      .first()
      .waitFor();
    await page
      .getByRole('row', { name: new RegExp(`${reader}.*Scheda della persona\\s*Scheda aperta$`) })
      .first()
      .waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Dati dell’interessato (art. 15)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^dati-interessato-.+\.zip$/);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    expect(zip.file('riepilogo.pdf')).not.toBeNull();
    const data = JSON.parse(await zip.file('dati.json')!.async('string')) as {
      beneficiary: { fiscalCode: string };
    };
    expect(data.beneficiary.fiscalCode).toBe(person.fiscalCode);
  });

  it('shows a social worker neither the register nor the download', async () => {
    const worker = await openBrowser();
    const { page } = worker;
    try {
      await signIn(page, server, 'sociale.crema@demo.generattivi.it');
      await openRoute(page, server, `/beneficiaries/${person.id}/show`);
      await waitForData(page);
      await page.getByText(person.fiscalCode).waitFor();
      await expect(page.getByText('Registro degli accessi').count()).resolves.toBe(0);
      await expect(
        page.getByRole('button', { name: 'Dati dell’interessato (art. 15)' }).count(),
      ).resolves.toBe(0);
    } finally {
      await worker.close();
    }
  });
});
