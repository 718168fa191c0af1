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
import { nowIso } from '../common/clock';
import { HourlyPass } from '../common/hourly-pass';
import { AppConfig, CONFIG } from '../config/config';
import { eraseImportFiles, IMPORT_FILE_DAYS } from '../imports/import-files';
import { AnonymisationService } from './anonymisation.service';
import { JobLease } from '../database/job-lease.entity';

/** The job's row in `job_leases` (written by the Retention migration). */
const JOB = 'retention';
/** How long the runner holds the job without news before another instance may take it. */
const LEASE_MS = 60_000;
/** People read (through the retention index) and anonymised per batch. */
const BATCH = 50;

const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

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
  private readonly instance = randomUUID();
  private readonly hourly = new HourlyPass(this.logger, 'retention job', () => this.runToday());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly anonymisation: AnonymisationService,
  ) {}

  onApplicationBootstrap(): void {
    this.hourly.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.hourly.stop();
  }

  /** Today's pass if this instance takes the lease; resolves to the people anonymised. */
  async runToday(): Promise<number> {
    const today = todayIso();
    if (!(await this.claim(today))) return 0;
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
      if (!(await this.renew())) return anonymised; // another instance took it over
      await yieldToRequests();
    }
    if (!this.hourly.stopping) await this.finish(today);
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

  /** Takes today's run unless it is done, or another instance holds a live lease. */
  private async claim(today: string): Promise<boolean> {
    const taken = await this.dataSource
      .getRepository(JobLease)
      .createQueryBuilder()
      .update()
      .set({ leaseOwner: this.instance, leaseUntil: isoIn(LEASE_MS) })
      .where('name = :name', { name: JOB })
      .andWhere('(last_run_on IS NULL OR last_run_on < :today)', { today })
      .andWhere('(lease_until IS NULL OR lease_until < :now)', { now: nowIso() })
      .execute();
    return taken.affected === 1;
  }

  private async renew(): Promise<boolean> {
    const renewed = await this.dataSource
      .getRepository(JobLease)
      .update({ name: JOB, leaseOwner: this.instance }, { leaseUntil: isoIn(LEASE_MS) });
    return renewed.affected === 1;
  }

  private async finish(today: string): Promise<void> {
    await this.dataSource
      .getRepository(JobLease)
      .update(
        { name: JOB, leaseOwner: this.instance },
        { lastRunOn: today, leaseOwner: null, leaseUntil: null },
      );
  }
}
