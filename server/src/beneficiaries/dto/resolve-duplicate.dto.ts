import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** The body of `POST /api/beneficiaries/possible-duplicates/:id/resolve`. */
export class ResolveDuplicateDto {
  @ApiProperty({ example: 'Stessa persona: trasferita da Cremona a Crema, fascicolo unito.' })
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(500)
  note!: string;
}
