import { Module } from '@nestjs/common';
import { DigestModule } from '../digest/digest.module';
import { ProfileController } from './profile.controller';
import { ProfileService } from './profile.service';

@Module({ imports: [DigestModule], controllers: [ProfileController], providers: [ProfileService] })
export class ProfileModule {}
