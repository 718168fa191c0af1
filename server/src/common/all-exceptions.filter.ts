import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { ErrorBody, errorBody } from './error-body';
import { ListQueryError } from './list-query';
import { databaseErrorCode } from './logging';

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'body: malformed JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'body: empty JSON body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body: larger than 1 MiB',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'body: unsupported content type (send application/json)',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'body: content length does not match',
};

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
    return { body: errorBody(status, message), unexpected: false };
  }
  if (exception instanceof ListQueryError) {
    return {
      body: errorBody(400, exception.message, { errors: exception.errors, code: 'LIST_QUERY' }),
      unexpected: false,
    };
  }
  // Fastify and its plugins (body parser, rate limit) reject requests with 4xx errors of
  // their own; their messages are about the request, never about internals.
  const fe = exception as FastifyLikeError | null;
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const message = (fe.code && FASTIFY_MESSAGES[fe.code]) ?? fe.message ?? 'bad request';
    return { body: errorBody(fe.statusCode, message), unexpected: false };
  }
  return {
    body: errorBody(500, 'An unexpected error occurred; it has been logged with the request id.'),
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
    }
    // A refusal that says when to come back says it in the standard header too.
    if (typeof body.retryAfterSeconds === 'number')
      void reply.header('retry-after', String(body.retryAfterSeconds));
    void reply
      .status(body.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send(body);
  }
}
