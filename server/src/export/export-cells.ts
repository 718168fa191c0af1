/**
 * The cells of an export: each column has a kind, and each kind is written the Italian way
 * in a CSV (dd/mm/yyyy, 9.360,00, Sì/No) and as a typed cell in a workbook (dates as dates,
 * amounts as numbers).
 */
import { eurosToCents, formatEuroCents, italianDate, todayIso } from '@generattivi/shared';
import { neutraliseFormula } from '../common/italian-csv';

export type CellKind = 'text' | 'integer' | 'amount' | 'date' | 'instant' | 'boolean';
export type CellValue = string | number | boolean | null | undefined;

export interface ExportColumn<R> {
  /** The Italian heading. */
  header: string;
  kind: CellKind;
  value: (row: R) => CellValue;
}

/** A text column. */
export const text = <R>(header: string, value: (row: R) => CellValue): ExportColumn<R> => ({
  header,
  kind: 'text',
  value,
});

/** A column of another kind. */
export const typed =
  (kind: CellKind) =>
  <R>(header: string, value: (row: R) => CellValue): ExportColumn<R> => ({ header, kind, value });

/** The amount in euros as Italians write it without the sign: 9.360,00. */
export function italianAmount(euros: number | string): string {
  const cents = eurosToCents(euros);
  return cents === null ? '' : formatEuroCents(cents).it.replace(/\s*€$/, '');
}

/** The cell as CSV text. */
export function csvCell(kind: CellKind, value: CellValue): string {
  if (value === null || value === undefined || value === '') return '';
  switch (kind) {
    case 'text':
      return neutraliseFormula(String(value));
    case 'integer':
      return String(value);
    case 'amount':
      return italianAmount(value as number | string);
    case 'date':
    case 'instant':
      return italianDate(String(value));
    case 'boolean':
      return value ? 'Sì' : 'No';
  }
}

/** The number formats of the workbook's typed cells (Excel shows them as the locale says). */
export const XLSX_FORMATS: Partial<Record<CellKind, string>> = {
  amount: '#,##0.00',
  date: 'dd/mm/yyyy',
  instant: 'dd/mm/yyyy',
};

/** The cell as a typed workbook value: dates as midnight UTC of the Italian calendar day. */
export function xlsxCell(kind: CellKind, value: CellValue): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'text':
      return String(value);
    case 'integer':
      return Number(value);
    case 'amount':
      return Number(value);
    case 'date':
    case 'instant': {
      const day = String(value).length > 10 ? todayIso(new Date(String(value))) : String(value);
      return new Date(`${day}T00:00:00.000Z`);
    }
    case 'boolean':
      return value ? 'Sì' : 'No';
  }
}
