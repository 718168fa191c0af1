/**
 * The two files an export is written as, a batch of rows at a time: CSV as Excel in Italian
 * opens it (UTF-8 with BOM, `;`, CRLF) and an XLSX workbook with typed cells.
 */
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { ITALIAN_CSV_OPTIONS } from '../common/italian-csv';
import { exceljs } from '../common/on-first-use';
import { csvCell, XLSX_FORMATS, xlsxCell, type CellValue, type ExportColumn } from './export-cells';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const BOM = '\ufeff';

/** The CSV, produced as the reader asks for it: the header, then a chunk per batch. */
export function csvStream<R>(columns: ExportColumn<R>[], batches: AsyncIterable<R[]>): Readable {
  async function* chunks(): AsyncGenerator<string> {
    yield BOM + stringify([columns.map((c) => c.header)], ITALIAN_CSV_OPTIONS);
    for await (const rows of batches) {
      const lines = rows.map((row) => columns.map((c) => csvCell(c.kind, c.value(row))));
      if (lines.length) yield stringify(lines, ITALIAN_CSV_OPTIONS);
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** Width of a column: its heading's, within bounds. */
const widthOf = (header: string) => Math.min(Math.max(header.length + 2, 12), 40);

/**
 * The workbook, written by exceljs's streaming writer: each row is committed (and leaves
 * memory) as it is written; the header row bold and frozen; dates and amounts typed.
 */
export function xlsxStream<R>(
  sheetName: string,
  columns: ExportColumn<R>[],
  batches: AsyncIterable<R[]>,
): Readable {
  const out = new PassThrough();
  const workbook = new (exceljs().stream.xlsx.WorkbookWriter)({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    key: String(i),
    width: widthOf(c.header),
    style: XLSX_FORMATS[c.kind] ? { numFmt: XLSX_FORMATS[c.kind] } : {},
  }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  const cells = (row: R): Array<ReturnType<typeof xlsxCell>> =>
    columns.map((c) => xlsxCell(c.kind, c.value(row) as CellValue));
  void (async () => {
    header.commit();
    for await (const rows of batches) {
      for (const row of rows) sheet.addRow(cells(row)).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
