import { addDays, todayIso } from '@generattivi/shared';
import { readFileSync } from 'node:fs';
import { Browser, openBrowser } from '../support/browser';
import { attachSignedPact } from '../support/pacts';
import { startServer, TestServer } from '../support/server';
import {
  apiPost,
  field,
  helperText,
  openRoute,
  readyForScreenshot,
  personAged,
  seriousAxeViolations,
  signIn,
  territoryId,
  userId,
  waitForData,
} from '../support/ui';

/**
 * Journey (a): the social worker of Crema registers a beneficiary (a wrong fiscal code is
 * refused beside the field first), opens an AUTONOMY pact for them after seeing a 40-year-old
 * refused by the eligibility preview, assigns a community maker, adds a milestone, submits
 * and approves the pact.
 */
describe('social worker journey', () => {
  let server: TestServer;
  let browser: Browser;
  const worker = 'sociale.crema@demo.generattivi.it';
  const newcomer = personAged(30, { firstName: 'Giulia', lastName: 'Brambillasca', sex: 'F' });
  const tooOld = personAged(40, { firstName: 'Ettore', lastName: 'Quarantelli', sex: 'M' });
  let makerName: string;

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite' });
    browser = await openBrowser();
    const token = await server.login(worker);
    const crema = await territoryId(server, token, 'CREMA');
    // The 40-year-old, already registered: born 40 years and 10 days ago.
    await apiPost(server, token, '/api/beneficiaries', {
      ...tooOld,
      territoryId: crema,
      municipality: 'Crema',
      employmentStatus: 'UNEMPLOYED',
    });
    const admin = await server.login('admin@demo.generattivi.it');
    const makerId = await userId(server, admin, 'maker.crema@demo.generattivi.it');
    const maker = await server.request<{ fullName: string }>('GET', `/api/users/${makerId}`, {
      token: admin,
    });
    makerName = maker.body.fullName;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the caseload home, accessible, with pacts waiting for approval', async () => {
    const { page } = browser;
    await signIn(page, server, worker);
    await page.getByRole('heading', { name: 'Il carico di lavoro del tuo ambito' }).waitFor();
    await page.getByRole('heading', { name: /Patti in attesa di approvazione/ }).waitFor();
    await waitForData(page);
    await expect(page.getByRole('button', { name: 'Approva' }).count()).resolves.toBeGreaterThan(0);
    await readyForScreenshot(page);
    await browser.screenshot('home-social-worker');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('refuses a wrong fiscal code beside the field, then registers the beneficiary', async () => {
    const { page } = browser;
    await openRoute(page, server, '/beneficiaries/create');
    await field(page, 'Nome').fill(newcomer.firstName);
    await field(page, 'Cognome').fill(newcomer.lastName);
    const last = newcomer.fiscalCode[15];
    const wrong = newcomer.fiscalCode.slice(0, 15) + (last === 'A' ? 'B' : 'A');
    const fiscalCode = field(page, 'Codice fiscale');
    await fiscalCode.fill(wrong);
    await expect(helperText(page, fiscalCode)).resolves.toContain(
      'Il carattere di controllo non corrisponde',
    );
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.waitForTimeout(500);
    expect(page.url()).toContain('/beneficiaries/create');

    await fiscalCode.fill(newcomer.fiscalCode);
    await expect(helperText(page, fiscalCode)).resolves.not.toContain('controllo');
    // Birth date and sex come from the code.
    await expect(field(page, 'Data di nascita').inputValue()).resolves.toBe(newcomer.birthDate);
    await field(page, 'Comune di residenza').fill('Crema');
    await page.getByRole('option', { name: 'Crema', exact: true }).click();
    await page.getByRole('combobox', { name: 'Condizione occupazionale' }).click();
    await page.getByRole('option', { name: 'Disoccupato' }).click();
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.waitForURL(/#\/beneficiaries\/\d+\/show/);
    await page.getByText(newcomer.fiscalCode).waitFor();
  });

  it('opens an AUTONOMY pact: the preview refuses the 40-year-old, accepts the newcomer', async () => {
    const { page } = browser;
    await openRoute(page, server, '/pacts/create');
    const beneficiary = field(page, 'Beneficiario');

    await beneficiary.fill(tooOld.lastName);
    await page.getByRole('option', { name: new RegExp(tooOld.lastName) }).click();
    const ageRule = page.locator('[data-rule="AUTONOMY_AGE"]');
    await ageRule.waitFor();
    await expect(ageRule.textContent()).resolves.toMatch(/✗.*Età 40 anni/);
    await page.locator('[data-eligible="false"]').waitFor();

    await beneficiary.fill(newcomer.lastName);
    await page.getByRole('option', { name: new RegExp(newcomer.lastName) }).click();
    await page.locator('[data-eligible="true"]').waitFor();
    await expect(ageRule.textContent()).resolves.toMatch(/✓.*Età 30 anni/);

    await field(page, 'Titolo').fill('Percorso verso il lavoro in biblioteca');
    await field(page, 'Obiettivi').fill('Tirocinio e poi un contratto nel servizio bibliotecario.');
    await field(page, 'Data di inizio').fill(todayIso());
    await field(page, 'Fine prevista').fill(addDays(todayIso(), 180));
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.waitForURL(/#\/pacts\/\d+\/show/);
    await page.locator('#pact-reference').waitFor();
    await expect(page.locator('#pact-reference').textContent()).resolves.toMatch(
      /^AUT-CREMA-\d{4}-\d{4}$/,
    );
  });

  it('assigns a community maker of Crema only', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Assegna community maker' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Community maker' }).click();
    const options = await page.getByRole('option').allTextContents();
    expect(options).toContain(makerName);
    const token = await server.login(worker);
    const others = await server.request<Array<{ fullName: string; territoryIds: number[] }>>(
      'GET',
      `/api/users?filter=${encodeURIComponent(JSON.stringify({ role: 'COMMUNITY_MAKER' }))}`,
      { token },
    );
    const crema = await territoryId(server, token, 'CREMA');
    for (const other of others.body.filter((u) => !u.territoryIds.includes(crema))) {
      expect(options).not.toContain(other.fullName);
    }
    await page.getByRole('option', { name: makerName }).click();
    await dialog.getByRole('button', { name: 'Assegna', exact: true }).click();
    await page.getByText(`Patto assegnato a ${makerName}.`).waitFor();
    await dialog.waitFor({ state: 'detached' });
  });

  it('adds a milestone, submits and approves the pact', async () => {
    const { page } = browser;
    // The signed copy approval needs, uploaded through the API (the upload has its own tests).
    const pactId = Number(/#\/pacts\/(\d+)\/show/.exec(page.url())?.[1]);
    await attachSignedPact(server, await server.login(worker), pactId);
    await page.getByRole('tab', { name: 'Tappe' }).click();
    await page.getByRole('button', { name: 'Aggiungi tappa' }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'Titolo').fill('Primo colloquio in biblioteca');
    await field(dialog, 'Scadenza').fill(addDays(todayIso(), 20));
    await dialog.getByRole('button', { name: 'Salva' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Primo colloquio in biblioteca' }).waitFor();

    await page.getByRole('button', { name: 'Invia per approvazione' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Invia per approvazione' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.locator('#pact-reference ~ .MuiChip-root', { hasText: 'Inviato' }).waitFor();

    await page.getByRole('button', { name: 'Approva' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Approva' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.locator('#pact-reference ~ .MuiChip-root', { hasText: 'Attivo' }).waitFor();
    // Active now: the next transitions are Suspend, Complete and Terminate.
    await page.getByRole('button', { name: 'Sospendi' }).waitFor();
    await expect(page.getByRole('button', { name: 'Approva' }).count()).resolves.toBe(0);
  });

  it('has an accessible pact page, saved as a screenshot', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: 'Dettagli' }).click();
    await page.getByRole('tab', { name: 'Dettagli', selected: true }).waitFor();
    await waitForData(page);
    await readyForScreenshot(page);
    await browser.screenshot('pact-page');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Tappe' }).click();
    await page.getByRole('tab', { name: 'Tappe', selected: true }).waitFor();
    await waitForData(page);
    await readyForScreenshot(page);
    await browser.screenshot('pact-page-milestones');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('downloads the pact to sign, named after its reference', async () => {
    const { page } = browser;
    const reference = (await page.locator('#pact-reference').textContent())?.trim();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Stampa il patto' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${reference}.pdf`);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
