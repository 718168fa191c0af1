import { ARTIFACTS, Browser, openBrowser } from '../support/browser';
import { makerPact } from '../support/journeys';
import { startServer, TestServer } from '../support/server';
import { eventually, openRoute, seriousAxeViolations, signIn } from '../support/ui';

interface Pact {
  id: number;
  reference: string;
  version: number;
}
interface Milestone {
  id: number;
  title: string;
  status: string;
  evidence: string | null;
}

/**
 * Closing decides the open milestones: the closing dialog names how many are still to do,
 * asks whether they become missed or cancelled, and sends the choice with the transition.
 */
describe('closing a pact with milestones still to do', () => {
  let server: TestServer;
  let browser: Browser;
  let token: string;

  /** An ACTIVE pact with one achieved milestone and two still to do. */
  const activePact = async (lastName: string): Promise<Pact> => {
    const { pact } = await makerPact(server, token, {
      maker: 'maker.crema@demo.generattivi.it',
      person: { age: 30, firstName: 'Luca', lastName, sex: 'M' },
      title: `Percorso di ${lastName}`,
      days: 120,
      milestones: [
        ['Bilancio di competenze', 15],
        ['Colloquio in azienda', 40],
        ['Tirocinio', 80],
      ],
      status: 'ACTIVE',
    });
    const [first] = await milestones(pact.id);
    const res = await server.request('PUT', `/api/milestones/${first.id}`, {
      token,
      body: { ...first, status: 'ACHIEVED' },
    });
    if (res.status !== 200) throw new Error(`achieve → ${res.status} ${res.text}`);
    return pact;
  };

  const milestones = async (pactId: number) =>
    (
      await server.request<Milestone[]>(
        'GET',
        `/api/milestones?filter=${encodeURIComponent(JSON.stringify({ pactId }))}&sort=${encodeURIComponent('["dueDate","ASC"]')}`,
        { token },
      )
    ).body;

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite' });
    browser = await openBrowser();
    token = await server.login('sociale.crema@demo.generattivi.it');
    await signIn(browser.page, server, 'sociale.crema@demo.generattivi.it');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('asks what the 2 milestones still to do become, refuses to go on without it, and sends it', async () => {
    const pact = await activePact('Chiusura');
    const { page } = browser;
    await openRoute(page, server, `/pacts/${pact.id}/show`);
    await page.getByRole('button', { name: 'Interrompi' }).click();
    const dialog = page.getByRole('dialog');
    const question = dialog.getByRole('radiogroup', {
      name: /^2 tappe ancora da fare: segnale come non raggiunte o annullate/,
    });
    await question.waitFor();
    await dialog.getByText('Colloquio in azienda · Tirocinio').waitFor();

    await dialog.getByRole('combobox', { name: 'Motivo dell’interruzione' }).click();
    await page.getByRole('option', { name: 'Trasferimento' }).click();
    await dialog.getByRole('textbox', { name: 'Motivazione' }).fill('Trasferito a Milano');
    // Without the decision the dialog says what is missing and sends nothing.
    await dialog.getByRole('button', { name: 'Interrompi' }).click();
    await dialog.getByText('Scegli cosa diventano le tappe ancora da fare.').waitFor();
    expect((await milestones(pact.id)).map((m) => m.status)).toEqual([
      'ACHIEVED',
      'PENDING',
      'PENDING',
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/pact-closing-open-milestones.png` });

    await question.getByRole('radio', { name: 'Non raggiunte' }).check();
    await dialog.getByRole('button', { name: 'Interrompi' }).click();
    await dialog.waitFor({ state: 'detached' });
    const statuses = async () =>
      (await milestones(pact.id)).map((m) => `${m.status}:${m.evidence ?? ''}`).join(',');
    await expect(
      eventually(statuses, 'ACHIEVED:,MISSED:Trasferito a Milano,MISSED:Trasferito a Milano'),
    ).resolves.toBe('ACHIEVED:,MISSED:Trasferito a Milano,MISSED:Trasferito a Milano');
  });

  it('asks nothing about milestones when suspending', async () => {
    const pact = await activePact('Sospensione');
    const { page } = browser;
    await openRoute(page, server, `/pacts/${pact.id}/show`);
    await page.getByRole('button', { name: 'Sospendi' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Motivazione' }).waitFor();
    expect(await dialog.getByRole('radiogroup').count()).toBe(0);
    await dialog.getByRole('textbox', { name: 'Motivazione' }).fill('Ricovero');
    await dialog.getByRole('button', { name: 'Sospendi' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Tappe' }).click();
    await page
      .getByText('Patto sospeso: le scadenze sono ferme', { exact: false })
      .waitFor({ timeout: 10_000 });
  });
});
