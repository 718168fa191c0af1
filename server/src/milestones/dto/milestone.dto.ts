import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MILESTONE_STATUSES, type MilestoneStatus } from '@generattivi/shared';
import {
  Allow,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsIsoDate } from '../../common/validators';

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

export class CreateMilestoneDto extends MilestoneFields {
  @ApiProperty() @IsInt() @Min(1) pactId!: number;
  @ApiPropertyOptional({ description: 'read-only: refused on create' }) @Allow() id?: unknown;
  @ApiPropertyOptional({ description: 'read-only: refused on create' }) @Allow() version?: unknown;
  @ApiPropertyOptional({ description: 'read-only: refused on create' }) @Allow() overdue?: unknown;
  @ApiPropertyOptional({ description: 'read-only: refused on create' })
  @Allow()
  createdAt?: unknown;
  @ApiPropertyOptional({ description: 'read-only: refused on create' })
  @Allow()
  updatedAt?: unknown;
}

export class UpdateMilestoneDto extends MilestoneFields {
  @ApiProperty({ description: 'the version you read; a stale one is a 409' })
  @IsInt()
  @Min(1)
  version!: number;
  @ApiPropertyOptional({ description: 'read-only' }) @Allow() pactId?: unknown;
  @ApiPropertyOptional({ description: 'read-only' }) @Allow() id?: unknown;
  @ApiPropertyOptional({ description: 'read-only' }) @Allow() overdue?: unknown;
  @ApiPropertyOptional({ description: 'read-only' }) @Allow() createdAt?: unknown;
  @ApiPropertyOptional({ description: 'read-only' }) @Allow() updatedAt?: unknown;
}

export const MILESTONE_READ_ONLY = ['id', 'pactId', 'overdue', 'createdAt', 'updatedAt'] as const;
