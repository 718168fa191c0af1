import { Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { ListQueryDto, sendList } from '../common/list-endpoint';
import { AggregateController, CachedRoute } from '../common/routes';
import { AlertFeed } from './alert-feed';

@AggregateController('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertFeed) {}

  @CachedRoute(
    'Deadline alerts in the caller’s scope: AWAITING_APPROVAL (submitted > 20 days ago), NO_RECENT_NOTE (active, no diary note for 30 days), MILESTONE_OVERDUE (pending past its due date, on a DRAFT, SUBMITTED or ACTIVE pact), PAST_PLANNED_END (active). A SUSPENDED pact raises none: its clock is paused. Filter by kind, pactId, territoryId, since_gte/_lte.',
    Get(),
    Can('alerts', 'list'),
  )
  async list(
    @CurrentUser() caller: Caller,
    @Query() query: ListQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendList(reply, 'alerts', await this.alerts.list(caller, query));
  }
}
