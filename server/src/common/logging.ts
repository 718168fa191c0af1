import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import type { Params } from 'nestjs-pino';
import { storage, type Store } from 'nestjs-pino/storage';
import pino from 'pino';
import type { Logger as TypeOrmLogger } from 'typeorm';
import type { AppConfig } from '../config/config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The request id: the caller's `x-request-id` when it is safe to echo, else a new UUID. */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Only the path: query strings carry filters such as a fiscal code. */
export function pathOnly(url: string | undefined): string {
  if (!url) return '';
  const i = url.indexOf('?');
  return i === -1 ? url : url.slice(0, i);
}

/** A path segment that can only be a resource or action name, or a numeric id. */
const SAFE_SEGMENT = /^(?:[a-z-]+|\d+)$/;

/**
 * The path as logs show it: no query string, and any segment that is not a resource name
 * or a number replaced by `:value` (a client may put a fiscal code or an email in a path).
 */
export function loggablePath(url: string | undefined): string {
  return pathOnly(url)
    .split('/')
    .map((segment) => (segment === '' || SAFE_SEGMENT.test(segment) ? segment : ':value'))
    .join('/');
}

/**
 * TypeORM's logger without values: a failed statement is logged by its SQL (placeholders
 * only) and the driver's error code, never its parameters nor the driver's message and
 * detail, which quote the values (`Key (email)=(…) already exists`).
 */
export class QueryErrorLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    this.logger.error({ code: databaseErrorCode(error), query }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query }, 'slow query');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}

/** The driver's error code (SQLSTATE, SQLITE_…), which names the problem without values. */
export function databaseErrorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The log's destination: standard output, written asynchronously (see logDestination). */
export type LogDestination = ReturnType<typeof pino.destination>;

/**
 * Standard output written asynchronously: a request does not wait for its log line's write
 * (a write system call per line was a measurable part of a one-record read); lines logged
 * while a write is under way go out together in the next one. What is still queued is
 * written before the process ends: at exit (pino's own hook) and at shutdown (LogFlush).
 */
export function logDestination(): LogDestination {
  return pino.destination({ dest: 1, sync: false });
}

/** Writes out the log lines still queued when the application shuts down (SIGTERM). */
export class LogFlush implements OnApplicationShutdown {
  constructor(private readonly destination: LogDestination) {}

  onApplicationShutdown(): void {
    try {
      this.destination.flushSync();
    } catch {
      // Nothing queued, or standard output already closed: nothing more can be written.
    }
  }
}

/** The request as the log shows it: its id, method and path (no query string, no headers). */
interface LoggedRequest {
  id?: string;
  method?: string;
  url?: string;
}

/**
 * The application's logger, on `destination`. It never writes personal data: a request is
 * logged by id, method and path only — no bodies, no query strings, no headers (Authorization
 * carries the token).
 */
export function createLogger(config: AppConfig, destination: LogDestination): pino.Logger {
  return pino(
    {
      level: config.logLevel,
      serializers: {
        req: (req: LoggedRequest) => ({
          id: req.id,
          method: req.method,
          path: loggablePath(req.url),
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: ['req.headers', 'req.query', 'req.body', 'req.params'], remove: true },
    },
    destination,
  );
}

/**
 * nestjs-pino on `logger`, for Nest's and the application's own log lines, without its
 * request middleware: the request log is written by Fastify hooks (RequestLog).
 */
export function loggerParams(logger: pino.Logger): Params {
  return { forRoutes: [], pinoHttp: { logger } };
}

/**
 * The request log, as two Fastify hooks instead of pino-http run as a Nest middleware by
 * @fastify/middie (a page of the pact list one at a time: p50 1.091 -> 1.057 ms; the lines'
 * own writing is most of what the log still costs, 0.05 ms of CPU). A line per answered
 * request but health, at its end: `GET /api/pacts 200`, with the request id (the one
 * X-Request-Id answers), the status and the time taken; error level for a 5xx. Within the
 * request, the application's log lines carry the same `req` (nestjs-pino reads the logger
 * from its storage): that child logger is made when a line is first logged, not for every
 * request.
 */
export class RequestLog {
  constructor(private readonly logger: pino.Logger) {}

  register(fastify: FastifyInstance): void {
    const root = this.logger;
    fastify.addHook('onRequest', (request, _reply, done) => {
      let child: pino.Logger | undefined;
      const store = {
        get logger() {
          return (child ??= root.child({ req: request }));
        },
      } as Store;
      storage.run(store, done);
    });
    fastify.addHook('onResponse', (request, reply, done) => {
      if (pathOnly(request.url) !== '/api/health') {
        const status = reply.statusCode;
        root[status >= 500 ? 'error' : 'info'](
          { req: request, res: reply, responseTime: Math.round(reply.elapsedTime) },
          `${request.method} ${loggablePath(request.url)} ${status}`,
        );
      }
      done();
    });
  }
}
