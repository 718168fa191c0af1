import {
  DOCUMENT_KINDS,
  DOCUMENT_OWNER_TYPES,
  type DocumentKind,
  type DocumentMediaType,
  type DocumentOwnerType,
  type FieldError,
} from '@generattivi/shared';
import type { FastifyRequest } from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import { open, readdir, rm, stat, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DomainError, FieldsError } from '../common/domain-error';
import { fieldError } from '../common/error-body';
import { cleanFileName } from './file-name';
import { detectMediaType, MEDIA_TYPE_HEAD_BYTES } from './media-type';
import { DOCUMENT_CHUNK_BYTES } from './document.entity';
import type { Upload, UploadContent } from './documents.service';

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

/** The name of every spooled upload starts so (in the system's temporary directory). */
const SPOOL_PREFIX = 'generattivi-upload-';

/**
 * Removes the spooled uploads in `dir` untouched for `olderThanMs`: what a server killed in the
 * middle of an upload left behind (a live upload writes to its file as the bytes arrive, and
 * another instance's is never that old). Answers how many were removed.
 */
export async function sweepAbandonedSpools(
  dir = tmpdir(),
  olderThanMs = 60 * 60 * 1000,
  now = Date.now(),
): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir)) {
    if (!name.startsWith(SPOOL_PREFIX)) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile() || now - info.mtimeMs < olderThanMs) continue;
    await rm(path, { force: true });
    removed++;
  }
  return removed;
}

/**
 * The bytes of one file as they arrive, spooled to a temporary file (owner-only) while they are
 * hashed and counted and their first bytes kept for the type: never more than one piece of the
 * file in memory, never more than `maxBytes` + 1 bytes taken in. `discard()` removes the file.
 */
class Spool implements UploadContent {
  private readonly hash = createHash('sha256');
  private head = Buffer.alloc(0);
  sizeBytes = 0;
  /** Known once the writing has ended (close). */
  sha256 = '';

  private constructor(
    readonly path: string,
    private readonly file: FileHandle,
    private readonly maxBytes: number,
  ) {}

  static async open(maxBytes: number): Promise<Spool> {
    const path = join(tmpdir(), `${SPOOL_PREFIX}${randomUUID()}`);
    return new Spool(path, await open(path, 'wx', 0o600), maxBytes);
  }

  async add(chunk: Buffer): Promise<void> {
    const size = this.sizeBytes + chunk.length;
    if (size > this.maxBytes) throw new DocumentTooLargeError(this.maxBytes);
    if (this.head.length < MEDIA_TYPE_HEAD_BYTES)
      this.head = Buffer.concat([this.head, chunk.subarray(0, MEDIA_TYPE_HEAD_BYTES)]);
    this.hash.update(chunk);
    for (let at = 0; at < chunk.length;)
      at += (await this.file.write(chunk, at, chunk.length - at)).bytesWritten;
    this.sizeBytes = size;
  }

  /** Ends the writing: the hash is final. */
  async close(): Promise<void> {
    await this.file.close();
    this.sha256 = this.hash.digest('hex');
  }

  get mediaType(): DocumentMediaType | undefined {
    return detectMediaType(this.head.subarray(0, MEDIA_TYPE_HEAD_BYTES));
  }

  chunks(): AsyncIterable<Buffer> {
    return fileChunks(this.path, this.sizeBytes);
  }

  /** Removes the temporary file (its handle closed first if the writing was cut short). */
  async discard(): Promise<void> {
    await this.file.close().catch(() => undefined);
    await rm(this.path, { force: true });
  }
}

/** The first `size` bytes of the file at `path`, read in pieces of DOCUMENT_CHUNK_BYTES. */
async function* fileChunks(path: string, size: number): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  try {
    for (let at = 0; at < size;) {
      const piece = Buffer.allocUnsafe(Math.min(DOCUMENT_CHUNK_BYTES, size - at));
      const { bytesRead } = await file.read(piece, 0, piece.length, at);
      if (bytesRead !== piece.length) throw new Error(`${path}: shorter than ${size} bytes`);
      at += bytesRead;
      yield piece;
    }
  } finally {
    await file.close();
  }
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
 * Reads a `multipart/form-data` upload and hands it to `use`: the fields `ownerType`,
 * `ownerId`, `kind` and one `file`, in any order. The file is spooled to a temporary file as
 * it streams (Spool), refused (413) as soon as it passes `maxBytes`, its name cleaned, its type
 * decided from its first bytes (415 unless PDF, JPEG, PNG or WebP); a missing, unknown or
 * wrong field is a 400 naming it, an empty file too. The temporary file is removed once `use`
 * has finished, whatever happened.
 */
export async function readUpload<T>(
  request: FastifyRequest,
  maxBytes: number,
  use: (upload: Upload) => Promise<T>,
): Promise<T> {
  let spool: Spool | undefined;
  try {
    return await use(await readParts(request, maxBytes, (s) => (spool = s)));
  } finally {
    await spool?.discard();
  }
}

async function readParts(
  request: FastifyRequest,
  maxBytes: number,
  opened: (spool: Spool) => void,
): Promise<Upload> {
  if (!request.isMultipart())
    throw new FieldsError({
      file: fieldError('REQUIRED', {}, 'send the document as multipart/form-data'),
    });
  const fields: Partial<Record<(typeof FIELDS)[number], string>> = {};
  const errors: Record<string, FieldError> = {};
  let file: { name: string; bytes: Spool } | undefined;
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
        const bytes = await Spool.open(maxBytes);
        opened(bytes);
        for await (const chunk of part.file as AsyncIterable<Buffer>) await bytes.add(chunk);
        await bytes.close();
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
  else if (file.bytes.sizeBytes === 0) errors.file = fieldError('EMPTY_FILE', {}, 'is empty');
  if (
    Object.keys(errors).length ||
    !file ||
    isError(ownerType) ||
    isError(ownerId) ||
    isError(kind)
  )
    throw new FieldsError(errors);
  const mediaType = file.bytes.mediaType;
  if (!mediaType)
    throw new DomainError(
      415,
      'DOCUMENT_TYPE_UNSUPPORTED',
      { types: ACCEPTED_TYPES },
      `file: not a ${ACCEPTED_TYPES} file (its type is read from its content, not its name)`,
    );
  return {
    ownerType,
    ownerId,
    kind,
    fileName: cleanFileName(file.name),
    mediaType,
    content: file.bytes,
  };
}
