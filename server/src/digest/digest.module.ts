import { Module } from '@nestjs/common';
import { DigestService } from './digest.service';

/** The e-mail digest: what each person's alerts say, composed in their scope. */
@Module({ providers: [DigestService], exports: [DigestService] })
export class DigestModule {}
