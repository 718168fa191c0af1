import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Territory } from './territory.entity';
import { TerritoriesController } from './territories.controller';
import { TerritoriesService } from './territories.service';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const TERRITORY_ENTITIES = [Territory];

@Module({
  imports: [TypeOrmModule.forFeature(TERRITORY_ENTITIES)],
  controllers: [TerritoriesController],
  providers: [TerritoriesService],
  exports: [TerritoriesService, TypeOrmModule],
})
export class TerritoriesModule {}
