import type { NotificationKind } from '@generattivi/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, ReferenceColumn } from '../database/columns';
import { Pact } from '../pacts/pact.entity';
import { User } from '../users/user.entity';

/**
 * Something a person is told in the admin (the bell): a pact assigned to them, a pact sent
 * back to draft. Written in the unit of work of the event; read by its reader alone, newest
 * first (index on user and id), counted while unread (partial index).
 */
@Entity('notifications')
@Index('IDX_notifications_user_id', ['userId', 'id'])
@Index('IDX_notifications_unread', ['userId'], { where: '"read_at" IS NULL' })
export class Notification {
  @PrimaryGeneratedColumn()
  id!: number;

  @ReferenceColumn(() => User)
  userId!: number;

  @Column({ type: 'varchar', length: 30 })
  kind!: NotificationKind;

  @ReferenceColumn(() => Pact, { index: true })
  pactId!: number;

  /** The pact's reference when it happened: what the text names (no personal data). */
  @Column({ type: 'varchar', length: 40 })
  reference!: string;

  @InstantColumn()
  createdAt!: string;

  @InstantColumn({ nullable: true })
  readAt!: string | null;
}
