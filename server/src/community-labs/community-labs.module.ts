import { Module } from '@nestjs/common';
import { CommunityLabsController } from './community-labs.controller';
import { CommunityLabsService } from './community-labs.service';

@Module({
  controllers: [CommunityLabsController],
  providers: [CommunityLabsService],
  exports: [CommunityLabsService],
})
export class CommunityLabsModule {}
