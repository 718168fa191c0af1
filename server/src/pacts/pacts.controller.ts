import { PACT_TRANSITION_ACTIONS } from '@generattivi/shared';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { RULE_SET_VERSION } from '@generattivi/shared';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { IdPipe } from '../common/id.pipe';
import { AppConfig, CONFIG } from '../config/config';
import { ListQueryDto, sendList } from '../common/list-endpoint';
import { Route } from '../common/routes';
import {
  AssignDto,
  CreatePactDto,
  EligibilityCheckDto,
  TransitionDto,
  UpdatePactDto,
} from './dto/pact.dto';
import { PactAssignmentService } from '../assignments/pact-assignment.service';
import { EligibilityService } from './eligibility.service';
import { PactTransitionsService } from './pact-transitions.service';
import { PactsService } from './pacts.service';

@ApiTags('pacts')
@ApiBearerAuth()
@Controller('pacts')
export class PactsController {
  constructor(
    private readonly pacts: PactsService,
    private readonly transitions: PactTransitionsService,
    private readonly assignment: PactAssignmentService,
  ) {}

  @Get()
  @Can('pacts', 'list')
  @ApiOperation({
    summary:
      'Pacts in the caller’s scope; filter by status, type, territoryId, communityMakerId, dates, q on reference, title and the beneficiary’s or household’s name, overdue (true|false: a milestone pending past its due date while the pact’s clock runs)',
  })
  async list(
    @CurrentUser() caller: Caller,
    @Query() query: ListQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendList(reply, 'pacts', await this.pacts.list(caller, query));
  }

  @Route.show('pacts', 'One pact (the read is recorded in the access log)')
  async one(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return this.pacts.read(caller, id);
  }

  @Post()
  @Can('pacts', 'create')
  @ApiOperation({
    summary:
      'Opens a DRAFT pact; the reference is generated; a second open pact of the same type is a 409',
  })
  create(@CurrentUser() caller: Caller, @Body() body: CreatePactDto) {
    return this.pacts.create(caller, body);
  }

  @Route.update(
    'pacts',
    'Edits a pact (community makers: title, objectives and commitments of their DRAFT pacts); closed pacts are 409',
  )
  update(@CurrentUser() caller: Caller, @Route.id() id: number, @Body() body: UpdatePactDto) {
    return this.pacts.update(caller, id, body);
  }

  @Route.remove('pacts', 'Deletes a DRAFT pact without diary notes; anything else is 409')
  remove(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return this.pacts.remove(caller, id);
  }

  @Post(':id/transitions')
  @Can('pacts', ...PACT_TRANSITION_ACTIONS)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Moves the pact to another status. 409 lists the allowed ones; 422 carries the failing eligibility evaluation (submit, approve) or the unmet approval requirements (approval needs a SIGNED_PACT document of the pact: 422 SIGNED_PACT_MISSING when it is all that is missing). TERMINATED takes the termination code in `outcome` and the reason in `reason`.',
    description:
      'A refused submission or approval (422 NOT_ELIGIBLE) keeps its failing evaluation on the pact (`eligibility`), without changing its version. Completing or terminating a pact with milestones still PENDING needs `openMilestones` (MISSED or CANCELLED): without it the answer is a 400 OPEN_MILESTONES_DECISION_REQUIRED whose body lists them (`openMilestones`: id, title, dueDate) and the `choices`; with it each becomes that status, the reason recorded in its `evidence`, each change audited, in the same transaction. Cancelling a pact cancels its pending milestones the same way.',
  })
  transition(
    @CurrentUser() caller: Caller,
    @Param('id', IdPipe) id: number,
    @Body() body: TransitionDto,
  ) {
    return this.transitions.transition(caller, id, body);
  }

  @Post(':id/assign')
  @Can('pacts', 'assign')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Assigns a community maker of the pact territory: closes the current assignment and opens a new one',
  })
  assign(@CurrentUser() caller: Caller, @Param('id', IdPipe) id: number, @Body() body: AssignDto) {
    return this.assignment.assign(caller, id, body);
  }
}

@ApiTags('pacts')
@ApiBearerAuth()
@Controller('eligibility')
export class EligibilityController {
  constructor(
    private readonly eligibility: EligibilityService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('settings')
  @Can('eligibility', 'show')
  @ApiOperation({
    summary:
      'The eligibility rule set in force and the ISEE threshold this server applies, so that a client previewing the rules uses the same',
  })
  settings(): { ruleSetVersion: string; iseeThresholdEur: number } {
    return { ruleSetVersion: RULE_SET_VERSION, iseeThresholdEur: this.config.iseeThresholdEur };
  }

  @Post('check')
  @Can('eligibility', 'check')
  @HttpCode(200)
  @ApiOperation({ summary: 'Evaluates the eligibility rules without saving anything' })
  check(@CurrentUser() caller: Caller, @Body() body: EligibilityCheckDto) {
    return this.eligibility.check(caller, body);
  }
}
