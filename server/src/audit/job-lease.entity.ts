import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/**
 * Who runs a periodic background job (by name) until when: with several server instances on
 * one database, the instance holding an unexpired lease runs it and the others skip.
 */
@Entity('job_leases')
export class JobLease {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  owner!: string | null;

  /** ISO 8601 UTC instant after which another instance may take the job. */
  @InstantColumn({ nullable: true })
  leaseUntil!: string | null;
}
