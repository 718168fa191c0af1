import { anonymiseOn, italianDate } from '@generattivi/shared';
import { beneficiaryBody, createBeneficiary } from '../support/fixtures';
import { cremaSuite } from '../support/journeys';
import { field, openRoute, signIn, waitForData } from '../support/ui';

/**
 * Issue 15: the administrator anonymises a person from their page — a dialog that warns and
 * requires the reason — and finds whom the retention job anonymises next, with Italian dates.
 */
describe('anonymisation in the admin', () => {
  const suite = cremaSuite();

  it('anonymises a person through the dialog: the reason required, a warning, then «Persona anonimizzata»', async () => {
    const { server, browser, admin, crema } = suite;
    const { page } = browser;
    const person = await createBeneficiary(
      server,
      admin,
      beneficiaryBody(crema, { firstName: 'Ottavia', lastName: 'Scalvenzi' }),
    );
    await signIn(page, server, 'admin@demo.generattivi.it');
    await openRoute(page, server, `/beneficiaries/${person.id}/show`);
    await page.getByText('Scalvenzi').first().waitFor();
    await page.getByRole('button', { name: 'Anonimizza' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('alert').textContent()).resolves.toContain(
      'Operazione definitiva',
    );
    const confirm = dialog.getByRole('button', { name: 'Anonimizza definitivamente' });
    await confirm.click();
    await dialog.getByText('Obbligatorio').waitFor();
    await field(dialog, 'Motivo').fill('Richiesta dell’interessata (art. 17)');
    await confirm.click();
    await page.getByText('Persona anonimizzata.').waitFor();
    await page.getByText(/^Persona anonimizzata: i suoi dati identificativi/).waitFor();
    await waitForData(page);
    await expect(page.getByText('Scalvenzi').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Anonimizza' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Modifica' }).count()).resolves.toBe(0);
  });

  it('lists «Prossime anonimizzazioni» with dates as dd/mm/yyyy', async () => {
    const { server, browser, admin, crema } = suite;
    const { page } = browser;
    await createBeneficiary(
      server,
      admin,
      beneficiaryBody(crema, { firstName: 'Gervasio', lastName: 'Pedrinazzi' }),
    );
    // Still signed in from the test before.
    await openRoute(page, server, '/');
    await page.getByRole('menuitem', { name: 'Prossime anonimizzazioni' }).click();
    await page.waitForURL(/#\/retention-schedule/);
    await page.getByRole('columnheader', { name: 'Da anonimizzare il' }).waitFor();
    // Everyone entered today is due on the same day: the list narrowed to the one person.
    const filter = encodeURIComponent(JSON.stringify({ lastName: 'Pedrinazzi' }));
    await openRoute(page, server, `/retention-schedule?filter=${filter}`);
    await waitForData(page);
    const today = new Date().toISOString().slice(0, 10);
    const row = page.getByRole('row').filter({ hasText: 'Pedrinazzi' });
    await expect(row.textContent()).resolves.toContain(italianDate(anonymiseOn(today, 10)));
    await expect(row.textContent()).resolves.toContain('Nessun patto');
  });
});
