import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentUser } from '../auth/caller';
import { ListQueryDto } from '../common/list-endpoint';
import { Route } from '../common/routes';
import { CreateMilestoneDto, UpdateMilestoneDto } from './dto/milestone.dto';
import { MilestonesService } from './milestones.service';

@ApiTags('milestones')
@ApiBearerAuth()
@Controller('milestones')
export class MilestonesController {
  constructor(private readonly milestones: MilestonesService) {}

  @Route.list(
    'milestones',
    'Milestones of the pacts in scope; filter by pactId, status, dueDate_gte/_lte, overdue (true|false). A milestone is overdue when PENDING, due before today, and its pact is DRAFT, SUBMITTED or ACTIVE: a SUSPENDED pact’s clock is paused.',
  )
  list(@CurrentUser() caller: Caller, @Query() query: ListQueryDto) {
    return this.milestones.list(caller, query);
  }

  @Route.show('milestones')
  async one(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return this.milestones.read(caller, id);
  }

  @Route.create('milestones')
  create(@CurrentUser() caller: Caller, @Body() body: CreateMilestoneDto) {
    return this.milestones.create(caller, body);
  }

  @Route.update(
    'milestones',
    'Edits a milestone; ACHIEVED takes achievedAt (default today); 409 once the pact is closed',
  )
  update(@CurrentUser() caller: Caller, @Route.id() id: number, @Body() body: UpdateMilestoneDto) {
    return this.milestones.update(caller, id, body);
  }

  @Route.remove(
    'milestones',
    'Deletes a milestone of a DRAFT pact; otherwise 409 (cancel it instead)',
  )
  remove(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return this.milestones.remove(caller, id);
  }
}
