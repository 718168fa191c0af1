import { writeFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, openBrowser } from '../support/browser';
import { readItalianCsv } from '../support/exports';
import { startServer, TestServer } from '../support/server';
import { openRoute, signIn } from '../support/ui';

/**
 * «Importa» (issue 14): a social worker downloads the template, fills it in, uploads it; the
 * check reports the faulty cell; the fixed file goes in with «Importa N righe» and the
 * households are there.
 */
describe('Importa', () => {
  let server: TestServer;
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'generattivi-import-'));

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite' });
  });
  afterEach(async () => {
    await browser?.close();
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('template → a file with an error → the report → the fixed file → committed and listed', async () => {
    browser = await openBrowser();
    const { page } = browser;
    await signIn(page, server, 'sociale.crema@demo.generattivi.it');
    await page.getByRole('menuitem', { name: 'Importa' }).click();
    await page.getByRole('radio', { name: 'Nuclei familiari' }).check();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Scarica il modello CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('modello-households.csv');
    const [header] = readItalianCsv(readFileSync(await download.path()));
    expect(header.slice(0, 5)).toEqual([
      'Codice esterno',
      'Nome',
      'Ambito',
      'Comune',
      'Componenti',
    ]);

    const file = (members: string) => {
      const path = join(dir, 'nuclei.csv');
      writeFileSync(
        path,
        [
          header.join(';'),
          'WEB-1;Famiglia Sperandio;Crema;Crema;3;8.000,00;No;',
          `WEB-2;Famiglia Oldani;Crema;Crema;${members};;No;`,
        ].join('\r\n'),
      );
      return path;
    };
    await page.locator('input[type=file]').setInputFiles(file('tre'));
    await page.getByRole('button', { name: 'Controlla il file' }).click();
    const report = page.getByRole('table', { name: 'Esito riga per riga' });
    await report.getByText('Componenti: deve essere un numero').waitFor();
    await page.getByText(/Righe con errori: 1\./).waitFor();
    expect(await page.getByRole('button', { name: /^Importa \d+ righe$/ }).count()).toBe(0);

    await page.locator('input[type=file]').setInputFiles(file('2'));
    await page.getByRole('button', { name: 'Controlla il file' }).click();
    await page.getByRole('button', { name: 'Importa 2 righe' }).click();
    await page.getByText('Importazione completata: 2 create, 0 aggiornate, 0 invariate.').waitFor();

    await openRoute(page, server, '/households');
    await page.getByText('Famiglia Oldani').first().waitFor();
    await page.getByText('Famiglia Sperandio').first().waitFor();
  });

  it('Patti: a person not on file is reported; once entered, the pact goes in', async () => {
    browser = await openBrowser();
    const { page } = browser;
    await signIn(page, server, 'sociale.crema@demo.generattivi.it');
    await page.getByRole('menuitem', { name: 'Importa' }).click();
    await page.getByRole('radio', { name: 'Patti' }).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Scarica il modello CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('modello-pacts.csv');

    const path = join(dir, 'patti.csv');
    writeFileSync(
      path,
      [
        'Codice esterno;Tipo di patto;Ambito;Codice fiscale beneficiario;Titolo;Data di inizio',
        'WEB-P1;Autonomia;Crema;FRRGLI95C55D142N;Percorso verso il lavoro;01/12/2026',
      ].join('\r\n'),
    );
    await page.locator('input[type=file]').setInputFiles(path);
    await page.getByRole('button', { name: 'Controlla il file' }).click();
    const report = page.getByRole('table', { name: 'Esito riga per riga' });
    await report
      .getByText(
        'Codice fiscale beneficiario: nessuna persona dei tuoi ambiti ha il codice fiscale FRRGLI95C55D142N',
        { exact: false },
      )
      .waitFor();

    const sw = await server.login('sociale.crema@demo.generattivi.it');
    const territories = await server.request<Array<{ id: number; code: string }>>(
      'GET',
      '/api/territories',
      { token: sw },
    );
    const crema = territories.body.find((t) => t.code === 'CREMA')!;
    const person = await server.request('POST', '/api/beneficiaries', {
      token: sw,
      body: {
        lastName: 'Ferrari',
        firstName: 'Giulia',
        fiscalCode: 'FRRGLI95C55D142N',
        birthDate: '1995-03-15',
        sex: 'F',
        territoryId: crema.id,
        municipality: 'Crema',
        employmentStatus: 'UNEMPLOYED',
      },
    });
    expect(person.status).toBe(201);

    await page.getByRole('button', { name: 'Controlla il file' }).click();
    await page.getByRole('button', { name: 'Importa 1 riga' }).click();
    await page.getByText('Importazione completata: 1 create, 0 aggiornate, 0 invariate.').waitFor();
    await openRoute(page, server, '/pacts');
    await page.getByText('Percorso verso il lavoro').first().waitFor();
  });
});
