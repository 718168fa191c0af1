import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Tokens ended by logout before their expiry. Rows past `expiresAt` can be purged. */
@Entity('revoked_tokens')
export class RevokedToken {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  jti!: string;

  @Index()
  @Column({ type: 'bigint' })
  expiresAt!: string;
}
