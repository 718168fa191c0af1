import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateColumn, InstantColumn } from './columns';

/**
 * A background job shared by every server instance on the database (the audit anchoring, the
 * retention pass): the instance that takes the lease (a conditional update) runs it; the
 * others see it taken, or, for a daily job, done today (`lastRunOn`).
 */
@Entity('job_leases')
export class JobLease {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  leaseOwner!: string | null;

  /** ISO 8601 UTC instant after which another instance may take the job over. */
  @InstantColumn({ nullable: true })
  leaseUntil!: string | null;

  /** The day (Europe/Rome) the job last ran to its end. */
  @DateColumn({ nullable: true })
  lastRunOn!: string | null;
}
