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
import { Readable } from 'node:stream';
import { italianCsv, italianCsvLines, type CsvCell } from '../common/italian-csv';
import type { ImportFormat } from './import-job.entity';
import type { Cell } from './import-values';

/** One line of the sheet: its number in the file (the header is 1) and its cells. */
export interface SheetRow {
  line: number;
  cells: Cell[];
}

/** A sheet read a line at a time: its header, then its lines as they are asked for. */
export interface SheetReader {
  header: string[];
  /** Every line after the header, empty ones included (the report keeps them). */
  rows: AsyncGenerator<SheetRow>;
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

/** The records of a CSV, parsed as they are asked for. */
async function* csvRecords(bytes: Buffer): AsyncGenerator<string[]> {
  const text = decodeCsv(bytes);
  const parser = parse(text, {
    delimiter: delimiterOf(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  let records = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    yield record;
    if (++records % 2000 === 0) await yieldToLoop();
  }
}

async function openCsv(bytes: Buffer): Promise<SheetReader> {
  const records = csvRecords(bytes);
  const first = await records.next();
  async function* rows(): AsyncGenerator<SheetRow> {
    let line = 1;
    for await (const cells of records) yield { line: ++line, cells };
  }
  return { header: first.done ? [] : first.value, rows: rows() };
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

async function openXlsx(bytes: Buffer): Promise<SheetReader> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = dataSheet(workbook);
  const width = sheet?.columnCount ?? 0;
  const cellsOf = (line: number) => {
    const row = sheet!.getRow(line);
    return Array.from({ length: width }, (_, i) => workbookValue(row.getCell(i + 1).value));
  };
  async function* rows(): AsyncGenerator<SheetRow> {
    for (let line = 2; sheet && line <= sheet.rowCount; line++) {
      yield { line, cells: cellsOf(line) };
      if (line % 2000 === 0) await yieldToLoop();
    }
  }
  const header = sheet ? cellsOf(1).map((c) => (c === null ? '' : String(c))) : [];
  return { header, rows: rows() };
}

/** The sheet, its lines read as they are asked for (CSV parsed as it goes). */
export function openSheet(bytes: Buffer, format: ImportFormat): Promise<SheetReader> {
  return format === 'xlsx' ? openXlsx(bytes) : openCsv(bytes);
}

/**
 * The header and the number of data lines (empty ones not counted) of a sheet read through;
 * TooManyRowsError past `maxRows`.
 */
export async function surveySheet(bytes: Buffer, format: ImportFormat, maxRows: number) {
  const sheet = await openSheet(bytes, format);
  let rows = 0;
  for await (const row of sheet.rows)
    if (!isEmptyRow(row) && ++rows > maxRows) throw new TooManyRowsError(maxRows);
  return { header: sheet.header, rows };
}

/** The sheet's non-empty lines, `size` at a time. */
export async function* chunksOf(rows: AsyncIterable<SheetRow>, size: number) {
  let chunk: SheetRow[] = [];
  for await (const row of rows) {
    if (isEmptyRow(row)) continue;
    chunk.push(row);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

export const INSTRUCTIONS_SHEET = 'Istruzioni';
export const OUTCOME_HEADER = 'Esito';
/** Lines of the «Esito» CSV written per chunk. */
const OUTCOME_LINES = 500;

/**
 * The uploaded file with one more column, «Esito», giving each line's outcome: CSV as Excel in
 * Italian opens it, written line by line as it is read; XLSX the same workbook, its cells
 * untouched.
 */
export async function withOutcomes(
  bytes: Buffer,
  format: ImportFormat,
  outcomes: ReadonlyMap<number, string>,
): Promise<Readable> {
  if (format === 'csv') {
    const sheet = await openCsv(bytes);
    const width = sheet.header.length;
    async function* chunks(): AsyncGenerator<string> {
      yield italianCsv([...sheet.header, OUTCOME_HEADER], []);
      let lines: CsvCell[][] = [];
      for await (const row of sheet.rows) {
        const cells = Array.from({ length: width }, (_, i) => (row.cells[i] as string) ?? '');
        lines.push([...cells, outcomes.get(row.line) ?? '']);
        if (lines.length === OUTCOME_LINES) {
          yield italianCsvLines(lines);
          lines = [];
        }
      }
      if (lines.length) yield italianCsvLines(lines);
    }
    return Readable.from(chunks(), { objectMode: false });
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = dataSheet(workbook);
  if (sheet) {
    const column = sheet.columnCount + 1;
    sheet.getRow(1).getCell(column).value = OUTCOME_HEADER;
    for (const [line, outcome] of outcomes) sheet.getRow(line).getCell(column).value = outcome;
  }
  return Readable.from([Buffer.from(await workbook.xlsx.writeBuffer())]);
}
