import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/**
 * Where a message stands: `queued` waits for its turn (or its next attempt); `sent` went out
 * over SMTP (its body then erased); `outbox` was kept for an administrator to read, no mail
 * server being configured; `failed` ran out of attempts (kept, an administrator may retry it).
 */
export type MailStatus = 'queued' | 'sent' | 'outbox' | 'failed';

/**
 * One mail, written in the transaction of the change that causes it and sent in the
 * background by whichever server instance holds its lease (leaseOwner until leaseUntil).
 * `dedupeKey`: a message of that key already enqueued makes a second one nothing.
 */
@Entity('mail_outbox')
@Index(['status', 'nextAttemptAt'])
@Index(['createdAt'])
export class MailMessage {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 254 })
  to!: string;

  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  /** The plain-text body; null once sent over SMTP (mails carry secret links). */
  @Column({ type: 'text', nullable: true })
  text!: string | null;

  @Column({ type: 'text', nullable: true })
  html!: string | null;

  /** What the message is for (`invitation`, `password-reset`, `digest`…). */
  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ type: 'varchar', length: 200, nullable: true, unique: true })
  dedupeKey!: string | null;

  @Column({ type: 'varchar', length: 8 })
  status!: MailStatus;

  /** Sending attempts made so far. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** ISO 8601 UTC instant from which a queued message may be tried. */
  @InstantColumn()
  nextAttemptAt!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @InstantColumn({ nullable: true })
  sentAt!: string | null;

  @InstantColumn()
  createdAt!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  leaseOwner!: string | null;

  @InstantColumn({ nullable: true })
  leaseUntil!: string | null;
}
