import type { NoteKind } from '@generattivi/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord, InstantColumn } from '../database/columns';
import { Pact } from '../pacts/pact.entity';
import { User } from '../users/user.entity';

/** A diary note: append-only; a correction is a new note. */
@Entity('notes')
@Index(['pactId', 'occurredAt'])
// The diary across pacts, latest first (the notes list's default sort).
@Index(['occurredAt'])
export class Note extends BaseRecord {
  @Column({ type: 'integer' })
  pactId!: number;

  @ManyToOne(() => Pact, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pact_id' })
  pact?: Pact;

  @Index()
  @Column({ type: 'integer' })
  authorId!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Column({ type: 'varchar', length: 12 })
  kind!: NoteKind;

  @InstantColumn()
  occurredAt!: string;

  @Column({ type: 'text' })
  body!: string;
}
