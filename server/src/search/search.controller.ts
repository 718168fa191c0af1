import type { SearchResult } from '@generattivi/shared';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { Expensive } from '../common/admission';
import { SearchQueryDto } from './search.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@ApiBearerAuth()
@Expensive()
@Controller('search')
export class SearchController {
  constructor(private readonly service: SearchService) {}

  @Get()
  @Can('search', 'list')
  @ApiOperation({
    summary:
      'One search over pacts (reference, title, beneficiary’s or household’s name), beneficiaries (name; fiscal code, except for managers) and households (name), each as its list is scoped',
    description:
      'At most 20 results, grouped by kind (pacts, beneficiaries, households) and shared among them; within a kind the exact reference or fiscal code first, then the most recently changed. Case- and accent-insensitive. A pact carries its raw `status`; a manager sees fiscal codes masked in `description`. Nothing is written to the access log (as for the lists).',
  })
  @ApiOkResponse({
    description:
      '`[{resource: "pacts"|"beneficiaries"|"households", id, label, description?, status?}]`',
  })
  search(@CurrentUser() caller: Caller, @Query() query: SearchQueryDto): Promise<SearchResult[]> {
    return this.service.search(caller, query.q);
  }
}
