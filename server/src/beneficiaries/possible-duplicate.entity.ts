import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, ReferenceColumn } from '../database/columns';
import { Territory } from '../territories/territory.entity';
import { User } from '../users/user.entity';
import { Beneficiary } from './beneficiary.entity';

/**
 * A fiscal code someone tried to register (create or correct a beneficiary) while another
 * person they cannot see already holds it: for ADMIN to resolve, with a note. One unresolved
 * row per person and user, however often they try (a partial unique index, so parallel
 * attempts make one); once resolved, a new attempt is a new report.
 */
@Entity('possible_duplicates')
@Index('UQ_possible_duplicates_open', ['beneficiaryId', 'reportedById'], {
  unique: true,
  where: '"resolved_at" IS NULL',
})
export class PossibleDuplicate {
  @PrimaryGeneratedColumn()
  id!: number;

  @InstantColumn()
  at!: string;

  /** The person on file holding the code. */
  @ReferenceColumn(() => Beneficiary)
  beneficiaryId!: number;

  @ReferenceColumn(() => User)
  reportedById!: number;

  /** The territory the attempt was for. */
  @ReferenceColumn(() => Territory)
  territoryId!: number;

  /** When ADMIN marked it resolved; null while it waits. */
  @InstantColumn({ nullable: true })
  resolvedAt!: string | null;

  @ReferenceColumn(() => User, { nullable: true })
  resolvedById!: number | null;

  /** What ADMIN found or did. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  resolutionNote!: string | null;
}
