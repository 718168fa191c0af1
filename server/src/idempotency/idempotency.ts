import type { OpenAPIObject } from '@nestjs/swagger';
import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json';
import { DomainError } from '../common/domain-error';

/** The request header that names a POST or PUT so that sending it again does not repeat it. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** The header that marks an answer as the stored first answer of a key. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';
/** How long a key's first answer is kept and given again. */
export const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** How long a reservation holds a key without an answer (a process that died holding it). */
export const RESERVATION_MS = 60_000;
/** The Retry-After of a 409 IDEMPOTENCY_IN_PROGRESS: the first request is normally answered by then. */
export const IN_PROGRESS_RETRY_AFTER_S = 1;

/** A UUID in its textual form (RFC 9562: 8-4-4-4-12 hexadecimal digits), any version. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class IdempotencyKeyInvalidError extends DomainError {
  constructor() {
    super(
      400,
      'IDEMPOTENCY_KEY_INVALID',
      { header: IDEMPOTENCY_HEADER },
      `${IDEMPOTENCY_HEADER}: must be a UUID (e.g. 123e4567-e89b-12d3-a456-426614174000), given once`,
    );
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super(
      422,
      'IDEMPOTENCY_KEY_REUSED',
      {},
      `${IDEMPOTENCY_HEADER}: already used by you for a different request (method, path or body); send this one with a new key`,
    );
  }
}

export class IdempotencyInProgressError extends DomainError {
  constructor() {
    super(
      409,
      'IDEMPOTENCY_IN_PROGRESS',
      { seconds: IN_PROGRESS_RETRY_AFTER_S },
      `${IDEMPOTENCY_HEADER}: the first request with this key is still being answered; retry in ${IN_PROGRESS_RETRY_AFTER_S} s for its answer`,
      { retryAfterSeconds: IN_PROGRESS_RETRY_AFTER_S },
    );
  }
}

/**
 * The key of a request's header value, in lower case; undefined when the header is absent.
 * Anything but one UUID (several values, blank, another format) is a 400.
 */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? (header.length === 1 ? header[0] : '') : header;
  const key = value.trim();
  if (!UUID.test(key)) throw new IdempotencyKeyInvalidError();
  return key.toLowerCase();
}

/**
 * What makes two requests "the same request" for a key: the method, the path (with its query
 * string) and the body as canonical JSON (keys sorted at every depth, so the order a client
 * writes them in does not matter; no body is `null`). HMAC-SHA256 under `secret`, hexadecimal:
 * a body may hold a password (a new account's), and the database keeps only this digest,
 * which cannot be tried against guesses without the server's secret.
 */
export function requestFingerprint(
  method: string,
  path: string,
  body: unknown,
  secret: string,
): string {
  return createHmac('sha256', secret)
    .update(`${method.toUpperCase()}\n${path}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}

/** The fingerprints' key, derived from the server's token secret (the same on every instance). */
export function fingerprintSecret(tokenSecret: string): string {
  return createHash('sha256').update(`idempotency-key fingerprint\n${tokenSecret}`).digest('hex');
}

/**
 * Documents `Idempotency-Key` on every POST and PUT of a signed-in user in an OpenAPI document
 * (the operations behind the bearer token; login is outside the rule).
 */
export function documentIdempotencyKey(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.post, item.put]) {
      if (operation?.security?.length) addKeyParameter(operation);
    }
  }
  return document;
}

/** One operation of an OpenAPI document. */
type Operation = NonNullable<OpenAPIObject['paths'][string]['post']>;

function addKeyParameter(operation: Operation): void {
  operation.parameters = [
    ...(operation.parameters ?? []),
    {
      name: IDEMPOTENCY_HEADER,
      in: 'header',
      required: false,
      schema: { type: 'string', format: 'uuid' },
      description:
        'Optional. The same key from the same user within 24 hours returns the first successful answer (status and body, with `Idempotent-Replayed: true`) without doing the work again; ' +
        'the same key with a different request (method, path or body) is a 422 IDEMPOTENCY_KEY_REUSED; while the first request is still being answered, a 409 IDEMPOTENCY_IN_PROGRESS with `Retry-After`; not a UUID, a 400 IDEMPOTENCY_KEY_INVALID. ' +
        'A failed answer is not kept: the key may be used again for a corrected request. Requests without a signed-in user (login) ignore it. ' +
        'On a PUT it makes an update sent again after a lost answer (same body, same `version`) get the first answer instead of a 409 STALE_VERSION.',
    },
  ];
}
