import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  StreamableFile,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { RequestWithCaller } from '../auth/caller';
import { AppConfig, CONFIG } from '../config/config';
import {
  fingerprintSecret,
  parseIdempotencyKey,
  REPLAYED_HEADER,
  requestFingerprint,
} from './idempotency';
import { IdempotencyStore } from './idempotency-store';

/**
 * The methods that honour a key. A PUT carries the record's `version`: sent again after a
 * lost answer it would be a false 409 STALE_VERSION, with the key it gets the first answer.
 */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT']);

/**
 * `Idempotency-Key` on every POST and PUT of a signed-in user (creations, transitions,
 * assignments, checks, updates such as a milestone marked achieved…): the first request with a key does the work and its successful (2xx) answer is
 * stored; the same key from the same user within 24 hours gets that answer again, status and
 * body, marked `Idempotent-Replayed: true`, without the work being done again. A failed
 * answer (4xx, 5xx) is not stored: the key is released for a corrected request.
 *
 * Runs after the guard (the caller is known, a refused caller never reaches the store) and
 * before the validation pipe (a 400 of the body releases the key). Requests without a
 * signed-in user (login) are outside the rule: their header is ignored. Without the header a
 * request is answered as always.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly secret: string;

  constructor(
    private readonly store: IdempotencyStore,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.secret = fingerprintSecret(config.jwtSecret);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & RequestWithCaller>();
    if (!IDEMPOTENT_METHODS.has(request.method) || !request.caller) return next.handle();
    const key = parseIdempotencyKey(request.headers['idempotency-key']);
    if (key === undefined) return next.handle();
    // A multipart body (an upload) is read by its handler, after this: its length stands for it
    // (the same file sent again has the same length; another file, almost always another one).
    const body = request.isMultipart()
      ? { multipartLength: request.headers['content-length'] ?? null }
      : request.body;
    const fingerprint = requestFingerprint(request.method, request.url, body, this.secret);
    const reply = http.getResponse<FastifyReply>();
    return from(this.answer(request.caller.id, key, fingerprint, reply, next));
  }

  private async answer(
    userId: number,
    key: string,
    fingerprint: string,
    reply: FastifyReply,
    next: CallHandler,
  ): Promise<unknown> {
    const held = await this.store.reserve(userId, key, fingerprint);
    if (held.kind === 'replay') {
      void reply.status(held.status).header(REPLAYED_HEADER, 'true');
      return held.body;
    }
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (e) {
      await this.store.release(held);
      throw e;
    }
    const status = reply.statusCode;
    // Only a successful JSON answer is kept (a file or bytes cannot be given again as JSON).
    const json = !(body instanceof StreamableFile || Buffer.isBuffer(body));
    if (status >= 200 && status < 300 && json) await this.store.complete(held, status, body);
    else await this.store.release(held);
    return body;
  }
}
