import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { IdPipe } from '../common/id.pipe';
import { ListQueryDto, sendList } from '../common/list-endpoint';
import { CreateTerritoryDto, UpdateTerritoryDto } from './dto/territory.dto';
import { TerritoriesService } from './territories.service';

@ApiTags('territories')
@ApiBearerAuth()
@Controller('territories')
export class TerritoriesController {
  constructor(private readonly territories: TerritoriesService) {}

  @Get()
  @Can('territories', 'list')
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendList(reply, 'territories', await this.territories.list(query));
  }

  @Get(':id')
  @Can('territories', 'show')
  one(@Param('id', IdPipe) id: number) {
    return this.territories.get(id);
  }

  @Post()
  @Can('territories', 'create')
  create(@CurrentUser() caller: Caller, @Body() body: CreateTerritoryDto) {
    return this.territories.create(caller, body);
  }

  @Put(':id')
  @Can('territories', 'edit')
  update(
    @CurrentUser() caller: Caller,
    @Param('id', IdPipe) id: number,
    @Body() body: UpdateTerritoryDto,
  ) {
    return this.territories.update(caller, id, body);
  }

  @Delete(':id')
  @Can('territories', 'delete')
  remove(@Param('id', IdPipe) id: number) {
    return this.territories.remove(id);
  }
}
