import { readFileSync } from 'node:fs';
import { addDays, todayIso } from '@generattivi/shared';
import { CREMA_WORKER, cremaSuite } from '../support/journeys';
import {
  apiPost,
  cremaBeneficiary,
  eventually,
  field,
  makerAccount,
  openRoute,
  signIn,
  waitForData,
} from '../support/ui';

interface CaseloadRow {
  fullName: string;
}

/**
 * Issue 13, lists: a filtered pact list survives a reload; the manager's dashboard filters
 * live in the address and narrow the caseload tables, each downloadable as CSV for Excel;
 * two selected pacts are handed over together; an edited form warns before it is left.
 */
describe('lists and the manager dashboard in the admin', () => {
  const suite = cremaSuite();
  const worker = CREMA_WORKER;

  const signOut = () => suite.browser.page.evaluate(() => sessionStorage.clear());

  /** A pact of Crema for a new beneficiary, through the API. */
  async function pact(lastName: string, title: string, communityMakerId?: number) {
    const b = await cremaBeneficiary(suite.server, suite.sw, suite.crema, {
      firstName: 'Ilaria',
      lastName,
      sex: 'F',
    });
    return apiPost(suite.server, suite.sw, '/api/pacts', {
      type: 'AUTONOMY',
      territoryId: suite.crema,
      beneficiaryId: b.id,
      title,
      startDate: todayIso(),
      ...(communityMakerId ? { communityMakerId } : {}),
    });
  }

  it('keeps the pact list filtered by search and "In ritardo" after a reload', async () => {
    const { page } = suite.browser;
    const late = await pact('Ritardini', 'Listafiltro in ritardo');
    await pact('Puntuali', 'Listafiltro in tempo');
    await apiPost(suite.server, suite.sw, '/api/milestones', {
      pactId: late.id,
      title: 'Colloquio',
      dueDate: addDays(todayIso(), -2),
    });
    await signIn(page, suite.server, worker);
    await openRoute(page, suite.server, '/pacts');
    await page.getByRole('textbox', { name: /Cerca/ }).fill('Listafiltro');
    await page.getByText('Listafiltro in tempo').first().waitFor();
    const overdue = page.getByLabel('In ritardo', { exact: true });
    await overdue.check();
    await page.getByText('Listafiltro in tempo').first().waitFor({ state: 'detached' });
    await expect(page.getByText('Listafiltro in ritardo').count()).resolves.toBeGreaterThan(0);
    expect(decodeURIComponent(page.url())).toContain('"overdue":true');

    await page.reload();
    await waitForData(page);
    await page.getByText('Listafiltro in ritardo').first().waitFor();
    await expect(page.getByText('Listafiltro in tempo').count()).resolves.toBe(0);
    await expect(page.getByLabel('In ritardo', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('textbox', { name: /Cerca/ }).inputValue()).resolves.toBe(
      'Listafiltro',
    );
    // Switched off, the filter goes: the pacts on time come back.
    await page.getByLabel('In ritardo', { exact: true }).uncheck();
    await page.getByText('Listafiltro in tempo').first().waitFor();
    expect(decodeURIComponent(page.url())).not.toContain('overdue');
  });

  it('saves the filter shown under a name and applies it again from "Filtri salvati"', async () => {
    const { page } = suite.browser;
    const late = await pact('Salvati', 'Salvafiltro in ritardo');
    await pact('Tempestivi', 'Salvafiltro in tempo');
    await apiPost(suite.server, suite.sw, '/api/milestones', {
      pactId: late.id,
      title: 'Colloquio',
      dueDate: addDays(todayIso(), -2),
    });
    await signOut();
    await signIn(page, suite.server, worker);
    await openRoute(page, suite.server, '/pacts');
    await page.getByRole('textbox', { name: /Cerca/ }).fill('Salvafiltro');
    await page.getByLabel('In ritardo', { exact: true }).check();
    // Both filters applied to the list (the search is applied after a pause in typing) before
    // the filter shown is saved.
    await expect(
      eventually(async () => {
        const url = decodeURIComponent(page.url());
        return url.includes('"q":"Salvafiltro"') && url.includes('"overdue":true');
      }, true),
    ).resolves.toBe(true);
    await page.getByText('Salvafiltro in ritardo').first().waitFor();
    await page.getByText('Salvafiltro in tempo').first().waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Filtri salvati' }).click();
    await page.getByRole('menuitem', { name: 'Salva il filtro attuale' }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'Nome del filtro').fill('Miei in ritardo');
    await dialog.getByRole('button', { name: 'Salva' }).click();
    await page.getByText('Filtro «Miei in ritardo» salvato.').waitFor();
    await dialog.waitFor({ state: 'detached' });

    // The same name again is refused in Italian.
    await page.getByRole('button', { name: 'Filtri salvati' }).click();
    await page.getByRole('menuitem', { name: 'Salva il filtro attuale' }).click();
    await field(dialog, 'Nome del filtro').fill('Miei in ritardo');
    await dialog.getByRole('button', { name: 'Salva' }).click();
    await dialog.getByText(/Hai già un filtro salvato «Miei in ritardo»/).waitFor();
    await dialog.getByRole('button', { name: 'Annulla' }).click();

    // Cleared, then applied again from the menu.
    await openRoute(page, suite.server, '/pacts?filter=%7B%7D');
    await expect(page.getByLabel('In ritardo', { exact: true }).isChecked()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Filtri salvati' }).click();
    await page.getByRole('menuitem', { name: /^Miei in ritardo/ }).click();
    await page
      .getByRole('menuitem', { name: 'Salva il filtro attuale' })
      .waitFor({ state: 'detached' });
    await expect(
      eventually(async () => decodeURIComponent(page.url()).includes('"overdue":true'), true),
    ).resolves.toBe(true);
    await page.getByText('Salvafiltro in ritardo').first().waitFor();
    await expect(eventually(() => page.getByText('Salvafiltro in tempo').count(), 0)).resolves.toBe(
      0,
    );
    await expect(page.getByLabel('In ritardo', { exact: true }).isChecked()).resolves.toBe(true);
    const url = decodeURIComponent(page.url());
    expect(url).toContain('"overdue":true');
    expect(url).toContain('"q":"Salvafiltro"');

    // Deleted, it is no longer offered.
    await page.getByRole('button', { name: 'Filtri salvati' }).click();
    await page.getByRole('button', { name: 'Elimina il filtro «Miei in ritardo»' }).click();
    await page.getByText('Filtro «Miei in ritardo» eliminato.').waitFor();
    await page.getByRole('button', { name: 'Filtri salvati' }).click();
    await page.getByText('Nessun filtro salvato per questo elenco.').waitFor();
    await page.keyboard.press('Escape');
  });

  it('warns before leaving an edited form, and stays when told to', async () => {
    const { page } = suite.browser;
    const draft = await pact('Modificati', 'Bozza da modificare');
    await openRoute(page, suite.server, `/pacts/${draft.id}/edit`);
    await field(page, 'Titolo').fill('Bozza modificata e non salvata');
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('menuitem', { name: 'Patti' }).first().click();
    await page.waitForTimeout(500);
    expect(asked).toEqual(['Alcune modifiche non sono state salvate. Vuoi davvero ignorarle?']);
    expect(page.url()).toContain(`/pacts/${draft.id}/edit`);
    await expect(field(page, 'Titolo').inputValue()).resolves.toBe(
      'Bozza modificata e non salvata',
    );
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('menuitem', { name: 'Patti' }).first().click();
    await page.waitForURL(/#\/pacts(\?|$)/);
  });

  it('keeps the dashboard filters after a reload and narrows the caseload tables; downloads them as CSV', async () => {
    const { page } = suite.browser;
    const manager = await suite.server.login('manager@demo.generattivi.it');
    const makers = async (query: string) =>
      (
        await suite.server.request<{ communityMakers: CaseloadRow[] }>(
          'GET',
          `/api/reports/caseload${query}`,
          { token: manager },
        )
      ).body.communityMakers.map((r) => r.fullName);
    const inCrema = await makers(`?territoryId=${suite.crema}`);
    const elsewhere = (await makers('')).filter((name) => !inCrema.includes(name));
    expect(inCrema.length).toBeGreaterThan(0);
    expect(elsewhere.length).toBeGreaterThan(0);

    await signOut();
    await signIn(page, suite.server, 'manager@demo.generattivi.it');
    const table = page.getByRole('region', { name: 'Community maker e carico di lavoro' });
    await table.getByText(elsewhere[0]).first().waitFor();
    await page.getByRole('combobox', { name: 'Ambito' }).click();
    await page.getByRole('option', { name: 'Crema' }).click();
    await table.getByText(elsewhere[0]).first().waitFor({ state: 'detached' });
    expect(page.url()).toContain(`territoryId=${suite.crema}`);

    await page.reload();
    await waitForData(page);
    await table.getByText(inCrema[0]).first().waitFor();
    for (const name of elsewhere) await expect(table.getByText(name).count()).resolves.toBe(0);
    await expect(page.getByRole('combobox', { name: 'Ambito' }).textContent()).resolves.toBe(
      'Crema',
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: 'Scarica CSV — Community maker e carico di lavoro' })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe('carico-community-maker.csv');
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toMatch(/^Ruolo;Nome;Patti: Bozza;/);
    for (const name of inCrema) expect(text).toContain(`;${name};`);
    for (const name of elsewhere) expect(text).not.toContain(`;${name};`);
    // The community makers' table alone, not the social workers'.
    expect(text).not.toContain('\r\nAssistente sociale;');
  });

  it('hands two selected pacts over together; the selection clears and the list refreshes', async () => {
    const { page } = suite.browser;
    const user = (fullName: string) =>
      makerAccount(suite.server, suite.admin, fullName, [suite.crema]);
    const from = await user('Elena Selezioni');
    await user('Paolo Riceventi');
    await pact('Abbiati', 'Selezione uno', from.id);
    await pact('Borsieri', 'Selezione due', from.id);
    await pact('Cantoni', 'Selezione tre', from.id);

    await signOut();
    await signIn(page, suite.server, 'admin@demo.generattivi.it');
    const filter = encodeURIComponent(JSON.stringify({ communityMakerId: from.id }));
    await openRoute(page, suite.server, `/pacts?filter=${filter}&sort=title&order=ASC`);
    const rows = page.locator('tbody tr');
    await rows.nth(2).waitFor();
    await expect(rows.count()).resolves.toBe(3);
    await rows.filter({ hasText: 'Selezione due' }).getByRole('checkbox').check();
    await rows.filter({ hasText: 'Selezione tre' }).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Passa i patti selezionati' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('I 2 patti selezionati di Elena Selezioni').waitFor();
    await dialog.getByRole('combobox', { name: 'A chi' }).click();
    await page.getByRole('option', { name: /^Paolo Riceventi/ }).click();
    await field(dialog, 'Motivo').fill('Riequilibrio dei carichi');
    await dialog.getByRole('button', { name: 'Passa i patti' }).click();
    await page.getByText('2 patti passati a Paolo Riceventi.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await rows.filter({ hasText: 'Selezione tre' }).waitFor({ state: 'detached' });
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('Selezione uno');
    // Nothing stays selected (the pacts handed over are no longer in the list).
    await expect(page.locator('input[type="checkbox"]:checked').count()).resolves.toBe(0);
    await rows.first().getByRole('checkbox').check();
    await page.getByText('1 elemento selezionato').waitFor();
    const moved = await suite.server.request<Array<{ title: string; communityMakerId: number }>>(
      'GET',
      `/api/pacts?filter=${filter}`,
      { token: suite.admin },
    );
    expect(moved.body.map((p) => p.title)).toEqual(['Selezione uno']);
  });
});
