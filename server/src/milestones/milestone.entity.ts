import type { MilestoneStatus } from '@generattivi/shared';
import { Column, Entity, Index } from 'typeorm';
import { DateColumn, ReferenceColumn, VersionedRecord } from '../database/columns';
import { Pact } from '../pacts/pact.entity';

/** A tappa of a pact. `overdue` is derived (isMilestoneOverdue: PENDING, due before today, pact clock running). */
@Entity('milestones')
// Overdue milestones (status, due date) and the pacts they belong to, from the index alone.
@Index(['status', 'dueDate', 'pactId'])
// A pact's milestones; with status and dates, what the reports count per pact.
@Index(['pactId', 'status', 'dueDate', 'achievedAt'])
export class Milestone extends VersionedRecord {
  @ReferenceColumn(() => Pact)
  pactId!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @DateColumn()
  dueDate!: string;

  @Column({ type: 'varchar', length: 12, default: 'PENDING' })
  status!: MilestoneStatus;

  /** The date it was achieved. */
  @DateColumn({ nullable: true })
  achievedAt!: string | null;

  @Column({ type: 'text', nullable: true })
  evidence!: string | null;
}
