import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEvent } from './audit-event.entity';
import { AuditCheckpoint } from './audit-checkpoint.entity';
import { AuditVerifyJob } from './audit-verify-job.entity';
import { AuditEventsController } from './audit-events.controller';
import { AuditEventsService } from './audit-events.service';
import { AuditVerifyService } from './audit-verify.service';
import { AuditService } from './audit.service';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const AUDIT_ENTITIES = [AuditEvent, AuditCheckpoint, AuditVerifyJob];

/** The audit trail: every feature writes to it through AuditService. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(AUDIT_ENTITIES)],
  controllers: [AuditEventsController],
  providers: [AuditService, AuditEventsService, AuditVerifyService],
  exports: [AuditService, AuditEventsService],
})
export class AuditModule {}
