import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { DigestJob } from './digest-job';
import { DigestService } from './digest.service';

/** The e-mail digest: what each person's alerts say, composed in their scope, sent daily or weekly. */
@Module({
  imports: [MailModule],
  providers: [DigestService, DigestJob],
  exports: [DigestService],
})
export class DigestModule {}
