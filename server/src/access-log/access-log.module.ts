import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessLogController } from './access-log.controller';
import { AccessLogPurge } from './access-log-purge';
import { AccessLogPurgeState } from './access-log-purge.entity';
import { AccessLogEntry } from './access-log.entity';
import { AccessLogService } from './access-log.service';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const ACCESS_LOG_ENTITIES = [AccessLogEntry, AccessLogPurgeState];

/** Who read which personal record: every feature that shows one records it here. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(ACCESS_LOG_ENTITIES)],
  controllers: [AccessLogController],
  providers: [AccessLogService, AccessLogPurge],
  exports: [AccessLogService, TypeOrmModule],
})
export class AccessLogModule {}
