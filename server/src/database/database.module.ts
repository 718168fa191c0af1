import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import { AuditService } from '../audit/audit.service';
import { UnitOfWork } from '../common/unit-of-work';
import { DatabaseInfo } from './database-info';
import { ENTITIES } from './entities';

/** Repositories of every entity, the unit of work and the audit writer, for every feature. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(ENTITIES)],
  providers: [UnitOfWork, AuditService, AccessLogService, DatabaseInfo],
  exports: [TypeOrmModule, UnitOfWork, AuditService, AccessLogService],
})
export class DatabaseModule {}
