/**
 * Reading an uploaded spreadsheet and writing it back with its «Esito» column. CSV: `;` or
 * `,` (whichever the header line uses), UTF-8 with or without a byte order mark, else
 * Windows-1252 (what Excel in Italian saves); XLSX: the first sheet, formulas read as their
 * computed values, dates as dates.
 */
import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { PassThrough, Readable } from 'node:stream';
import { once } from 'node:events';
import type { Entry as ZipEntry } from 'unzipper';
import { italianCsv, italianCsvLines, type CsvCell } from '../common/italian-csv';
import { exceljs, unzipper } from '../common/on-first-use';
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

/** Pieces of the text fed to the CSV parser one at a time. */
const CSV_SLICE_CHARS = 64 * 1024;

function* slicesOf(text: string): Generator<string> {
  for (let at = 0; at < text.length; at += CSV_SLICE_CHARS)
    yield text.slice(at, at + CSV_SLICE_CHARS);
}

/**
 * The records of a CSV, parsed as they are asked for: the text goes to the parser a slice at a
 * time as its records are read (given whole, it would hold every record of the file at once).
 */
async function* csvRecords(bytes: Buffer): AsyncGenerator<string[]> {
  const text = decodeCsv(bytes);
  const parser = Readable.from(slicesOf(text)).pipe(
    parse({
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }),
  );
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

/**
 * The most bytes an XLSX may unzip to, in all and for its shared strings (which are held in
 * memory while the sheet is read): past them the file is refused (413), whatever its size
 * zipped, so a small «zip bomb» cannot fill the heap or the disk.
 */
export const XLSX_MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
export const XLSX_MAX_SHARED_STRINGS_BYTES = 32 * 1024 * 1024;
const SHARED_STRINGS = 'xl/sharedStrings.xml';

/** Thrown (and answered 413 by the caller) when an XLSX unzips to more than the limits above. */
export class UnzippedTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`unzips to more than ${maxBytes} bytes`);
  }
}

/**
 * Unzips the whole file once, keeping nothing, to count what it unzips to (the sizes a zip
 * declares may lie): UnzippedTooLargeError past the limits.
 */
export async function checkUnzippedSize(
  bytes: Buffer,
  limits = { total: XLSX_MAX_UNZIPPED_BYTES, sharedStrings: XLSX_MAX_SHARED_STRINGS_BYTES },
) {
  const zip = Readable.from([bytes]).pipe(unzipper().Parse({ forceStream: true }));
  let total = 0;
  try {
    for await (const entry of zip as AsyncIterable<ZipEntry>) {
      let size = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        size += chunk.length;
        total += chunk.length;
        if (total > limits.total) throw new UnzippedTooLargeError(limits.total);
        if (entry.path === SHARED_STRINGS && size > limits.sharedStrings)
          throw new UnzippedTooLargeError(limits.sharedStrings);
      }
    }
  } finally {
    zip.destroy();
  }
}

/** A shared string as plain text: a rich text's runs joined. */
function plainText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (text && typeof text === 'object' && 'richText' in text)
    return (text as ExcelJS.CellRichTextValue).richText.map((t) => t.text ?? '').join('');
  return '';
}

/** The value of a workbook cell: a formula's result, a rich text's text, a link's text. */
function workbookValue(value: ExcelJS.CellValue, strings: readonly string[]): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return value;
  if ('sharedString' in value)
    return strings[(value as { sharedString: number }).sharedString] ?? null;
  if ('result' in value) return workbookValue(value.result as ExcelJS.CellValue, strings);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('text' in value) return String(value.text);
  return null; // an error value (#N/A…) or a shared formula without a result
}

/** A row of a sheet, read: its number, its cells' values and number formats (for dates). */
interface XlsxRow {
  number: number;
  cells: Cell[];
  formats: (string | undefined)[];
}

/** A sheet of a workbook read as a stream: its name and its rows as they are asked for. */
interface XlsxSheet {
  name: string | undefined;
  rows: AsyncIterable<XlsxRow>;
}

type StreamedSheet = AsyncIterable<ExcelJS.Row> & { name?: string };

/**
 * The sheets of a workbook in the order the file holds them, each to be read through before
 * the next is given, a row at a time: nothing but the shared strings (as plain text) is kept.
 * Formulas give their computed results, dates Date values (or numbers, the Excel serials,
 * where the workbook has no style for them).
 */
async function* xlsxSheets(bytes: Buffer): AsyncGenerator<XlsxSheet> {
  await checkUnzippedSize(bytes);
  const reader = new (exceljs().stream.xlsx.WorkbookReader)(Readable.from([bytes]), {
    // Emitted, not cached: kept here as plain strings (a rich text would cost more memory).
    sharedStrings: 'emit',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const strings: string[] = [];
  // The parse gives the shared strings as they are ({index, text}), the sheets as events.
  type Parsed = { index: number; text: unknown } | { eventType: string; value: unknown };
  for await (const parsed of reader.parse() as AsyncGenerator<Parsed>) {
    if ('index' in parsed) {
      strings[parsed.index] = plainText(parsed.text);
    } else if (parsed.eventType === 'worksheet') {
      const sheet = parsed.value as StreamedSheet;
      async function* rows(): AsyncGenerator<XlsxRow> {
        let count = 0;
        for await (const row of sheet) {
          const cells: Cell[] = [];
          const formats: (string | undefined)[] = [];
          row.eachCell({ includeEmpty: false }, (cell, column) => {
            cells[column - 1] = workbookValue(cell.value, strings);
            formats[column - 1] = cell.numFmt || undefined;
          });
          yield { number: row.number, cells, formats };
          if (++count % 2000 === 0) await yieldToLoop();
        }
      }
      const read = rows();
      yield { name: sheet.name, rows: read };
      for await (const _ of read); // whatever the caller left unread
    }
  }
}

/** Reads what is left of a workbook: its sheets drain themselves as they are passed. */
async function drain(sheets: AsyncGenerator<XlsxSheet>) {
  for (let next = await sheets.next(); !next.done; next = await sheets.next());
}

/** Whether a sheet is the data sheet: not the template's «Istruzioni». */
const isDataSheet = (sheet: XlsxSheet) => sheet.name !== INSTRUCTIONS_SHEET;

async function openXlsx(bytes: Buffer): Promise<SheetReader> {
  const sheets = xlsxSheets(bytes);
  let data: XlsxSheet | undefined;
  for (let next = await sheets.next(); !next.done; next = await sheets.next())
    if (isDataSheet(next.value)) {
      data = next.value;
      break;
    }
  const lines = data?.rows[Symbol.asyncIterator]();
  const first = lines ? await lines.next() : undefined;
  const header =
    first && !first.done && first.value.number === 1
      ? Array.from(first.value.cells, (c) => (c === null || c === undefined ? '' : String(c)))
      : [];
  const width = header.length;
  async function* rows(): AsyncGenerator<SheetRow> {
    try {
      if (!lines || !first || first.done) return;
      const cellsOf = (row: XlsxRow) =>
        Array.from({ length: Math.max(width, row.cells.length) }, (_, i) => row.cells[i] ?? null);
      if (first.value.number !== 1) yield { line: first.value.number, cells: cellsOf(first.value) };
      for (let next = await lines.next(); !next.done; next = await lines.next())
        yield { line: next.value.number, cells: cellsOf(next.value) };
    } finally {
      // The rest of the workbook read through (within the unzipped limit), so that nothing of
      // it (its temporary files) stays behind.
      await drain(sheets).catch(() => undefined);
    }
  }
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
  await checkUnzippedSize(bytes);
  const out = new PassThrough();
  void writeXlsxOutcomes(bytes, outcomes, out).catch((e: unknown) => out.destroy(e as Error));
  return out;
}

/**
 * Writes the workbook back into `out` as it is read, a row at a time (exceljs's streaming
 * writer, the zip written as it goes): every sheet with its values (formulas as their
 * results, dates with their format), the data sheet with «Esito» after its last heading.
 * Waits for `out` to drain, so a slow download holds no more than a stream buffer.
 */
async function writeXlsxOutcomes(
  bytes: Buffer,
  outcomes: ReadonlyMap<number, string>,
  out: PassThrough,
) {
  const writer = new (exceljs().stream.xlsx.WorkbookWriter)({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  let dataFound = false;
  let count = 0;
  for await (const sheet of xlsxSheets(bytes)) {
    const isData: boolean = !dataFound && isDataSheet(sheet);
    dataFound ||= isData;
    const target = writer.addWorksheet(sheet.name ?? `Foglio${writer.worksheets.length + 1}`);
    let column = 0;
    for await (const row of sheet.rows) {
      const line = target.getRow(row.number);
      row.cells.forEach((value, i) => {
        if (value === null || value === undefined) return;
        const cell = line.getCell(i + 1);
        cell.value = value;
        if (row.formats[i]) cell.numFmt = row.formats[i]!;
      });
      if (isData) {
        if (row.number === 1) column = row.cells.length + 1;
        const outcome = row.number === 1 ? OUTCOME_HEADER : outcomes.get(row.number);
        if (column && outcome) line.getCell(column).value = outcome;
      }
      line.commit();
      if (++count % OUTCOME_LINES === 0 && out.writableNeedDrain) await once(out, 'drain');
    }
    target.commit();
  }
  await writer.commit();
}
