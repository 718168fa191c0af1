import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { IdPipe } from '../common/id.pipe';
import { ListQueryDto, sendList } from '../common/list-endpoint';
import { toCivicCenterRecord } from './civic-center.record';
import { CivicCentersService } from './civic-centers.service';
import { CreateCivicCenterDto, UpdateCivicCenterDto } from './dto/civic-center.dto';

@ApiTags('civic-centers')
@ApiBearerAuth()
@Controller('civic-centers')
export class CivicCentersController {
  constructor(private readonly centers: CivicCentersService) {}

  @Get()
  @Can('civic-centers', 'list')
  @ApiOperation({
    summary:
      'Civic Centers (every role reads them all); filter by id, territoryId, municipality, childrenReached/adultsReached (_gte/_lte), q on name and description',
  })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendList(reply, 'civic-centers', await this.centers.list(query), toCivicCenterRecord);
  }

  @Get(':id')
  @Can('civic-centers', 'show')
  async one(@Param('id', IdPipe) id: number) {
    return toCivicCenterRecord(await this.centers.get(id));
  }

  @Post()
  @Can('civic-centers', 'create')
  @ApiOperation({ summary: 'Creates a Civic Center (social workers: in their territories)' })
  create(@CurrentUser() caller: Caller, @Body() body: CreateCivicCenterDto) {
    return this.centers.create(caller, body);
  }

  @Put(':id')
  @Can('civic-centers', 'edit')
  @ApiOperation({ summary: 'Edits a Civic Center (social workers: of and into their territories)' })
  update(
    @CurrentUser() caller: Caller,
    @Param('id', IdPipe) id: number,
    @Body() body: UpdateCivicCenterDto,
  ) {
    return this.centers.update(caller, id, body);
  }

  @Delete(':id')
  @Can('civic-centers', 'delete')
  remove(@CurrentUser() caller: Caller, @Param('id', IdPipe) id: number) {
    return this.centers.remove(caller, id);
  }
}
