import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { deleteOlderInChunks } from '../common/chunked-delete';
import { nowIso } from '../common/clock';
import { isoIn } from '../common/job-lease';
import { UnitOfWork } from '../common/unit-of-work';
import { HourlyPass } from '../common/hourly-pass';
import { AppConfig, CONFIG } from '../config/config';
import { AccessLogPurgeState } from './access-log-purge.entity';
import { AccessLogEntry } from './access-log.entity';

const DAY_MS = 24 * 60 * 60_000;
/** How long the purging instance holds the job without renewing before another may take it. */
const LEASE_MS = 60_000;
/** Entries deleted per transaction; the event loop is yielded between chunks. */
const CHUNK = 1_000;

/**
 * The instant `months` calendar months before `instant` (UTC), the day clamped to the month's
 * length: 24 months before 2028-02-29T10:00Z is 2026-02-28T10:00Z.
 */
export function monthsBefore(instant: string, months: number): string {
  const d = new Date(instant);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const out = new Date(d);
  out.setUTCFullYear(year, month, Math.min(d.getUTCDate(), lastDay));
  return out.toISOString();
}

/**
 * Deletes the access log's entries older than ACCESS_LOG_MONTHS, once a day, a chunk per
 * transaction. With several instances on one database one purges (a lease in
 * access_log_purge); the database refuses to delete an entry younger than the horizon the
 * job has written there.
 */
@Injectable()
export class AccessLogPurge implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AccessLogPurge.name);
  /** This process, as a lease owner. */
  private readonly instance = randomUUID();
  private readonly hourly = new HourlyPass(this.logger, 'access log purge', () =>
    this.purgeIfDue(),
  );

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.hourly.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.hourly.stop();
  }

  /**
   * When no purge ran in the last day and no other instance holds the job: deletes the
   * entries older than the retention, and resolves to how many.
   */
  async purgeIfDue(): Promise<number> {
    const now = nowIso();
    const cutoff = monthsBefore(now, this.config.accessLogMonths);
    const claimed = await this.uow.run((tx) =>
      tx
        .createQueryBuilder()
        .update(AccessLogPurgeState)
        .set({ leaseOwner: this.instance, leaseUntil: isoIn(LEASE_MS), purgeBefore: cutoff })
        .where('id = 1')
        .andWhere('(lease_until IS NULL OR lease_until < :now)', { now })
        .andWhere('(last_run_at IS NULL OR last_run_at <= :dayAgo)', {
          dayAgo: isoIn(-DAY_MS, Date.parse(now)),
        })
        .execute(),
    );
    if (claimed.affected !== 1) return 0;
    const mine = { id: 1, leaseOwner: this.instance };
    const deleted = await deleteOlderInChunks(this.uow, {
      entity: AccessLogEntry,
      table: 'access_log',
      column: 'at',
      cutoff,
      chunk: CHUNK,
      stopping: () => this.hourly.stopping,
      during: (tx) => tx.update(AccessLogPurgeState, mine, { leaseUntil: isoIn(LEASE_MS) }),
    });
    await this.uow.run((tx) =>
      tx.update(AccessLogPurgeState, mine, {
        leaseOwner: null,
        leaseUntil: null,
        lastRunAt: this.hourly.stopping ? null : nowIso(),
      }),
    );
    if (deleted > 0) this.logger.log(`access log: ${deleted} entries older than ${cutoff} purged`);
    return deleted;
  }
}
