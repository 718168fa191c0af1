import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentUser } from '../auth/caller';
import { ListQueryDto } from '../common/list-endpoint';
import { Route } from '../common/routes';
import { CreateTerritoryDto, UpdateTerritoryDto } from './dto/territory.dto';
import { TerritoriesService } from './territories.service';

@ApiTags('territories')
@ApiBearerAuth()
@Controller('territories')
export class TerritoriesController {
  constructor(private readonly territories: TerritoriesService) {}

  @Route.list('territories')
  list(@Query() query: ListQueryDto) {
    return this.territories.list(query);
  }

  @Route.show('territories')
  one(@Route.id() id: number) {
    return this.territories.get(id);
  }

  @Route.create('territories')
  create(@CurrentUser() caller: Caller, @Body() body: CreateTerritoryDto) {
    return this.territories.create(caller, body);
  }

  @Route.update('territories')
  update(@CurrentUser() caller: Caller, @Route.id() id: number, @Body() body: UpdateTerritoryDto) {
    return this.territories.update(caller, id, body);
  }

  @Route.remove('territories')
  remove(@Route.id() id: number) {
    return this.territories.remove(id);
  }
}
