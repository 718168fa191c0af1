import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '../mail/mail.module';
import { PasswordToken } from './password-token.entity';
import { PasswordTokensService } from './password-tokens.service';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const PASSWORD_TOKEN_ENTITIES = [PasswordToken];

@Module({
  imports: [TypeOrmModule.forFeature(PASSWORD_TOKEN_ENTITIES), MailModule],
  providers: [PasswordTokensService],
  exports: [PasswordTokensService],
})
export class PasswordTokensModule {}
