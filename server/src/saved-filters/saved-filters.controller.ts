import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentUser } from '../auth/caller';
import { ListQueryDto, mapList } from '../common/list-endpoint';
import { Route } from '../common/routes';
import { CreateSavedFilterDto } from './dto/saved-filter.dto';
import { toSavedFilterRecord } from './saved-filter.record';
import { SavedFiltersService } from './saved-filters.service';

@ApiTags('saved-filters')
@ApiBearerAuth()
@Controller('saved-filters')
export class SavedFiltersController {
  constructor(private readonly filters: SavedFiltersService) {}

  @Route.list(
    'saved-filters',
    "The caller's own saved filters (never another person's); filter by resource, sort by name",
  )
  async list(@CurrentUser() caller: Caller, @Query() query: ListQueryDto) {
    return mapList(await this.filters.list(caller, query), toSavedFilterRecord);
  }

  @Route.show('saved-filters', "One of the caller's saved filters (404 for another person's)")
  async one(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return toSavedFilterRecord(await this.filters.get(caller, id));
  }

  @Route.create(
    'saved-filters',
    'Saves a list filter and sort under a name, for the caller; 409 DUPLICATE_SAVED_FILTER when the caller already has that name for that list, TOO_MANY_SAVED_FILTERS past 50 per list',
  )
  create(@CurrentUser() caller: Caller, @Body() body: CreateSavedFilterDto) {
    return this.filters.create(caller, body);
  }

  @Route.remove('saved-filters', "Deletes one of the caller's saved filters")
  remove(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return this.filters.remove(caller, id);
  }
}
