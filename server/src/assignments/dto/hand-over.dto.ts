import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsWholeNumber } from '../../common/validators';

/** The most pacts one hand-over may name (a page of the pact list). */
export const HAND_OVER_MAX_PACTS = 1000;

/** The body of `POST /api/assignments/hand-over`. */
export class HandOverDto {
  @ApiProperty({ example: 6, description: 'the community maker or social worker handing over' })
  @IsWholeNumber()
  fromUserId!: number;

  @ApiProperty({ example: 7, description: 'an active colleague of the same role' })
  @IsWholeNumber()
  toUserId!: number;

  @ApiProperty({ example: 'Trasferimento ad altro servizio' })
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({
    type: [Number],
    description: 'only these pacts (each an open pact held by fromUserId); default: all of them',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(HAND_OVER_MAX_PACTS)
  @IsWholeNumber({ each: true })
  pactIds?: number[];
}
