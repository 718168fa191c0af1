import type { EmploymentStatus, Sex } from '@generattivi/shared';
import { Column, Entity, Index } from 'typeorm';
import { DateColumn, InstantColumn, ReferenceColumn, VersionedRecord } from '../database/columns';
import { Household } from '../households/household.entity';
import { Territory } from '../territories/territory.entity';

/** A person a pact is about. The fiscal code is stored upper-case and unique. */
@Entity('beneficiaries')
@Index(['lastName', 'firstName'])
// A social worker's people (their territory) by surname.
@Index(['territoryId', 'lastName'])
// The retention schedule and its daily job, in the order people are due.
@Index('IDX_beneficiaries_retention', ['retentionFrom', 'id'])
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

  /** When the person was anonymised: their identity is a pseudonym and no longer edited. */
  @InstantColumn({ nullable: true })
  anonymisedAt!: string | null;

  /**
   * Kept by the database (triggers on `pacts`, migration Retention): the day the last of the
   * pacts naming the person closed, null while they never had a closed pact.
   */
  @DateColumn({ nullable: true, update: false, insert: false })
  lastPactClosedOn!: string | null;

  /**
   * Kept by the database: the day the retention term runs from — the last pact's closing, or
   * the person's creation when no pact names them; null while a pact of theirs is open, and
   * once they are anonymised.
   */
  @DateColumn({ nullable: true, update: false, insert: false })
  retentionFrom!: string | null;
}
