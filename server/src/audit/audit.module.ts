import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEvent } from './audit-event.entity';
import { AuditCheckpoint } from './audit-checkpoint.entity';
import { AuditVerifyJob } from './audit-verify-job.entity';
import { AuditSeal } from './audit-seal.entity';
import { AuditSubjectKey } from './audit-subject-key.entity';
import { JobLease } from '../database/job-lease.entity';
import { AuditEventsController } from './audit-events.controller';
import { AuditEventsService } from './audit-events.service';
import { AuditVerifyService } from './audit-verify.service';
import { AuditService } from './audit.service';
import { AuditKeyring } from './audit-keyring';
import { SubjectKeysService } from './subject-keys.service';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const AUDIT_ENTITIES = [
  AuditEvent,
  AuditCheckpoint,
  AuditVerifyJob,
  AuditSeal,
  AuditSubjectKey,
  JobLease,
];

/** The audit trail: every feature writes to it through AuditService. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(AUDIT_ENTITIES)],
  controllers: [AuditEventsController],
  providers: [
    AuditService,
    AuditEventsService,
    AuditVerifyService,
    AuditKeyring,
    SubjectKeysService,
  ],
  exports: [AuditService, AuditEventsService, AuditKeyring, SubjectKeysService],
})
export class AuditModule {}
