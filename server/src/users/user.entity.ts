import { Column, Entity, Index } from 'typeorm';
import type { DigestFrequency, Role } from '@generattivi/shared';
import { VersionedRecord } from '../database/columns';

@Entity('users')
export class User extends VersionedRecord {
  /** Stored lower-case; unique. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  fullName!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Column({ type: 'simple-json' })
  territoryIds!: number[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Argon2id PHC string; never leaves the server. */
  @Column({ type: 'varchar', length: 200 })
  passwordHash!: string;

  /**
   * The password was set by an administrator: the admin asks the user to change it at their
   * next sign-in. Cleared when they set their own.
   */
  @Column({ type: 'boolean', default: false })
  mustChangePassword!: boolean;

  /** Bumped on deactivation, role or territory change and password change: older tokens die. */
  @Column({ type: 'integer', default: 0 })
  tokenVersion!: number;

  /** How often the e-mail digest is sent (`none`, `daily`, `weekly`). */
  @Column({ type: 'varchar', length: 10, default: 'none' })
  digestFrequency!: DigestFrequency;
}
