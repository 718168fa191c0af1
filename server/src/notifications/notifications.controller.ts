import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { ListQueryDto } from '../common/list-endpoint';
import { Route } from '../common/routes';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Route.list(
    'notifications',
    "The caller's own notifications, newest first (PACT_ASSIGNED: a pact assigned to the caller; PACT_SENT_BACK: a pact the caller follows sent back to draft). pactId and reference are null when the caller no longer sees the pact. Filter by kind, pactId, createdAt_gte/_lte",
  )
  list(@CurrentUser() caller: Caller, @Query() query: ListQueryDto) {
    return this.notifications.list(caller, query);
  }

  @Get('unread-count')
  @Can('notifications', 'list')
  @ApiOperation({ summary: "How many of the caller's notifications are unread: `{count}`" })
  unreadCount(@CurrentUser() caller: Caller) {
    return this.notifications.unreadCount(caller);
  }

  @Post('read-all')
  @HttpCode(200)
  @Can('notifications', 'edit')
  @ApiOperation({
    summary: 'Marks every unread notification of the caller read: `{count}` of those marked',
  })
  readAll(@CurrentUser() caller: Caller) {
    return this.notifications.markAllRead(caller);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Can('notifications', 'edit')
  @ApiOperation({
    summary:
      "Marks one of the caller's notifications read (again: unchanged); 404 for another person's",
  })
  read(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return this.notifications.markRead(caller, id);
  }
}
