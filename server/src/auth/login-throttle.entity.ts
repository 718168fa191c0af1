import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One login attempt let through and not (yet) followed by a success for its pair; the
 * account is kept as a hash of the typed email (people type passwords into that field).
 * Times are milliseconds since the epoch. Rows older than the window are swept.
 */
@Entity('login_failures')
@Index(['accountKey', 'address', 'at'])
@Index(['accountKey', 'at'])
export class LoginFailure {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64 })
  accountKey!: string;

  @Column({ type: 'varchar', length: 64 })
  address!: string;

  @Index()
  @Column({ type: 'bigint' })
  at!: string;
}

/**
 * One row per account tried: the row every attempt on the account locks first (so the check
 * and the count are one step across instances), and the next slot of the slow backoff.
 */
@Entity('login_accounts')
export class LoginAccount {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  accountKey!: string;

  @Column({ type: 'bigint' })
  nextAttemptAt!: string;

  @Index()
  @Column({ type: 'bigint' })
  seenAt!: string;
}

/**
 * The per-address login limit: the attempts of the current one-minute window and of the one
 * before it (the limit weighs them as a sliding minute).
 */
@Entity('login_address_windows')
export class LoginAddressWindow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  address!: string;

  @Index()
  @Column({ type: 'bigint' })
  windowStart!: string;

  @Column({ type: 'integer' })
  hits!: number;

  @Column({ type: 'integer' })
  prevHits!: number;
}
