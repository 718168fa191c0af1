import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/**
 * The daily purge of the access log, one row shared by every server instance: who runs it
 * (a lease that expires if its instance stops), when it last finished, and the horizon
 * before which entries may be deleted (the database refuses any other DELETE).
 */
@Entity('access_log_purge')
export class AccessLogPurgeState {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  leaseOwner!: string | null;

  @InstantColumn({ nullable: true })
  leaseUntil!: string | null;

  /** Entries read before this instant may be deleted; none younger. */
  @InstantColumn({ nullable: true })
  purgeBefore!: string | null;

  @InstantColumn({ nullable: true })
  lastRunAt!: string | null;
}
