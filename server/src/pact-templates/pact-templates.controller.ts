import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentUser } from '../auth/caller';
import { ListQueryDto, mapList } from '../common/list-endpoint';
import { Route } from '../common/routes';
import { CreatePactTemplateDto, UpdatePactTemplateDto } from './dto/pact-template.dto';
import { toPactTemplateRecord } from './pact-template.record';
import { PactTemplatesService } from './pact-templates.service';

@ApiTags('pact-templates')
@ApiBearerAuth()
@Controller('pact-templates')
export class PactTemplatesController {
  constructor(private readonly templates: PactTemplatesService) {}

  @Route.list(
    'pact-templates',
    'Pact templates (social workers: of their territories and for every territory); filter by id, type, territoryId, durationDays, q on title and objectives',
  )
  async list(@CurrentUser() caller: Caller, @Query() query: ListQueryDto) {
    return mapList(await this.templates.list(caller, query), toPactTemplateRecord);
  }

  @Route.show('pact-templates')
  async one(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return toPactTemplateRecord(await this.templates.get(caller, id));
  }

  @Route.create(
    'pact-templates',
    'Creates a template (social workers: for their territories; null territory, for all: administrators); each milestone due within the duration, at most 40',
  )
  create(@CurrentUser() caller: Caller, @Body() body: CreatePactTemplateDto) {
    return this.templates.create(caller, body);
  }

  @Route.update('pact-templates', 'Edits a template (social workers: of their territories)')
  update(
    @CurrentUser() caller: Caller,
    @Route.id() id: number,
    @Body() body: UpdatePactTemplateDto,
  ) {
    return this.templates.update(caller, id, body);
  }

  @Route.remove(
    'pact-templates',
    'Deletes a template (social workers: of their territories); pacts made from it keep what it gave them',
  )
  remove(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return this.templates.remove(caller, id);
  }
}
