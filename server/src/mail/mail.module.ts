import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailMessage } from './mail-message.entity';
import { MailOutboxController } from './mail-outbox.controller';
import { MailSender } from './mail-sender.service';
import { MailService } from './mail.service';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const MAIL_ENTITIES = [MailMessage];

@Module({
  imports: [TypeOrmModule.forFeature(MAIL_ENTITIES)],
  controllers: [MailOutboxController],
  providers: [MailService, MailSender],
  exports: [MailService],
})
export class MailModule {}
