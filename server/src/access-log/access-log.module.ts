import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessLogController } from './access-log.controller';
import { AccessLogPurge } from './access-log-purge';
import { AccessLogPurgeState } from './access-log-purge.entity';
import { AccessLogEntry } from './access-log.entity';
import { AccessLogService } from './access-log.service';
import { AccessLogSpill } from './access-log-spill';
import { AccessLogSpillMark } from './access-log-spill-mark.entity';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const ACCESS_LOG_ENTITIES = [AccessLogEntry, AccessLogPurgeState, AccessLogSpillMark];

/** Who read which personal record: every feature that shows one records it here. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(ACCESS_LOG_ENTITIES)],
  controllers: [AccessLogController],
  providers: [AccessLogService, AccessLogPurge, AccessLogSpill],
  exports: [AccessLogService, AccessLogSpill, TypeOrmModule],
})
export class AccessLogModule {}
