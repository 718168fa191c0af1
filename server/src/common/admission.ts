import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { defer, finalize, from, mergeMap, Observable } from 'rxjs';
import { AppConfig, CONFIG } from '../config/config';
import { DomainError } from './domain-error';

const EXPENSIVE_KEY = 'generattivi:expensive';
/** Seconds a client refused with 503 BUSY is asked to wait. */
export const BUSY_RETRY_AFTER_S = 2;

/**
 * Marks a route (or every route of a controller) as expensive: it goes through admission
 * control. List requests with a free-text `q` are expensive without the mark.
 */
export const Expensive = () => SetMetadata(EXPENSIVE_KEY, true);

export class BusyError extends DomainError {
  constructor() {
    super(
      503,
      'BUSY',
      { seconds: BUSY_RETRY_AFTER_S },
      `The server is busy with other expensive requests (reports, searches, verification); retry in ${BUSY_RETRY_AFTER_S} s`,
      { retryAfterSeconds: BUSY_RETRY_AFTER_S },
    );
  }
}

interface Ticket {
  admitted: Promise<void>;
  /** Gives the slot back, or leaves the queue if not yet admitted. */
  leave(): void;
}

/**
 * A bounded number of expensive requests at once in this process, and a short bounded queue
 * behind them: beyond it a request is refused at once rather than piling up work.
 */
@Injectable()
export class Admission {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(@Inject(CONFIG) private readonly config: AppConfig) {}

  /** A ticket, or undefined when the slots and the queue are full. */
  enter(): Ticket | undefined {
    const { expensiveConcurrency: slots, expensiveQueue: queueMax } = this.config;
    let state: 'queued' | 'in' | 'out' = 'queued';
    const release = () => {
      const next = this.queue.shift();
      if (next) next();
      else this.active -= 1;
    };
    const leave = () => {
      if (state === 'in') release();
      else if (state === 'queued') this.queue.splice(this.queue.indexOf(admit), 1);
      state = 'out';
    };
    let admit: () => void = () => undefined;
    if (this.active < slots) {
      this.active += 1;
      state = 'in';
      return { admitted: Promise.resolve(), leave };
    }
    if (this.queue.length >= queueMax) return undefined;
    const admitted = new Promise<void>((resolve) => {
      // The slot passes from the leaving request straight to this one.
      admit = () => {
        state = 'in';
        resolve();
      };
    });
    this.queue.push(admit);
    return { admitted, leave };
  }
}

/** A list request searching free text: `filter={"q": "…"}`. */
export function searches(request: FastifyRequest): boolean {
  if (request.method !== 'GET') return false;
  const filter = (request.query as Record<string, unknown> | undefined)?.filter;
  if (typeof filter !== 'string' || !filter.includes('"q"')) return false;
  try {
    const q = (JSON.parse(filter) as Record<string, unknown> | null)?.q;
    return typeof q === 'string' && q.trim() !== '';
  } catch {
    return false; // malformed: the list query answers 400 without searching
  }
}

@Injectable()
export class AdmissionInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly admission: Admission,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const marked = this.reflector.getAllAndOverride<boolean>(EXPENSIVE_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const http = context.switchToHttp();
    if (!marked && !searches(http.getRequest<FastifyRequest>())) return next.handle();
    return defer(() => {
      const ticket = this.admission.enter();
      if (!ticket) throw new BusyError();
      return from(ticket.admitted).pipe(
        mergeMap(() => next.handle()),
        finalize(() => ticket.leave()),
      );
    });
  }
}
