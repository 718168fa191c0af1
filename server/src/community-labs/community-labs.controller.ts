import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { IdPipe } from '../common/id.pipe';
import { ListQueryDto, sendList } from '../common/list-endpoint';
import { toCommunityLabRecord } from './community-lab.record';
import { CommunityLabsService } from './community-labs.service';
import { CreateCommunityLabDto, UpdateCommunityLabDto } from './dto/community-lab.dto';

@ApiTags('community-labs')
@ApiBearerAuth()
@Controller('community-labs')
export class CommunityLabsController {
  constructor(private readonly labs: CommunityLabsService) {}

  @Get()
  @Can('community-labs', 'list')
  @ApiOperation({
    summary:
      'Community laboratories (every role reads them all); filter by id, territoryId, municipality, communityMakerIds (contains), q on name and description',
  })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendList(reply, 'community-labs', await this.labs.list(query), toCommunityLabRecord);
  }

  @Get(':id')
  @Can('community-labs', 'show')
  async one(@Param('id', IdPipe) id: number) {
    return toCommunityLabRecord(await this.labs.get(id));
  }

  @Post()
  @Can('community-labs', 'create')
  @ApiOperation({
    summary:
      'Creates a laboratory (social workers: in their territories); makers must be active community makers of the territory',
  })
  create(@CurrentUser() caller: Caller, @Body() body: CreateCommunityLabDto) {
    return this.labs.create(caller, body);
  }

  @Put(':id')
  @Can('community-labs', 'edit')
  @ApiOperation({ summary: 'Edits a laboratory (social workers: of and into their territories)' })
  update(
    @CurrentUser() caller: Caller,
    @Param('id', IdPipe) id: number,
    @Body() body: UpdateCommunityLabDto,
  ) {
    return this.labs.update(caller, id, body);
  }

  @Delete(':id')
  @Can('community-labs', 'delete')
  @ApiOperation({ summary: 'Deletes a laboratory no pact names; otherwise 409' })
  remove(@CurrentUser() caller: Caller, @Param('id', IdPipe) id: number) {
    return this.labs.remove(caller, id);
  }
}
