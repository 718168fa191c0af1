import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { IdPipe } from '../common/id.pipe';
import { ListQueryDto, sendList } from '../common/list-endpoint';
import { CreateMilestoneDto, UpdateMilestoneDto } from './dto/milestone.dto';
import { MilestonesService } from './milestones.service';

@ApiTags('milestones')
@ApiBearerAuth()
@Controller('milestones')
export class MilestonesController {
  constructor(private readonly milestones: MilestonesService) {}

  @Get()
  @Can('milestones', 'list')
  @ApiOperation({
    summary:
      'Milestones of the pacts in scope; filter by pactId, status, dueDate_gte/_lte, overdue (true|false). A milestone is overdue when PENDING, due before today, and its pact is DRAFT, SUBMITTED or ACTIVE: a SUSPENDED pact’s clock is paused.',
  })
  async list(
    @CurrentUser() caller: Caller,
    @Query() query: ListQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.milestones.list(caller, query);
    return sendList(reply, 'milestones', result);
  }

  @Get(':id')
  @Can('milestones', 'show')
  async one(@CurrentUser() caller: Caller, @Param('id', IdPipe) id: number) {
    return this.milestones.read(caller, id);
  }

  @Post()
  @Can('milestones', 'create')
  create(@CurrentUser() caller: Caller, @Body() body: CreateMilestoneDto) {
    return this.milestones.create(caller, body);
  }

  @Put(':id')
  @Can('milestones', 'edit')
  @ApiOperation({
    summary:
      'Edits a milestone; ACHIEVED takes achievedAt (default today); 409 once the pact is closed',
  })
  update(
    @CurrentUser() caller: Caller,
    @Param('id', IdPipe) id: number,
    @Body() body: UpdateMilestoneDto,
  ) {
    return this.milestones.update(caller, id, body);
  }

  @Delete(':id')
  @Can('milestones', 'delete')
  @ApiOperation({
    summary: 'Deletes a milestone of a DRAFT pact; otherwise 409 (cancel it instead)',
  })
  remove(@CurrentUser() caller: Caller, @Param('id', IdPipe) id: number) {
    return this.milestones.remove(caller, id);
  }
}
