import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

export const VERIFY_JOB_STATUSES = ['QUEUED', 'RUNNING', 'DONE'] as const;
export type VerifyJobStatus = (typeof VERIFY_JOB_STATUSES)[number];

/**
 * A full re-check of the hash chain from genesis. Its progress and its lease live here so
 * that, with several server instances, one runs it (the lease holder) and any reports it;
 * a job whose lease expired (its instance stopped) is resumed by another from `lastId`.
 */
@Entity('audit_verify_jobs')
export class AuditVerifyJob {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 12 })
  status!: VerifyJobStatus;

  @Column({ type: 'integer', nullable: true })
  requestedBy!: number | null;

  /** Events checked so far. */
  @Column({ type: 'integer', default: 0 })
  checked!: number;

  /** Events in the chain when the job was started. */
  @Column({ type: 'integer', default: 0 })
  total!: number;

  /** The last event checked and its hash: where a resumed run continues. */
  @Column({ type: 'integer', default: 0 })
  lastId!: number;

  @Column({ type: 'varchar', length: 64 })
  lastHash!: string;

  @Column({ type: 'boolean', nullable: true })
  valid!: boolean | null;

  @Column({ type: 'integer', nullable: true })
  firstInvalidId!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  leaseOwner!: string | null;

  /** ISO 8601 UTC instant after which another instance may take the job over. */
  @InstantColumn({ nullable: true })
  leaseUntil!: string | null;

  @InstantColumn()
  createdAt!: string;

  @InstantColumn({ nullable: true })
  finishedAt!: string | null;
}
