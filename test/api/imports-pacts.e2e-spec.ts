import type { Milestone, Pact } from '@generattivi/shared';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ACCOUNT, listQuery } from '../support/demo';
import { territoryIds } from '../support/fixtures';
import { italianCsv, PEOPLE_HEADER, runImport } from '../support/imports';
import { startServer, type TestServer } from '../support/server';

/**
 * Issue 14, pacts: a pact's row names its person by fiscal code, its household by external
 * code and its staff by email; it comes in as a draft or as a pact already running, with its
 * milestones and its community maker, through the pact, milestone, assignment and transition
 * services; idempotent by external code; all or nothing.
 */

const FIXTURES = join(__dirname, '..', 'fixtures', 'imports');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

/** The people the fixtures name (fiscal codes of Crema, D142), all in Crema. */
const PEOPLE = {
  giulia: ['Ferrari', 'Giulia', 'FRRGLI95C55D142N', '15/03/1995', 'F'],
  // Both turn 40 on 02/12/2026.
  luca: ['Bianchi', 'Luca', 'BNCLCU86T02D142G', '02/12/1986', 'M'],
  marco: ['Galbiati', 'Marco', 'GLBMRC86T02D142A', '02/12/1986', 'M'],
  sara: ['Rossetti', 'Sara', 'RSSSRA90E60D142J', '20/05/1990', 'F'],
  elena: ['Moretti', 'Elena', 'MRTLNE92L48D142Q', '08/07/1992', 'F'],
} as const;

/** The headings of a pact's row as the failing files below use them. */
const PACT_HEADER = [
  'Codice esterno',
  'Tipo di patto',
  'Stato',
  'Ambito',
  'Codice fiscale beneficiario',
  'Titolo',
  'Data di inizio',
  'Data di fine prevista',
  'Community maker (email)',
  'Tappa 1 – titolo',
  'Tappa 1 – scadenza',
  'Tappa 2 – titolo',
  'Tappa 2 – scadenza',
];
const MAKER = DEMO_ACCOUNT.COMMUNITY_MAKER;
const SOCIAL_WORKER = DEMO_ACCOUNT.SOCIAL_WORKER;

/** A row under PACT_HEADER: an AUTONOMY pact of Crema, changed by `cells`. */
function pactRow(code: string, fiscalCode: string, cells: Partial<Record<string, string>> = {}) {
  const row: Record<string, string> = {
    'Codice esterno': code,
    'Tipo di patto': 'Autonomia',
    Stato: 'Bozza',
    Ambito: 'Crema',
    'Codice fiscale beneficiario': fiscalCode,
    Titolo: `Patto ${code}`,
    'Data di inizio': '01/12/2026',
    'Data di fine prevista': '30/06/2027',
    'Community maker (email)': MAKER,
    'Tappa 1 – titolo': 'Primo colloquio',
    'Tappa 1 – scadenza': '15/01/2027',
    'Tappa 2 – titolo': '',
    'Tappa 2 – scadenza': '',
    ...cells,
  };
  return PACT_HEADER.map((h) => row[h]);
}

type Assignment = { pactId: number; communityMakerId: number; endedAt: string | null };
type AuditEvent = { action: string; changes: Record<string, unknown> };

describe('imports of pacts', () => {
  let server: TestServer;
  let tokens: Record<'admin' | 'sw' | 'swCremona' | 'maker', string>;
  let makerId: number;

  const run = (token: string, file: Buffer, name: string, dryRun = true) =>
    runImport(server, token, 'pacts', file, name, dryRun);
  const get = async <T>(path: string, token = tokens.admin) => {
    const res = await server.request<T>('GET', path, { token });
    expect(res.status).toBe(200);
    return res.body;
  };
  const pactsOf = async (fiscalCode: string) => {
    const [person] = await get<Array<{ id: number }>>(
      `/api/beneficiaries${listQuery({ fiscalCode: [fiscalCode] })}`,
    );
    return get<Pact[]>(`/api/pacts${listQuery({ beneficiaryId: person.id }, ['id', 'ASC'])}`);
  };
  const milestonesOf = (pactId: number) =>
    get<Milestone[]>(`/api/milestones${listQuery({ pactId }, ['dueDate', 'ASC'])}`);

  beforeAll(async () => {
    server = await startServer();
    const [admin, sw, swCremona, maker] = await Promise.all(
      [DEMO_ACCOUNT.ADMIN, SOCIAL_WORKER, 'sociale.cremona@demo.generattivi.it', MAKER].map(
        (email) => server.login(email),
      ),
    );
    tokens = { admin, sw, swCremona, maker };
    makerId = (await get<{ id: number }>('/api/auth/me', maker)).id;
    expect(await territoryIds(server, admin)).toHaveProperty('CREMA');
    // The people and the household the pacts name, imported first.
    const people = await runImport(
      server,
      sw,
      'beneficiaries',
      italianCsv([
        PEOPLE_HEADER,
        ...Object.values(PEOPLE).map((p) => [...p, 'Crema', 'Crema', 'Disoccupato']),
      ]),
      'persone.csv',
      false,
    );
    expect(people).toMatchObject({ committed: true, created: 5 });
    const household = await runImport(
      server,
      sw,
      'households',
      italianCsv([
        ['Codice esterno', 'Nome', 'Ambito', 'Comune', 'Componenti', 'ISEE (€)'],
        ['NUC-P01', 'Famiglia Pagani', 'Crema', 'Crema', '3', '7.500,00'],
      ]),
      'nuclei.csv',
      false,
    );
    expect(household).toMatchObject({ committed: true, created: 1 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('gives a template with the Italian headings, a sample row and the «Istruzioni»', async () => {
    const csv = await fetch(`${server.url}/api/imports/templates/pacts?format=csv`, {
      headers: { authorization: `Bearer ${tokens.sw}` },
    });
    expect(csv.status).toBe(200);
    const text = Buffer.from(await csv.arrayBuffer()).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\ufeffCodice esterno;Tipo di patto;Stato;Ambito;Codice fiscale beneficiario;Nucleo (codice esterno);Titolo;Obiettivi;Impegni del cittadino;Impegni della comunità;Data di inizio;Data di fine prevista;Assistente sociale (email);Community maker (email);Tappa 1 – titolo;Tappa 1 – scadenza;Tappa 2 – titolo;Tappa 2 – scadenza;Tappa 3 – titolo;Tappa 3 – scadenza;Tappa 4 – titolo;Tappa 4 – scadenza;Tappa 5 – titolo;Tappa 5 – scadenza',
    );
    expect(text.split('\r\n')[1]).toMatch(/^PAT-001;Autonomia;Bozza;Crema;/);

    const xlsx = await fetch(`${server.url}/api/imports/templates/pacts?format=xlsx`, {
      headers: { authorization: `Bearer ${tokens.sw}` },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const help = workbook.getWorksheet('Istruzioni')!;
    const rows = help.getSheetValues().slice(2) as unknown[][];
    const stato = rows.find((r) => r[1] === 'Stato')!;
    expect(stato[2]).toBe('No');
    expect(String(stato[3])).toMatch(/firmato su carta/);
    expect(String(rows.find((r) => r[1] === 'Tappa 1 – titolo')![3])).toMatch(/stesso titolo/);
  });

  describe('an Excel-Italian CSV (Windows-1252, «;»)', () => {
    const file = fixture('patti-excel-italiano.csv');

    it('dry run reports each row without writing anything', async () => {
      const dry = await run(tokens.sw, file, 'patti.csv');
      expect(dry).toMatchObject({ status: 'DONE', dryRun: true, rows: 3, created: 3, failed: 0 });
      expect(dry.warnings).toEqual([]);
      expect(await pactsOf(PEOPLE.giulia[2])).toEqual([]);
    });

    it('commits: an ACTIVE pact with its maker and milestones, drafts, an INCLUSION pact', async () => {
      const done = await run(tokens.sw, file, 'patti.csv', false);
      expect(done).toMatchObject({ committed: true, created: 3, failed: 0 });
      const [active] = await pactsOf(PEOPLE.giulia[2]);
      expect(active).toMatchObject({
        id: done.results[0].id,
        type: 'AUTONOMY',
        status: 'ACTIVE',
        title: 'Percorso verso il lavoro nella logistica',
        objectives: "Trovare un'attività stabile entro l'estate",
        communityCommitments: 'Tutoraggio settimanale della comunità',
        startDate: '2026-12-01',
        plannedEndDate: '2027-06-30',
        communityMakerId: makerId,
      });
      expect(active.reference).toMatch(/^AUT-CREMA-/);
      expect(active.eligibility?.eligible).toBe(true);
      expect((await milestonesOf(active.id)).map((m) => [m.title, m.dueDate, m.status])).toEqual([
        ["Colloquio al Centro per l'impiego", '2027-01-15', 'PENDING'],
        ['Inizio del tirocinio', '2027-03-01', 'PENDING'],
      ]);
      // The assignment, in the history and in the maker's own list.
      const assignments = await get<Assignment[]>(
        `/api/assignments${listQuery({ pactId: active.id })}`,
      );
      expect(assignments).toEqual([
        expect.objectContaining({ communityMakerId: makerId, endedAt: null }),
      ]);
      const mine = await get<Pact[]>(`/api/pacts${listQuery({ id: [active.id] })}`, tokens.maker);
      expect(mine.map((p) => p.id)).toEqual([active.id]);
      // Audited like the API: created, then the move to ACTIVE with its reason.
      const audit = await get<AuditEvent[]>(
        `/api/audit-events${listQuery({ entityType: 'pacts', entityId: active.id }, ['id', 'ASC'])}`,
      );
      expect(audit.map((e) => e.action)).toEqual(['create', 'transition']);
      expect(audit[1].changes).toMatchObject({
        status: ['DRAFT', 'ACTIVE'],
        reason: [null, expect.stringMatching(/firmato su carta/)],
      });

      const [draft] = await pactsOf(PEOPLE.luca[2]);
      expect(draft).toMatchObject({ status: 'DRAFT', communityMakerId: makerId });
      const inclusion = await get<Pact>(`/api/pacts/${done.results[2].id}`);
      expect(inclusion).toMatchObject({
        type: 'INCLUSION',
        status: 'DRAFT',
        beneficiaryId: null,
        communityMakerId: null,
        title: 'Sostegno al nucleo Pagani',
      });
      expect(inclusion.householdId).toEqual(expect.any(Number));
    });

    it('the same file again changes nothing; changed cells update the pact', async () => {
      const again = await run(tokens.sw, file, 'patti.csv', false);
      expect(again).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 3 });

      // The draft's title, its milestone's due date and a new milestone; the draft becomes ACTIVE
      // (Luca is 39 on 01/12/2026, the start: 40 only the day after).
      const text = iconv
        .decode(file, 'win1252')
        .replace('Ricerca attiva del lavoro', 'Ricerca attiva del lavoro e formazione')
        .replace('Bozza;Crema;bnclcu86t02d142g', 'Attivo;Crema;bnclcu86t02d142g')
        .replace(
          'Curriculum aggiornato;20/12/2026;;',
          'Curriculum aggiornato;22/12/2026;Iscrizione al corso;10/01/2027',
        );
      const changed = await run(tokens.sw, iconv.encode(text, 'win1252'), 'patti.csv', false);
      expect(changed).toMatchObject({ committed: true, created: 0, updated: 1, unchanged: 2 });
      const [luca] = await pactsOf(PEOPLE.luca[2]);
      expect(luca).toMatchObject({
        status: 'ACTIVE',
        title: 'Ricerca attiva del lavoro e formazione',
      });
      expect((await milestonesOf(luca.id)).map((m) => [m.title, m.dueDate])).toEqual([
        ['Curriculum aggiornato', '2026-12-22'],
        ['Iscrizione al corso', '2027-01-10'],
      ]);

      // An ACTIVE pact does not go back to draft.
      const back = await run(tokens.sw, file, 'patti.csv');
      expect(back.results[1]).toMatchObject({
        status: 'error',
        errors: { Stato: expect.objectContaining({ code: 'IMPORT_STATUS_FIXED' }) },
      });
    });

    it('a social worker of another district gets row errors', async () => {
      const other = await run(tokens.swCremona, file, 'patti.csv');
      expect(other).toMatchObject({ created: 0, updated: 0, failed: 3 });
      // The pacts are Crema's: their codes taken, the people and household not found.
      for (const r of other.results)
        expect(r.errors?.['Codice esterno'] ?? r.errors?.['Codice fiscale beneficiario']).toEqual(
          expect.objectContaining({ code: expect.stringMatching(/^IMPORT_/) }),
        );
      const fresh = await run(
        tokens.swCremona,
        italianCsv([
          PACT_HEADER,
          pactRow('PAT-S01', PEOPLE.elena[2], { Ambito: 'Cremona', 'Community maker (email)': '' }),
          // Lookups pass (no person, no household): the district itself is refused.
          pactRow('PAT-S02', '', { 'Tipo di patto': 'Inclusione', 'Community maker (email)': '' }),
        ]),
        'patti.csv',
      );
      expect(fresh.results[0].errors).toEqual({
        'Codice fiscale beneficiario': expect.objectContaining({
          code: 'IMPORT_NO_SUCH_PERSON',
          params: { fiscalCode: PEOPLE.elena[2] },
        }),
      });
      expect(fresh.results[1].errors).toEqual({
        Ambito: expect.objectContaining({ code: 'NOT_IN_TERRITORY' }),
      });
    });
  });

  describe('an XLSX with typed cells and a formula', () => {
    it('reads typed dates, an Excel serial and formulas as their values', async () => {
      const res = await run(tokens.sw, fixture('patti-celle-tipizzate.xlsx'), 'patti.xlsx', false);
      expect(res).toMatchObject({ committed: true, rows: 1, created: 1, failed: 0 });
      expect(res.warnings).toEqual([
        expect.objectContaining({
          code: 'IMPORT_COLUMN_IGNORED',
          params: { column: 'Note interne' },
        }),
      ]);
      const [sara] = await pactsOf(PEOPLE.sara[2]);
      expect(sara).toMatchObject({
        status: 'ACTIVE',
        title: 'Patto di Sara Rossetti',
        startDate: '2026-11-16',
        plannedEndDate: '2027-05-15',
        communityMakerId: makerId,
      });
      expect((await milestonesOf(sara.id)).map((m) => [m.title, m.dueDate])).toEqual([
        ['Primo colloquio', '2027-01-15'],
      ]);
    });
  });

  describe('a file with faulty rows', () => {
    it('reports each problem under its column, in Italian, and writes nothing', async () => {
      const file = italianCsv([
        PACT_HEADER,
        pactRow('PAT-F01', PEOPLE.elena[2]),
        pactRow('PAT-F02', 'PGNDVD75D11D142J'),
        pactRow('PAT-F03', PEOPLE.elena[2], { 'Community maker (email)': 'nessuno@example.it' }),
        pactRow('PAT-F04', PEOPLE.marco[2], { 'Community maker (email)': SOCIAL_WORKER }),
        pactRow('PAT-F05', PEOPLE.marco[2], { Stato: 'Attivo', 'Data di inizio': '02/12/2026' }),
        pactRow('PAT-F06', PEOPLE.giulia[2]),
        pactRow('PAT-F07', PEOPLE.elena[2], { 'Data di fine prevista': '31/02/2027' }),
        pactRow('PAT-F08', PEOPLE.marco[2], { Stato: 'Attivo', 'Community maker (email)': '' }),
        pactRow('PAT-F09', PEOPLE.elena[2], { 'Tappa 1 – scadenza': '' }),
        pactRow('PAT-F10', PEOPLE.elena[2], { Stato: 'Sospeso', 'Tipo di patto': 'Altro' }),
        pactRow('PAT-F11', PEOPLE.elena[2], {
          'Tappa 2 – titolo': ' primo COLLOQUIO',
          'Tappa 2 – scadenza': '01/02/2027',
        }),
        pactRow('PAT-F01', PEOPLE.elena[2]),
      ]);
      const res = await run(tokens.sw, file, 'patti-errori.csv', false);
      expect(res).toMatchObject({ committed: false, rows: 12, created: 1, failed: 11 });
      const errors = res.results.map((r) => r.errors ?? {});
      const code = (i: number, column: string) => errors[i][column]?.code;
      expect(res.results[0].status).toBe('created');
      expect(code(1, 'Codice fiscale beneficiario')).toBe('IMPORT_NO_SUCH_PERSON');
      expect(errors[2]['Community maker (email)']).toMatchObject({
        code: 'IMPORT_NO_SUCH_USER',
        params: { email: 'nessuno@example.it' },
      });
      expect(code(3, 'Community maker (email)')).toBe('MAKER_OF_TERRITORY');
      // Marco turns 40 on the start date: not 19–39 any more.
      expect(errors[4]).toEqual({
        'Codice fiscale beneficiario': expect.objectContaining({
          code: 'IMPORT_NOT_ELIGIBLE',
          params: { reason: expect.stringMatching(/40/) },
        }),
      });
      // Giulia already has an open AUTONOMY pact (PAT-A01).
      expect(code(5, 'Codice fiscale beneficiario')).toBe('OPEN_PACT_EXISTS');
      expect(code(6, 'Data di fine prevista')).toBe('DATE');
      // Not OPEN_PACT_EXISTS: row 6's pact for Marco, refused halfway, left nothing behind.
      expect(code(7, 'Community maker (email)')).toBe('NO_COMMUNITY_MAKER');
      expect(code(8, 'Tappa 1 – scadenza')).toBe('REQUIRED');
      expect(code(9, 'Stato')).toBe('ONE_OF');
      expect(code(9, 'Tipo di patto')).toBe('ONE_OF');
      // Milestones are matched by title on a re-import: one title, one milestone.
      expect(errors[10]).toEqual({
        'Tappa 2 – titolo': expect.objectContaining({
          code: 'IMPORT_SAME_MILESTONE',
          params: { n: 1 },
        }),
      });
      expect(code(11, 'Codice esterno')).toBe('IMPORT_DUPLICATE_ROW');
      // All or nothing: PAT-F01, fine on its own, was not kept.
      expect(await pactsOf(PEOPLE.elena[2])).toEqual([]);
    });
  });
});
