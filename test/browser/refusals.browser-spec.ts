import { addDays, todayIso } from '@generattivi/shared';
import { ARTIFACTS, Browser, openBrowser } from '../support/browser';
import { SMALL_PDF, uploadDocument } from '../support/documents';
import { startServer, TestServer } from '../support/server';
import {
  apiPost,
  eventually,
  field,
  openRoute,
  personAged,
  seriousAxeViolations,
  signIn,
  territoryId,
  waitForData,
} from '../support/ui';

interface Pact {
  id: number;
  reference: string;
  version: number;
  title: string;
}

/**
 * What the server refuses, as the social worker sees it: the eligibility rules that fail
 * (422, rule by rule), what a pact lacks to be approved, and a version conflict (409)
 * explained with "Ricarica".
 */
describe('refusals explained', () => {
  let server: TestServer;
  let browser: Browser;
  let token: string;
  let crema: number;

  const createPact = async (age: number, lastName: string): Promise<Pact> => {
    const person = personAged(age, { firstName: 'Paola', lastName, sex: 'F' });
    const beneficiary = await apiPost(server, token, '/api/beneficiaries', {
      ...person,
      territoryId: crema,
      municipality: 'Crema',
      employmentStatus: 'UNEMPLOYED',
    });
    return apiPost<Pact>(server, token, '/api/pacts', {
      type: 'AUTONOMY',
      territoryId: crema,
      beneficiaryId: beneficiary.id,
      title: `Percorso di ${lastName}`,
      startDate: todayIso(),
      plannedEndDate: addDays(todayIso(), 120),
    });
  };

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite' });
    browser = await openBrowser();
    token = await server.login('sociale.crema@demo.generattivi.it');
    crema = await territoryId(server, token, 'CREMA');
    await signIn(browser.page, server, 'sociale.crema@demo.generattivi.it');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the failing eligibility rules when submission is refused (422)', async () => {
    const pact = await createPact(45, 'Quarantacinque');
    const { page } = browser;
    await openRoute(page, server, `/pacts/${pact.id}/show`);
    await page.getByRole('button', { name: 'Invia per approvazione' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Invia per approvazione' }).click();
    const refusal = dialog.getByRole('alert');
    await refusal.getByText('Il server ha rifiutato: il patto non soddisfa i requisiti.').waitFor();
    await expect(refusal.locator('[data-rule="AUTONOMY_AGE"]').textContent()).resolves.toMatch(
      /✗.*Età tra 19 e 39 anni.*Età 45 anni/,
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/pact-refused-eligibility.png` });
    await dialog.getByRole('button', { name: 'Annulla' }).click();
  });

  it('says what a pact lacks to be approved (422), in Italian', async () => {
    let pact = await createPact(28, 'Ventotto');
    pact = await apiPost<Pact>(server, token, `/api/pacts/${pact.id}/transitions`, {
      to: 'SUBMITTED',
      version: pact.version,
    });
    // Signed, so that what the server refuses is what the pact lacks.
    await uploadDocument(server, token, {
      ownerType: 'pacts',
      ownerId: pact.id,
      kind: 'SIGNED_PACT',
      file: SMALL_PDF,
      name: 'patto-firmato.pdf',
    });
    const { page } = browser;
    await openRoute(page, server, `/pacts/${pact.id}/show`);
    await page.getByRole('button', { name: 'Approva' }).click();
    const dialog = page.getByRole('dialog');
    // Before sending, the shared rule already says what is missing…
    await dialog.getByText('Da completare prima dell’approvazione:').waitFor();
    await dialog.getByRole('button', { name: 'Approva' }).click();
    // …and the server's refusal is listed in the same words.
    const refusal = dialog.getByRole('alert');
    await refusal.getByText('Il patto non si può ancora approvare:').waitFor();
    await refusal.getByText('Nessun community maker assegnato').waitFor();
    await refusal.getByText('Serve almeno una tappa').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/pact-refused-approval.png` });
    await dialog.getByRole('button', { name: 'Annulla' }).click();
  });

  it('explains a version conflict (409) and reloads the record with "Ricarica"', async () => {
    const pact = await createPact(31, 'Trentuno');
    const { page } = browser;
    await openRoute(page, server, `/pacts/${pact.id}/edit`);
    const title = field(page, 'Titolo');
    await expect(title.inputValue()).resolves.toBe(pact.title);
    // Someone else saves the pact meanwhile.
    const other = await server.request<Pact>('PUT', `/api/pacts/${pact.id}`, {
      token,
      body: { ...pact, title: 'Titolo cambiato da un collega' },
    });
    expect(other.status).toBe(200);

    await title.fill('Il mio titolo');
    await page.getByRole('button', { name: 'Salva' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'Conflitto di versione' });
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('qualcun altro ha modificato');
    await page.screenshot({ path: `${ARTIFACTS}/version-conflict.png` });
    await notice.getByRole('button', { name: 'Ricarica' }).click();
    await expect(
      eventually(() => title.inputValue(), 'Titolo cambiato da un collega'),
    ).resolves.toBe('Titolo cambiato da un collega');
  });

  it('speaks English on request, down to the eligibility messages', async () => {
    const pact = await createPact(33, 'Trentatre');
    const { page } = browser;
    await openRoute(page, server, `/pacts/${pact.id}/show`);
    await page.getByRole('button', { name: /Italiano/i }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Eligibility' }).waitFor();
    const age = page.locator('[data-rule="AUTONOMY_AGE"]');
    await expect(age.textContent()).resolves.toMatch(/Aged 19 to 39.*Age 33 years/);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await waitForData(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /English/i }).click();
    await page.getByRole('menuitem', { name: 'Italiano' }).click();
    await page.getByRole('heading', { name: 'Verifica dei requisiti' }).waitFor();
  });
});
