import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One `Idempotency-Key` a user sent with a POST: reserved (no `status` yet) while the first
 * request with it is being answered, then its successful answer. Times are milliseconds since
 * the epoch. `expiresAt` is the end of the reservation (a short lease) until the answer is
 * stored, then 24 hours after `createdAt`; a row past it counts as absent, and is swept in
 * batches by that index.
 */
@Entity('idempotency_keys')
@Index(['userId', 'key'], { unique: true })
export class IdempotencyKey {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  userId!: number;

  /** The UUID the client sent, in lower case. */
  @Column({ type: 'varchar', length: 36 })
  key!: string;

  /** HMAC-SHA256 (hex) of the method, the path and the canonical JSON body of the first request. */
  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  /** Random, per reservation: only the request holding it may store its answer or release it. */
  @Column({ type: 'varchar', length: 36 })
  lease!: string;

  /** The HTTP status of the stored answer; null while the first request is being answered. */
  @Column({ type: 'integer', nullable: true })
  status!: number | null;

  /** The stored answer's body as JSON text (null: no body). */
  @Column({ type: 'text', nullable: true })
  responseBody!: string | null;

  @Column({ type: 'bigint' })
  createdAt!: string;

  @Index()
  @Column({ type: 'bigint' })
  expiresAt!: string;
}
