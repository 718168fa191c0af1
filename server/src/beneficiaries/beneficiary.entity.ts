import type { EmploymentStatus, Sex } from '@generattivi/shared';
import { Column, Entity, Index } from 'typeorm';
import { DateColumn, ReferenceColumn, VersionedRecord } from '../database/columns';
import { Household } from '../households/household.entity';
import { Territory } from '../territories/territory.entity';

/** A person a pact is about. The fiscal code is stored upper-case and unique. */
@Entity('beneficiaries')
@Index(['lastName', 'firstName'])
// A social worker's people (their territory) by surname.
@Index(['territoryId', 'lastName'])
export class Beneficiary extends VersionedRecord {
  @Column({ type: 'varchar', length: 100 })
  firstName!: string;

  @Column({ type: 'varchar', length: 100 })
  lastName!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 16 })
  fiscalCode!: string;

  @DateColumn()
  birthDate!: string;

  @Column({ type: 'varchar', length: 1 })
  sex!: Sex;

  @ReferenceColumn(() => Territory)
  territoryId!: number;

  @Column({ type: 'varchar', length: 120 })
  municipality!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 20 })
  employmentStatus!: EmploymentStatus;

  @ReferenceColumn(() => Household, { index: true, nullable: true })
  householdId!: number | null;
}
