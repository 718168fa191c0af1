import { addDays, italianDate, todayIso } from '@generattivi/shared';
import { CREMA_WORKER, cremaSuite } from '../support/journeys';
import {
  apiPost,
  cremaBeneficiary,
  field,
  makerAccount,
  openRoute,
  personAged,
  signIn,
  waitForData,
} from '../support/ui';

/**
 * Issue 13: a social worker creates a pact from a template and finds its milestones dated
 * from the start; the administrator hands a maker's five pacts over in one step, and the
 * history of each shows the change.
 */
describe('pact templates and hand-over in the admin', () => {
  const suite = cremaSuite();
  const worker = CREMA_WORKER;

  /** A beneficiary of Crema, registered through the API. */
  const beneficiary = (firstName: string, lastName: string) =>
    cremaBeneficiary(suite.server, suite.sw, suite.crema, { firstName, lastName, sex: 'F' });

  it('creates a pact "Da modello": the form filled, the milestones dated from the start', async () => {
    const { page } = suite.browser;
    const person = personAged(30, { firstName: 'Chiara', lastName: 'Modellini', sex: 'F' });
    await apiPost(suite.server, suite.sw, '/api/beneficiaries', {
      ...person,
      territoryId: suite.crema,
      municipality: 'Crema',
      employmentStatus: 'UNEMPLOYED',
    });
    await signIn(page, suite.server, worker);
    await openRoute(page, suite.server, '/pacts/create');
    await field(page, 'Beneficiario').fill(person.lastName);
    await page.getByRole('option', { name: new RegExp(person.lastName) }).click();
    const start = '2027-02-01';
    await field(page, 'Data di inizio').fill(start);
    await page.getByRole('combobox', { name: 'Da modello' }).click();
    await page.getByRole('option', { name: 'Tirocinio di inclusione — 6 mesi' }).click();
    await expect(field(page, 'Titolo').inputValue()).resolves.toBe(
      'Tirocinio di inclusione — 6 mesi',
    );
    await expect(field(page, 'Fine prevista').inputValue()).resolves.toBe(addDays(start, 180));
    const due = [0, 21, 90, 180].map((days) => italianDate(addDays(start, days)));
    const preview = page.getByRole('list', { name: 'Tappe del modello' });
    await expect(preview.textContent()).resolves.toContain(`${due[1]} — Avvio del tirocinio`);
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.waitForURL(/#\/pacts\/\d+\/show/);
    await page.getByRole('tab', { name: 'Tappe' }).click();
    await page.getByRole('heading', { name: 'Avvio del tirocinio' }).waitFor();
    await waitForData(page);
    for (const date of due) await page.getByText(`Scadenza: ${date}`).first().waitFor();
    await expect(page.getByText(/^Scadenza: /).count()).resolves.toBe(4);
  });

  it('hands five pacts of a maker over in one step; the history of each shows it', async () => {
    const { page } = suite.browser;
    const user = (fullName: string) =>
      makerAccount(suite.server, suite.admin, fullName, [suite.crema]);
    const from = await user('Giulia Rossi');
    await user('Marco Bianchi');
    const pactIds: number[] = [];
    const surnames = ['Zucchetti', 'Quagliotti', 'Vezzoli', 'Tadini', 'Ubbiali'];
    for (const [i, surname] of surnames.entries()) {
      const b = await beneficiary('Ornella', surname);
      const pact = await apiPost(suite.server, suite.sw, '/api/pacts', {
        type: 'AUTONOMY',
        territoryId: suite.crema,
        beneficiaryId: b.id,
        communityMakerId: from.id,
        title: `Percorso ${i + 1}`,
        startDate: todayIso(),
      });
      pactIds.push(pact.id);
    }
    // The social worker's session ends; the administrator signs in.
    await page.evaluate(() => sessionStorage.clear());
    await signIn(page, suite.server, 'admin@demo.generattivi.it');
    await openRoute(page, suite.server, `/users/${from.id}/show`);
    await page.getByRole('button', { name: 'Passa i patti' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'A chi' }).click();
    await page.getByRole('option', { name: 'Marco Bianchi — 0 patti aperti' }).click();
    await field(dialog, 'Motivo').fill('Trasferimento ad altro servizio');
    await dialog.getByRole('button', { name: 'Passa i patti' }).click();
    await page.getByText('5 patti passati a Marco Bianchi.').waitFor();
    await dialog.waitFor({ state: 'detached' });

    for (const id of pactIds) {
      await openRoute(page, suite.server, `/pacts/${id}/show/assignments`);
      const rows = page.locator('tbody tr');
      await rows.filter({ hasText: 'Marco Bianchi' }).waitFor();
      await expect(rows.count()).resolves.toBe(2);
      await expect(rows.first().textContent()).resolves.toContain(
        'Trasferimento ad altro servizio',
      );
      await expect(rows.nth(1).textContent()).resolves.toContain('Giulia Rossi');
    }
  });
});
