import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PACT_TEMPLATE_LIMITS as LIMITS, PACT_TYPES, type PactType } from '@generattivi/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CreateBody, UpdateBody } from '../../common/read-only-fields';
import { IsWholeNumber } from '../../common/validators';

/** One milestone of a template: due `days` after the pact's start. */
export class PactTemplateMilestoneDto {
  @ApiProperty({ example: 'Colloquio di avvio' })
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(LIMITS.milestoneTitleMaxLength)
  title!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.milestoneDescriptionMaxLength)
  description?: string | null;

  @ApiProperty({ example: 14, description: 'days from the pact start, within the duration' })
  @IsWholeNumber({ min: 0, max: LIMITS.maxDurationDays })
  days!: number;
}

class PactTemplateFields {
  @ApiProperty({ enum: PACT_TYPES })
  @IsIn(PACT_TYPES, { message: `must be one of ${PACT_TYPES.join(', ')}` })
  type!: PactType;

  @ApiPropertyOptional({
    nullable: true,
    description: 'the territory it is for; null (administrators only): every territory',
  })
  @IsOptional()
  @IsWholeNumber()
  territoryId?: number | null;

  @ApiProperty({ example: 'Tirocinio di inclusione — 6 mesi' })
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(LIMITS.titleMaxLength)
  title!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.textMaxLength)
  objectives?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.textMaxLength)
  citizenCommitments?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.textMaxLength)
  communityCommitments?: string | null;

  @ApiProperty({ example: 180, description: 'the planned length of a pact made from it' })
  @IsWholeNumber({ max: LIMITS.maxDurationDays })
  durationDays!: number;

  @ApiPropertyOptional({
    type: [PactTemplateMilestoneDto],
    description: `at most ${LIMITS.maxMilestones}; each due within the duration`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.maxMilestones)
  @ValidateNested({ each: true })
  @Type(() => PactTemplateMilestoneDto)
  milestones?: PactTemplateMilestoneDto[];
}

export class CreatePactTemplateDto extends CreateBody(PactTemplateFields) {}

export class UpdatePactTemplateDto extends UpdateBody(PactTemplateFields) {}

export const PACT_TEMPLATE_READ_ONLY = ['id', 'createdAt', 'updatedAt'] as const;
