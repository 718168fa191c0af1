import { Column, Entity, Index } from 'typeorm';
import { InstantColumn, ReferenceColumn, VersionedRecord } from '../database/columns';
import { Territory } from '../territories/territory.entity';
import { User } from '../users/user.entity';

/** A nucleo familiare, with the vulnerability assessment a social worker recorded. */
@Entity('households')
export class Household extends VersionedRecord {
  @Index()
  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @ReferenceColumn(() => Territory, { index: true })
  territoryId!: number;

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

  @ReferenceColumn(() => User, { nullable: true })
  assessedById!: number | null;

  @InstantColumn({ nullable: true })
  assessedAt!: string | null;

  /** The household's code in the spreadsheet it was imported from (codiceEsterno), unique. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 60, nullable: true })
  externalCode!: string | null;
}
