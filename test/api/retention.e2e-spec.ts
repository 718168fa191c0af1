import {
  addDays,
  anonymiseOn,
  retentionCutoff,
  todayIso,
  type RetentionScheduleEntry,
} from '@generattivi/shared';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { openDatabase, type DirectDb } from '../support/db';
import { auditEvents, listQuery, type ErrorBody } from '../support/demo';
import { uploadDocument } from '../support/documents';
import { italianCsv, PEOPLE_HEADER, runImport } from '../support/imports';
import {
  beneficiaryBody,
  createBeneficiary,
  createHousehold,
  type Json,
} from '../support/fixtures';
import { pactBody, pactSetup, ROLE_ACCOUNTS, transition } from '../support/pacts';
import { startServer, type TestServer } from '../support/server';

type Person = Json & { id: number; fiscalCode: string };

/** A PDF whose bytes carry `text` (an identity document naming the person). */
const pdfWith = (text: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Title (${text}) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

/**
 * The database's bytes, audit trail included (its personal fields are encrypted under the
 * person's key, which anonymisation destroys). SQLite: the file after
 * `wal_checkpoint(TRUNCATE)`, `VACUUM` and another checkpoint (the vacuum is written through
 * the WAL). PostgreSQL: `pg_dump` of the data.
 */
async function databaseBytes(server: TestServer, db: DirectDb) {
  if (server.engine === 'postgres') {
    return execFileSync('pg_dump', ['--data-only', server.databaseUrl], {
      maxBuffer: 512 * 1024 * 1024,
    });
  }
  await db.query('PRAGMA wal_checkpoint(TRUNCATE)');
  await db.run('VACUUM');
  await db.query('PRAGMA wal_checkpoint(TRUNCATE)');
  return readFileSync(server.databaseUrl);
}

/** The needles among `values` found in `bytes`. */
const found = (bytes: Buffer, values: string[]) => values.filter((v) => bytes.includes(v));

describe('anonymisation and retention', () => {
  let server: TestServer;
  let db: DirectDb;
  let t: Awaited<ReturnType<typeof pactSetup<keyof typeof ROLE_ACCOUNTS, 'makerCrema'>>>;

  beforeAll(async () => {
    server = await startServer();
    db = await openDatabase(server);
    t = await pactSetup(server, ROLE_ACCOUNTS, { makerCrema: ROLE_ACCOUNTS.makerCrema });
  });
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  const anonymise = (id: number, body: unknown, token = t.tokens.admin) =>
    server.request<Json & ErrorBody>('POST', `/api/beneficiaries/${id}/anonymise`, {
      token,
      body,
    });

  /** An AUTONOMY pact of `person`, cancelled (closed today). */
  async function closedPact(person: { id: number }, extra: Json = {}) {
    const pact = await server.request<{ id: number; reference: string }>('POST', '/api/pacts', {
      token: t.tokens.admin,
      body: pactBody(t.territories.CREMA, t.users.makerCrema, { beneficiaryId: person.id }, extra),
    });
    expect(pact.status).toBe(201);
    return pact.body;
  }
  /** A household of Crema, its first member and its INCLUSION pact (DRAFT). */
  async function householdWithPact() {
    const admin = t.tokens.admin;
    const household = await createHousehold(server, admin, { territoryId: t.territories.CREMA });
    const member = await createBeneficiary(
      server,
      admin,
      beneficiaryBody(t.territories.CREMA, { householdId: household.id }),
    );
    const pact = await server.request<{ id: number; reference: string }>('POST', '/api/pacts', {
      token: admin,
      body: pactBody(t.territories.CREMA, t.users.makerCrema, { householdId: household.id }),
    });
    expect(pact.status).toBe(201);
    return { household, member, pact: pact.body };
  }
  const cancel = async (pactId: number) =>
    expect(
      (await transition(server, t.tokens.admin, pactId, { to: 'CANCELLED', reason: 'Rinuncia' }))
        .status,
    ).toBe(200);

  it('refuses a missing reason (400), other roles (403), an unknown person (404) and a person with an open pact (409)', async () => {
    const person = await createBeneficiary(
      server,
      t.tokens.admin,
      beneficiaryBody(t.territories.CREMA),
    );
    const missing = await anonymise(person.id, {});
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toHaveProperty('reason');
    expect((await anonymise(person.id, { reason: '   ' })).status).toBe(400);
    for (const role of ['manager', 'swCrema', 'makerCrema'] as const)
      expect((await anonymise(person.id, { reason: 'Richiesta' }, t.tokens[role])).status).toBe(
        403,
      );
    const unknown = await anonymise(99_999_999, { reason: 'Richiesta' });
    expect(unknown.status).toBe(404);

    const pact = await closedPact(person);
    const open = await anonymise(person.id, { reason: 'Richiesta' });
    expect(open.status).toBe(409);
    expect(open.body.code).toBe('ANONYMISE_OPEN_PACTS');
    expect(open.body.message).toContain(pact.reference);
    const untouched = await server.request<Json>('GET', `/api/beneficiaries/${person.id}`, {
      token: t.tokens.admin,
    });
    expect(untouched.body).toMatchObject({ fiscalCode: person.fiscalCode, anonymisedAt: null });
  });

  it('forgets identity, contacts, notes and documents in one unit of work: no byte of them left in the database, the reports and the audit chain as they were', async () => {
    const admin = t.tokens.admin;
    const body = {
      ...beneficiaryBody(t.territories.CREMA, {
        firstName: 'Ermenegilda',
        lastName: 'Quartapelle',
        birthDate: '1991-07-23',
        sex: 'F',
      }),
      phone: '+39 347 991 2288',
      address: 'via Zanardelli 77',
      email: 'ermenegilda.quartapelle@example.org',
    };
    const created = await server.request<Person>('POST', '/api/beneficiaries', {
      token: admin,
      body,
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(created.status).toBe(201);
    const person = created.body;
    const pact = await closedPact(person);
    const note = await server.request('POST', '/api/notes', {
      token: admin,
      body: {
        pactId: pact.id,
        kind: 'CALL',
        body: 'Sentita Ermenegilda Quartapelle al 347 991 2288',
      },
    });
    expect(note.status).toBe(201);
    const document = await uploadDocument(server, admin, {
      ownerType: 'beneficiaries',
      ownerId: person.id,
      kind: 'IDENTITY_DOCUMENT',
      file: pdfWith(`Carta di identita ${person.fiscalCode}`),
      name: 'Quartapelle-carta.pdf',
    });
    await cancel(pact.id);
    const needles = [
      person.fiscalCode,
      'Ermenegilda',
      'Quartapelle',
      '347 991 2288',
      'via Zanardelli 77',
      'ermenegilda.quartapelle',
    ];
    // A spreadsheet that names the person: its file and report go with the anonymisation.
    const imported = await runImport(
      server,
      admin,
      'beneficiaries',
      italianCsv([
        [...PEOPLE_HEADER, 'Indirizzo'],
        [
          'Quartapelle',
          'Ermenegilda',
          person.fiscalCode,
          '23/07/1991',
          'F',
          'Crema',
          'Crema',
          'Disoccupato',
          'via Zanardelli 77',
        ],
      ]),
      'persone.csv',
    );
    const importReport = () =>
      server.request<ErrorBody>('GET', `/api/imports/${imported.id}/report`, { token: admin });
    expect((await importReport()).status).toBe(200);
    // The scan sees what is there: the person is still on file.
    expect(found(await databaseBytes(server, db), needles)).toEqual(needles);
    const reports = async () =>
      Promise.all(
        ['outcomes', 'caseload'].map(async (r) => {
          const res = await server.request<Json>('GET', `/api/reports/${r}`, { token: admin });
          const { generatedAt: _at, ...figures } = res.body;
          return figures;
        }),
      );
    const before = await reports();

    const done = await anonymise(person.id, { reason: 'Richiesta dell’interessata (art. 17)' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      id: person.id,
      firstName: 'Persona',
      lastName: expect.stringMatching(/^anonimizzata [2-9A-HJ-NP-Z]{6}$/),
      fiscalCode: `ANON${String(person.id).padStart(12, '0')}`,
      birthDate: '1991-01-01',
      sex: 'F',
      territoryId: t.territories.CREMA,
      phone: null,
      address: null,
      email: null,
      anonymisedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    expect(found(await databaseBytes(server, db), needles)).toEqual([]);
    const erasedReport = await importReport();
    expect([erasedReport.status, erasedReport.body.code]).toEqual([409, 'IMPORT_FILE_ERASED']);
    expect(await reports()).toEqual(before);
    const verify = await server.request<{ valid: boolean }>('GET', '/api/audit-events/verify', {
      token: admin,
    });
    expect(verify.body.valid).toBe(true);

    const [event] = await auditEvents(server, admin, {
      entityType: 'beneficiaries',
      entityId: person.id,
      action: 'anonymise',
    });
    expect(event.changes).toMatchObject({ reason: [null, 'Richiesta dell’interessata (art. 17)'] });
    const notes = await server.request<Array<{ body: string }>>(
      'GET',
      `/api/notes${listQuery({ pactId: pact.id })}`,
      { token: admin },
    );
    expect(notes.body.map((n) => n.body)).toEqual(['testo cancellato']);
    const erased = await server.request<{ fileName: string; sizeBytes: number }>(
      'GET',
      `/api/documents/${document.id}`,
      { token: admin },
    );
    expect(erased.body).toMatchObject({ fileName: 'documento cancellato', sizeBytes: 0 });
    const content = await server.request<ErrorBody>(
      'GET',
      `/api/documents/${document.id}/content`,
      { token: admin },
    );
    expect([content.status, content.body.code]).toEqual([409, 'DOCUMENT_ERASED']);
    const search = await server.request<unknown[]>(
      'GET',
      `/api/beneficiaries${listQuery({ q: 'Quartapelle' })}`,
      { token: admin },
    );
    expect(search.body).toEqual([]);

    // Afterwards: not anonymised twice, not edited, named by no open pact.
    const again = await anonymise(person.id, { reason: 'Di nuovo' });
    expect([again.status, again.body.code]).toEqual([409, 'BENEFICIARY_ANONYMISED']);
    const edit = await server.request<ErrorBody>('PUT', `/api/beneficiaries/${person.id}`, {
      token: admin,
      body: { ...body, version: done.body.version },
    });
    expect([edit.status, edit.body.code]).toEqual([409, 'BENEFICIARY_ANONYMISED']);
    const reopened = await server.request<ErrorBody>('POST', '/api/pacts', {
      token: admin,
      body: pactBody(t.territories.CREMA, t.users.makerCrema, { beneficiaryId: person.id }),
    });
    expect([reopened.status, reopened.body.code]).toEqual([409, 'BENEFICIARY_ANONYMISED']);
  });

  it('anonymises once when 20 administrators ask at the same time', async () => {
    const person = await createBeneficiary(
      server,
      t.tokens.admin,
      beneficiaryBody(t.territories.CREMA),
    );
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => anonymise(person.id, { reason: `Richiesta ${i}` })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(19).fill(409)]);
    const events = await auditEvents(server, t.tokens.admin, {
      entityType: 'beneficiaries',
      entityId: person.id,
      action: 'anonymise',
    });
    expect(events).toHaveLength(1);
  });

  it('keeps a household whole while a member is on file, and forgets it with its last member', async () => {
    const admin = t.tokens.admin;
    const household = await createHousehold(server, admin, {
      territoryId: t.territories.CREMA,
      name: 'Famiglia Zanardelli-Quaranta',
      vulnerable: true,
      vulnerabilityReason: 'Sfratto in corso in via Gaeta 12',
    });
    const member = () =>
      createBeneficiary(
        server,
        admin,
        beneficiaryBody(t.territories.CREMA, { householdId: household.id }),
      );
    const [first, second] = [await member(), await member()];
    const inclusion = await server.request<{ id: number }>('POST', '/api/pacts', {
      token: admin,
      body: pactBody(t.territories.CREMA, t.users.makerCrema, { householdId: household.id }),
    });
    expect(inclusion.status).toBe(201);
    const note = await server.request('POST', '/api/notes', {
      token: admin,
      body: {
        pactId: inclusion.body.id,
        kind: 'CALL',
        body: 'Colloquio con la famiglia Zanardelli-Quaranta',
      },
    });
    expect(note.status).toBe(201);
    await cancel(inclusion.body.id);
    const householdNow = async () =>
      (await server.request<Json>('GET', `/api/households/${household.id}`, { token: admin })).body;
    const diary = async () =>
      (
        await server.request<Array<{ body: string }>>(
          'GET',
          `/api/notes${listQuery({ pactId: inclusion.body.id })}`,
          { token: admin },
        )
      ).body.map((n) => n.body);

    expect((await anonymise(first.id, { reason: 'Richiesta' })).status).toBe(200);
    expect(await householdNow()).toMatchObject({
      name: 'Famiglia Zanardelli-Quaranta',
      vulnerabilityReason: 'Sfratto in corso in via Gaeta 12',
    });
    expect(await diary()).toEqual(['Colloquio con la famiglia Zanardelli-Quaranta']);

    expect((await anonymise(second.id, { reason: 'Richiesta' })).status).toBe(200);
    expect(await householdNow()).toMatchObject({
      name: 'Nucleo anonimizzato',
      vulnerabilityReason: 'testo cancellato',
      vulnerable: true,
    });
    expect(await diary()).toEqual(['testo cancellato']);
    const needles = ['Zanardelli-Quaranta', 'via Gaeta 12'];
    expect(found(await databaseBytes(server, db), needles)).toEqual([]);
  });

  it('lists who is anonymised next, and when (ADMIN only, by anonymiseOn, Content-Range)', async () => {
    const admin = t.tokens.admin;
    const never = await createBeneficiary(server, admin, beneficiaryBody(t.territories.CREMA));
    const closed = await createBeneficiary(server, admin, beneficiaryBody(t.territories.CREMA));
    const open = await createBeneficiary(server, admin, beneficiaryBody(t.territories.CREMA));
    await cancel((await closedPact(closed)).id);
    await closedPact(open);
    // A member of a household whose INCLUSION pact is open: their term does not run either.
    const { household, member, pact: inclusion } = await householdWithPact();
    const refused = await anonymise(member.id, { reason: 'Richiesta' });
    expect([refused.status, refused.body.code]).toEqual([409, 'ANONYMISE_OPEN_PACTS']);
    expect(refused.body.message).toContain(inclusion.reference);
    // People who join a household after its pacts: their dates are set as they are inserted.
    const joinsOpen = await createBeneficiary(
      server,
      admin,
      beneficiaryBody(t.territories.CREMA, { householdId: household.id }),
    );
    const closedHousehold = await householdWithPact();
    await cancel(closedHousehold.pact.id);
    const joinsClosed = await createBeneficiary(
      server,
      admin,
      beneficiaryBody(t.territories.CREMA, { householdId: closedHousehold.household.id }),
    );
    const ids = [never.id, closed.id, open.id, member.id, joinsOpen.id, joinsClosed.id];
    const res = await server.request<RetentionScheduleEntry[]>(
      'GET',
      `/api/retention-schedule${listQuery({ id: ids }, ['anonymiseOn', 'ASC'], [0, 9])}`,
      { token: admin },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-range')).toBe('retention-schedule 0-2/3');
    const today = new Date().toISOString().slice(0, 10);
    expect(res.body).toEqual(
      expect.arrayContaining([
        {
          id: never.id,
          firstName: never.firstName,
          lastName: never.lastName,
          lastPactClosedAt: null,
          anonymiseOn: anonymiseOn(today, 10),
        },
        {
          id: closed.id,
          firstName: closed.firstName,
          lastName: closed.lastName,
          lastPactClosedAt: today,
          anonymiseOn: anonymiseOn(today, 10),
        },
        {
          id: joinsClosed.id,
          firstName: joinsClosed.firstName,
          lastName: joinsClosed.lastName,
          lastPactClosedAt: today,
          anonymiseOn: anonymiseOn(today, 10),
        },
      ]),
    );
    for (const role of ['manager', 'swCrema', 'makerCrema'] as const)
      expect(
        (await server.request('GET', '/api/retention-schedule', { token: t.tokens[role] })).status,
      ).toBe(403);
    const badSort = await server.request(
      'GET',
      `/api/retention-schedule${listQuery({}, ['lastName', 'ASC'])}`,
      { token: admin },
    );
    expect(badSort.status).toBe(400);
  });

  it('the daily job, with two instances, anonymises exactly those whose term ended today or before', async () => {
    const admin = t.tokens.admin;
    const today = todayIso();
    const cutoff = retentionCutoff(today, 10);
    const due = await createBeneficiary(server, admin, beneficiaryBody(t.territories.CREMA));
    const notYet = await createBeneficiary(server, admin, beneficiaryBody(t.territories.CREMA));
    for (const [person, closedOn] of [
      [due, cutoff],
      [notYet, addDays(cutoff, 1)],
    ] as const) {
      const pact = await closedPact(person);
      await cancel(pact.id);
      await db.run('UPDATE pacts SET closed_at = $1 WHERE id = $2', [
        `${closedOn}T12:00:00.000Z`,
        pact.id,
      ]);
    }
    const schedule = await server.request<RetentionScheduleEntry[]>(
      'GET',
      `/api/retention-schedule${listQuery({ id: [due.id, notYet.id] })}`,
      { token: admin },
    );
    expect(schedule.body.map((e) => [e.id, e.anonymiseOn])).toEqual([
      [due.id, anonymiseOn(cutoff, 10)],
      [notYet.id, anonymiseOn(addDays(cutoff, 1), 10)],
    ]);
    expect(anonymiseOn(cutoff, 10) <= today).toBe(true);
    expect(anonymiseOn(addDays(cutoff, 1), 10) > today).toBe(true);

    // Today's run is to do again; two more instances start on the database at once.
    await db.run(
      "UPDATE job_leases SET last_run_on = NULL, lease_owner = NULL, lease_until = NULL WHERE name = 'retention'",
    );
    const others = await Promise.all(
      [0, 1].map(() => startServer({ databaseUrl: server.databaseUrl, engine: server.engine })),
    );
    try {
      const deadline = Date.now() + 30_000;
      let lease: { last_run_on: string | null } | undefined;
      while (Date.now() < deadline) {
        [lease] = await db.query<{ last_run_on: string | null }>(
          "SELECT last_run_on FROM job_leases WHERE name = 'retention'",
        );
        if (lease?.last_run_on === today) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(lease?.last_run_on).toBe(today);
    } finally {
      await Promise.all(others.map((o) => o.stop()));
    }
    const read = async (id: number) =>
      (await server.request<Json>('GET', `/api/beneficiaries/${id}`, { token: admin })).body;
    expect(await read(due.id)).toMatchObject({
      firstName: 'Persona',
      anonymisedAt: expect.any(String),
    });
    expect(await read(notYet.id)).toMatchObject({
      fiscalCode: notYet.fiscalCode,
      anonymisedAt: null,
    });
    const events = await auditEvents(server, admin, { action: 'anonymise' });
    const byJob = events.filter((e) => e.actorId === null);
    expect(byJob.map((e) => [e.entityId, e.changes.reason])).toEqual([
      [due.id, [null, 'Termine di conservazione']],
    ]);
  });
});
