import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import type { ErrorCode } from '@generattivi/shared';
import { transientFailure } from './constraint-violation';
import { DatabaseBusyError } from './database-busy';
import { ErrorBody, errorBody, fieldsOf } from './error-body';
import { ListQueryError } from './list-query';
import { databaseErrorCode } from './logging';

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

const FASTIFY_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'MALFORMED_JSON', message: 'body: malformed JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'EMPTY_JSON_BODY', message: 'body: empty JSON body' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'BODY_TOO_LARGE', message: 'body: larger than 1 MiB' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'body: unsupported content type (send application/json)',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'CONTENT_LENGTH_MISMATCH',
    message: 'body: content length does not match',
  },
};

/** The code of a refusal that came with none (Nest's own exceptions, Fastify's), by status. */
const STATUS_CODE: Record<number, ErrorCode> = {
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** A code whose parameters are known here; others get `BAD_REQUEST` (their params are unknown). */
function bodyByStatus(status: number, message: string): ErrorBody {
  const code = STATUS_CODE[status] ?? 'BAD_REQUEST';
  if (code === 'NOT_FOUND') {
    // Nest's "Cannot GET /api/nothing".
    const [, method = '', path = ''] = /^Cannot (\S+) (.*)$/.exec(message) ?? [];
    return errorBody(status, 'ROUTE_NOT_FOUND', { method, path }, message);
  }
  if (code === 'BODY_TOO_LARGE') return errorBody(status, code, { maxBytes: 1024 * 1024 }, message);
  return errorBody(status, code as 'BAD_REQUEST', {}, message);
}

/** Fastify's own wording of a JSON body it could not parse (fastify/lib/contentTypeParser). */
const BODY_PARSER_MESSAGES: Array<[RegExp, 'MALFORMED_JSON' | 'EMPTY_JSON_BODY']> = [
  [/^Body is not valid JSON/, 'MALFORMED_JSON'],
  [/^Body cannot be empty/, 'EMPTY_JSON_BODY'],
];

/** Turns any thrown value into the API's error body; never leaks internals. */
export function toErrorBody(exception: unknown): { body: ErrorBody; unexpected: boolean } {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (
      typeof response === 'object' &&
      response !== null &&
      'statusCode' in response &&
      'error' in response &&
      'code' in response &&
      typeof (response as ErrorBody).message === 'string'
    ) {
      return { body: response as ErrorBody, unexpected: false };
    }
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? (response as { message: string[] }).message.join('; ')
          : String((response as { message?: unknown }).message ?? exception.message);
    // Fastify's body parser errors reach here wrapped by Nest, named only by their message.
    const parser = BODY_PARSER_MESSAGES.find(([pattern]) => pattern.test(message));
    if (status === 400 && parser) {
      return { body: errorBody(status, parser[1], {}, message), unexpected: false };
    }
    return { body: bodyByStatus(status, message), unexpected: false };
  }
  // A statement outside any unit of work that found the database busy (on SQLite, another
  // connection holding the write lock past the busy timeout): nothing was saved, as in a unit.
  if (transientFailure(exception)) return toErrorBody(new DatabaseBusyError());
  if (exception instanceof ListQueryError) {
    return {
      body: errorBody(400, 'LIST_QUERY', {}, exception.message, fieldsOf(exception.fieldErrors)),
      unexpected: false,
    };
  }
  // Fastify and its plugins (body parser, rate limit) reject requests with 4xx errors of
  // their own; their messages are about the request, never about internals.
  const fe = exception as FastifyLikeError | null;
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const known = fe.code ? FASTIFY_ERRORS[fe.code] : undefined;
    if (known?.code === 'BODY_TOO_LARGE') {
      const body = errorBody(
        fe.statusCode,
        'BODY_TOO_LARGE',
        { maxBytes: 1024 * 1024 },
        known.message,
      );
      return { body, unexpected: false };
    }
    if (known) {
      const body = errorBody(fe.statusCode, known.code as 'MALFORMED_JSON', {}, known.message);
      return { body, unexpected: false };
    }
    return { body: bodyByStatus(fe.statusCode, fe.message ?? 'bad request'), unexpected: false };
  }
  return {
    // The request id is filled in by the filter, which knows the request.
    body: errorBody(
      500,
      'INTERNAL',
      { requestId: '' },
      'An unexpected error occurred; it has been logged with the request id.',
    ),
    unexpected: true,
  };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const { body, unexpected } = toErrorBody(exception);
    const requestId = String(request?.id ?? '');
    if (unexpected) {
      // The stack goes to the log with the request id; the client gets only the id. A
      // database error is logged by its code and SQL: its message may quote the values.
      this.logger.error(
        {
          requestId,
          err:
            exception instanceof QueryFailedError
              ? { name: exception.name, code: databaseErrorCode(exception), query: exception.query }
              : exception instanceof Error
                ? { name: exception.name, message: exception.message, stack: exception.stack }
                : String(exception),
        },
        'unexpected error',
      );
      body.requestId = requestId;
      body.params = { requestId };
    }
    // A refusal that says when to come back says it in the standard header too. (The reply is
    // thenable, settling once sent; header() and send() themselves are synchronous.)
    if (typeof body.retryAfterSeconds === 'number')
      void reply.header('retry-after', String(body.retryAfterSeconds));
    void reply
      .status(body.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send(body);
  }
}
