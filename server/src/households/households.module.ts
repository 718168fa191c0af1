import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Household } from './household.entity';
import { HouseholdsController } from './households.controller';
import { HouseholdsService } from './households.service';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const HOUSEHOLD_ENTITIES = [Household];

@Module({
  imports: [TypeOrmModule.forFeature(HOUSEHOLD_ENTITIES)],
  controllers: [HouseholdsController],
  providers: [HouseholdsService],
  exports: [HouseholdsService, TypeOrmModule],
})
export class HouseholdsModule {}
