import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/**
 * Who opened which person's record and when (GDPR art. 15): one row per read of one
 * beneficiary, household or pact; never its content.
 */
@Entity('access_log')
@Index(['entityType', 'entityId', 'at'])
@Index('IDX_access_log_at', ['at'])
@Index('IDX_access_log_actor_at', ['actorId', 'at'])
export class AccessLogEntry {
  @PrimaryGeneratedColumn()
  id!: number;

  @InstantColumn()
  at!: string;

  @Column({ type: 'integer' })
  actorId!: number;

  @Column({ type: 'varchar', length: 40 })
  entityType!: string;

  @Column({ type: 'integer' })
  entityId!: number;
}
