import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  OPEN_MILESTONE_DECISIONS,
  PACT_STATUSES,
  PACT_TYPES,
  type OpenMilestoneDecision,
  type PactStatus,
  type PactType,
} from '@generattivi/shared';
import { IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { WithReadOnlyFields } from '../../common/read-only-fields';
import { IsIsoDate, IsWholeNumber } from '../../common/validators';

/** What a client may write on a pact (create and update). */
class PactWritable {
  @ApiPropertyOptional({
    description: 'required for AUTONOMY; the optional reference person for INCLUSION',
    nullable: true,
  })
  @IsOptional()
  @IsWholeNumber()
  beneficiaryId?: number | null;

  @ApiPropertyOptional({ description: 'required for INCLUSION', nullable: true })
  @IsOptional()
  @IsWholeNumber()
  householdId?: number | null;

  @ApiPropertyOptional({
    description: 'the responsible social worker (default: the social worker creating it)',
    nullable: true,
  })
  @IsOptional()
  @IsWholeNumber()
  socialWorkerId?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsWholeNumber()
  communityLabId?: number | null;

  @ApiProperty({
    example: 'Percorso verso il lavoro nella logistica',
    description: 'on create with a templateId, may be left empty: the template’s is taken',
  })
  // Left empty on a create from a template, the template's title is taken.
  @ValidateIf((o: { templateId?: unknown; title?: unknown }) => o.templateId == null || !!o.title)
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20_000) objectives?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20_000) citizenCommitments?:
    string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20_000) communityCommitments?:
    string | null;

  @ApiPropertyOptional({ example: '2026-12-01', nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsIsoDate()
  startDate?: string | null;

  @ApiPropertyOptional({ example: '2027-06-30', nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsIsoDate()
  plannedEndDate?: string | null;
}

/** Fields the server owns: refused on create, ignored in PUT when unchanged. */
export const PACT_READ_ONLY = [
  'id',
  'createdAt',
  'updatedAt',
  'type',
  'reference',
  'status',
  'territoryId',
  'communityMakerId',
  'closedAt',
  'outcome',
  'closingNote',
  'progress',
  'eligibility',
  'submittedAt',
  'approvedAt',
  'lastNoteAt',
] as const;

class PactCreateFields extends PactWritable {
  @ApiProperty({ enum: PACT_TYPES })
  @IsIn(PACT_TYPES, { message: `must be one of ${PACT_TYPES.join(', ')}` })
  type!: PactType;

  @ApiProperty({ example: 1 })
  @IsWholeNumber()
  territoryId!: number;

  @ApiPropertyOptional({
    description: 'assign a community maker at once (opens the first assignment)',
    nullable: true,
  })
  @IsOptional()
  @IsWholeNumber()
  communityMakerId?: number | null;

  @ApiPropertyOptional({
    description:
      'a pact template of the same type (and territory, when it has one): fills the title, objectives, commitments and planned end left empty, and creates its milestones dated from the start date (required then)',
  })
  @IsOptional()
  @IsWholeNumber()
  templateId?: number;
}

/** The server owns these; sending any of them on create is a 400. */
export const PACT_REFUSED_ON_CREATE = [
  'id',
  'version',
  'reference',
  'status',
  'progress',
  'eligibility',
  'createdAt',
  'updatedAt',
  'closedAt',
  'outcome',
  'closingNote',
] as const;

export class CreatePactDto extends WithReadOnlyFields(
  PactCreateFields,
  PACT_REFUSED_ON_CREATE,
  'read-only: refused on create',
) {}

class PactUpdateFields extends PactWritable {
  @ApiProperty({ description: 'the version you read; a stale one is a 409' })
  @IsWholeNumber()
  version!: number;
}

export class UpdatePactDto extends WithReadOnlyFields(
  PactUpdateFields,
  PACT_READ_ONLY,
  'read-only: ignored when unchanged, a 400 when different (status: use /transitions; communityMakerId: use /assign)',
) {}

export class TransitionDto {
  @ApiProperty({ enum: PACT_STATUSES })
  @IsIn(PACT_STATUSES, { message: `must be one of ${PACT_STATUSES.join(', ')}` })
  to!: PactStatus;

  @ApiPropertyOptional({
    description:
      'required to send back, suspend, terminate and cancel; the closing note at completion',
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  reason?: string;

  @ApiPropertyOptional({
    description: 'COMPLETED: the outcome of the pact type; TERMINATED: the termination code',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  outcome?: string;

  @ApiPropertyOptional({
    enum: OPEN_MILESTONE_DECISIONS,
    description:
      'COMPLETED and TERMINATED: what the milestones still PENDING become (MISSED or CANCELLED), each with the reason as its closing note; required while there are any (otherwise a 400 OPEN_MILESTONES_DECISION_REQUIRED lists them). CANCELLED (cancelling the pact) cancels them on its own. Other transitions take none.',
  })
  @IsOptional()
  @IsIn(OPEN_MILESTONE_DECISIONS, {
    message: `must be one of ${OPEN_MILESTONE_DECISIONS.join(', ')}`,
  })
  openMilestones?: OpenMilestoneDecision;

  @ApiProperty({ description: 'the version you read; a stale one is a 409' })
  @IsWholeNumber()
  version!: number;
}

export class AssignDto {
  @ApiProperty()
  @IsWholeNumber()
  communityMakerId!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ description: 'the version you read; when given, a stale one is a 409' })
  @IsOptional()
  @IsWholeNumber()
  version?: number;
}

export class EligibilityCheckDto {
  @ApiProperty({ enum: PACT_TYPES })
  @IsIn(PACT_TYPES, { message: `must be one of ${PACT_TYPES.join(', ')}` })
  type!: PactType;

  @ApiPropertyOptional() @IsOptional() @IsWholeNumber() beneficiaryId?: number;
  @ApiPropertyOptional() @IsOptional() @IsWholeNumber() householdId?: number;

  @ApiProperty() @IsWholeNumber() territoryId!: number;

  @ApiPropertyOptional({ example: '2026-12-01' })
  @IsOptional()
  @IsIsoDate()
  startDate?: string;

  @ApiPropertyOptional({ description: 'the pact being edited, not counted as another open pact' })
  @IsOptional()
  @IsWholeNumber()
  pactId?: number;
}
