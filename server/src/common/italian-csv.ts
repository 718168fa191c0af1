import { stringify } from 'csv-stringify/sync';

/** A cell of a spreadsheet export: text, a number, or nothing. */
export type CsvCell = string | number | null | undefined;

/** A text a spreadsheet would run as a formula (=, +, -, @, a tab or a carriage return first). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text a spreadsheet would take for a formula gets a leading apostrophe. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** `;` between cells and CRLF between lines, as Excel in Italian expects. */
export const ITALIAN_CSV_OPTIONS = { delimiter: ';', record_delimiter: 'windows' } as const;

/** A number as Excel in Italian reads it: decimal comma, no thousands separator. */
export function italianNumber(value: number): string {
  return String(value).replace('.', ',');
}

const ITALIAN_CSV_CAST = {
  ...ITALIAN_CSV_OPTIONS,
  cast: { number: italianNumber, string: neutraliseFormula },
};

/**
 * A table as a CSV file that Excel in Italian opens as it is: UTF-8 with a byte order mark,
 * `;` between cells, numbers with a decimal comma, and any text that would start a formula
 * kept as text (a leading apostrophe).
 */
export function italianCsv(header: string[], rows: CsvCell[][]): string {
  return stringify([header, ...rows], { ...ITALIAN_CSV_CAST, bom: true });
}

/** Lines of such a file after its header (no byte order mark): a file written in pieces. */
export function italianCsvLines(rows: CsvCell[][]): string {
  return stringify(rows, ITALIAN_CSV_CAST);
}
