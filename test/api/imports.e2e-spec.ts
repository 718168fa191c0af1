import type { Household } from '@generattivi/shared';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { DEMO_ACCOUNT, listQuery } from '../support/demo';
import { territoryIds, type Json } from '../support/fixtures';
import {
  italianCsv,
  PEOPLE_HEADER,
  personRow as numberedPerson,
  runImport,
  uploadImport,
} from '../support/imports';
import { START_NODE_OPTIONS, startServer, type TestServer } from '../support/server';

/**
 * Issue 14: spreadsheets imported as background jobs with a report row by row, through the
 * API's own validation, scoping and audit; all or nothing; idempotent by fiscal code and
 * external code.
 */

const FIXTURES = join(__dirname, '..', 'fixtures', 'imports');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const MiB = 1024 * 1024;

type Person = Json & { id: number; fiscalCode: string; birthDate: string; householdId: number };

const csv = italianCsv;

let serial = 0;
/** A person's row with a valid fiscal code, born `1980 + n % 20`. */
function personRow(n: number, overrides: Partial<Record<'territory' | 'fiscalCode', string>> = {}) {
  serial += 1;
  const lastName = `Importato${String.fromCharCode(65 + (serial % 26))}${String.fromCharCode(65 + ((serial >> 5) % 26))}`;
  const [last, first, fiscalCode, birthDate, sex, territory, municipality, employment] =
    numberedPerson(n, lastName);
  return [
    last,
    first,
    overrides.fiscalCode ?? fiscalCode,
    birthDate,
    sex,
    overrides.territory ?? territory,
    overrides.territory ?? municipality,
    employment,
  ];
}

describe('imports', () => {
  let server: TestServer;
  let tokens: Record<'admin' | 'sw' | 'swCremona' | 'maker' | 'manager', string>;
  let territories: Record<string, number>;

  const upload = (token: string, kind: string, file: Buffer, name: string, dryRun = true) =>
    uploadImport(server, token, kind, file, name, dryRun);
  const run = (token: string, kind: string, file: Buffer, name: string, dryRun = true) =>
    runImport(server, token, kind, file, name, dryRun);

  const households = async (q: string) =>
    (
      await server.request<Household[]>('GET', `/api/households${listQuery({ q })}`, {
        token: tokens.admin,
      })
    ).body;
  const peopleBy = async (fiscalCode: string[]) =>
    (
      await server.request<Person[]>('GET', `/api/beneficiaries${listQuery({ fiscalCode })}`, {
        token: tokens.admin,
      })
    ).body;

  beforeAll(async () => {
    server = await startServer();
    const [admin, sw, swCremona, maker, manager] = await Promise.all(
      [
        DEMO_ACCOUNT.ADMIN,
        'sociale.crema@demo.generattivi.it',
        'sociale.cremona@demo.generattivi.it',
        DEMO_ACCOUNT.COMMUNITY_MAKER,
        DEMO_ACCOUNT.MANAGER,
      ].map((email) => server.login(email)),
    );
    tokens = { admin, sw, swCremona, maker, manager };
    territories = await territoryIds(server, admin);
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('templates', () => {
    it('CSV as Excel in Italian opens it: BOM, «;», the headings and a sample row', async () => {
      const res = await fetch(`${server.url}/api/imports/templates/households?format=csv`, {
        headers: { authorization: `Bearer ${tokens.sw}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toMatch(/modello-households\.csv/);
      const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
      expect(text.startsWith('\ufeffCodice esterno;Nome;Ambito;Comune;Componenti;ISEE (€)')).toBe(
        true,
      );
      expect(text.split('\r\n')[1]).toBe('NUC-001;Famiglia Rossi;Crema;Crema;4;8.450,50;No;');
    });

    it('XLSX with the data sheet and «Istruzioni» explaining each column', async () => {
      const res = await fetch(`${server.url}/api/imports/templates/beneficiaries?format=xlsx`, {
        headers: { authorization: `Bearer ${tokens.sw}` },
      });
      expect(res.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await res.arrayBuffer());
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['Dati', 'Istruzioni']);
      const help = workbook.getWorksheet('Istruzioni')!;
      expect(help.getRow(1).values).toEqual([
        undefined,
        'Colonna',
        'Obbligatoria',
        'Che cosa scrivere',
        'Esempio',
      ]);
      expect(help.rowCount).toBe(13);
      expect(String(help.getRow(4).getCell(3).value)).toMatch(/codice fiscale/i);
    });

    it('refuses an unknown kind or format, and the roles that do not import', async () => {
      const get = (path: string, token = tokens.sw) => server.request('GET', path, { token });
      expect((await get('/api/imports/templates/pets')).status).toBe(404);
      expect((await get('/api/imports/templates/households?format=pdf')).status).toBe(400);
      expect((await get('/api/imports/templates/households', tokens.maker)).status).toBe(403);
      expect((await get('/api/imports/templates/households', tokens.manager)).status).toBe(403);
    });
  });

  describe('an Excel-Italian CSV (Windows-1252, «;», decimal commas)', () => {
    it('dry run reports without writing; commit writes; the same file again changes nothing', async () => {
      const file = fixture('nuclei-excel-italiano.csv');
      const dry = await run(tokens.sw, 'households', file, 'nuclei.csv');
      expect(dry).toMatchObject({ status: 'DONE', dryRun: true, committed: false, rows: 3 });
      expect(dry).toMatchObject({ processed: 3, created: 3, updated: 0, unchanged: 0, failed: 0 });
      // The empty line 4 is skipped; the extra column is ignored with a warning.
      expect(dry.results.map((r) => [r.row, r.status])).toEqual([
        [2, 'created'],
        [3, 'created'],
        [5, 'created'],
      ]);
      expect(dry.warnings).toEqual([
        expect.objectContaining({
          code: 'IMPORT_COLUMN_IGNORED',
          params: { column: 'Note interne' },
        }),
      ]);
      expect(await households('Brambilla')).toEqual([]);

      const done = await run(tokens.sw, 'households', file, 'nuclei.csv', false);
      expect(done).toMatchObject({ committed: true, created: 3, failed: 0 });
      const [nicolo] = await households('Brambilla');
      expect(nicolo).toMatchObject({
        name: 'Famiglia Nicolò Brambilla',
        territoryId: territories.CREMA,
        municipality: 'Crema',
        membersCount: 4,
        iseeEur: 9360,
        vulnerable: false,
      });
      const [zane] = await households('Zanè');
      expect(zane).toMatchObject({
        name: 'Famiglia Zanè; Ferrari',
        municipality: 'Offanengo',
        iseeEur: 12500.5,
        vulnerable: true,
        vulnerabilityReason: 'Perdita del lavoro, sfratto',
      });
      // Through the service: audited like a POST.
      const audit = await server.request<Array<{ action: string }>>(
        'GET',
        `/api/audit-events${listQuery({ entityType: 'households', entityId: zane.id })}`,
        { token: tokens.admin },
      );
      expect(audit.body.map((e) => e.action)).toEqual(['create']);

      const again = await run(tokens.sw, 'households', file, 'nuclei.csv', false);
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, failed: 0 });
      expect(again.results.map((r) => r.id)).toEqual(done.results.map((r) => r.id));
      expect(await households('Brambilla')).toHaveLength(1);
    });
  });

  describe('the same file sent 20 times at once', () => {
    it('creates each household once: the others find it by its external code', async () => {
      const file = csv([
        ['Codice esterno', 'Nome', 'Ambito', 'Comune', 'Componenti'],
        ['PAR-1', 'Famiglia Parallela Uno', 'Crema', 'Crema', '2'],
        ['PAR-2', 'Famiglia Parallela Due', 'Crema', 'Crema', '3'],
      ]);
      const jobs = await Promise.all(
        Array.from({ length: 20 }, () => run(tokens.sw, 'households', file, 'par.csv', false)),
      );
      expect(jobs.every((j) => j.committed && j.failed === 0)).toBe(true);
      expect(jobs.reduce((n, j) => n + j.created, 0)).toBe(2);
      expect(jobs.reduce((n, j) => n + j.unchanged, 0)).toBe(38);
      expect(await households('Parallela')).toHaveLength(2);
    });
  });

  describe('an XLSX with typed cells and formulas', () => {
    it('reads dates as dates, serials or text, formulas as their values; keeps = + - @ as text', async () => {
      const file = fixture('persone-celle-tipizzate.xlsx');
      const res = await run(tokens.sw, 'beneficiaries', file, 'persone.xlsx', false);
      expect(res).toMatchObject({ committed: true, rows: 3, created: 3, failed: 0 });
      expect(res.warnings).toEqual([
        expect.objectContaining({
          code: 'IMPORT_COLUMN_MISSPELLED',
          params: { column: 'Telefno', suggestion: 'Telefono' },
        }),
      ]);
      const people = await peopleBy(['BRTGLI96C54D142D', 'SCGMTT00S02D142A', 'PDRNMO90L65D150I']);
      const byCode = Object.fromEntries(people.map((p) => [p.fiscalCode, p]));
      const [nuc1] = await households('Brambilla');
      const [nuc2] = await households('Zanè');
      expect(byCode.BRTGLI96C54D142D).toMatchObject({
        birthDate: '1996-03-14',
        sex: 'F',
        address: '=SOMMA(1;2) via Roma',
        phone: null,
        employmentStatus: 'UNEMPLOYED',
        householdId: nuc1.id,
      });
      expect(byCode.SCGMTT00S02D142A).toMatchObject({
        firstName: 'Mattia',
        birthDate: '2000-11-02',
        address: '-piano terra',
        householdId: nuc2.id,
      });
      expect(byCode.PDRNMO90L65D150I).toMatchObject({
        birthDate: '1990-07-25',
        municipality: 'Offanengo',
        address: '@casa',
        employmentStatus: 'STUDENT',
        householdId: null,
      });

      // Exports neutralise those texts: CSV with an apostrophe, XLSX as text cells.
      const exported = await fetch(
        `${server.url}/api/beneficiaries/export?format=csv&filter=${encodeURIComponent(JSON.stringify({ fiscalCode: 'BRTGLI96C54D142D' }))}`,
        { headers: { authorization: `Bearer ${tokens.sw}` } },
      );
      expect(await exported.text()).toContain(';"\'=SOMMA(1;2) via Roma";');
      const xlsx = await fetch(
        `${server.url}/api/beneficiaries/export?format=xlsx&filter=${encodeURIComponent(JSON.stringify({ fiscalCode: 'BRTGLI96C54D142D' }))}`,
        { headers: { authorization: `Bearer ${tokens.sw}` } },
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await xlsx.arrayBuffer());
      const cells = workbook.worksheets[0].getRow(2).values as unknown[];
      expect(cells).toContain('=SOMMA(1;2) via Roma');
      expect(cells.some((c) => typeof c === 'object' && c !== null && 'formula' in c)).toBe(false);

      const again = await run(tokens.sw, 'beneficiaries', file, 'persone.xlsx', false);
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, failed: 0 });
    });
  });

  describe('all or nothing', () => {
    it('a row in error leaves the database untouched; the report says why, by column, in Italian', async () => {
      const good = [personRow(1), personRow(2)];
      const wrong = personRow(3);
      const code = wrong[2];
      wrong[2] = code.slice(0, 15) + (code[15] === 'Z' ? 'Y' : 'Z');
      const file = csv([PEOPLE_HEADER, good[0], wrong, good[1]]);
      const res = await run(tokens.sw, 'beneficiaries', file, 'persone.csv', false);
      expect(res).toMatchObject({ status: 'DONE', committed: false, rows: 3, failed: 1 });
      expect(res.results[1]).toEqual({
        row: 3,
        status: 'error',
        errors: {
          'Codice fiscale': expect.objectContaining({ code: 'FISCAL_CODE_CHECK_CHARACTER' }),
        },
      });
      expect(await peopleBy([good[0][2], good[1][2]])).toEqual([]);

      const report = await fetch(`${server.url}/api/imports/${res.id}/report`, {
        headers: { authorization: `Bearer ${tokens.sw}` },
      });
      expect(report.status).toBe(200);
      expect(report.headers.get('content-disposition')).toMatch(/persone-esito\.csv/);
      const lines = (await report.text()).replace(/^\ufeff/, '').split('\r\n');
      expect(lines[0]).toBe([...PEOPLE_HEADER, 'Esito'].join(';'));
      expect(lines[2]).toBe(
        [...wrong, 'errore — Codice fiscale: il carattere di controllo non corrisponde'].join(';'),
      );
      expect(lines[1].endsWith(';creato')).toBe(true);

      // The same file with the row fixed goes in whole.
      wrong[2] = code;
      const fixed = await run(
        tokens.sw,
        'beneficiaries',
        csv([PEOPLE_HEADER, good[0], wrong, good[1]]),
        'persone.csv',
        false,
      );
      expect(fixed).toMatchObject({ committed: true, created: 3, failed: 0 });
      expect(await peopleBy([good[0][2], code, good[1][2]])).toHaveLength(3);
    });

    it('the same key twice in a file is an error naming the first row', async () => {
      const row = personRow(4);
      const res = await run(
        tokens.sw,
        'beneficiaries',
        csv([PEOPLE_HEADER, row, row]),
        'doppio.csv',
      );
      expect(res.results[1]).toEqual({
        row: 3,
        status: 'error',
        errors: {
          'Codice fiscale': expect.objectContaining({
            code: 'IMPORT_DUPLICATE_ROW',
            params: { line: 2 },
          }),
        },
      });
    });
  });

  describe('scoping and refusals', () => {
    it('a social worker imports only into their territories', async () => {
      const res = await run(
        tokens.swCremona,
        'beneficiaries',
        csv([PEOPLE_HEADER, personRow(5), personRow(6, { territory: 'Cremona' })]),
        'altro.csv',
      );
      expect(res.results[0]).toEqual({
        row: 2,
        status: 'error',
        errors: { Ambito: expect.objectContaining({ code: 'NOT_IN_TERRITORY' }) },
      });
      expect(res.results[1].status).toBe('created');
      // Another's import does not exist for them.
      expect(
        (await server.request('GET', `/api/imports/${res.id}`, { token: tokens.sw })).status,
      ).toBe(404);
      expect(
        (await server.request('GET', `/api/imports/${res.id}`, { token: tokens.admin })).status,
      ).toBe(200);
    });

    it('managers and community makers do not import', async () => {
      const file = csv([PEOPLE_HEADER, personRow(7)]);
      expect((await upload(tokens.maker, 'beneficiaries', file, 'x.csv')).status).toBe(403);
      expect((await upload(tokens.manager, 'beneficiaries', file, 'x.csv')).status).toBe(403);
    });

    it('a missing column is a 400 naming it, with the heading that looks like it', async () => {
      const header = PEOPLE_HEADER.map((h) => (h === 'Codice fiscale' ? 'Codce fiscale' : h));
      const res = await upload(tokens.sw, 'beneficiaries', csv([header, personRow(8)]), 'x.csv');
      expect(res.status).toBe(400);
      expect(res.body.fieldErrors).toEqual({
        'Codice fiscale': expect.objectContaining({
          code: 'IMPORT_COLUMN_MISSPELLED',
          params: { column: 'Codce fiscale', suggestion: 'Codice fiscale' },
        }),
      });
      const bad = await upload(tokens.sw, 'pets', csv([PEOPLE_HEADER]), 'x.csv');
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.fieldErrors as Json)).toEqual(['kind']);
      const empty = await upload(
        tokens.sw,
        'beneficiaries',
        csv([PEOPLE_HEADER, ['', '']]),
        'x.csv',
      );
      expect(empty.status).toBe(400);
      expect(empty.body.code).toBe('IMPORT_NO_ROWS');
    });

    it('over 20 MiB or 50,000 rows: 413 with a message', async () => {
      const big = Buffer.alloc(20 * MiB + 1, 'a');
      const tooBig = await upload(tokens.sw, 'beneficiaries', big, 'grande.csv');
      expect(tooBig.status).toBe(413);
      expect(tooBig.body).toMatchObject({ code: 'IMPORT_TOO_LARGE' });
      const line = personRow(9).join(';');
      const many = Buffer.from(
        [PEOPLE_HEADER.join(';'), ...Array.from({ length: 50_001 }, () => line)].join('\r\n'),
      );
      expect(many.length).toBeLessThan(20 * MiB);
      const tooMany = await upload(tokens.sw, 'beneficiaries', many, 'molte.csv');
      expect(tooMany.status).toBe(413);
      expect(tooMany.body.message).toMatch(/50000 rows/);
    });

    it('an XLSX unzipping past the limit (its shared strings over 32 MiB): 413 with a message', async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Persone');
      sheet.addRow(PEOPLE_HEADER);
      const long = 'x'.repeat(32_000);
      for (let i = 0; i < 1100; i++) sheet.addRow([`${long}${i}`, ...personRow(100 + i).slice(1)]);
      const file = Buffer.from(await book.xlsx.writeBuffer());
      expect(file.length).toBeLessThan(2 * MiB);
      const res = await upload(tokens.sw, 'beneficiaries', file, 'bomba.xlsx');
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({
        code: 'IMPORT_UNZIPPED_TOO_LARGE',
        params: { maxBytes: 32 * MiB },
      });
    });
  });

  /** 20,000 rows on either engine (issue 14: each phase under a minute, under 300 MB). */
  const BULK = 20_000;

  describe.each(['csv', 'xlsx'] as const)(`${BULK} rows (%s)`, (format) => {
    it('dry run and commit every row, the server answering meanwhile (times and memory printed, measured, not asserted)', async () => {
      // A server of its own: its memory is the import's, not the other tests'; with the heap
      // limit `npm start` gives node.
      const bulk = await startServer({ env: { NODE_OPTIONS: START_NODE_OPTIONS } });
      try {
        const token = await bulk.login(DEMO_ACCOUNT.ADMIN);
        const people = async () => {
          const list = await bulk.request('GET', '/api/beneficiaries', { token });
          return Number(/\/(\d+)$/.exec(list.headers.get('content-range') ?? '')?.[1]);
        };
        const before = await people();
        const rows = Array.from({ length: BULK }, (_, i) => personRow(10_000 + i));
        const file = format === 'csv' ? csv([PEOPLE_HEADER, ...rows]) : await streamedXlsx(rows);
        const status = (field: string) =>
          Number(
            new RegExp(`${field}:\\s+(\\d+)`).exec(
              readFileSync(`/proc/${bulk.pid}/status`, 'utf8'),
            )?.[1],
          ) * 1024;
        const rssNow = () => status('VmRSS');
        const idleRss = rssNow();
        let peakRss = 0;
        const slowest: number[] = [];
        let running = true;
        const watch = (async () => {
          while (running) {
            peakRss = Math.max(peakRss, rssNow());
            const t0 = Date.now();
            expect((await bulk.request('GET', '/api/health')).status).toBe(200);
            slowest.push(Date.now() - t0);
            await new Promise((r) => setTimeout(r, 200));
          }
        })();
        const name = `ventimila.${format}`;
        const t0 = Date.now();
        // Each phase is awaited up to 10 minutes: the machine may be busy (no time is asserted).
        const wait = 600_000;
        const dry = await runImport(bulk, token, 'beneficiaries', file, name, true, wait);
        const dryMs = Date.now() - t0;
        const t1 = Date.now();
        const done = await runImport(bulk, token, 'beneficiaries', file, name, false, wait);
        const commitMs = Date.now() - t1;
        const t2 = Date.now();
        const report = await fetch(`${bulk.url}/api/imports/${done.id}/report`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const reportBytes = Buffer.from(await report.arrayBuffer());
        const reportMs = Date.now() - t2;
        running = false;
        await watch;
        console.log(
          `${BULK} rows (${format}, ${Math.round(file.length / 1024)} KiB) on ${bulk.engine}: dry run ${dryMs} ms, commit ${commitMs} ms, report ${reportMs} ms (${Math.round(reportBytes.length / 1024)} KiB), peak RSS sampled ${Math.round(peakRss / MiB)} MiB, VmHWM ${Math.round(status('VmHWM') / MiB)} MiB (idle ${Math.round(idleRss / MiB)} MiB), slowest health ${Math.max(...slowest)} ms`,
        );
        expect(dry).toMatchObject({ rows: BULK, created: BULK, failed: 0 });
        expect(done).toMatchObject({ committed: true, created: BULK, failed: 0 });
        expect(await people()).toBe(before + BULK);
        expect(report.status).toBe(200);
        if (format === 'xlsx') {
          const back = new ExcelJS.Workbook();
          await back.xlsx.load(reportBytes as never);
          const sheet = back.worksheets.find((w) => w.name !== 'Istruzioni')!;
          expect(sheet.getRow(1).getCell(PEOPLE_HEADER.length + 1).value).toBe('Esito');
          expect(sheet.getRow(BULK + 1).getCell(3).value).toBe(rows[BULK - 1][2]);
          expect(sheet.getRow(BULK + 1).getCell(PEOPLE_HEADER.length + 1).value).toBe('creato');
        }
      } finally {
        await bulk.stop();
      }
    }, 1_500_000);
  });
});

/**
 * The rows as Excel saves them (shared strings), written with exceljs's streaming writer:
 * the «Istruzioni» sheet first, birth dates as date cells.
 */
async function streamedXlsx(rows: string[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: true,
    useStyles: true,
  });
  writer.addWorksheet('Istruzioni').addRow(['Compila il foglio «Persone»']).commit();
  const sheet = writer.addWorksheet('Persone');
  sheet.addRow(PEOPLE_HEADER).commit();
  for (const row of rows) {
    const [d, m, y] = row[3].split('/').map(Number);
    const cells: (string | Date)[] = [...row];
    cells[3] = new Date(Date.UTC(y, m - 1, d));
    const added = sheet.addRow(cells);
    added.getCell(4).numFmt = 'dd/mm/yyyy';
    added.commit();
  }
  sheet.commit();
  await writer.commit();
  return Buffer.concat(chunks);
}
