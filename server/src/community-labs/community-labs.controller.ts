import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentUser } from '../auth/caller';
import { ListQueryDto, mapList } from '../common/list-endpoint';
import { Route } from '../common/routes';
import { toCommunityLabRecord } from './community-lab.record';
import { CommunityLabsService } from './community-labs.service';
import { CreateCommunityLabDto, UpdateCommunityLabDto } from './dto/community-lab.dto';

@ApiTags('community-labs')
@ApiBearerAuth()
@Controller('community-labs')
export class CommunityLabsController {
  constructor(private readonly labs: CommunityLabsService) {}

  @Route.list(
    'community-labs',
    'Community laboratories (every role reads them all); filter by id, territoryId, municipality, communityMakerIds (contains), q on name and description',
  )
  async list(@Query() query: ListQueryDto) {
    return mapList(await this.labs.list(query), toCommunityLabRecord);
  }

  @Route.show('community-labs')
  async one(@Route.id() id: number) {
    return toCommunityLabRecord(await this.labs.get(id));
  }

  @Route.create(
    'community-labs',
    'Creates a laboratory (social workers: in their territories); makers must be active community makers of the territory',
  )
  create(@CurrentUser() caller: Caller, @Body() body: CreateCommunityLabDto) {
    return this.labs.create(caller, body);
  }

  @Route.update(
    'community-labs',
    'Edits a laboratory (social workers: of and into their territories)',
  )
  update(
    @CurrentUser() caller: Caller,
    @Route.id() id: number,
    @Body() body: UpdateCommunityLabDto,
  ) {
    return this.labs.update(caller, id, body);
  }

  @Route.remove('community-labs', 'Deletes a laboratory no pact names; otherwise 409')
  remove(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return this.labs.remove(caller, id);
  }
}
