import JSZip from 'jszip';
import { auditEvents, DEMO_ACCOUNT, listQuery } from '../support/demo';
import { SMALL_PDF, SMALL_PNG, uploadDocument } from '../support/documents';
import { getFile } from '../support/exports';
import {
  beneficiaryBody,
  createBeneficiary,
  createHousehold,
  type Json,
} from '../support/fixtures';
import { pactBody, pactSetup } from '../support/pacts';
import { pdfPages } from '../support/pdf';
import { startServer, type TestServer } from '../support/server';

/**
 * A person's access request (GDPR art. 15, `GET /api/beneficiaries/:id/subject-access`): a
 * ZIP read back entry by entry; and the access log as a list (`GET /api/access-log`).
 */

interface AccessLogRow {
  id: number;
  at: string;
  actorId: number;
  entityType: string;
  entityId: number;
  via: string;
}

/** Notes besides the first: the pact's diary holds 206, past a page of 200 rows. */
const EXTRA_NOTES = 205;

describe('GET /api/beneficiaries/:id/subject-access', () => {
  let server: TestServer;
  let s: Awaited<ReturnType<typeof setup>>;

  const download = (id: number, token: string) =>
    getFile(server, token, `/api/beneficiaries/${id}/subject-access`);

  async function setup() {
    const { tokens, territories, users } = await pactSetup(
      server,
      {
        admin: DEMO_ACCOUNT.ADMIN,
        manager: DEMO_ACCOUNT.MANAGER,
        sw: 'sociale.crema@demo.generattivi.it',
        maker: 'maker.crema@demo.generattivi.it',
      },
      {
        admin: DEMO_ACCOUNT.ADMIN,
        sw: 'sociale.crema@demo.generattivi.it',
        maker: 'maker.crema@demo.generattivi.it',
      },
    );
    const crema = territories.CREMA;
    const household = await createHousehold(server, tokens.sw, { territoryId: crema });
    const person = await createBeneficiary(server, tokens.sw, {
      ...beneficiaryBody(crema, { householdId: household.id, lastName: 'Dell’Acqua Né' }),
    });
    const other = await createBeneficiary(server, tokens.sw, beneficiaryBody(crema));
    const pact = await server.request<Json & { id: number; reference: string }>(
      'POST',
      '/api/pacts',
      {
        token: tokens.sw,
        body: pactBody(
          crema,
          users.maker,
          { beneficiaryId: person.id },
          { title: 'Verso il lavoro' },
        ),
      },
    );
    if (pact.status !== 201) throw new Error(`create pact → ${pact.status} ${pact.text}`);
    const milestone = await server.request<{ id: number }>('POST', '/api/milestones', {
      token: tokens.sw,
      body: {
        pactId: pact.body.id,
        title: 'Iscrizione al corso',
        dueDate: String(pact.body.plannedEndDate),
      },
    });
    const note = await server.request<{ id: number }>('POST', '/api/notes', {
      token: tokens.sw,
      body: { pactId: pact.body.id, kind: 'MEETING', body: 'Primo incontro: è andato bene' },
    });
    // Past a page of rows (200): the lists are read page by page, none is cut short.
    for (let batch = 0; batch < EXTRA_NOTES; batch += 20) {
      const posted = await Promise.all(
        Array.from({ length: Math.min(20, EXTRA_NOTES - batch) }, (_, i) =>
          server.request('POST', '/api/notes', {
            token: tokens.sw,
            body: { pactId: pact.body.id, kind: 'CALL', body: `Telefonata ${batch + i + 1}` },
          }),
        ),
      );
      if (posted.some((r) => r.status !== 201)) throw new Error('a note was refused');
    }
    if (milestone.status !== 201 || note.status !== 201)
      throw new Error('milestone or note refused');
    const identity = await uploadDocument(server, tokens.sw, {
      ownerType: 'beneficiaries',
      ownerId: person.id,
      kind: 'IDENTITY_DOCUMENT',
      file: SMALL_PNG,
      name: 'carta d’identità.png',
    });
    const evidence = await uploadDocument(server, tokens.sw, {
      ownerType: 'milestones',
      ownerId: milestone.body.id,
      kind: 'EVIDENCE',
      file: SMALL_PDF,
      name: '../iscrizione:corso.pdf',
    });
    // Someone else's document, never in this person's archive.
    await uploadDocument(server, tokens.sw, {
      ownerType: 'beneficiaries',
      ownerId: other.id,
      kind: 'OTHER',
      file: SMALL_PNG,
      name: 'altro.png',
    });
    const read = await server.request('GET', `/api/beneficiaries/${person.id}`, {
      token: tokens.sw,
    });
    if (read.status !== 200) throw new Error(`read → ${read.status}`);
    return {
      tokens,
      users,
      household,
      person,
      other,
      pact: pact.body,
      milestone: milestone.body,
      note: note.body,
      identity,
      evidence,
    };
  }

  beforeAll(async () => {
    server = await startServer();
    s = await setup();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('is a ZIP named after the person holding dati.json, riepilogo.pdf and the documents’ bytes', async () => {
    const res = await download(s.person.id, s.tokens.admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="dati-interessato-dell-acqua-ne-\d{4}-\d{2}-\d{2}\.zip"/,
    );
    const zip = await JSZip.loadAsync(res.bytes);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(
      [
        'dati.json',
        `documenti/${s.evidence.id}-iscrizione_corso.pdf`,
        `documenti/${s.identity.id}-carta d’identità.png`,
        'riepilogo.pdf',
      ].sort(),
    );

    const data = JSON.parse(await zip.file('dati.json')!.async('string')) as {
      beneficiary: Json;
      households: Json[];
      pacts: Array<Json & { milestones: Json[]; notes: Json[]; assignments: Json[] }>;
      documents: Json[];
      accessLog: AccessLogRow[];
      auditEvents: Array<{ entityType: string; entityId: number; action: string }>;
    };
    expect(data.beneficiary).toMatchObject({
      id: s.person.id,
      fiscalCode: s.person.fiscalCode,
      phone: s.person.phone,
      address: s.person.address,
    });
    expect(data.households.map((h) => h.id)).toEqual([s.household.id]);
    expect(data.pacts).toHaveLength(1);
    expect(data.pacts[0]).toMatchObject({ id: s.pact.id, reference: s.pact.reference });
    expect(data.pacts[0].milestones.map((m) => m.id)).toEqual([s.milestone.id]);
    const notes = data.pacts[0].notes;
    expect(notes).toHaveLength(EXTRA_NOTES + 1);
    expect(new Set(notes.map((n) => n.id)).size).toBe(EXTRA_NOTES + 1);
    expect(notes[0]).toMatchObject({ id: s.note.id, body: 'Primo incontro: è andato bene' });
    expect(Array.isArray(data.pacts[0].assignments)).toBe(true);
    expect(data.documents.map((d) => d.id).sort()).toEqual([s.identity.id, s.evidence.id].sort());
    expect(data.accessLog).toContainEqual(
      expect.objectContaining({
        actorId: s.users.sw,
        entityType: 'beneficiaries',
        entityId: s.person.id,
      }),
    );
    const about = (type: string, id: number) =>
      data.auditEvents
        .filter((e) => e.entityType === type && e.entityId === id)
        .map((e) => e.action);
    expect(about('beneficiaries', s.person.id)).toContain('create');
    expect(about('households', s.household.id)).toContain('create');
    expect(about('pacts', s.pact.id)).toContain('create');
    expect(about('milestones', s.milestone.id)).toContain('create');
    expect(about('notes', s.note.id)).toContain('create');
    const noteEvents = data.auditEvents.filter((e) => e.entityType === 'notes');
    expect(noteEvents.filter((e) => e.action === 'create')).toHaveLength(EXTRA_NOTES + 1);
    expect(about('documents', s.identity.id)).toContain('create');
    expect(about('beneficiaries', s.other.id)).toEqual([]);

    const identity = await zip
      .file(`documenti/${s.identity.id}-carta d’identità.png`)!
      .async('nodebuffer');
    expect(identity.equals(SMALL_PNG)).toBe(true);
    const evidence = zip.file(new RegExp(`^documenti/${s.evidence.id}-`))[0];
    expect((await evidence.async('nodebuffer')).equals(SMALL_PDF)).toBe(true);
    expect(evidence.name).not.toMatch(/\.\.|:/);

    const pdf = await zip.file('riepilogo.pdf')!.async('nodebuffer');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfPages(pdf)).map((p) => p.text.replace(/\n/g, ' ')).join(' ');
    for (const expected of [
      'Dati dell’interessato',
      `Cognome e nome: Dell’Acqua Né ${String(s.person.firstName)}`,
      `Codice fiscale: ${String(s.person.fiscalCode)}`,
      `Patto ${s.pact.reference}: Verso il lavoro`,
      'Iscrizione al corso',
      'Primo incontro: è andato bene',
      'carta d’identità.png',
      'Chi ha consultato i dati',
      'Operazioni registrate',
      'L’elenco prosegue: l’elenco completo è nel file dati.json.',
    ]) {
      expect(text).toContain(expected);
    }
    // The summary lists the first 200 notes of the diary (the meeting and 199 calls) and says
    // where the others are.
    expect(text.match(/Telefonata di [^:]+: Telefonata \d+/g)).toHaveLength(199);
    expect(text).toMatch(
      /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}: [^:]+ ha consultato Scheda della persona/,
    );
  });

  it('answers the next download whole after one is broken off', async () => {
    const abort = new AbortController();
    const res = await fetch(`${server.url}/api/beneficiaries/${s.person.id}/subject-access`, {
      headers: { authorization: `Bearer ${s.tokens.admin}` },
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    await res.body!.getReader().read();
    abort.abort();
    const again = await download(s.person.id, s.tokens.admin);
    expect(again.status).toBe(200);
    const zip = await JSZip.loadAsync(again.bytes);
    expect(Object.keys(zip.files)).toContain('riepilogo.pdf');
  });

  it('is for the administrator only: 403 for the other roles, 404 for an unknown person', async () => {
    for (const token of [s.tokens.manager, s.tokens.sw, s.tokens.maker]) {
      const res = await download(s.person.id, token);
      expect(res.status).toBe(403);
    }
    expect((await download(999_999, s.tokens.admin)).status).toBe(404);
    const anonymous = await fetch(`${server.url}/api/beneficiaries/${s.person.id}/subject-access`);
    expect(anonymous.status).toBe(401);
  });

  it('writes the request to the audit trail and the reads to the access log', async () => {
    const filter = {
      entityType: 'beneficiaries',
      entityId: s.person.id,
      action: 'export',
      actorId: s.users.admin,
    };
    const before = await auditEvents(server, s.tokens.admin, filter);
    const res = await download(s.person.id, s.tokens.admin);
    expect(res.status).toBe(200);
    const after = await auditEvents(server, s.tokens.admin, filter);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)?.changes).toMatchObject({
      document: [null, expect.stringMatching(/^dati-interessato-dell-acqua-ne-/)],
    });

    const log = await server.request<AccessLogRow[]>(
      'GET',
      `/api/access-log${listQuery({ actorId: s.users.admin, entityType: ['beneficiaries', 'households', 'pacts'], via: 'subject-access' })}`,
      { token: s.tokens.admin },
    );
    expect(log.status).toBe(200);
    const read = log.body.map((e) => `${e.entityType}:${e.entityId}`);
    expect(read).toEqual(
      expect.arrayContaining([
        `beneficiaries:${s.person.id}`,
        `households:${s.household.id}`,
        `pacts:${s.pact.id}`,
      ]),
    );
  });

  describe('GET /api/access-log', () => {
    it('lists reads newest first with Content-Range, filtered by record and by reader', async () => {
      await server.request('GET', `/api/beneficiaries/${s.person.id}`, { token: s.tokens.maker });
      const res = await server.request<AccessLogRow[]>(
        'GET',
        `/api/access-log${listQuery({ entityType: 'beneficiaries', entityId: s.person.id }, undefined, [0, 99])}`,
        { token: s.tokens.admin },
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-range')).toMatch(/^access-log 0-\d+\/\d+$/);
      expect(res.body.length).toBeGreaterThanOrEqual(2);
      for (const e of res.body) {
        expect(Object.keys(e).sort()).toEqual([
          'actorId',
          'at',
          'entityId',
          'entityType',
          'id',
          'via',
        ]);
        expect(e).toMatchObject({ entityType: 'beneficiaries', entityId: s.person.id });
      }
      const times = res.body.map((e) => e.at);
      expect([...times].sort().reverse()).toEqual(times);
      expect(res.body[0].actorId).toBe(s.users.maker);

      const bySw = await server.request<AccessLogRow[]>(
        'GET',
        `/api/access-log${listQuery({ actorId: s.users.sw, entityId: s.person.id })}`,
        { token: s.tokens.admin },
      );
      expect(bySw.body.length).toBeGreaterThan(0);
      expect(bySw.body.every((e) => e.actorId === s.users.sw)).toBe(true);
    });

    it('refuses other roles (403) and unknown filters or record types (400)', async () => {
      for (const token of [s.tokens.manager, s.tokens.sw, s.tokens.maker]) {
        expect((await server.request('GET', '/api/access-log', { token })).status).toBe(403);
      }
      for (const filter of [{ fiscalCode: 'X' }, { entityType: 'notes' }]) {
        const res = await server.request('GET', `/api/access-log${listQuery(filter)}`, {
          token: s.tokens.admin,
        });
        expect(res.status).toBe(400);
      }
    });
  });
});
