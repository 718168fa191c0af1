import type { FieldError } from './errors';

/** What can be imported from a spreadsheet (`POST /api/imports`'s `kind`). */
export const IMPORT_KINDS = ['beneficiaries', 'households', 'pacts'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Where an import job is: waiting, being read, finished, or stopped by a failure. */
export const IMPORT_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** What happened to one row of an import. */
export const IMPORT_ROW_STATUSES = ['created', 'updated', 'unchanged', 'error'] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

/** A row of the report: its line in the file, what happened, and what was wrong, by column. */
export interface ImportRowResult {
  row: number;
  status: ImportRowStatus;
  id?: number;
  errors?: Record<string, FieldError>;
}

/** An import as the API shows it (`POST /api/imports`, `GET /api/imports/:id`). */
export interface ImportRecord {
  id: number;
  kind: ImportKind;
  status: ImportStatus;
  dryRun: boolean;
  /** Whether the rows were written: a commit without errors, once done. */
  committed: boolean;
  fileName: string;
  rows: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  warnings: FieldError[];
  results: ImportRowResult[];
  createdAt: string;
  finishedAt: string | null;
}
