import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord, InstantColumn } from '../database/columns';
import { Pact } from '../pacts/pact.entity';
import { User } from '../users/user.entity';

/** Which community maker followed a pact, from when to when: history, never rewritten. */
@Entity('assignments')
export class Assignment extends BaseRecord {
  @Index()
  @Column({ type: 'integer' })
  pactId!: number;

  @ManyToOne(() => Pact, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pact_id' })
  pact?: Pact;

  @Index()
  @Column({ type: 'integer' })
  communityMakerId!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_maker_id' })
  communityMaker?: User;

  @Column({ type: 'integer' })
  assignedById!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assigned_by_id' })
  assignedBy?: User;

  @InstantColumn()
  startedAt!: string;

  @InstantColumn({ nullable: true })
  endedAt!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}
