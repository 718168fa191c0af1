import type { PasswordTokenPurpose } from '@generattivi/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, ReferenceColumn } from '../database/columns';
import { User } from '../users/user.entity';

/**
 * A link to set a password (an invitation or a reset), kept only as the SHA-256 of its
 * secret: single use (`usedAt`), valid until `expiresAt`. A newer link of the same user
 * deletes the older ones.
 */
@Entity('password_tokens')
export class PasswordToken {
  @PrimaryGeneratedColumn()
  id!: number;

  @ReferenceColumn(() => User, { index: true })
  userId!: number;

  @Column({ type: 'varchar', length: 12 })
  purpose!: PasswordTokenPurpose;

  /** Hex SHA-256 of the token mailed; unique. */
  @Column({ type: 'varchar', length: 64, unique: true })
  hash!: string;

  @InstantColumn()
  expiresAt!: string;

  @InstantColumn({ nullable: true })
  usedAt!: string | null;

  @InstantColumn()
  createdAt!: string;
}
