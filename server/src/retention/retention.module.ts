import { Module } from '@nestjs/common';
import { BeneficiariesModule } from '../beneficiaries/beneficiaries.module';
import { AnonymisationService } from './anonymisation.service';
import { RetentionJob } from './retention-job';
import { AnonymiseController, RetentionScheduleController } from './retention.controller';
import { RetentionScheduleService } from './retention-schedule.service';

/** Forgetting people: anonymisation on request, the retention schedule and its daily job. */
@Module({
  imports: [BeneficiariesModule],
  controllers: [AnonymiseController, RetentionScheduleController],
  providers: [AnonymisationService, RetentionScheduleService, RetentionJob],
})
export class RetentionModule {}
