import type { FieldError } from '@generattivi/shared';
import type { FastifyRequest } from 'fastify';
import { DomainError, FieldsError } from '../common/domain-error';
import { fieldError } from '../common/error-body';
import { cleanFileName } from '../documents/file-name';
import '../documents/upload'; // its declaration of what @fastify/multipart adds to a request
import { IMPORT_KINDS, type ImportKind } from '@generattivi/shared';

/** A spreadsheet over this many bytes, or over this many rows, is refused (413). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 50_000;

export class ImportTooLargeError extends DomainError<'IMPORT_TOO_LARGE'> {
  constructor() {
    super(
      413,
      'IMPORT_TOO_LARGE',
      { maxBytes: IMPORT_MAX_BYTES, maxRows: IMPORT_MAX_ROWS },
      `file: at most ${IMPORT_MAX_BYTES} bytes and ${IMPORT_MAX_ROWS} rows; split it into several files`,
    );
  }
}

export interface ImportUpload {
  kind: ImportKind;
  dryRun: boolean;
  fileName: string;
  bytes: Buffer;
}

const FIELDS = ['kind', 'dryRun'] as const;

function dryRunOf(value: string | undefined): boolean | FieldError {
  if (value === undefined || value === '' || value === 'true') return true;
  if (value === 'false') return false;
  return fieldError('NOT_BOOLEAN', {}, 'must be true or false');
}

/**
 * The form of `POST /imports`: `file`, `kind`, `dryRun` (default true). The file is taken
 * in memory up to IMPORT_MAX_BYTES (413 as soon as it passes it); a missing or wrong field is
 * a 400 naming it.
 */
export async function readImportUpload(request: FastifyRequest): Promise<ImportUpload> {
  if (!request.isMultipart())
    throw new FieldsError({
      file: fieldError('REQUIRED', {}, 'send the spreadsheet as multipart/form-data'),
    });
  const fields: Partial<Record<(typeof FIELDS)[number], string>> = {};
  const errors: Record<string, FieldError> = {};
  let file: { name: string; bytes: Buffer } | undefined;
  try {
    const parts = request.parts({
      limits: { fileSize: IMPORT_MAX_BYTES + 1, files: 1, fields: 5, fieldSize: 100, parts: 6 },
    });
    for await (const part of parts) {
      if (part.type === 'file' && part.fieldname === 'file') {
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of part.file as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > IMPORT_MAX_BYTES) throw new ImportTooLargeError();
          chunks.push(chunk);
        }
        file = { name: part.filename ?? '', bytes: Buffer.concat(chunks) };
      } else if (part.type === 'field' && (FIELDS as readonly string[]).includes(part.fieldname)) {
        fields[part.fieldname as (typeof FIELDS)[number]] = String(part.value);
      } else {
        if (part.type === 'file') part.file.resume();
        errors[part.fieldname] = fieldError('UNKNOWN_FIELD', {}, 'is not a field of an import');
      }
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new FieldsError({
      body: fieldError('INVALID', {}, `not a valid multipart/form-data body: ${String(e)}`),
    });
  }
  const kind = fields.kind as ImportKind | undefined;
  if (kind === undefined) errors.kind = fieldError('REQUIRED', {}, 'is required');
  else if (!IMPORT_KINDS.includes(kind))
    errors.kind = fieldError(
      'ONE_OF',
      { values: IMPORT_KINDS.join(', ') },
      `must be one of ${IMPORT_KINDS.join(', ')}`,
    );
  const dryRun = dryRunOf(fields.dryRun);
  if (typeof dryRun !== 'boolean') errors.dryRun = dryRun;
  if (!file) errors.file = fieldError('REQUIRED', {}, 'is required');
  else if (file.bytes.length === 0) errors.file = fieldError('EMPTY_FILE', {}, 'is empty');
  if (Object.keys(errors).length || !file || !kind || typeof dryRun !== 'boolean')
    throw new FieldsError(errors);
  return { kind, dryRun, fileName: cleanFileName(file.name), bytes: file.bytes };
}
