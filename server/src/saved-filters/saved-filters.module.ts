import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SavedFilter } from './saved-filter.entity';
import { SavedFiltersController } from './saved-filters.controller';
import { SavedFiltersService } from './saved-filters.service';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const SAVED_FILTER_ENTITIES = [SavedFilter];

@Module({
  imports: [TypeOrmModule.forFeature(SAVED_FILTER_ENTITIES)],
  controllers: [SavedFiltersController],
  providers: [SavedFiltersService],
})
export class SavedFiltersModule {}
