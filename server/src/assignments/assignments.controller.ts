import { Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentUser } from '../auth/caller';
import { ListQueryDto, mapList } from '../common/list-endpoint';
import { RefusedWrites, Route } from '../common/routes';
import { MethodNotAllowedError } from '../common/not-allowed';
import { AssignmentsService, toAssignmentRecord } from './assignments.service';

const historyOnly = () =>
  new MethodNotAllowedError(
    'assignments are history: assign a community maker with POST /api/pacts/:id/assign',
  );

@ApiTags('assignments')
@ApiBearerAuth()
@Controller('assignments')
@RefusedWrites('assignments', historyOnly, {
  create: 'Always 405: use POST /api/pacts/:id/assign',
  update: 'Always 405: the history is never rewritten',
  remove: 'Always 405: the history is never rewritten',
})
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Route.list(
    'assignments',
    'Who followed which pact, from when to when; filter by pactId, communityMakerId',
  )
  async list(@CurrentUser() caller: Caller, @Query() query: ListQueryDto) {
    return mapList(await this.assignments.list(caller, query), toAssignmentRecord);
  }

  @Route.show('assignments')
  async one(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return toAssignmentRecord(await this.assignments.get(caller, id));
  }
}
