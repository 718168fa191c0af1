import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { retentionCutoff, todayIso } from '@generattivi/shared';
import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { DailyLease } from '../common/daily-lease';
import { isoIn } from '../common/job-lease';
import { HourlyPass } from '../common/hourly-pass';
import { AppConfig, CONFIG } from '../config/config';
import { eraseImportFiles, IMPORT_FILE_DAYS } from '../imports/import-files';
import { AnonymisationService } from './anonymisation.service';

/** The job's row in `job_leases` (written by the Retention migration). */
const JOB = 'retention';
/** How long the runner holds the job without news before another instance may take it. */
const LEASE_MS = 60_000;
/** People read (through the retention index) and anonymised per batch. */
const BATCH = 50;

/**
 * Once a day, anonymises the people whose retention term is over (RETENTION_YEARS after their
 * last pact closed, or after their creation when no pact names them; shared/retention.ts).
 * Every instance checks at start and hourly; the one that takes the lease in `job_leases`
 * runs today's pass, in batches of BATCH read by the index, each person in their own unit
 * of work that re-checks the term with the row locked, renewing the lease between batches.
 * The pass first erases the files of imports finished IMPORT_FILE_DAYS ago.
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RetentionJob.name);
  private readonly lease: DailyLease;
  private readonly hourly = new HourlyPass(this.logger, 'retention job', () => this.runToday());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly anonymisation: AnonymisationService,
  ) {
    this.lease = new DailyLease(dataSource, JOB, randomUUID(), LEASE_MS);
  }

  onApplicationBootstrap(): void {
    this.hourly.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.hourly.stop();
  }

  /** Today's pass if this instance takes the lease; resolves to the people anonymised. */
  async runToday(): Promise<number> {
    const today = todayIso();
    if (!(await this.lease.claim(today))) return 0;
    const erased = await eraseImportFiles(
      this.dataSource.manager,
      isoIn(-IMPORT_FILE_DAYS * 86_400_000),
    );
    if (erased > 0) this.logger.log(`${erased} finished imports' files erased`);
    const cutoff = retentionCutoff(today, this.config.retentionYears);
    const due = (b: Beneficiary) => b.retentionFrom !== null && b.retentionFrom <= cutoff;
    let anonymised = 0;
    let after: { from: string; id: number } | undefined;
    while (!this.hourly.stopping) {
      const batch = await this.nextBatch(cutoff, after);
      for (const person of batch) {
        try {
          if (await this.anonymisation.anonymiseIfDue(person.id, due)) anonymised++;
        } catch (e) {
          this.logger.warn(
            `beneficiary ${person.id} not anonymised: ${e instanceof Error ? e.message : String(e)}`,
          );
        }
      }
      if (batch.length < BATCH) break;
      const last = batch[batch.length - 1];
      after = { from: last.retentionFrom!, id: last.id };
      if (!(await this.lease.renew())) return anonymised; // another instance took it over
      await yieldToRequests();
    }
    if (!this.hourly.stopping) await this.lease.finish(today);
    if (anonymised > 0) this.logger.log(`${anonymised} people anonymised (retention term over)`);
    return anonymised;
  }

  /** The next people due, in index order after `after`. */
  private nextBatch(cutoff: string, after?: { from: string; id: number }) {
    const qb = this.dataSource
      .getRepository(Beneficiary)
      .createQueryBuilder('b')
      .select(['b.id', 'b.retentionFrom'])
      .where('b.retentionFrom IS NOT NULL AND b.retentionFrom <= :cutoff', { cutoff })
      .orderBy('b.retentionFrom', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .take(BATCH);
    if (after)
      qb.andWhere('(b.retentionFrom > :from OR (b.retentionFrom = :from AND b.id > :id))', after);
    return qb.getMany();
  }
}
