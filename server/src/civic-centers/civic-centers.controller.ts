import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentUser } from '../auth/caller';
import { ListQueryDto, mapList } from '../common/list-endpoint';
import { Route } from '../common/routes';
import { toCivicCenterRecord } from './civic-center.record';
import { CivicCentersService } from './civic-centers.service';
import { CreateCivicCenterDto, UpdateCivicCenterDto } from './dto/civic-center.dto';

@ApiTags('civic-centers')
@ApiBearerAuth()
@Controller('civic-centers')
export class CivicCentersController {
  constructor(private readonly centers: CivicCentersService) {}

  @Route.list(
    'civic-centers',
    'Civic Centers (every role reads them all); filter by id, territoryId, municipality, childrenReached/adultsReached (_gte/_lte), q on name and description',
  )
  async list(@Query() query: ListQueryDto) {
    return mapList(await this.centers.list(query), toCivicCenterRecord);
  }

  @Route.show('civic-centers')
  async one(@Route.id() id: number) {
    return toCivicCenterRecord(await this.centers.get(id));
  }

  @Route.create('civic-centers', 'Creates a Civic Center (social workers: in their territories)')
  create(@CurrentUser() caller: Caller, @Body() body: CreateCivicCenterDto) {
    return this.centers.create(caller, body);
  }

  @Route.update(
    'civic-centers',
    'Edits a Civic Center (social workers: of and into their territories)',
  )
  update(
    @CurrentUser() caller: Caller,
    @Route.id() id: number,
    @Body() body: UpdateCivicCenterDto,
  ) {
    return this.centers.update(caller, id, body);
  }

  @Route.remove('civic-centers')
  remove(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return this.centers.remove(caller, id);
  }
}
