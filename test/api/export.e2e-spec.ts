import { addDays, italianDate, todayIso } from '@generattivi/shared';
import { openDatabase } from '../support/db';
import { auditEvents, ErrorBody, listQuery } from '../support/demo';
import {
  byHeading,
  download,
  PACT_EXPORT_HEADINGS,
  readItalianCsv,
  readWorkbook,
} from '../support/exports';
import {
  beneficiaryBody,
  createBeneficiary,
  createHousehold,
  type Json,
} from '../support/fixtures';
import { pactBody, pactSetup, ROLE_ACCOUNTS, type PactSetup } from '../support/pacts';
import { startServer, TestServer } from '../support/server';

/** The most rows an export holds on this server: the large pact's notes, exactly. */
const MAX_ROWS = 2_600;

describe('exports people can open (GET /api/<collection>/export)', () => {
  let server: TestServer;
  let setup: PactSetup<
    'admin' | 'manager' | 'swCrema' | 'swCremona' | 'makerCrema',
    'makerCrema' | 'swCrema'
  >;
  let names: Record<number, string>;
  let pact: Json & { id: number; reference: string };
  let household: Json & { id: number };
  let person: Json & { id: number; fiscalCode: string };
  let bigPact: Json & { id: number };
  const today = todayIso();

  const post = async <T = Json>(path: string, token: string, body: Json) => {
    const res = await server.request<T>('POST', path, { token, body });
    if (res.status !== 201) throw new Error(`${path} → ${res.status} ${res.text}`);
    return res.body;
  };
  const csvOf = async (token: string, collection: string, params = {}) => {
    const res = await download(server, token, collection, params);
    expect(res.status).toBe(200);
    return byHeading(readItalianCsv(res.bytes));
  };

  beforeAll(async () => {
    server = await startServer({ env: { EXPORT_MAX_ROWS: String(MAX_ROWS) } });
    setup = await pactSetup(server, ROLE_ACCOUNTS, {
      makerCrema: 'maker.crema@demo.generattivi.it',
      swCrema: 'sociale.crema@demo.generattivi.it',
    });
    const { tokens, territories, users } = setup;
    const territoryList = await server.request<Array<{ id: number; name: string }>>(
      'GET',
      '/api/territories',
      { token: tokens.admin },
    );
    names = Object.fromEntries(territoryList.body.map((t) => [t.id, t.name]));
    for (const id of Object.values(users)) {
      const user = await server.request<{ fullName: string }>('GET', `/api/users/${id}`, {
        token: tokens.admin,
      });
      names[-id] = user.body.fullName;
    }
    household = await createHousehold(server, tokens.swCrema, {
      territoryId: territories.CREMA,
      iseeEur: 9360,
    });
    person = (await createBeneficiary(
      server,
      tokens.swCrema,
      beneficiaryBody(territories.CREMA, { lastName: 'Esportà', firstName: 'Niccolò' }),
    )) as Json & { id: number; fiscalCode: string };
    pact = await post('/api/pacts', tokens.swCrema, {
      ...pactBody(territories.CREMA, users.makerCrema, { beneficiaryId: person.id }),
      title: '@Percorso; "verso" il lavoro',
    });
    await post('/api/milestones', tokens.swCrema, {
      pactId: pact.id,
      title: 'Bilancio di competenze',
      dueDate: addDays(today, 30),
    });
    await post('/api/notes', tokens.swCrema, { pactId: pact.id, kind: 'CALL', body: '=1+1' });
    bigPact = await post('/api/pacts', tokens.swCrema, {
      ...pactBody(territories.CREMA, users.makerCrema, { householdId: household.id }),
    });
    // The large pact's diary, written straight into the database: MAX_ROWS notes, two kinds,
    // all at the same instant (the keyset must break the ties by id).
    const db = await openDatabase(server);
    try {
      await db.run(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${MAX_ROWS})
         INSERT INTO notes (created_at, updated_at, pact_id, author_id, kind, occurred_at, body)
         SELECT '2026-01-01T10:00:00.000Z', '2026-01-01T10:00:00.000Z', $1, $2,
                CASE WHEN i % 2 = 0 THEN 'MEETING' ELSE 'CALL' END,
                '2026-01-01T10:00:00.000Z', 'Nota ' || i FROM n`,
        [bigPact.id, users.swCrema],
      );
    } finally {
      await db.close();
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('writes the pacts as Excel in Italian opens them: BOM, ";", CRLF, Italian headings and values', async () => {
    const res = await download(server, setup.tokens.swCrema, 'pacts', {
      filter: { id: [pact.id] },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="patti-${today}.csv"`,
    );
    const rows = readItalianCsv(res.bytes);
    expect(rows[0]).toEqual(PACT_EXPORT_HEADINGS);
    expect(res.bytes.toString('utf8')).toContain(`"'@Percorso; ""verso"" il lavoro"`);
    const [row] = byHeading(rows);
    expect(rows).toHaveLength(2);
    expect(row).toMatchObject({
      Riferimento: pact.reference,
      Tipo: "Patto per l'Autonomia",
      Stato: 'Bozza',
      Titolo: `'@Percorso; "verso" il lavoro`,
      'Beneficiario o nucleo': 'Esportà Niccolò',
      Ambito: names[setup.territories.CREMA],
      'Data di inizio': italianDate(today),
      'Fine prevista': italianDate(addDays(today, 180)),
      'Community maker': names[-setup.users.makerCrema],
      'Assistente sociale': names[-setup.users.swCrema],
      'Avanzamento %': '0',
      'Tappe da raggiungere': '1',
      'Inviato il': '',
    });
    expect(row['Data di inizio']).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(row['Ammissibilità']).toMatch(/^(Ammissibile|Non ammissibile.*)?$/);
    expect(row['Ultima nota']).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });

  it('has one row per pact, no ids and no codes, for everything the list shows', async () => {
    const { admin } = setup.tokens;
    const list = await server.request<Json[]>(
      'GET',
      `/api/pacts${listQuery({}, ['id', 'ASC'], [0, 999])}`,
      {
        token: admin,
      },
    );
    const rows = await csvOf(admin, 'pacts', { sort: ['id', 'ASC'] });
    expect(rows.map((r) => r.Riferimento)).toEqual(list.body.map((p) => p.reference));
    const statuses = new Set(rows.map((r) => r.Stato));
    for (const code of ['DRAFT', 'SUBMITTED', 'ACTIVE', 'SUSPENDED', 'COMPLETED']) {
      expect(statuses).not.toContain(code);
    }
    expect([...statuses].every((s) => /^[A-Z][a-z]+$/.test(s))).toBe(true);
    for (const row of rows) {
      expect(row.Ambito).toMatch(/\D/);
      expect(row['Community maker'] ?? '').not.toMatch(/^\d+$/);
    }
  });

  it('follows the list’s sort and filter', async () => {
    const { swCrema } = setup.tokens;
    const filter = { status: ['DRAFT'] };
    const list = await server.request<Json[]>(
      'GET',
      `/api/pacts${listQuery(filter, ['startDate', 'DESC'], [0, 999])}`,
      { token: swCrema },
    );
    const rows = await csvOf(swCrema, 'pacts', { filter, sort: ['startDate', 'DESC'] });
    expect(rows.map((r) => r.Riferimento)).toEqual(list.body.map((p) => p.reference));
    expect(rows.every((r) => r.Stato === 'Bozza')).toBe(true);
  });

  it('keeps each role to its scope: a Crema social worker exports no Cremona pact', async () => {
    const { swCrema, swCremona, makerCrema } = setup.tokens;
    const crema = await csvOf(swCrema, 'pacts');
    expect(crema.length).toBeGreaterThan(0);
    expect(new Set(crema.map((r) => r.Ambito))).toEqual(new Set([names[setup.territories.CREMA]]));
    const cremona = await csvOf(swCremona, 'pacts');
    expect(cremona.length).toBeGreaterThan(0);
    expect(cremona.map((r) => r.Riferimento)).not.toContain(pact.reference);
    expect(cremona.every((r) => r.Ambito === names[setup.territories.CREMONA])).toBe(true);
    const maker = await csvOf(makerCrema, 'pacts');
    expect(maker.map((r) => r.Riferimento)).toContain(pact.reference);
    expect(maker.every((r) => r['Community maker'] === names[-setup.users.makerCrema])).toBe(true);
  });

  it('refuses a community maker any list of people (403), not their pacts’ milestones and notes', async () => {
    const { makerCrema } = setup.tokens;
    for (const collection of ['beneficiaries', 'households']) {
      const res = await download(server, makerCrema, collection);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.bytes.toString()).code).toBe('ROLE_FORBIDDEN');
    }
    const notes = await csvOf(makerCrema, 'notes', { filter: { pactId: pact.id } });
    expect(notes).toHaveLength(1);
    const milestones = await csvOf(makerCrema, 'milestones', { filter: { pactId: pact.id } });
    expect(milestones).toEqual([
      {
        Patto: pact.reference,
        Titolo: 'Bilancio di competenze',
        Descrizione: '',
        Scadenza: italianDate(addDays(today, 30)),
        Stato: 'Da raggiungere',
        'In ritardo': 'No',
        'Raggiunta il': '',
        Evidenza: '',
      },
    ]);
  });

  it('neutralises cells a spreadsheet would run as a formula', async () => {
    const [note] = await csvOf(setup.tokens.swCrema, 'notes', { filter: { pactId: pact.id } });
    expect(note).toMatchObject({
      Patto: pact.reference,
      Tipo: 'Telefonata',
      Autore: names[-setup.users.swCrema],
      Testo: "'=1+1",
    });
  });

  it('masks people for a manager as the list does: fiscal code masked, no contacts', async () => {
    const { admin, manager } = setup.tokens;
    const [full] = await csvOf(admin, 'beneficiaries', { filter: { id: [person.id] } });
    expect(full).toMatchObject({
      Cognome: 'Esportà',
      Nome: 'Niccolò',
      'Codice fiscale': person.fiscalCode,
      Indirizzo: 'via Roma 1',
      Sesso: expect.stringMatching(/^(Femmina|Maschio)$/),
      'Condizione occupazionale': 'Disoccupato',
    });
    const masked = await download(server, manager, 'beneficiaries', {
      filter: { id: [person.id] },
    });
    const rows = readItalianCsv(masked.bytes);
    expect(rows[0]).not.toEqual(expect.arrayContaining(['Indirizzo']));
    for (const heading of ['Indirizzo', 'Telefono', 'Email'])
      expect(rows[0]).not.toContain(heading);
    const [row] = byHeading(rows);
    const code = person.fiscalCode;
    expect(row['Codice fiscale']).toBe(`${code.slice(0, 6)}*********${code.slice(-1)}`);
    expect(masked.bytes.toString('utf8')).not.toContain(code);
    const byCode = await download(server, manager, 'beneficiaries', {
      filter: { fiscalCode: code },
    });
    expect(byCode.status).toBe(400);
  });

  it('writes amounts as 9.360,00 and booleans as Sì/No', async () => {
    const [row] = await csvOf(setup.tokens.swCrema, 'households', {
      filter: { id: [household.id] },
    });
    expect(row).toMatchObject({ 'ISEE (€)': '9.360,00', Vulnerabile: 'No', Componenti: '3' });
  });

  it('writes each export to the audit trail', async () => {
    const { admin, swCrema } = setup.tokens;
    const before = await auditEvents(server, admin, { action: 'export', entityType: 'pacts' });
    await csvOf(swCrema, 'pacts', { filter: { id: [pact.id] } });
    const after = await auditEvents(server, admin, { action: 'export', entityType: 'pacts' });
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      actorId: setup.users.swCrema,
      entityId: null,
      changes: {
        filter: [null, { id: [pact.id] }],
        format: [null, 'csv'],
        rows: [null, 1],
      },
    });
  });

  it('keeps a fiscal code an export filtered on masked in the audit trail', async () => {
    const { admin } = setup.tokens;
    const rows = await csvOf(admin, 'beneficiaries', { filter: { fiscalCode: person.fiscalCode } });
    expect(rows.map((r) => r.Cognome)).toEqual(['Esportà']);
    const [event] = (
      await auditEvents(server, admin, { action: 'export', entityType: 'beneficiaries' })
    ).slice(-1);
    const code = person.fiscalCode;
    expect(event.changes.filter).toEqual([
      null,
      { fiscalCode: `${code.slice(0, 6)}*********${code.slice(-1)}` },
    ]);
    expect(event.changes.rows).toEqual([null, 1]);
  });

  it('writes an XLSX with typed cells: dates as dates, amounts as numbers, the heading bold and frozen', async () => {
    const { swCrema } = setup.tokens;
    const res = await download(server, swCrema, 'pacts', {
      filter: { id: [pact.id] },
      format: 'xlsx',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="patti-${today}.xlsx"`,
    );
    const sheet = await readWorkbook(res.bytes);
    expect(sheet.name).toBe('Patti');
    expect(sheet.getRow(1).values).toEqual([undefined, ...PACT_EXPORT_HEADINGS]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(2);
    const start = sheet.getRow(2).getCell(PACT_EXPORT_HEADINGS.indexOf('Data di inizio') + 1);
    expect(start.value).toEqual(new Date(`${today}T00:00:00.000Z`));
    expect(start.numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getRow(2).getCell(PACT_EXPORT_HEADINGS.indexOf('Avanzamento %') + 1).value).toBe(
      0,
    );
    expect(sheet.getRow(2).getCell(PACT_EXPORT_HEADINGS.indexOf('Titolo') + 1).value).toBe(
      '@Percorso; "verso" il lavoro',
    );

    const households = await readWorkbook(
      (
        await download(server, swCrema, 'households', {
          filter: { id: [household.id] },
          format: 'xlsx',
        })
      ).bytes,
    );
    const isee = households.getRow(2).getCell(5);
    expect(households.getRow(1).getCell(5).value).toBe('ISEE (€)');
    expect(isee.value).toBe(9360);
    expect(isee.numFmt).toBe('#,##0.00');
  });

  it('answers 400 for a format, a filter or a sort it does not know', async () => {
    const { swCrema } = setup.tokens;
    const cases: Array<[Parameters<typeof download>[3], string]> = [
      [{ format: 'pdf' }, 'VALIDATION'],
      [{ filter: { nope: 1 } }, 'LIST_QUERY'],
      [{ sort: ['nope', 'ASC'] }, 'LIST_QUERY'],
    ];
    for (const [params, code] of cases) {
      const res = await download(server, swCrema, 'pacts', params);
      expect(res.status).toBe(400);
      expect((JSON.parse(res.bytes.toString()) as ErrorBody).code).toBe(code);
    }
    const res = await server.request<ErrorBody>('GET', '/api/pacts/export?filter=%7Bnot-json', {
      token: swCrema,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('LIST_QUERY');
  });

  it('streams thousands of rows in batches, in the list’s order, ties broken as the list does', async () => {
    const { swCrema } = setup.tokens;
    for (const sort of [
      ['kind', 'ASC'],
      ['occurredAt', 'DESC'],
    ] as Array<[string, 'ASC' | 'DESC']>) {
      const listed: string[] = [];
      for (let start = 0; start < MAX_ROWS; start += 1000) {
        const page = await server.request<Array<{ body: string }>>(
          'GET',
          `/api/notes${listQuery({ pactId: bigPact.id }, sort, [start, start + 999])}`,
          { token: swCrema },
        );
        listed.push(...page.body.map((n) => n.body));
      }
      const rows = await csvOf(swCrema, 'notes', { filter: { pactId: bigPact.id }, sort });
      expect(rows).toHaveLength(MAX_ROWS);
      expect(rows.map((r) => r.Testo)).toEqual(listed);
    }
  });

  it('exports exactly the maximum, and refuses one row more with 422 EXPORT_TOO_LARGE', async () => {
    const { swCrema } = setup.tokens;
    const xlsx = await download(server, swCrema, 'notes', {
      filter: { pactId: bigPact.id },
      format: 'xlsx',
    });
    expect(xlsx.status).toBe(200);
    expect((await readWorkbook(xlsx.bytes)).rowCount).toBe(MAX_ROWS + 1);
    await post('/api/notes', swCrema, { pactId: bigPact.id, kind: 'NOTE', body: 'Una di troppo' });
    const res = await download(server, swCrema, 'notes', { filter: { pactId: bigPact.id } });
    expect(res.status).toBe(422);
    expect(JSON.parse(res.bytes.toString())).toMatchObject({
      code: 'EXPORT_TOO_LARGE',
      params: { maxRows: MAX_ROWS },
    });
  });
});
