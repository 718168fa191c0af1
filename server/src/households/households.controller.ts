import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { IdPipe } from '../common/id.pipe';
import { ListQueryDto, sendList } from '../common/list-endpoint';
import { CreateHouseholdDto, UpdateHouseholdDto } from './dto/household.dto';
import { toHouseholdRecord } from './household.record';
import { HouseholdsService } from './households.service';

@ApiTags('households')
@ApiBearerAuth()
@Controller('households')
export class HouseholdsController {
  constructor(private readonly households: HouseholdsService) {}

  @Get()
  @Can('households', 'list')
  @ApiOperation({
    summary:
      'Households in the caller’s scope; filter by id, territoryId, municipality, vulnerable, membersCount, iseeEur_gte/_lte (null: unknown), q on name',
  })
  async list(
    @CurrentUser() caller: Caller,
    @Query() query: ListQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendList(
      reply,
      'households',
      await this.households.list(caller, query),
      toHouseholdRecord,
    );
  }

  @Get(':id')
  @Can('households', 'show')
  @ApiOperation({ summary: 'One household (the read is recorded in the access log)' })
  one(@CurrentUser() caller: Caller, @Param('id', IdPipe) id: number) {
    return this.households.read(caller, id);
  }

  @Post()
  @Can('households', 'create')
  @ApiOperation({
    summary:
      'Creates a household (social workers: in their territories); vulnerable or a reason records the assessment (who, when)',
  })
  create(@CurrentUser() caller: Caller, @Body() body: CreateHouseholdDto) {
    return this.households.create(caller, body);
  }

  @Put(':id')
  @Can('households', 'edit')
  @ApiOperation({
    summary:
      'Edits a household; a change of vulnerable or vulnerabilityReason records a new assessment by the caller. A household with members cannot change territory (409).',
  })
  update(
    @CurrentUser() caller: Caller,
    @Param('id', IdPipe) id: number,
    @Body() body: UpdateHouseholdDto,
  ) {
    return this.households.update(caller, id, body);
  }

  @Delete(':id')
  @Can('households', 'delete')
  @ApiOperation({ summary: 'Deletes a household without members and pacts; otherwise 409' })
  remove(@CurrentUser() caller: Caller, @Param('id', IdPipe) id: number) {
    return this.households.remove(caller, id);
  }
}
