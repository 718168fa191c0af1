import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { UnitOfWork } from './unit-of-work';

/** Rows and affected counts alike on both engines. */
export interface Rows<T> {
  records: T[];
  affected?: number;
}

/** How often each instance sweeps what has expired. */
const SWEEP_EVERY_MS = 60_000;

/**
 * State the server instances share in the database, on both engines (login throttling,
 * idempotency keys): raw SQL written with the engine's placeholders, and a sweep of what has
 * expired every minute on each instance, in bounded batches, never inside a request.
 */
export abstract class SweptTable implements OnModuleInit, OnModuleDestroy {
  protected readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;

  /** `what`: the state named in the log when a sweep fails ("login throttle"). */
  protected constructor(
    protected readonly uow: UnitOfWork,
    private readonly what: string,
  ) {}

  /** Deletes what has expired, a bounded batch at a time; resolves to the rows deleted. */
  abstract sweep(): Promise<number>;

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.sweep().catch((e: unknown) =>
        this.logger.warn(`${this.what} sweep failed: ${e instanceof Error ? e.message : e}`),
      );
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** `$1` on PostgreSQL, `?` on SQLite. */
  protected p(i: number): string {
    return this.uow.isPostgres ? `$${i}` : '?';
  }

  /** Rows and affected counts alike on both engines (`tx` is always a transaction's). */
  protected async q<T>(tx: EntityManager, sql: string, params: unknown[]): Promise<Rows<T>> {
    return (await tx.queryRunner!.query(sql, params, true)) as Rows<T>;
  }
}
