import {
  DOCUMENT_KINDS,
  DOCUMENT_OWNER_TYPES,
  type DocumentKind,
  type DocumentOwnerType,
  type FieldError,
} from '@generattivi/shared';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { DomainError, FieldsError } from '../common/domain-error';
import { fieldError } from '../common/error-body';
import { cleanFileName } from './file-name';
import { detectMediaType, MEDIA_TYPE_HEAD_BYTES } from './media-type';
import type { Upload } from './documents.service';

/** One part of a multipart body as @fastify/multipart gives it: a file, or a field. */
type Part =
  | { type: 'file'; fieldname: string; filename: string; file: Readable }
  | { type: 'field'; fieldname: string; value: unknown };

// What @fastify/multipart adds to a request (its own declaration names the `fastify` package,
// which is the server's own dependency, out of its reach).
declare module 'fastify' {
  interface FastifyRequest {
    isMultipart(): boolean;
    parts(options?: {
      limits?: Partial<Record<'fileSize' | 'files' | 'fields' | 'fieldSize' | 'parts', number>>;
    }): AsyncIterableIterator<Part>;
  }
}

/** The fields of the form besides `file`. */
const FIELDS = ['ownerType', 'ownerId', 'kind'] as const;
const ACCEPTED_TYPES = 'PDF, JPEG, PNG, WebP';

export class DocumentTooLargeError extends DomainError<'DOCUMENT_TOO_LARGE'> {
  constructor(maxBytes: number) {
    super(413, 'DOCUMENT_TOO_LARGE', { maxBytes }, `file: larger than ${maxBytes} bytes`);
  }
}

/**
 * The bytes of one file as they arrive, in one buffer: sized once from the request's
 * `Content-Length` (which bounds the file) when it is given, else grown by doubling; never more
 * than `maxBytes` + 1 bytes are taken in.
 */
class Bytes {
  private buffer: Buffer;
  length = 0;

  constructor(
    private readonly maxBytes: number,
    contentLength: number | undefined,
  ) {
    this.buffer = Buffer.allocUnsafe(Math.min(contentLength ?? 64 * 1024, maxBytes));
  }

  add(chunk: Buffer): void {
    const needed = this.length + chunk.length;
    if (needed > this.maxBytes) throw new DocumentTooLargeError(this.maxBytes);
    if (needed > this.buffer.length) {
      const grown = Buffer.allocUnsafe(
        Math.min(Math.max(needed, this.buffer.length * 2), this.maxBytes),
      );
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    chunk.copy(this.buffer, this.length);
    this.length = needed;
  }

  get content(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

function declaredLength(request: FastifyRequest): number | undefined {
  const raw = request.headers['content-length'];
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/** A field's text, or a field error; `values` the accepted ones. */
function oneOf<T extends string>(value: string | undefined, values: readonly T[]): T | FieldError {
  if (value === undefined) return fieldError('REQUIRED', {}, 'is required');
  if ((values as readonly string[]).includes(value)) return value as T;
  return fieldError('ONE_OF', { values: values.join(', ') }, `must be one of ${values.join(', ')}`);
}

function positiveId(value: string | undefined): number | FieldError {
  if (value === undefined) return fieldError('REQUIRED', {}, 'is required');
  if (/^[1-9]\d{0,9}$/.test(value.trim()) && Number(value) <= 2_147_483_647) return Number(value);
  return fieldError('POSITIVE_WHOLE_NUMBER', {}, 'must be a positive whole number');
}

const isError = (v: unknown): v is FieldError => typeof v === 'object' && v !== null && 'code' in v;

/**
 * Reads a `multipart/form-data` upload: the fields `ownerType`, `ownerId`, `kind` and one
 * `file`, in any order. The file is taken in as it streams, refused (413) as soon as it passes
 * `maxBytes`, its name cleaned, its type decided from its first bytes (415 unless PDF, JPEG,
 * PNG or WebP); a missing, unknown or wrong field is a 400 naming it, an empty file too.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart())
    throw new FieldsError({
      file: fieldError('REQUIRED', {}, 'send the document as multipart/form-data'),
    });
  const fields: Partial<Record<(typeof FIELDS)[number], string>> = {};
  const errors: Record<string, FieldError> = {};
  let file: { name: string; bytes: Bytes } | undefined;
  try {
    const parts = request.parts({
      limits: { fileSize: maxBytes + 1, files: 1, fields: 10, fieldSize: 1000, parts: 11 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          errors[part.fieldname] = fieldError('UNKNOWN_FIELD', {}, 'is not a field of a document');
          part.file.resume();
          continue;
        }
        const bytes = new Bytes(maxBytes, declaredLength(request));
        for await (const chunk of part.file as AsyncIterable<Buffer>) bytes.add(chunk);
        file = { name: part.filename ?? '', bytes };
      } else if ((FIELDS as readonly string[]).includes(part.fieldname)) {
        fields[part.fieldname as (typeof FIELDS)[number]] = String(part.value);
      } else {
        errors[part.fieldname] = fieldError('UNKNOWN_FIELD', {}, 'is not a field of a document');
      }
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    const code = (e as { code?: unknown }).code;
    if (code === 'FST_FILES_LIMIT')
      throw new FieldsError({ file: fieldError('MAX_ITEMS', { max: 1 }, 'one file at a time') });
    throw new FieldsError({
      body: fieldError(
        'INVALID',
        {},
        `not a valid multipart/form-data body: ${(e as Error).message}`,
      ),
    });
  }
  const ownerType = oneOf<DocumentOwnerType>(fields.ownerType, DOCUMENT_OWNER_TYPES);
  const ownerId = positiveId(fields.ownerId);
  const kind = oneOf<DocumentKind>(fields.kind, DOCUMENT_KINDS);
  if (isError(ownerType)) errors.ownerType = ownerType;
  if (isError(ownerId)) errors.ownerId = ownerId;
  if (isError(kind)) errors.kind = kind;
  if (!file) errors.file = fieldError('REQUIRED', {}, 'is required');
  else if (file.bytes.length === 0) errors.file = fieldError('EMPTY_FILE', {}, 'is empty');
  if (
    Object.keys(errors).length ||
    !file ||
    isError(ownerType) ||
    isError(ownerId) ||
    isError(kind)
  )
    throw new FieldsError(errors);
  const content = file.bytes.content;
  const mediaType = detectMediaType(content.subarray(0, MEDIA_TYPE_HEAD_BYTES));
  if (!mediaType)
    throw new DomainError(
      415,
      'DOCUMENT_TYPE_UNSUPPORTED',
      { types: ACCEPTED_TYPES },
      `file: not a ${ACCEPTED_TYPES} file (its type is read from its content, not its name)`,
    );
  return { ownerType, ownerId, kind, fileName: cleanFileName(file.name), mediaType, content };
}
