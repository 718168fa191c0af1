import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, ReferenceColumn } from '../database/columns';
import { Territory } from '../territories/territory.entity';
import { User } from '../users/user.entity';
import { Beneficiary } from './beneficiary.entity';

/**
 * A fiscal code someone tried to register (create or correct a beneficiary) while another
 * person they cannot see already holds it: for ADMIN to resolve. One row per person and
 * user, however often they try (unique, so parallel attempts make one).
 */
@Entity('possible_duplicates')
@Index(['beneficiaryId', 'reportedById'], { unique: true })
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
}
