import { Module } from '@nestjs/common';
import { AuditEventsController } from './audit-events.controller';
import { AuditEventsService } from './audit-events.service';
import { AuditVerifyService } from './audit-verify.service';

@Module({
  controllers: [AuditEventsController],
  providers: [AuditEventsService, AuditVerifyService],
})
export class AuditModule {}
