import type { EligibilityEvaluation, PactStatus, PactType } from '@generattivi/shared';
import { Column, Entity, Index } from 'typeorm';
import { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { CommunityLab } from '../community-labs/community-lab.entity';
import { DateColumn, InstantColumn, ReferenceColumn, VersionedRecord } from '../database/columns';
import { Household } from '../households/household.entity';
import { Territory } from '../territories/territory.entity';
import { User } from '../users/user.entity';

/**
 * The narrow columns the caseload and outcome reports and the deadline alerts read, carried
 * by the two list indexes below after the columns those are searched and sorted by: SQLite
 * then answers reports and alerts from the index alone instead of reading whole pact rows
 * (about 2 KB each with the eligibility evaluation and the texts). Issue 6.
 */
const REPORTED: Array<keyof Pact> = [
  'type',
  'socialWorkerId',
  'communityMakerId',
  'lastNoteAt',
  'approvedAt',
  'submittedAt',
  'createdAt',
  'startDate',
  'closedAt',
  'outcome',
  'reference',
];

/**
 * A patto GenerAttivi. Status changes only through transitions; `progress` and
 * `lastNoteAt` are kept up to date by the milestone and diary services so that lists,
 * reports and alerts can filter and sort on them.
 */
@Entity('pacts')
// Lists by territory (social workers) and status, sorted by planned end date then id.
// Named: TypeORM derives index names from the set of columns, which these two share.
@Index('IDX_pacts_territory_status_end', [
  'territoryId',
  'status',
  'plannedEndDate',
  'id',
  ...REPORTED,
])
// Narrow, so that counting a territory's pacts by status (every list's Content-Range)
// reads 30-byte entries rather than the wide ones above (5× faster at 100,000 pacts).
@Index(['territoryId', 'status'])
// The same across territories (administrators, managers).
@Index('IDX_pacts_status_end', ['status', 'plannedEndDate', 'id', 'territoryId', ...REPORTED])
// The admin's default sort (start date), everywhere and within a territory.
@Index(['startDate'])
@Index(['territoryId', 'startDate'])
// A community maker's pacts (their scope), with the same columns.
@Index('IDX_pacts_maker_status', [
  'communityMakerId',
  'status',
  'plannedEndDate',
  'id',
  'territoryId',
  ...REPORTED.filter((c) => c !== 'communityMakerId'),
])
// A social worker's pacts by status: the users list counts each one's open pacts (openPacts)
// from this index alone (it also serves the foreign key, as the plain index it replaced did).
@Index('IDX_pacts_social_worker_status', ['socialWorkerId', 'status'])
// One open pact of a type per beneficiary (AUTONOMY) or household (INCLUSION): the database
// refuses a second (migration PactInvariants; the service answers 409 OPEN_PACT_EXISTS).
@Index('UQ_pacts_open_autonomy', ['beneficiaryId'], {
  unique: true,
  where: `"type" = 'AUTONOMY' AND "status" IN ('DRAFT', 'SUBMITTED', 'ACTIVE', 'SUSPENDED')`,
})
@Index('UQ_pacts_open_inclusion', ['householdId'], {
  unique: true,
  where: `"type" = 'INCLUSION' AND "status" IN ('DRAFT', 'SUBMITTED', 'ACTIVE', 'SUSPENDED')`,
})
export class Pact extends VersionedRecord {
  @Column({ type: 'varchar', length: 12 })
  type!: PactType;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 40 })
  reference!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: PactStatus;

  @ReferenceColumn(() => Territory)
  territoryId!: number;

  @ReferenceColumn(() => Beneficiary, { index: true, nullable: true })
  beneficiaryId!: number | null;

  @ReferenceColumn(() => Household, { index: true, nullable: true })
  householdId!: number | null;

  @ReferenceColumn(() => User, { nullable: true })
  socialWorkerId!: number | null;

  @ReferenceColumn(() => User, { nullable: true })
  communityMakerId!: number | null;

  @ReferenceColumn(() => CommunityLab, { nullable: true })
  communityLabId!: number | null;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', default: '' })
  objectives!: string;

  @Column({ type: 'text', default: '' })
  citizenCommitments!: string;

  @Column({ type: 'text', default: '' })
  communityCommitments!: string;

  @DateColumn({ nullable: true })
  startDate!: string | null;

  @DateColumn({ nullable: true })
  plannedEndDate!: string | null;

  @InstantColumn({ nullable: true })
  submittedAt!: string | null;

  @InstantColumn({ nullable: true })
  approvedAt!: string | null;

  @InstantColumn({ nullable: true })
  closedAt!: string | null;

  /** The outcome at completion, or the termination code. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  outcome!: string | null;

  @Column({ type: 'text', nullable: true })
  closingNote!: string | null;

  /** The eligibility evaluation last run (on save, submit, approve). */
  @Column({ type: 'simple-json', nullable: true })
  eligibility!: EligibilityEvaluation | null;

  /** 0–100, derived from the milestones. */
  @Column({ type: 'integer', default: 0 })
  progress!: number;

  /** When the latest diary note happened; null without notes. */
  @InstantColumn({ nullable: true })
  lastNoteAt!: string | null;

  /** The pact's code in the spreadsheet it was imported from (codiceEsterno), unique. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 60, nullable: true })
  externalCode!: string | null;
}
