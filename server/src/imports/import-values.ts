/**
 * The cells of an imported spreadsheet read as values the API takes: dates written
 * dd/mm/yyyy or as Excel serials (or typed dates of a workbook), amounts with a decimal comma
 * and thousands dots, Sì/No, codes or their Italian labels. A value that cannot be read is a
 * field error of shared's list, worded by the admin.
 */
import { daysInMonth, formatIsoDate, type FieldError } from '@generattivi/shared';
import { fieldError } from '../common/error-body';

/** A cell as a file gives it: text (CSV, or a text cell), a number, a date, a boolean. */
export type Cell = string | number | Date | boolean | null;

/** The value, or the problem with the cell. */
export type Read<T> = { value: T } | { error: FieldError };

const FORMULA_CHARACTER = /^'[=+\-@]/;

/**
 * The cell as text, trimmed; '' when empty. A leading apostrophe before = + - @ is the mark an
 * export put to keep the text from running as a formula: it is not part of the text.
 */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return isoOfDate(cell);
  const text = typeof cell === 'string' ? cell.trim() : String(cell);
  return FORMULA_CHARACTER.test(text) ? text.slice(1) : text;
}

/** The calendar day of a workbook's date cell (exceljs gives midnight UTC of that day). */
function isoOfDate(date: Date): string {
  return formatIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Excel counts days from 30/12/1899 (its 1900 leap-year slip included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** 1 (01/01/1900) to 2958465 (31/12/9999). */
const MAX_SERIAL = 2_958_465;

function fromSerial(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL) return undefined;
  return isoOfDate(new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS));
}

const ITALIAN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateError = () =>
  fieldError('DATE', {}, 'must be a date written dd/mm/yyyy (or an Excel date)');

/** A date: dd/mm/yyyy (also with . or -), yyyy-mm-dd, an Excel serial, a typed date. */
export function readDate(cell: Cell): Read<string | null> {
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) ? { error: dateError() } : { value: isoOfDate(cell) };
  if (typeof cell === 'number') {
    const iso = fromSerial(cell);
    return iso ? { value: iso } : { error: dateError() };
  }
  const text = cellText(cell);
  if (text === '') return { value: null };
  if (/^\d{1,7}$/.test(text)) {
    const iso = fromSerial(Number(text));
    return iso ? { value: iso } : { error: dateError() };
  }
  const italian = ITALIAN_DATE.exec(text);
  const iso = ISO_DATE.exec(text);
  const [day, month, year] = italian
    ? [italian[1], italian[2], italian[3]].map(Number)
    : iso
      ? [iso[3], iso[2], iso[1]].map(Number)
      : [0, 0, 0];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return { error: dateError() };
  return { value: formatIsoDate(year, month, day) };
}

/**
 * A number written the Italian way (9.360,00 or 9360,5, a € sign allowed) or the English way
 * (9360.50), or a number cell.
 */
export function readNumber(cell: Cell): Read<number | null> {
  if (typeof cell === 'number') return { value: cell };
  let text = cellText(cell).replace(/€/g, '').replace(/\s/g, '');
  if (text === '') return { value: null };
  if (text.includes(',')) text = text.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(\.\d{3})+$/.test(text)) text = text.replace(/\./g, '');
  const value = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  return Number.isFinite(value)
    ? { value }
    : { error: fieldError('NOT_NUMBER', {}, 'must be a number (decimal comma: 9.360,00)') };
}

const YES = new Set(['sì', 'si', 's', 'yes', 'y', 'vero', 'true', '1', 'x']);
const NO = new Set(['no', 'n', 'falso', 'false', '0']);

/** Sì / No (also true/false, 1/0, x); empty is `null`. */
export function readBoolean(cell: Cell): Read<boolean | null> {
  if (typeof cell === 'boolean') return { value: cell };
  const text = cellText(cell).toLocaleLowerCase('it');
  if (text === '') return { value: null };
  if (YES.has(text)) return { value: true };
  if (NO.has(text)) return { value: false };
  return { error: fieldError('NOT_BOOLEAN', {}, 'must be Sì or No') };
}

/** One of `codes`, written as the code or as its Italian label, any case. */
export function readChoice<C extends string>(
  cell: Cell,
  labels: Readonly<Record<C, string>>,
): Read<C | null> {
  const text = cellText(cell).toLocaleLowerCase('it');
  if (text === '') return { value: null };
  for (const [code, label] of Object.entries(labels) as Array<[C, string]>) {
    if (code.toLocaleLowerCase('it') === text || label.toLocaleLowerCase('it') === text)
      return { value: code };
  }
  const values = Object.values<string>(labels).join(', ');
  return { error: fieldError('ONE_OF', { values }, `must be one of ${values}`) };
}
