import { Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { EVERYONE, listInScope } from '../auth/scope';
import { ListQueryDto, mapList } from '../common/list-endpoint';
import { Route } from '../common/routes';
import { AccessLogEntry } from './access-log.entity';
import { AccessLogService } from './access-log.service';
import { ACCESS_LOG_LIST, toAccessLogRecord } from './access-log.list';

@ApiTags('access-log')
@ApiBearerAuth()
@Controller('access-log')
export class AccessLogController {
  constructor(
    @InjectRepository(AccessLogEntry) private readonly entries: Repository<AccessLogEntry>,
    private readonly accessLog: AccessLogService,
  ) {}

  @Route.list(
    'access-log',
    'Who read which person’s record and when (read-only, ADMIN): filter by entityType (beneficiaries, households, pacts), entityId, actorId, at_gte/_lte; newest first',
  )
  async list(@Query() query: ListQueryDto) {
    await this.accessLog.caughtUp();
    return mapList(
      await listInScope(this.entries, ACCESS_LOG_LIST, EVERYONE, query),
      toAccessLogRecord,
    );
  }
}
