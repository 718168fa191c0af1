import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { WithReadOnlyFields } from '../../common/read-only-fields';
import { IsWholeNumber } from '../../common/validators';

class CommunityLabFields {
  @ApiProperty({ example: 'Laboratorio di comunità Crema Nuova' })
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

  @ApiPropertyOptional({
    type: [Number],
    example: [6],
    description: 'active community makers working in the territory',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsWholeNumber({ each: true })
  communityMakerIds?: number[];
}

export class CreateCommunityLabDto extends WithReadOnlyFields(
  CommunityLabFields,
  ['id', 'createdAt', 'updatedAt', 'version'],
  'read-only: refused on create',
) {}

class UpdateCommunityLabDtoFields extends CommunityLabFields {
  @ApiProperty({ description: 'the version you read; a stale one is a 409' })
  @IsWholeNumber()
  version!: number;
}

export class UpdateCommunityLabDto extends WithReadOnlyFields(
  UpdateCommunityLabDtoFields,
  ['id', 'createdAt', 'updatedAt'],
  'read-only: ignored when unchanged',
) {}

export const COMMUNITY_LAB_READ_ONLY = ['id', 'createdAt', 'updatedAt'] as const;
