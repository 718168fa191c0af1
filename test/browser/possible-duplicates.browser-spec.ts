import {
  apiPost,
  field,
  openRoute,
  personAged,
  signIn,
  territoryId,
  waitForData,
} from '../support/ui';
import { CREMA_WORKER, cremaSuite } from '../support/journeys';

/**
 * Issue 15: a social worker of Crema enters the fiscal code of a person of Cremona and is told
 * only that it cannot be registered; the administrator finds the report on «Possibili
 * doppioni», with the person and who reported it, and resolves it with a note.
 */
describe('possible duplicates in the admin', () => {
  const suite = cremaSuite();

  it('the worker of another ambito gets the 409; the admin sees the report, resolves it, it goes', async () => {
    const { server, browser, admin } = suite;
    const { page } = browser;
    const cremona = await territoryId(server, admin, 'CREMONA');
    const person = personAged(45, { firstName: 'Ermenegilda', lastName: 'Bonfadini', sex: 'F' });
    await apiPost(server, admin, '/api/beneficiaries', {
      ...person,
      territoryId: cremona,
      municipality: 'Cremona',
      employmentStatus: 'UNEMPLOYED',
    });

    await signIn(page, server, CREMA_WORKER);
    await openRoute(page, server, '/beneficiaries/create');
    await field(page, 'Nome').fill(person.firstName);
    await field(page, 'Cognome').fill(person.lastName);
    await field(page, 'Codice fiscale').fill(person.fiscalCode);
    await field(page, 'Comune di residenza').fill('Crema');
    await page.getByRole('option', { name: 'Crema', exact: true }).click();
    await page.getByRole('combobox', { name: 'Condizione occupazionale' }).click();
    await page.getByRole('option', { name: 'Disoccupato' }).click();
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByText(/Questo codice fiscale non si può registrare/).waitFor();
    expect(page.url()).toContain('/beneficiaries/create');

    await page.evaluate(() => sessionStorage.clear());
    await signIn(page, server, 'admin@demo.generattivi.it');
    const widget = page.getByRole('region', { name: /Possibili doppioni/ });
    await widget.getByRole('link', { name: /da verificare/ }).click();
    await page.waitForURL(/#\/possible-duplicates/);
    await waitForData(page);
    const row = page.getByRole('row').filter({ hasText: 'Bonfadini' });
    await expect(row.textContent()).resolves.toMatch(/\d{2}\/\d{2}\/\d{4},? \d{2}:\d{2}/);
    // Who reported it and their ambito (Crema, not the person's Cremona).
    await expect(row.textContent()).resolves.toContain('Chiara Locatelli');
    await expect(row.textContent()).resolves.toMatch(/Crema(?!na)/);
    await expect(
      row.getByRole('link', { name: /Bonfadini/ }).getAttribute('href'),
    ).resolves.toMatch(/#\/beneficiaries\/\d+\/show/);

    await row.getByRole('button', { name: 'Risolto' }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Segna come risolto' });
    await confirm.click();
    await dialog.getByText('Obbligatorio').waitFor();
    await field(dialog, 'Nota (cosa si è verificato o fatto)').fill(
      'Persona già seguita da Cremona: avvisato il servizio di Crema',
    );
    await confirm.click();
    await page.getByText('Possibile doppione risolto.').waitFor();
    await waitForData(page);
    await expect(page.getByRole('row').filter({ hasText: 'Bonfadini' }).count()).resolves.toBe(0);
  });
});
