import type { DocumentKind, DocumentOwnerType, DocumentRecord } from '@generattivi/shared';
import { listQuery } from './demo';
import type { TestServer } from './server';

/** Small files the server accepts, by their bytes. */

/** A minimal PDF (the scan of a signed pact, as far as the server can tell). */
export const SMALL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

/** An 8 × 8 PNG, all dark green (a photo taken on a phone, as far as the server can tell). */
export const SMALL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR42mOQjlPAihiGlgQA8VomQWxTbdcAAAAASUVORK5CYII=',
  'base64',
);

/** POSTs `file` as a document of `ownerType`/`ownerId` and fails loudly unless it is stored. */
export async function uploadDocument(
  server: TestServer,
  token: string,
  upload: {
    ownerType: DocumentOwnerType;
    ownerId: number;
    kind: DocumentKind;
    file: Buffer;
    name: string;
  },
): Promise<DocumentRecord> {
  const form = new FormData();
  form.append('ownerType', upload.ownerType);
  form.append('ownerId', String(upload.ownerId));
  form.append('kind', upload.kind);
  form.append('file', new Blob([new Uint8Array(upload.file)]), upload.name);
  const res = await fetch(`${server.url}/api/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST /api/documents → ${res.status} ${text}`);
  return JSON.parse(text) as DocumentRecord;
}

/** The documents of one record, oldest first (`GET /api/documents?filter=…`). */
export async function documentsOf(
  server: TestServer,
  token: string,
  ownerType: DocumentOwnerType,
  ownerId: number,
): Promise<DocumentRecord[]> {
  const res = await server.request<DocumentRecord[]>(
    'GET',
    `/api/documents${listQuery({ ownerType, ownerId }, ['id', 'ASC'])}`,
    { token },
  );
  if (res.status !== 200) throw new Error(`GET /api/documents → ${res.status} ${res.text}`);
  return res.body;
}
