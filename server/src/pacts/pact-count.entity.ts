import type { PactStatus, PactType } from '@generattivi/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many pacts there are per territory, status and type: the pact list's total
 * (Content-Range) is summed from here instead of counted over the pacts index. Kept exact
 * by triggers on `pacts` (migration PactCounts), in the same transaction as every write;
 * never written by the application. Rows that drop to 0 stay.
 */
@Entity('pact_counts')
export class PactCount {
  @PrimaryColumn({ type: 'integer' })
  territoryId!: number;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  status!: PactStatus;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  type!: PactType;

  @Column({ type: 'integer', default: 0 })
  n!: number;
}
