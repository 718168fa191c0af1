import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentUser } from '../auth/caller';
import { ListQueryDto, mapList } from '../common/list-endpoint';
import { Route } from '../common/routes';
import { CreateHouseholdDto, UpdateHouseholdDto } from './dto/household.dto';
import { toHouseholdView } from './household.record';
import { HouseholdsService } from './households.service';

@ApiTags('households')
@ApiBearerAuth()
@Controller('households')
export class HouseholdsController {
  constructor(private readonly households: HouseholdsService) {}

  @Route.list(
    'households',
    'Households in the caller’s scope; filter by id, territoryId, municipality, vulnerable, membersCount, iseeEur_gte/_lte (null: unknown), q on name. A MANAGER reads the name as initials and cannot filter or search by it; a COMMUNITY_MAKER reads the households of their open pacts only. Each household listed is recorded in the access log.',
  )
  async list(@CurrentUser() caller: Caller, @Query() query: ListQueryDto) {
    return mapList(await this.households.list(caller, query), (h) => toHouseholdView(h, caller));
  }

  @Route.show('households', 'One household (the read is recorded in the access log)')
  one(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return this.households.read(caller, id);
  }

  @Route.create(
    'households',
    'Creates a household (social workers: in their territories); vulnerable or a reason records the assessment (who, when)',
  )
  create(@CurrentUser() caller: Caller, @Body() body: CreateHouseholdDto) {
    return this.households.create(caller, body);
  }

  @Route.update(
    'households',
    'Edits a household; a change of vulnerable or vulnerabilityReason records a new assessment by the caller. A household with members cannot change territory (409).',
  )
  update(@CurrentUser() caller: Caller, @Route.id() id: number, @Body() body: UpdateHouseholdDto) {
    return this.households.update(caller, id, body);
  }

  @Route.remove('households', 'Deletes a household without members and pacts; otherwise 409')
  remove(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return this.households.remove(caller, id);
  }
}
