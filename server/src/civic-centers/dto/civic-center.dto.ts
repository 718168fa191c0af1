import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { WithReadOnlyFields } from '../../common/read-only-fields';

export const MAX_REACHED = 1_000_000;

class CivicCenterFields {
  @ApiProperty({ example: 'Civic Center Crema' })
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(160)
  name!: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
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
  @IsInt()
  @Min(0)
  @Max(MAX_REACHED)
  childrenReached?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'adults reached' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_REACHED)
  adultsReached?: number;
}

export class CreateCivicCenterDto extends WithReadOnlyFields(
  CivicCenterFields,
  ['id', 'createdAt', 'updatedAt', 'version'],
  'read-only: refused on create',
) {}

class UpdateCivicCenterDtoFields extends CivicCenterFields {
  @ApiProperty({ description: 'the version you read; a stale one is a 409' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class UpdateCivicCenterDto extends WithReadOnlyFields(
  UpdateCivicCenterDtoFields,
  ['id', 'createdAt', 'updatedAt'],
  'read-only: ignored when unchanged',
) {}

export const CIVIC_CENTER_READ_ONLY = ['id', 'createdAt', 'updatedAt'] as const;
