import { randomBytes } from 'node:crypto';
import { openDatabase, type DirectDb } from '../support/db';
import { auditEvents } from '../support/demo';
import { beneficiaryBody, createBeneficiary } from '../support/fixtures';
import { pactSetup } from '../support/pacts';
import { startServer, type TestServer } from '../support/server';

/**
 * A crash during uploads (API.md, documents): a document's row, its bytes and its audit event
 * are written in one transaction, so a server killed (SIGKILL) while 20 uploads run leaves, once
 * started again on the same database, each document whole with its event, or nothing of it.
 */

const MiB = 1024 * 1024;
const UPLOADS = 20;
/** A few MiB each, of several pieces (server/src/documents: DOCUMENT_CHUNK_BYTES). */
const SIZE = 3 * MiB + 12345;

/** A PDF of `size` bytes: the header, then noise (the type is read from the first bytes). */
function pdfOf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n', 'latin1');
  return Buffer.concat([head, randomBytes(size - head.length)]);
}

describe('documents: a crash during 20 parallel uploads', () => {
  let first: TestServer;
  let again: TestServer | undefined;
  let db: DirectDb | undefined;

  afterAll(async () => {
    await db?.close();
    await again?.stop();
    await first?.stop();
  });

  it('leaves no document without its bytes, no bytes without their document, no event without both', async () => {
    first = await startServer();
    const { tokens, territories } = await pactSetup(
      first,
      { sw: 'sociale.crema@demo.generattivi.it', admin: 'admin@demo.generattivi.it' },
      {},
    );
    const owner = await createBeneficiary(first, tokens.sw, beneficiaryBody(territories.CREMA));
    const files = Array.from({ length: UPLOADS }, () => pdfOf(SIZE));

    // The server is killed as soon as the first upload is answered: the others are under way.
    let killed: Promise<void> | undefined;
    const answers = await Promise.all(
      files.map(async (file, i) => {
        const form = new FormData();
        form.append('ownerType', 'beneficiaries');
        form.append('ownerId', String(owner.id));
        form.append('kind', 'OTHER');
        form.append('file', new Blob([new Uint8Array(file)]), `crash-${i}.pdf`);
        try {
          const res = await fetch(`${first.url}/api/documents`, {
            method: 'POST',
            headers: { authorization: `Bearer ${tokens.sw}` },
            body: form,
          });
          const body = (await res.json()) as { id?: number; sha256?: string };
          if (res.status === 201) killed ??= first.kill();
          return { status: res.status, body };
        } catch {
          return { status: 0, body: {} }; // the connection died with the server
        }
      }),
    );
    await killed;
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    // Some were cut by the kill: the crash happened while uploads were under way.
    expect(answers.filter((a) => a.status === 0).length).toBeGreaterThanOrEqual(1);

    // Nothing but a success or a broken connection (no 500 before the kill).
    expect(answers.filter((a) => a.status !== 201 && a.status !== 0)).toEqual([]);

    again = await startServer({ databaseUrl: first.databaseUrl, demoData: false });
    db = await openDatabase(again);
    const rows = await db.query<{ id: number; size_bytes: number; sha256: string }>(
      `SELECT id, size_bytes, sha256 FROM documents WHERE owner_type = 'beneficiaries' AND owner_id = $1 ORDER BY id`,
      [owner.id],
    );
    // Each answered upload is there; an upload cut before its answer may have committed or not.
    const ids = rows.map((r) => Number(r.id));
    for (const a of created) expect(ids).toContain(a.body.id);
    expect(rows.length).toBeLessThanOrEqual(UPLOADS);

    // Every document has all its pieces, 0…n-1, as long as its size: its bytes are whole.
    const pieces = await db.query<{ document_id: number; n: number; last: number; bytes: number }>(
      `SELECT document_id, COUNT(*) AS n, MAX(seq) AS last, SUM(LENGTH(content)) AS bytes FROM document_contents GROUP BY document_id`,
    );
    const byDocument = new Map(pieces.map((p) => [Number(p.document_id), p]));
    for (const row of rows) {
      const p = byDocument.get(Number(row.id));
      expect({
        id: row.id,
        bytes: Number(p?.bytes),
        whole: Number(p?.n) === Number(p?.last) + 1,
      }).toEqual({ id: row.id, bytes: Number(row.size_bytes), whole: true });
    }
    // No bytes without their document.
    const orphans = await db.query(
      'SELECT c.document_id FROM document_contents c WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = c.document_id)',
    );
    expect(orphans).toEqual([]);
    // Each document has its upload in the audit trail, and no upload is recorded for nothing.
    const admin = await again.login('admin@demo.generattivi.it');
    const events = await auditEvents(again, admin, { entityType: 'documents', action: 'create' });
    const audited = events.map((e) => Number(e.entityId)).filter((id) => id > 0);
    const all = await db.query<{ id: number }>('SELECT id FROM documents');
    expect(audited.sort((x, y) => x - y)).toEqual(
      all.map((r) => Number(r.id)).sort((x, y) => x - y),
    );

    // And what was answered reads back byte for byte on the new start.
    for (const a of created.slice(0, 3)) {
      const res = await fetch(`${again.url}/api/documents/${a.body.id}/content`, {
        headers: {
          authorization: `Bearer ${await again.login('sociale.crema@demo.generattivi.it')}`,
        },
      });
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(files.some((f) => f.equals(bytes))).toBe(true);
    }
  });
});
