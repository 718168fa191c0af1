import type { NoteKind } from '@generattivi/shared';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, ReferenceColumn, InstantColumn } from '../database/columns';
import { Pact } from '../pacts/pact.entity';
import { User } from '../users/user.entity';

/** A diary note: append-only; a correction is a new note. */
@Entity('notes')
@Index(['pactId', 'occurredAt'])
// The diary across pacts, latest first (the notes list's default sort).
@Index(['occurredAt'])
export class Note extends BaseRecord {
  @ReferenceColumn(() => Pact)
  pactId!: number;

  @ReferenceColumn(() => User, { index: true })
  authorId!: number;

  @Column({ type: 'varchar', length: 12 })
  kind!: NoteKind;

  @InstantColumn()
  occurredAt!: string;

  @Column({ type: 'text' })
  body!: string;
}
