import { Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Can, Refused } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { IdPipe } from '../common/id.pipe';
import { ListQueryDto, sendList } from '../common/list-endpoint';
import { MethodNotAllowedError } from '../common/not-allowed';
import { AssignmentsService, toAssignmentRecord } from './assignments.service';

const historyOnly = () =>
  new MethodNotAllowedError(
    'assignments are history: assign a community maker with POST /api/pacts/:id/assign',
  );

@ApiTags('assignments')
@ApiBearerAuth()
@Controller('assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get()
  @Can('assignments', 'list')
  @ApiOperation({
    summary: 'Who followed which pact, from when to when; filter by pactId, communityMakerId',
  })
  async list(
    @CurrentUser() caller: Caller,
    @Query() query: ListQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendList(
      reply,
      'assignments',
      await this.assignments.list(caller, query),
      toAssignmentRecord,
    );
  }

  @Get(':id')
  @Can('assignments', 'show')
  async one(@CurrentUser() caller: Caller, @Param('id', IdPipe) id: number) {
    return toAssignmentRecord(await this.assignments.get(caller, id));
  }

  @Post()
  @Refused('assignments')
  @ApiOperation({ summary: 'Always 405: use POST /api/pacts/:id/assign' })
  create(): never {
    throw historyOnly();
  }

  @Put(':id')
  @Refused('assignments')
  @ApiOperation({ summary: 'Always 405: the history is never rewritten' })
  update(): never {
    throw historyOnly();
  }

  @Delete(':id')
  @Refused('assignments')
  @ApiOperation({ summary: 'Always 405: the history is never rewritten' })
  remove(): never {
    throw historyOnly();
  }
}
