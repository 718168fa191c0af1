import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/**
 * A point up to which the hash chain was verified: the event, its hash then, and how many
 * events the chain held up to it. The incremental verify starts from the last one after
 * checking that the event still carries that hash.
 */
@Entity('audit_checkpoints')
export class AuditCheckpoint {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer', unique: true })
  eventId!: number;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;

  /** Events in the chain from genesis up to and including `eventId`. */
  @Column({ type: 'integer' })
  checked!: number;

  /** ISO 8601 UTC instant. */
  @InstantColumn()
  at!: string;
}
