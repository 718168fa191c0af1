import { computeFiscalCode, type ImportRecord } from '@generattivi/shared';
import type { ErrorBody } from './demo';
import type { TestServer } from './server';

/** `GET /api/imports/:id`. */
export type ImportView = ImportRecord;

/** The headings of an import of people, in the template's order. */
export const PEOPLE_HEADER = [
  'Cognome',
  'Nome',
  'Codice fiscale',
  'Data di nascita',
  'Sesso',
  'Ambito',
  'Comune',
  'Condizione occupazionale',
];

/**
 * The row (PEOPLE_HEADER) of the `n`-th person named `lastName`, born `1980 + n % 20`, with a
 * valid fiscal code (distinct for n < 1000), unemployed, of Crema.
 */
export function personRow(n: number, lastName: string): string[] {
  const birthDate = `${1980 + (n % 20)}-0${1 + (n % 9)}-${String(1 + (n % 28)).padStart(2, '0')}`;
  const fiscalCode = computeFiscalCode({
    lastName,
    firstName: 'Anna',
    birthDate,
    sex: 'F',
    municipalityCode: `H${String(n % 1000).padStart(3, '0')}`,
  });
  const [y, m, d] = birthDate.split('-');
  return [lastName, 'Anna', fiscalCode, `${d}/${m}/${y}`, 'F', 'Crema', 'Crema', 'Disoccupato'];
}

/** A CSV as Excel in Italian saves it: `;`, CRLF. */
export const italianCsv = (lines: string[][]) =>
  Buffer.from(lines.map((l) => l.join(';')).join('\r\n') + '\r\n');

/** `POST /api/imports` with the file as multipart. */
export async function uploadImport(
  server: TestServer,
  token: string,
  kind: string,
  file: Buffer,
  name: string,
  dryRun = true,
) {
  const form = new FormData();
  form.append('kind', kind);
  form.append('dryRun', String(dryRun));
  form.append('file', new Blob([new Uint8Array(file)]), name);
  const res = await fetch(`${server.url}/api/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as ImportView & ErrorBody };
}

/** Polls the job until it has finished (for at most `waitMs`). */
export async function importFinished(
  server: TestServer,
  token: string,
  id: number,
  waitMs = 120_000,
): Promise<ImportView> {
  for (const until = Date.now() + waitMs; Date.now() < until;) {
    const res = await server.request<ImportView>('GET', `/api/imports/${id}`, { token });
    expect(res.status).toBe(200);
    if (res.body.status === 'DONE' || res.body.status === 'FAILED') return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`import ${id} did not finish`);
}

/** Uploads and waits for the finished job. */
export async function runImport(
  server: TestServer,
  token: string,
  kind: string,
  file: Buffer,
  name: string,
  dryRun = true,
  waitMs?: number,
): Promise<ImportView> {
  const res = await uploadImport(server, token, kind, file, name, dryRun);
  if (res.status !== 202) throw new Error(`import → ${res.status} ${JSON.stringify(res.body)}`);
  expect(res.body).toMatchObject({ status: 'QUEUED', dryRun, created: 0, failed: 0 });
  return importFinished(server, token, res.body.id, waitMs);
}
