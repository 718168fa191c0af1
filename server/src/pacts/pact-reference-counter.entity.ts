import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last number used per reference series (`AUT-CREMA-2026`): gapless, never reused. */
@Entity('pact_reference_counters')
export class PactReferenceCounter {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  series!: string;

  @Column({ type: 'integer' })
  lastValue!: number;
}
