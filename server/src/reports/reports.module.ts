import { Module } from '@nestjs/common';
import { ReportAnswers } from './report-answers';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  controllers: [ReportsController],
  providers: [ReportsService, ReportAnswers],
  exports: [ReportsService],
})
export class ReportsModule {}
