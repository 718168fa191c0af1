import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import { AuditService } from '../audit/audit.service';
import { ResultCache } from '../common/result-cache';
import { UnitOfWork } from '../common/unit-of-work';
import { DatabaseInfo } from './database-info';
import { ENTITIES } from './entities';

/** Repositories of every entity, the unit of work, the audit writer and the result cache, for every feature. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(ENTITIES)],
  providers: [UnitOfWork, AuditService, AccessLogService, ResultCache, DatabaseInfo],
  exports: [TypeOrmModule, UnitOfWork, AuditService, AccessLogService, ResultCache],
})
export class DatabaseModule {}
