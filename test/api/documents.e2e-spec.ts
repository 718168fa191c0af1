import type { DocumentRecord } from '@generattivi/shared';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditEvents, DEMO_ACCOUNT, listQuery, type ErrorBody } from '../support/demo';
import { beneficiaryBody, createBeneficiary, type Json } from '../support/fixtures';
import { pactBody, pactSetup } from '../support/pacts';
import { startServer, type TestServer } from '../support/server';

/**
 * Documents attached to pacts, milestones, beneficiaries and households (API.md "Further
 * endpoints"): multipart uploads kept in the database, read back byte for byte, refused by
 * type, size and emptiness, scoped like their owner, and removed with a trace in the audit trail.
 */

const MiB = 1024 * 1024;
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
// The start of a Windows executable.
const EXE = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(200, 0x90)]);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Upload {
  ownerType?: string;
  ownerId?: number | string;
  kind?: string;
  file?: Buffer;
  name?: string;
}

describe('documents', () => {
  let server: TestServer;
  let s: Awaited<ReturnType<typeof setup>>;

  /** POSTs a multipart upload; fields left undefined are not sent. */
  async function upload(token: string, u: Upload, headers: Record<string, string> = {}) {
    const form = new FormData();
    if (u.ownerType !== undefined) form.append('ownerType', u.ownerType);
    if (u.ownerId !== undefined) form.append('ownerId', String(u.ownerId));
    if (u.kind !== undefined) form.append('kind', u.kind);
    if (u.file !== undefined)
      form.append('file', new Blob([new Uint8Array(u.file)]), u.name ?? 'documento.pdf');
    const res = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...headers },
      body: form,
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: JSON.parse(text) as Json & ErrorBody };
  }

  async function uploaded(token: string, u: Upload): Promise<DocumentRecord> {
    const res = await upload(token, u);
    if (res.status !== 201) throw new Error(`upload → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as unknown as DocumentRecord;
  }

  async function download(token: string, id: number) {
    const res = await fetch(`${server.url}/api/documents/${id}/content`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return {
      status: res.status,
      headers: res.headers,
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  }

  const get = (token: string, path: string) =>
    server.request<Json & ErrorBody>('GET', path, { token });
  const ofOwner = (token: string, ownerType: string, ownerId: number) =>
    server.request<DocumentRecord[]>(
      'GET',
      `/api/documents${listQuery({ ownerType, ownerId }, ['id', 'ASC'])}`,
      { token },
    );

  async function setup() {
    const { tokens, territories, users } = await pactSetup(
      server,
      {
        admin: DEMO_ACCOUNT.ADMIN,
        manager: DEMO_ACCOUNT.MANAGER,
        sw: 'sociale.crema@demo.generattivi.it',
        maker: 'maker.crema@demo.generattivi.it',
        swCremona: 'sociale.cremona@demo.generattivi.it',
        makerCremona: 'maker.cremona@demo.generattivi.it',
      },
      {
        maker: 'maker.crema@demo.generattivi.it',
        makerCremona: 'maker.cremona@demo.generattivi.it',
      },
    );
    const pactOf = async (
      token: string,
      territoryId: number,
      makerId: number,
      municipality: string,
    ) => {
      const person = await createBeneficiary(
        server,
        token,
        beneficiaryBody(territoryId, { municipality }),
      );
      const pact = await server.request<Json & { id: number }>('POST', '/api/pacts', {
        token,
        body: pactBody(territoryId, makerId, { beneficiaryId: person.id }),
      });
      if (pact.status !== 201) throw new Error(`pact → ${pact.status} ${pact.text}`);
      return { person, pact: pact.body };
    };
    const crema = await pactOf(tokens.sw, territories.CREMA, users.maker, 'Crema');
    const cremona = await pactOf(
      tokens.swCremona,
      territories.CREMONA,
      users.makerCremona,
      'Cremona',
    );
    const milestone = await server.request<Json & { id: number }>('POST', '/api/milestones', {
      token: tokens.sw,
      body: { pactId: crema.pact.id, title: 'Primo colloquio', dueDate: '2099-01-31' },
    });
    if (milestone.status !== 201)
      throw new Error(`milestone → ${milestone.status} ${milestone.text}`);
    return { tokens, crema, cremona, milestone: milestone.body };
  }

  // The server's temporary directory (TMPDIR): uploads are spooled there while they arrive.
  const spoolDir = mkdtempSync(join(tmpdir(), 'generattivi-spool-'));

  beforeAll(async () => {
    server = await startServer({ env: { TMPDIR: spoolDir } });
    s = await setup();
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(spoolDir, { recursive: true, force: true });
  });

  describe('upload and download', () => {
    it('keeps a PDF of a pact: metadata with type, size and SHA-256; the same bytes back, as an attachment', async () => {
      const res = await upload(s.tokens.sw, {
        ownerType: 'pacts',
        ownerId: s.crema.pact.id,
        kind: 'SIGNED_PACT',
        file: PDF,
        name: 'Patto firmato – Niccolò.pdf',
      });
      expect(res.status).toBe(201);
      const doc = res.body as unknown as DocumentRecord;
      expect(doc).toEqual({
        id: expect.any(Number),
        ownerType: 'pacts',
        ownerId: s.crema.pact.id,
        kind: 'SIGNED_PACT',
        fileName: 'Patto firmato – Niccolò.pdf',
        mediaType: 'application/pdf',
        sizeBytes: PDF.length,
        sha256: sha256(PDF),
        uploadedById: expect.any(Number),
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect((await get(s.tokens.sw, `/api/documents/${doc.id}`)).body).toEqual(doc);

      const file = await download(s.tokens.sw, doc.id);
      expect(file.status).toBe(200);
      expect(file.bytes.equals(PDF)).toBe(true);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(file.headers.get('content-disposition')).toBe(
        `attachment; filename="Patto firmato _ Niccol_.pdf"; filename*=UTF-8''Patto%20firmato%20%E2%80%93%20Niccol%C3%B2.pdf`,
      );
    });

    it('keeps a PNG whatever its name says, and gives it back as image/png', async () => {
      const doc = await uploaded(s.tokens.sw, {
        ownerType: 'beneficiaries',
        ownerId: Number(s.crema.person.id),
        kind: 'IDENTITY_DOCUMENT',
        file: PNG,
        name: 'carta-identita.pdf',
      });
      expect(doc).toMatchObject({
        mediaType: 'image/png',
        sizeBytes: PNG.length,
        sha256: sha256(PNG),
      });
      const file = await download(s.tokens.admin, doc.id);
      expect(file.headers.get('content-type')).toBe('image/png');
      expect(file.bytes.equals(PNG)).toBe(true);
    });

    it('lists the documents of one owner, metadata only, with Content-Range', async () => {
      const territoryId = (await get(s.tokens.sw, `/api/pacts/${s.crema.pact.id}`)).body
        .territoryId as number;
      const owner = await createBeneficiary(server, s.tokens.sw, beneficiaryBody(territoryId));
      const first = await uploaded(s.tokens.sw, {
        ownerType: 'beneficiaries',
        ownerId: owner.id,
        kind: 'ISEE_CERTIFICATE',
        file: PDF,
      });
      const second = await uploaded(s.tokens.sw, {
        ownerType: 'beneficiaries',
        ownerId: owner.id,
        kind: 'OTHER',
        file: PNG,
        name: 'foto.png',
      });
      await uploaded(s.tokens.sw, {
        ownerType: 'pacts',
        ownerId: s.crema.pact.id,
        kind: 'OTHER',
        file: PNG,
      });
      const res = await ofOwner(s.tokens.sw, 'beneficiaries', owner.id);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-range')).toBe('documents 0-1/2');
      expect(res.body).toEqual([first, second]);
    });

    it('an Idempotency-Key on an upload: the retry gets the first answer, one document is kept', async () => {
      const key = randomUUID();
      const u = { ownerType: 'milestones', ownerId: s.milestone.id, kind: 'EVIDENCE', file: PDF };
      const first = await upload(s.tokens.sw, u, { 'idempotency-key': key });
      const again = await upload(s.tokens.sw, u, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
      expect((await ofOwner(s.tokens.sw, 'milestones', s.milestone.id)).body).toHaveLength(1);
      const other = await upload(s.tokens.sw, { ...u, file: PNG }, { 'idempotency-key': key });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });
  });

  describe('refusals', () => {
    const pactUpload = (extra: Upload): Upload => ({
      ownerType: 'pacts',
      ownerId: s.crema.pact.id,
      kind: 'OTHER',
      file: PDF,
      ...extra,
    });

    it('an executable renamed .pdf → 415, nothing kept', async () => {
      const before = (await ofOwner(s.tokens.sw, 'pacts', s.crema.pact.id)).body.length;
      const res = await upload(s.tokens.sw, pactUpload({ file: EXE, name: 'fattura.pdf' }));
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('DOCUMENT_TYPE_UNSUPPORTED');
      expect((await ofOwner(s.tokens.sw, 'pacts', s.crema.pact.id)).body).toHaveLength(before);
    });

    it('11 MiB → 413 (the limit is 10 MiB), nothing kept', async () => {
      const before = (await ofOwner(s.tokens.sw, 'pacts', s.crema.pact.id)).body.length;
      const big = Buffer.alloc(11 * MiB, 0x20);
      PDF.copy(big);
      const res = await upload(s.tokens.sw, pactUpload({ file: big }));
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({
        code: 'DOCUMENT_TOO_LARGE',
        params: { maxBytes: 10 * MiB },
      });
      expect((await ofOwner(s.tokens.sw, 'pacts', s.crema.pact.id)).body).toHaveLength(before);
    });

    it('exactly 10 MiB is kept', async () => {
      const max = Buffer.alloc(10 * MiB, 0x20);
      PDF.copy(max);
      const doc = await uploaded(s.tokens.sw, pactUpload({ file: max }));
      expect(doc.sizeBytes).toBe(10 * MiB);
      expect((await download(s.tokens.sw, doc.id)).bytes.equals(max)).toBe(true);
    });

    it('an empty file → 400 naming file', async () => {
      const res = await upload(s.tokens.sw, pactUpload({ file: Buffer.alloc(0) }));
      expect(res.status).toBe(400);
      expect(res.body.fieldErrors).toEqual({
        file: expect.objectContaining({ code: 'EMPTY_FILE' }),
      });
    });

    it('missing and wrong fields → 400 naming each', async () => {
      const missing = await upload(s.tokens.sw, {});
      expect(missing.status).toBe(400);
      expect(Object.keys(missing.body.fieldErrors as Json).sort()).toEqual([
        'file',
        'kind',
        'ownerId',
        'ownerType',
      ]);
      const wrong = await upload(
        s.tokens.sw,
        pactUpload({ ownerType: 'notes', ownerId: '-3', kind: 'SELFIE' }),
      );
      expect(wrong.status).toBe(400);
      expect(wrong.body.fieldErrors).toEqual({
        ownerType: expect.objectContaining({ code: 'ONE_OF' }),
        ownerId: expect.objectContaining({ code: 'POSITIVE_WHOLE_NUMBER' }),
        kind: expect.objectContaining({ code: 'ONE_OF' }),
      });
      const json = await server.request<ErrorBody>('POST', '/api/documents', {
        token: s.tokens.sw,
        body: { ownerType: 'pacts' },
      });
      expect(json.status).toBe(400);
      expect(json.body.fieldErrors).toEqual({
        file: expect.objectContaining({ code: 'REQUIRED' }),
      });
    });

    it('an owner that does not exist → 400 naming ownerId', async () => {
      const res = await upload(s.tokens.sw, pactUpload({ ownerId: 999_999 }));
      expect(res.status).toBe(400);
      expect(res.body.fieldErrors).toEqual({
        ownerId: expect.objectContaining({ code: 'NO_SUCH_RECORD' }),
      });
    });

    it('a name with ../ and a right-to-left override is kept cleaned', async () => {
      const doc = await uploaded(
        s.tokens.sw,
        pactUpload({ name: '../../etc/contratto\u202efdp.exe' }),
      );
      expect(doc.fileName).toBe('contrattofdp.exe');
      const file = await download(s.tokens.sw, doc.id);
      expect(file.headers.get('content-disposition')).toBe(
        `attachment; filename="contrattofdp.exe"; filename*=UTF-8''contrattofdp.exe`,
      );
    });

    it.each([
      ['no boundary', 'multipart/form-data', '--x\r\n'],
      [
        'a truncated body',
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4',
      ],
      [
        'a malformed part header',
        'multipart/form-data; boundary=x',
        '--x\r\nnonsense\r\n\r\nabc\r\n--x--\r\n',
      ],
      [
        'two files',
        'multipart/form-data; boundary=x',
        ['file', 'file']
          .map(
            (n) =>
              `--x\r\nContent-Disposition: form-data; name="${n}"; filename="a.pdf"\r\n\r\n%PDF-1.4\r\n`,
          )
          .join('') + '--x--\r\n',
      ],
      [
        'an unknown file field',
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="other"; filename="a.pdf"\r\n\r\n%PDF-1.4\r\n--x--\r\n',
      ],
    ])('a malformed multipart body (%s) → 400', async (_, contentType, body) => {
      const res = await fetch(`${server.url}/api/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.tokens.sw}`, 'content-type': contentType },
        body,
      });
      expect(res.status).toBe(400);
    });

    it('multipart on a route that takes JSON → 415', async () => {
      const form = new FormData();
      form.append('title', 'x');
      const res = await fetch(`${server.url}/api/notes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.tokens.sw}` },
        body: form,
      });
      expect(res.status).toBe(415);
    });
  });

  describe('scope', () => {
    let identity: DocumentRecord;
    let evidence: DocumentRecord;
    let isee: DocumentRecord;

    beforeAll(async () => {
      identity = await uploaded(s.tokens.sw, {
        ownerType: 'pacts',
        ownerId: s.crema.pact.id,
        kind: 'IDENTITY_DOCUMENT',
        file: PDF,
      });
      isee = await uploaded(s.tokens.sw, {
        ownerType: 'milestones',
        ownerId: s.milestone.id,
        kind: 'ISEE_CERTIFICATE',
        file: PDF,
      });
      evidence = await uploaded(s.tokens.maker, {
        ownerType: 'milestones',
        ownerId: s.milestone.id,
        kind: 'EVIDENCE',
        file: PNG,
        name: 'foto.png',
      });
    });

    it('the manager reads the metadata, never the content (403)', async () => {
      expect((await get(s.tokens.manager, `/api/documents/${identity.id}`)).status).toBe(200);
      expect(
        (await ofOwner(s.tokens.manager, 'pacts', s.crema.pact.id)).body.map((d) => d.id),
      ).toContain(identity.id);
      const file = await download(s.tokens.manager, identity.id);
      expect(file.status).toBe(403);
      expect(file.bytes.toString()).not.toContain('%PDF');
      expect(
        (
          await upload(s.tokens.manager, {
            ownerType: 'pacts',
            ownerId: s.crema.pact.id,
            kind: 'OTHER',
            file: PDF,
          })
        ).status,
      ).toBe(403);
    });

    it('the maker adds EVIDENCE to their pacts and milestones, nothing else', async () => {
      const onPact = await upload(s.tokens.maker, {
        ownerType: 'pacts',
        ownerId: s.crema.pact.id,
        kind: 'EVIDENCE',
        file: PDF,
      });
      expect(onPact.status).toBe(201);
      expect(onPact.body.uploadedById).not.toBe(identity.uploadedById);
      for (const kind of ['OTHER', 'SIGNED_PACT', 'IDENTITY_DOCUMENT', 'ISEE_CERTIFICATE']) {
        const res = await upload(s.tokens.maker, {
          ownerType: 'pacts',
          ownerId: s.crema.pact.id,
          kind,
          file: PDF,
        });
        expect([kind, res.status, res.body.code]).toEqual([kind, 403, 'MAKER_EVIDENCE_ONLY']);
      }
      const onPerson = await upload(s.tokens.maker, {
        ownerType: 'beneficiaries',
        ownerId: Number(s.crema.person.id),
        kind: 'EVIDENCE',
        file: PDF,
      });
      expect(onPerson.status).toBe(403);
      const notTheirs = await upload(s.tokens.maker, {
        ownerType: 'pacts',
        ownerId: s.cremona.pact.id,
        kind: 'EVIDENCE',
        file: PDF,
      });
      expect(notTheirs.status).toBe(400);
      expect(notTheirs.body.fieldErrors).toEqual({
        ownerId: expect.objectContaining({ code: 'NO_SUCH_RECORD' }),
      });
    });

    it('the maker reads their pacts’ documents, never identity documents nor ISEE certificates', async () => {
      const onMilestone = await ofOwner(s.tokens.maker, 'milestones', s.milestone.id);
      expect(onMilestone.body.map((d) => d.kind)).not.toContain('ISEE_CERTIFICATE');
      expect(onMilestone.body.map((d) => d.id)).toContain(evidence.id);
      expect((await download(s.tokens.maker, evidence.id)).bytes.equals(PNG)).toBe(true);
      const onPact = await ofOwner(s.tokens.maker, 'pacts', s.crema.pact.id);
      expect(onPact.body.length).toBeGreaterThan(0);
      expect(onPact.body.map((d) => d.kind)).not.toContain('IDENTITY_DOCUMENT');
      for (const doc of [identity, isee]) {
        expect((await get(s.tokens.maker, `/api/documents/${doc.id}`)).status).toBe(404);
        expect((await download(s.tokens.maker, doc.id)).status).toBe(404);
      }
      const all = await server.request<DocumentRecord[]>(
        'GET',
        `/api/documents${listQuery({}, ['id', 'ASC'], [0, 999])}`,
        { token: s.tokens.maker },
      );
      expect(
        all.body.filter((d) => d.kind === 'IDENTITY_DOCUMENT' || d.kind === 'ISEE_CERTIFICATE'),
      ).toEqual([]);
      expect(all.body.filter((d) => d.ownerType === 'beneficiaries')).toEqual([]);
    });

    it('out of scope: another territory’s social worker and maker get 404, and 400 naming ownerId on upload', async () => {
      for (const token of [s.tokens.swCremona, s.tokens.makerCremona]) {
        expect((await get(token, `/api/documents/${evidence.id}`)).status).toBe(404);
        expect((await download(token, evidence.id)).status).toBe(404);
        expect((await ofOwner(token, 'milestones', s.milestone.id)).body).toEqual([]);
        const del = await server.request('DELETE', `/api/documents/${evidence.id}`, { token });
        expect(del.status).toBe(404);
      }
      const res = await upload(s.tokens.swCremona, {
        ownerType: 'pacts',
        ownerId: s.crema.pact.id,
        kind: 'OTHER',
        file: PDF,
      });
      expect(res.status).toBe(400);
      expect(res.body.fieldErrors).toEqual({
        ownerId: expect.objectContaining({ code: 'NO_SUCH_RECORD' }),
      });
    });
  });

  it('a mistaken upload is deleted; the audit trail keeps its name, size and hash', async () => {
    const doc = await uploaded(s.tokens.sw, {
      ownerType: 'pacts',
      ownerId: s.crema.pact.id,
      kind: 'OTHER',
      file: PNG,
      name: 'sbagliato.png',
    });
    const del = await server.request('DELETE', `/api/documents/${doc.id}`, { token: s.tokens.sw });
    expect(del.status).toBe(200);
    expect((await get(s.tokens.sw, `/api/documents/${doc.id}`)).status).toBe(404);
    expect((await download(s.tokens.sw, doc.id)).status).toBe(404);
    const events = await auditEvents(server, s.tokens.admin, {
      entityType: 'documents',
      entityId: doc.id,
    });
    expect(events.map((e) => e.action)).toEqual(['create', 'delete']);
    const deleted = events[1].changes;
    expect(deleted.fileName).toEqual(['sbagliato.png', null]);
    expect(deleted.sizeBytes).toEqual([PNG.length, null]);
    expect(deleted.sha256).toEqual([sha256(PNG), null]);
    expect(events[0].changes.sha256).toEqual([null, sha256(PNG)]);
  });

  it('a record with documents attached is not deleted (409 HAS_DOCUMENTS) until they are', async () => {
    const territoryId = (await get(s.tokens.sw, `/api/pacts/${s.crema.pact.id}`)).body
      .territoryId as number;
    const person = await createBeneficiary(
      server,
      s.tokens.sw,
      beneficiaryBody(territoryId, { municipality: 'Crema' }),
    );
    const onPerson = await uploaded(s.tokens.sw, {
      ownerType: 'beneficiaries',
      ownerId: person.id,
      kind: 'IDENTITY_DOCUMENT',
      file: PDF,
    });
    const refused = await server.request<ErrorBody>('DELETE', `/api/beneficiaries/${person.id}`, {
      token: s.tokens.sw,
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'HAS_DOCUMENTS', params: { count: 1 } });

    const pact = await server.request<Json & { id: number }>('POST', '/api/pacts', {
      token: s.tokens.sw,
      body: pactBody(territoryId, s.crema.pact.communityMakerId as number, {
        beneficiaryId: person.id,
      }),
    });
    expect(pact.status).toBe(201);
    const milestone = await server.request<Json & { id: number }>('POST', '/api/milestones', {
      token: s.tokens.sw,
      body: { pactId: pact.body.id, title: 'Tappa', dueDate: '2099-01-31' },
    });
    const onMilestone = await uploaded(s.tokens.sw, {
      ownerType: 'milestones',
      ownerId: milestone.body.id,
      kind: 'OTHER',
      file: PDF,
    });
    for (const path of [`/api/milestones/${milestone.body.id}`, `/api/pacts/${pact.body.id}`]) {
      const res = await server.request<ErrorBody>('DELETE', path, { token: s.tokens.sw });
      expect([path, res.status, res.body.code]).toEqual([path, 409, 'HAS_DOCUMENTS']);
    }
    for (const doc of [onMilestone, onPerson])
      expect(
        (await server.request('DELETE', `/api/documents/${doc.id}`, { token: s.tokens.sw })).status,
      ).toBe(200);
    expect(
      (await server.request('DELETE', `/api/pacts/${pact.body.id}`, { token: s.tokens.sw })).status,
    ).toBe(200);
    expect(
      (await server.request('DELETE', `/api/beneficiaries/${person.id}`, { token: s.tokens.sw }))
        .status,
    ).toBe(200);
  });

  it('a maker deletes the evidence of their pacts only', async () => {
    const mine = await uploaded(s.tokens.maker, {
      ownerType: 'pacts',
      ownerId: s.crema.pact.id,
      kind: 'EVIDENCE',
      file: PDF,
    });
    const signed = await uploaded(s.tokens.sw, {
      ownerType: 'pacts',
      ownerId: s.crema.pact.id,
      kind: 'SIGNED_PACT',
      file: PDF,
    });
    expect(
      (await server.request('DELETE', `/api/documents/${signed.id}`, { token: s.tokens.maker }))
        .status,
    ).toBe(403);
    expect(
      (await server.request('DELETE', `/api/documents/${mine.id}`, { token: s.tokens.maker }))
        .status,
    ).toBe(200);
    expect(
      (await server.request('DELETE', `/api/documents/${signed.id}`, { token: s.tokens.manager }))
        .status,
    ).toBe(403);
  });

  it('afterwards: no spooled upload is left in the server’s temporary directory, kept or refused', async () => {
    // Every kind of upload has run above: kept, 413 midway, 415, 400, out of scope, idempotent.
    const big = Buffer.alloc(11 * MiB, 0x20);
    PDF.copy(big);
    const res = await upload(s.tokens.sw, {
      ownerType: 'pacts',
      ownerId: s.crema.pact.id,
      kind: 'OTHER',
      file: big,
    });
    expect(res.status).toBe(413);
    expect(readdirSync(spoolDir)).toEqual([]);
  });
});
