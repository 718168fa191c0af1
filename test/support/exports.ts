import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { TestServer } from './server';

/** The bytes of an export: its status, headers and body, read whole. */
export interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

/** GETs `/api/<collection>/export` with the list's filter and sort and a format. */
export async function download(
  server: TestServer,
  token: string,
  collection: string,
  params: { filter?: unknown; sort?: [string, 'ASC' | 'DESC']; format?: string } = {},
): Promise<Download> {
  const query = new URLSearchParams();
  if (params.filter !== undefined) query.set('filter', JSON.stringify(params.filter));
  if (params.sort) query.set('sort', JSON.stringify(params.sort));
  if (params.format) query.set('format', params.format);
  const text = query.toString();
  return getFile(server, token, `/api/${collection}/export${text ? `?${text}` : ''}`);
}

/** GETs `path` (from `/api/…`) with the token and reads the answer whole. */
export async function getFile(server: TestServer, token: string, path: string): Promise<Download> {
  const res = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * A CSV read as Excel in Italian reads it: it must start with the UTF-8 byte order mark, its
 * fields are separated by `;` and its lines end in CRLF. Answers the rows, heading first.
 */
export function readItalianCsv(bytes: Buffer): string[][] {
  if (!bytes.subarray(0, 3).equals(BOM)) throw new Error('the CSV does not start with a BOM');
  const text = bytes.subarray(3).toString('utf8');
  const lines = text.split('\r\n');
  if (lines.at(-1) !== '') throw new Error('the CSV does not end with CRLF');
  return parse(text, { delimiter: ';', record_delimiter: '\r\n', relax_quotes: false });
}

/** The rows as objects by heading. */
export function byHeading(rows: string[][]): Array<Record<string, string>> {
  const [header, ...body] = rows;
  return body.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}

/** The first worksheet of an XLSX file. */
export async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

/** The headings of the pacts' export, in order. */
export const PACT_EXPORT_HEADINGS = [
  'Riferimento',
  'Tipo',
  'Stato',
  'Titolo',
  'Beneficiario o nucleo',
  'Ambito',
  'Data di inizio',
  'Fine prevista',
  'Community maker',
  'Assistente sociale',
  'Avanzamento %',
  'Tappe da raggiungere',
  'Ammissibilità',
  'Esito',
  'Inviato il',
  'Approvato il',
  'Chiuso il',
  'Ultima nota',
];
