import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/**
 * The one row (id 1) that seals the chain's unkeyed past: events up to `legacyUpTo` were
 * hashed with plain SHA-256 before the chain had a key, every later one with an HMAC under
 * AUDIT_KEY. `mac` (an HMAC of the boundary and its hash) cannot be made without the key,
 * so the boundary cannot be moved and the sealed head cannot be replaced.
 */
@Entity('audit_seal')
export class AuditSeal {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  /** The last event hashed without a key; 0 when the chain started keyed. */
  @Column({ type: 'integer' })
  legacyUpTo!: number;

  /** That event's hash (the genesis hash for 0). */
  @Column({ type: 'varchar', length: 64 })
  legacyHash!: string;

  @Column({ type: 'varchar', length: 64 })
  mac!: string;

  /** ISO 8601 UTC instant. */
  @InstantColumn()
  at!: string;
}
