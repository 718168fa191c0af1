import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Milestone } from './milestone.entity';
import { PactsModule } from '../pacts/pacts.module';
import { MilestonesController } from './milestones.controller';
import { MilestonesService } from './milestones.service';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const MILESTONE_ENTITIES = [Milestone];

@Module({
  imports: [TypeOrmModule.forFeature(MILESTONE_ENTITIES), PactsModule],
  controllers: [MilestonesController],
  providers: [MilestonesService],
  exports: [MilestonesService],
})
export class MilestonesModule {}
