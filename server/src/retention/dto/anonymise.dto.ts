import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** The body of `POST /api/beneficiaries/:id/anonymise`. */
export class AnonymiseDto {
  @ApiProperty({ example: 'Richiesta di cancellazione dell’interessato (art. 17 GDPR)' })
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(2000)
  reason!: string;
}
