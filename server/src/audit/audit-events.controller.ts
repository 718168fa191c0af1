import { Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { IdPipe } from '../common/id.pipe';
import { ListQueryDto, sendList } from '../common/list-endpoint';
import { MethodNotAllowedError } from '../common/not-allowed';
import { AuditEventsService, toAuditEventRecord } from './audit-events.service';
import { AuditService } from './audit.service';

@ApiTags('audit-events')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditEventsController {
  constructor(
    private readonly events: AuditEventsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Roles('ADMIN', 'MANAGER')
  @ApiOperation({
    summary: 'The audit trail; filter by entityType, entityId, actorId, action, at_gte/at_lte',
  })
  async list(
    @CurrentUser() caller: Caller,
    @Query() query: ListQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendList(reply, 'audit-events', await this.events.list(query), (e) =>
      toAuditEventRecord(e, caller),
    );
  }

  @Get('verify')
  @Roles('ADMIN', 'MANAGER')
  @ApiOperation({
    summary: 'Recomputes the hash chain: {valid, checked, firstInvalidId?, head?}',
    description:
      'When the chain holds, `head` is its last event `{id, hash, at}`. Removing events from the end of the chain leaves it valid: note the head, and check later that an event with that id and hash is still there.',
  })
  verify() {
    return this.audit.verify();
  }

  @Get(':id')
  @Roles('ADMIN', 'MANAGER')
  async one(@CurrentUser() caller: Caller, @Param('id', IdPipe) id: number) {
    return toAuditEventRecord(await this.events.get(id), caller);
  }

  @Post()
  @Roles('ADMIN', 'MANAGER')
  @ApiOperation({ summary: 'Always 405: the audit trail is append-only' })
  create(): never {
    throw appendOnly();
  }

  @Put(':id')
  @Roles('ADMIN', 'MANAGER')
  @ApiOperation({ summary: 'Always 405: the audit trail is append-only' })
  update(): never {
    throw appendOnly();
  }

  @Delete(':id')
  @Roles('ADMIN', 'MANAGER')
  @ApiOperation({ summary: 'Always 405: the audit trail is append-only' })
  remove(): never {
    throw appendOnly();
  }
}

function appendOnly(): MethodNotAllowedError {
  return new MethodNotAllowedError(
    'audit-events are append-only: they cannot be created, edited or deleted through the API',
  );
}
