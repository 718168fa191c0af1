import type { ObjectLiteral, Repository } from 'typeorm';
import { nowIso } from './clock';

/** A background job's row: its state and the lease of the instance running it. */
export interface LeasedJob extends ObjectLiteral {
  id: number;
  status: string;
  leaseOwner: string | null;
  leaseUntil: string | null;
}

export const isoIn = (ms: number, from = Date.now()) => new Date(from + ms).toISOString();

/**
 * Takes, for `instance`, the oldest job that is QUEUED or RUNNING under an expired lease (its
 * runner stopped renewing it): one conditional UPDATE per candidate, so that of several
 * instances exactly one gets each job. Answers the job taken, or undefined.
 */
export async function claimLeasedJob<J extends LeasedJob>(
  jobs: Repository<J>,
  instance: string,
  leaseMs: number,
): Promise<J | undefined> {
  const now = nowIso();
  const candidates = await jobs
    .createQueryBuilder('j')
    .select(['j.id', 'j.status', 'j.leaseUntil'])
    .where("j.status IN ('QUEUED', 'RUNNING')")
    .orderBy('j.id', 'ASC')
    .take(20)
    .getMany();
  for (const job of candidates) {
    if (job.status === 'RUNNING' && job.leaseUntil !== null && job.leaseUntil >= now) continue;
    const taken = await jobs
      .createQueryBuilder()
      .update()
      .set({ status: 'RUNNING', leaseOwner: instance, leaseUntil: isoIn(leaseMs) } as never)
      .where('id = :id', { id: job.id })
      .andWhere(
        "(status = 'QUEUED' OR (status = 'RUNNING' AND (lease_until IS NULL OR lease_until < :now)))",
        { now },
      )
      .execute();
    if (taken.affected === 1) return jobs.findOneByOrFail({ id: job.id } as never);
  }
  return undefined;
}
