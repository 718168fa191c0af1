import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { UnitOfWork } from '../common/unit-of-work';

/** How often each instance refreshes SQLite's statistics. */
const OPTIMIZE_EVERY_MS = 60 * 60_000;

/**
 * SQLite: `PRAGMA optimize` every hour on each instance (statistics.ts), in a unit of work:
 * it may write sqlite_stat1, and so waits for the write lock like any other write.
 */
@Injectable()
export class StatisticsRefresh implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(StatisticsRefresh.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly uow: UnitOfWork) {}

  onModuleInit(): void {
    if (this.uow.isPostgres) return;
    this.timer = setInterval(() => {
      this.refresh().catch((e: unknown) =>
        this.logger.warn(`statistics refresh failed: ${e instanceof Error ? e.message : e}`),
      );
    }, OPTIMIZE_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    if (this.uow.isPostgres) return;
    await this.uow.run((tx) => tx.query('PRAGMA optimize'));
  }
}
