import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MILESTONE_STATUSES, type MilestoneStatus } from '@generattivi/shared';
import { IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsIsoDate, IsWholeNumber } from '../../common/validators';
import { WithReadOnlyFields } from '../../common/read-only-fields';

class MilestoneFields {
  @ApiProperty({ example: 'Colloquio al Centro per l’impiego' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20_000) description?: string | null;

  @ApiProperty({ example: '2027-01-15' })
  @IsIsoDate()
  dueDate!: string;

  @ApiPropertyOptional({ enum: MILESTONE_STATUSES, default: 'PENDING' })
  @IsOptional()
  @IsIn(MILESTONE_STATUSES, { message: `must be one of ${MILESTONE_STATUSES.join(', ')}` })
  status?: MilestoneStatus;

  @ApiPropertyOptional({
    description: 'the date it was achieved (ACHIEVED only; default today)',
    nullable: true,
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsIsoDate()
  achievedAt?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(20_000)
  evidence?: string | null;
}

class CreateMilestoneDtoFields extends MilestoneFields {
  @ApiProperty() @IsWholeNumber() pactId!: number;
}

export class CreateMilestoneDto extends WithReadOnlyFields(
  CreateMilestoneDtoFields,
  ['id', 'version', 'overdue', 'createdAt', 'updatedAt'],
  'read-only: refused on create',
) {}

class UpdateMilestoneDtoFields extends MilestoneFields {
  @ApiProperty({ description: 'the version you read; a stale one is a 409' })
  @IsWholeNumber()
  version!: number;
}

export class UpdateMilestoneDto extends WithReadOnlyFields(
  UpdateMilestoneDtoFields,
  ['pactId', 'id', 'overdue', 'createdAt', 'updatedAt'],
  'read-only',
) {}

export const MILESTONE_READ_ONLY = ['id', 'pactId', 'overdue', 'createdAt', 'updatedAt'] as const;
