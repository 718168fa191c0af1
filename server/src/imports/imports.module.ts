import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BeneficiariesModule } from '../beneficiaries/beneficiaries.module';
import { HouseholdsModule } from '../households/households.module';
import { MilestonesModule } from '../milestones/milestones.module';
import { PactsModule } from '../pacts/pacts.module';
import { ImportJob } from './import-job.entity';
import { ImportRunner } from './import-runner.service';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const IMPORT_ENTITIES = [ImportJob];

@Module({
  imports: [
    TypeOrmModule.forFeature(IMPORT_ENTITIES),
    BeneficiariesModule,
    HouseholdsModule,
    MilestonesModule,
    PactsModule,
  ],
  controllers: [ImportsController],
  providers: [ImportsService, ImportRunner],
})
export class ImportsModule {}
