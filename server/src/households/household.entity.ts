import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { InstantColumn, VersionedRecord } from '../database/columns';
import { Territory } from '../territories/territory.entity';
import { User } from '../users/user.entity';

/** A nucleo familiare, with the vulnerability assessment a social worker recorded. */
@Entity('households')
export class Household extends VersionedRecord {
  @Index()
  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Index()
  @Column({ type: 'integer' })
  territoryId!: number;

  @ManyToOne(() => Territory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territory_id' })
  territory?: Territory;

  @Column({ type: 'varchar', length: 120 })
  municipality!: string;

  @Column({ type: 'integer' })
  membersCount!: number;

  /** ISEE in euros with cents; null when unknown. */
  @Column({ type: 'decimal', precision: 12, scale: 2, nullable: true })
  iseeEur!: string | number | null;

  @Column({ type: 'boolean', default: false })
  vulnerable!: boolean;

  @Column({ type: 'text', nullable: true })
  vulnerabilityReason!: string | null;

  @Column({ type: 'integer', nullable: true })
  assessedById!: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assessed_by_id' })
  assessedBy?: User;

  @InstantColumn({ nullable: true })
  assessedAt!: string | null;
}
