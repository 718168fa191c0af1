import { ApiProperty } from '@nestjs/swagger';
import { DIGEST_FREQUENCIES, type DigestFrequency } from '@generattivi/shared';
import { IsIn } from 'class-validator';

/** `PATCH /profile`: what a person sets about themselves. */
export class UpdateProfileDto {
  @ApiProperty({
    enum: DIGEST_FREQUENCIES,
    description: 'the e-mail digest of what needs attention: none, daily or weekly (on Monday)',
  })
  @IsIn(DIGEST_FREQUENCIES, { message: `must be one of ${DIGEST_FREQUENCIES.join(', ')}` })
  digestFrequency!: DigestFrequency;
}
