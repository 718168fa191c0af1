import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Browser, openBrowser } from '../support/browser';
import { listQuery } from '../support/demo';
import { byHeading, PACT_EXPORT_HEADINGS, readItalianCsv, readWorkbook } from '../support/exports';
import { startServer, TestServer } from '../support/server';
import { openRoute, signIn } from '../support/ui';

/** Presses Esporta, then the menu's `format`, and answers the file downloaded. */
async function exportAs(page: Page, format: RegExp) {
  await page.getByRole('button', { name: 'Esporta', exact: true }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: format }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/**
 * Esporta on the lists (issue 13): the server's spreadsheet of the list as it is filtered and
 * sorted, as a CSV Excel in Italian opens as it is or as an Excel workbook; not offered to a
 * role that may not export the list.
 */
describe('Esporta', () => {
  let server: TestServer;
  let browser: Browser;
  const worker = 'sociale.crema@demo.generattivi.it';

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite' });
  });
  afterEach(async () => {
    await browser?.close();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('gives a social worker the Patti list as Excel in Italian opens it: BOM, ";", Italian headings, one row per pact', async () => {
    browser = await openBrowser();
    const { page } = browser;
    await signIn(page, server, worker);
    await openRoute(page, server, '/pacts');
    const file = await exportAs(page, /^CSV/);
    expect(file.name).toMatch(/^patti-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = readItalianCsv(file.bytes);
    expect(rows[0]).toEqual(PACT_EXPORT_HEADINGS);
    // The list's own order (by start date, latest first) and every pact the worker sees, once.
    const token = await server.login(worker);
    const listed = await server.request<Array<{ reference: string }>>(
      'GET',
      `/api/pacts${listQuery({}, ['startDate', 'DESC'], [0, 999])}`,
      { token },
    );
    const pacts = byHeading(rows);
    expect(pacts.map((p) => p.Riferimento)).toEqual(listed.body.map((p) => p.reference));
    expect(new Set(pacts.map((p) => p.Riferimento)).size).toBe(pacts.length);
    expect(pacts.every((p) => /^\d{2}\/\d{2}\/\d{4}$/.test(p['Data di inizio']))).toBe(true);
    expect(pacts.every((p) => !/^[A-Z_]+$/.test(p.Stato))).toBe(true);

    const workbook = await exportAs(page, /^Excel/);
    expect(workbook.name).toMatch(/^patti-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect((await readWorkbook(workbook.bytes)).rowCount).toBe(pacts.length + 1);
  });

  it('offers a community maker on a phone their pacts’ export, and no list of people', async () => {
    browser = await openBrowser({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const { page } = browser;
    await signIn(page, server, 'maker.crema@demo.generattivi.it');
    await openRoute(page, server, '/pacts');
    const button = page.getByRole('button', { name: 'Esporta', exact: true });
    const box = await button.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    expect(box!.height).toBeGreaterThanOrEqual(44);
    const file = await exportAs(page, /^CSV/);
    expect(byHeading(readItalianCsv(file.bytes)).length).toBeGreaterThan(0);
    await openRoute(page, server, '/beneficiaries');
    await page.locator('.RaList-main').waitFor();
    expect(await page.getByRole('button', { name: 'Esporta', exact: true }).count()).toBe(0);
  });
});
