import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { WithReadOnlyFields } from '../../common/read-only-fields';
import { IsWholeNumber } from '../../common/validators';

export const MAX_REACHED = 1_000_000;

class CivicCenterFields {
  @ApiProperty({ example: 'Civic Center Crema' })
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(160)
  name!: string;

  @ApiProperty({ example: 1 })
  @IsWholeNumber()
  territoryId!: number;

  @ApiPropertyOptional({ nullable: true, description: 'one of the territory’s municipalities' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  municipality?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  description?: string | null;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'children reached' })
  @IsOptional()
  @IsWholeNumber({ min: 0, max: MAX_REACHED })
  childrenReached?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'adults reached' })
  @IsOptional()
  @IsWholeNumber({ min: 0, max: MAX_REACHED })
  adultsReached?: number;
}

export class CreateCivicCenterDto extends WithReadOnlyFields(
  CivicCenterFields,
  ['id', 'createdAt', 'updatedAt', 'version'],
  'read-only: refused on create',
) {}

class UpdateCivicCenterDtoFields extends CivicCenterFields {
  @ApiProperty({ description: 'the version you read; a stale one is a 409' })
  @IsWholeNumber()
  version!: number;
}

export class UpdateCivicCenterDto extends WithReadOnlyFields(
  UpdateCivicCenterDtoFields,
  ['id', 'createdAt', 'updatedAt'],
  'read-only: ignored when unchanged',
) {}

export const CIVIC_CENTER_READ_ONLY = ['id', 'createdAt', 'updatedAt'] as const;
