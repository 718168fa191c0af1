import { Column, Entity } from 'typeorm';
import { BaseRecord, ReferenceColumn, InstantColumn } from '../database/columns';
import { Pact } from '../pacts/pact.entity';
import { User } from '../users/user.entity';

/** Which community maker followed a pact, from when to when: history, never rewritten. */
@Entity('assignments')
export class Assignment extends BaseRecord {
  @ReferenceColumn(() => Pact, { index: true })
  pactId!: number;

  @ReferenceColumn(() => User, { index: true })
  communityMakerId!: number;

  @ReferenceColumn(() => User)
  assignedById!: number;

  @InstantColumn()
  startedAt!: string;

  @InstantColumn({ nullable: true })
  endedAt!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}
