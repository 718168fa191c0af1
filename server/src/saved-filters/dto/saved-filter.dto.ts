import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RESOURCES } from '@generattivi/shared';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { WithReadOnlyFields } from '../../common/read-only-fields';

/** The most a saved filter's JSON may weigh, in characters. */
export const MAX_SAVED_FILTER_CHARS = 4000;

export class SavedFilterSortDto {
  @ApiProperty({ example: 'startDate' })
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9_]{0,59}$/, { message: 'must be a field name' })
  field!: string;

  @ApiProperty({ enum: ['ASC', 'DESC'] })
  @IsIn(['ASC', 'DESC'], { message: 'must be one of ASC, DESC' })
  order!: 'ASC' | 'DESC';
}

class SavedFilterFields {
  @ApiProperty({ enum: RESOURCES, description: 'the list the filter is for' })
  @IsIn(RESOURCES, { message: `must be one of ${RESOURCES.join(', ')}` })
  resource!: string;

  @ApiProperty({ example: 'Patti in ritardo di Crema', maxLength: 80 })
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  name!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { status: 'ACTIVE', overdue: true },
    description: `the list's filter, at most ${MAX_SAVED_FILTER_CHARS} characters as JSON`,
  })
  @IsObject()
  filter!: Record<string, unknown>;

  @ApiPropertyOptional({ type: SavedFilterSortDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SavedFilterSortDto)
  sort?: SavedFilterSortDto;
}

export class CreateSavedFilterDto extends WithReadOnlyFields(
  SavedFilterFields,
  ['id', 'createdAt', 'updatedAt'],
  'read-only: refused',
) {}
