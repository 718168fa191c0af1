import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/**
 * The key that encrypts one person's (or household's) personal data inside audit events,
 * stored wrapped (AES-256-GCM) under a key derived from AUDIT_KEY. Forgetting the subject
 * destroys the key and keeps the row without it: later events about the subject then store
 * the erased marker instead of a new key's ciphertext.
 */
@Entity('audit_subject_keys')
export class AuditSubjectKey {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  subjectType!: string;

  @PrimaryColumn({ type: 'integer' })
  subjectId!: number;

  /** base64url of IV, tag and the encrypted key; null once forgotten. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  wrappedKey!: string | null;

  @InstantColumn()
  createdAt!: string;

  @InstantColumn({ nullable: true })
  forgottenAt!: string | null;
}
