import { SEARCH_MAX_LENGTH, SEARCH_MIN_LENGTH } from '@generattivi/shared';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsString, MaxLength, MinLength } from 'class-validator';

/** `GET /search?q=`: the text, trimmed, of 3 to 100 characters. */
export class SearchQueryDto {
  @ApiProperty({
    description: `The text to find, ${SEARCH_MIN_LENGTH} to ${SEARCH_MAX_LENGTH} characters once trimmed (shorter or longer: 400 MIN_LENGTH / MAX_LENGTH naming the bound). Every word of ${SEARCH_MIN_LENGTH} characters or more must occur, case- and accent-insensitively; shorter words are ignored, and a text with no longer word is a 400 SEARCH_TOO_SHORT (no index serves 1–2 characters).`,
    minLength: SEARCH_MIN_LENGTH,
    maxLength: SEARCH_MAX_LENGTH,
    example: 'Tosi',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsDefined()
  @IsString()
  @MinLength(SEARCH_MIN_LENGTH)
  @MaxLength(SEARCH_MAX_LENGTH)
  q!: string;
}
