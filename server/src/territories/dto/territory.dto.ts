import { ApiProperty } from '@nestjs/swagger';
import { TERRITORY_CODES, type TerritoryCode } from '@generattivi/shared';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ReadOnly } from '../../common/read-only-fields';
import { IsWholeNumber } from '../../common/validators';

class TerritoryFields {
  @ApiProperty({ example: 'Ambito distrettuale di Crema' })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  name!: string;

  @ApiProperty({ type: [String], example: ['Crema', 'Offanengo'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(120, { each: true })
  municipalities!: string[];
}

export class CreateTerritoryDto extends TerritoryFields {
  @ApiProperty({ enum: TERRITORY_CODES })
  @IsIn(TERRITORY_CODES, { message: `must be one of ${TERRITORY_CODES.join(', ')}` })
  code!: TerritoryCode;
}

export class UpdateTerritoryDto extends TerritoryFields {
  @ApiProperty() @IsWholeNumber() version!: number;
  @ReadOnly() id?: unknown;
  @ReadOnly() code?: unknown;
  @ReadOnly() createdAt?: unknown;
  @ReadOnly() updatedAt?: unknown;
}
