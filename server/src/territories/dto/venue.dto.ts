import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsWholeNumber } from '../../common/validators';

/** The fields of a place people go to in a territory (`VenueRecord`); `name` shown as `example`. */
export function VenueFields(example: string) {
  class Fields {
    @ApiProperty({ example })
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
  }
  return Fields;
}
