import type { DataSource } from 'typeorm';
import { JobLease } from '../database/job-lease.entity';
import { nowIso } from './clock';
import { isoIn } from './job-lease';

/**
 * The lease of a daily job's row in `job_leases`, for one instance: `claim` takes today's run
 * unless it is done or another instance holds a live lease (one conditional update, so one
 * instance gets it); `renew` keeps it while the run goes on (false: another instance took
 * it over); `finish` marks today done and lets it go.
 */
export class DailyLease {
  constructor(
    private readonly dataSource: DataSource,
    private readonly job: string,
    private readonly instance: string,
    private readonly leaseMs: number,
  ) {}

  private get rows() {
    return this.dataSource.getRepository(JobLease);
  }

  async claim(today: string): Promise<boolean> {
    const taken = await this.rows
      .createQueryBuilder()
      .update()
      .set({ leaseOwner: this.instance, leaseUntil: isoIn(this.leaseMs) })
      .where('name = :name', { name: this.job })
      .andWhere('(last_run_on IS NULL OR last_run_on < :today)', { today })
      .andWhere('(lease_until IS NULL OR lease_until < :now)', { now: nowIso() })
      .execute();
    return taken.affected === 1;
  }

  async renew(): Promise<boolean> {
    const renewed = await this.rows.update(
      { name: this.job, leaseOwner: this.instance },
      { leaseUntil: isoIn(this.leaseMs) },
    );
    return renewed.affected === 1;
  }

  async finish(today: string): Promise<void> {
    await this.rows.update(
      { name: this.job, leaseOwner: this.instance },
      { lastRunOn: today, leaseOwner: null, leaseUntil: null },
    );
  }
}
