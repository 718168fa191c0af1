import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommunityLab } from './community-lab.entity';
import { CommunityLabsController } from './community-labs.controller';
import { CommunityLabsService } from './community-labs.service';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const COMMUNITY_LAB_ENTITIES = [CommunityLab];

@Module({
  imports: [TypeOrmModule.forFeature(COMMUNITY_LAB_ENTITIES)],
  controllers: [CommunityLabsController],
  providers: [CommunityLabsService],
  exports: [CommunityLabsService],
})
export class CommunityLabsModule {}
