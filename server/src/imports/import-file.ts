/**
 * Reading an uploaded spreadsheet and writing it back with its «Esito» column. CSV: `;` or
 * `,` (whichever the header line uses), UTF-8 with or without a byte order mark, else
 * Windows-1252 (what Excel in Italian saves); XLSX: the first sheet, formulas read as their
 * computed values, dates as dates.
 */
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { italianCsv } from '../common/italian-csv';
import type { ImportFormat } from './import-job.entity';
import type { Cell } from './import-values';

/** One line of the sheet: its number in the file (the header is 1) and its cells. */
export interface SheetRow {
  line: number;
  cells: Cell[];
}

export interface Sheet {
  header: string[];
  /** Every line after the header, empty ones included (the report keeps them). */
  rows: SheetRow[];
}

/** Whether a line has nothing in it: such lines are skipped. */
export const isEmptyRow = (row: SheetRow) =>
  row.cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

const ZIP_SIGNATURE = Buffer.from('PK\u0003\u0004', 'latin1');
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** XLSX (a zip) or CSV, from the bytes. */
export function formatOf(bytes: Buffer): ImportFormat {
  return bytes.subarray(0, 4).equals(ZIP_SIGNATURE) ? 'xlsx' : 'csv';
}

/** The text of a CSV file: UTF-8 (a BOM dropped) when the bytes are UTF-8, else Windows-1252. */
export function decodeCsv(bytes: Buffer): string {
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) return bytes.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'win1252');
  }
}

/** `;` or `,`: the one the header line holds more of, outside quotes. */
export function delimiterOf(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons >= commas ? ';' : ',';
}

/** Thrown (and answered 413 by the caller) when a sheet holds more than `maxRows` rows. */
export class TooManyRowsError extends Error {
  constructor(readonly maxRows: number) {
    super(`more than ${maxRows} rows`);
  }
}

async function readCsv(bytes: Buffer, maxRows: number): Promise<Sheet> {
  const text = decodeCsv(bytes);
  const parser = parse(text, {
    delimiter: delimiterOf(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  const lines: string[][] = [];
  let data = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    lines.push(record);
    if (lines.length > 1 && record.some((c) => c.trim() !== '') && ++data > maxRows)
      throw new TooManyRowsError(maxRows);
    if (lines.length % 2000 === 0) await yieldToLoop();
  }
  const [header = [], ...rest] = lines;
  return { header, rows: rest.map((cells, i) => ({ line: i + 2, cells })) };
}

/** The value of a workbook cell: a formula's result, a rich text's text, a link's text. */
function workbookValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return value;
  if ('result' in value) return workbookValue(value.result as ExcelJS.CellValue);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('text' in value) return String(value.text);
  return null; // an error value (#N/A…) or a shared formula without a result
}

/** The data sheet: the first one that is not the template's «Istruzioni». */
function dataSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((w) => w.name !== INSTRUCTIONS_SHEET) ?? workbook.worksheets[0];
}

async function readXlsx(bytes: Buffer, maxRows: number): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = dataSheet(workbook);
  if (!sheet) return { header: [], rows: [] };
  const width = sheet.columnCount;
  const lines: SheetRow[] = [];
  let header: string[] = [];
  let data = 0;
  for (let line = 1; line <= sheet.rowCount; line++) {
    const row = sheet.getRow(line);
    const cells = Array.from({ length: width }, (_, i) => workbookValue(row.getCell(i + 1).value));
    if (line === 1) {
      header = cells.map((c) => (c === null ? '' : String(c)));
      continue;
    }
    const sheetRow = { line, cells };
    if (!isEmptyRow(sheetRow) && ++data > maxRows) throw new TooManyRowsError(maxRows);
    lines.push(sheetRow);
    if (line % 2000 === 0) await yieldToLoop();
  }
  return { header, rows: lines };
}

export function readSheet(bytes: Buffer, format: ImportFormat, maxRows: number): Promise<Sheet> {
  return format === 'xlsx' ? readXlsx(bytes, maxRows) : readCsv(bytes, maxRows);
}

export const INSTRUCTIONS_SHEET = 'Istruzioni';
export const OUTCOME_HEADER = 'Esito';

/**
 * The uploaded file with one more column, «Esito», giving each line's outcome: CSV as Excel in
 * Italian opens it; XLSX the same workbook, its cells untouched.
 */
export async function withOutcomes(
  bytes: Buffer,
  format: ImportFormat,
  outcomes: ReadonlyMap<number, string>,
): Promise<Buffer> {
  if (format === 'csv') {
    const sheet = await readCsv(bytes, Number.MAX_SAFE_INTEGER);
    const rows = sheet.rows.map((r) => [
      ...Array.from({ length: sheet.header.length }, (_, i) => (r.cells[i] as string) ?? ''),
      outcomes.get(r.line) ?? '',
    ]);
    return Buffer.from(italianCsv([...sheet.header, OUTCOME_HEADER], rows), 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = dataSheet(workbook);
  if (sheet) {
    const column = sheet.columnCount + 1;
    sheet.getRow(1).getCell(column).value = OUTCOME_HEADER;
    for (const [line, outcome] of outcomes) sheet.getRow(line).getCell(column).value = outcome;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
