import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { ListQueryDto, mapList } from '../common/list-endpoint';
import { RefusedWrites, Route } from '../common/routes';
import { MethodNotAllowedError } from '../common/not-allowed';
import { AssignmentsService, toAssignmentRecord } from './assignments.service';
import { HandOverDto } from './dto/hand-over.dto';
import { HandOverService } from './hand-over.service';

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
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly handOvers: HandOverService,
  ) {}

  @Post('hand-over')
  @Can('assignments', 'hand-over')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Hands the open pacts of a community maker (or a social worker) over to an active colleague of the same role, all or those listed, in one transaction: each pact gets its history entry and audit event',
    description:
      'Social workers hand over the pacts of their territories. The receiver must work in the territory of every pact (else 422 HAND_OVER_OTHER_TERRITORY naming them); listed pacts that are not open pacts held by fromUserId are a 409 HAND_OVER_NOT_HELD naming them; nothing to move is a 400. Answers `{moved, pactIds}`.',
  })
  handOver(@CurrentUser() caller: Caller, @Body() body: HandOverDto) {
    return this.handOvers.handOver(caller, body);
  }

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
