import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CivicCenter } from './civic-center.entity';
import { CivicCentersController } from './civic-centers.controller';
import { CivicCentersService } from './civic-centers.service';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const CIVIC_CENTER_ENTITIES = [CivicCenter];

@Module({
  imports: [TypeOrmModule.forFeature(CIVIC_CENTER_ENTITIES)],
  controllers: [CivicCentersController],
  providers: [CivicCentersService],
  exports: [CivicCentersService],
})
export class CivicCentersModule {}
