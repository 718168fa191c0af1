import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BeneficiariesModule } from '../beneficiaries/beneficiaries.module';
import { AnonymisationService } from './anonymisation.service';
import { JobLease } from './job-lease.entity';
import { RetentionJob } from './retention-job';
import { AnonymiseController, RetentionScheduleController } from './retention.controller';
import { RetentionScheduleService } from './retention-schedule.service';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const RETENTION_ENTITIES = [JobLease];

/** Forgetting people: anonymisation on request, the retention schedule and its daily job. */
@Module({
  imports: [TypeOrmModule.forFeature(RETENTION_ENTITIES), BeneficiariesModule],
  controllers: [AnonymiseController, RetentionScheduleController],
  providers: [AnonymisationService, RetentionScheduleService, RetentionJob],
})
export class RetentionModule {}
