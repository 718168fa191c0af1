import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/**
 * Append-only, hash-chained record of who did what. `changes` is kept as the canonical
 * JSON text that the hash covers, so verification recomputes from exactly what is stored.
 */
@Entity('audit_events')
@Index(['entityType', 'entityId'])
export class AuditEvent {
  @PrimaryGeneratedColumn()
  id!: number;

  /** ISO 8601 UTC instant. */
  @Index()
  @InstantColumn()
  at!: string;

  @Index()
  @Column({ type: 'integer', nullable: true })
  actorId!: number | null;

  @Index()
  @Column({ type: 'varchar', length: 60 })
  action!: string;

  @Column({ type: 'varchar', length: 40 })
  entityType!: string;

  @Column({ type: 'integer', nullable: true })
  entityId!: number | null;

  @Column({ type: 'text' })
  changes!: string;

  @Column({ type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  hash!: string;
}
