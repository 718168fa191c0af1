import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { ListQueryDto, mapList } from '../common/list-endpoint';
import { Route } from '../common/routes';
import { AnonymisationService } from './anonymisation.service';
import { AnonymiseDto } from './dto/anonymise.dto';
import { RetentionScheduleService } from './retention-schedule.service';

@ApiTags('beneficiaries')
@ApiBearerAuth()
@Controller('beneficiaries')
export class AnonymiseController {
  constructor(private readonly anonymisation: AnonymisationService) {}

  @Post(':id/anonymise')
  @Can('beneficiaries', 'anonymise')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Anonymises a person (ADMIN, with a reason), in one transaction: identity and contacts replaced by a pseudonym («Persona anonimizzata …», a placeholder fiscal code, the birth date kept as 1 January of its year), the diary notes of the pacts naming them erased, the content of their documents (and of those pacts’ and milestones’) deleted; audited as `anonymise`',
    description:
      'What the reports count stays (pacts, types, statuses, outcomes, territories, sex, employment status). 409 ANONYMISE_OPEN_PACTS while a pact naming the person is open; 409 BENEFICIARY_ANONYMISED when already anonymised (there is nothing left to forget); afterwards the person is no longer edited (409) and no open pact may name them. Answers the anonymised record.',
  })
  anonymise(@CurrentUser() caller: Caller, @Route.id() id: number, @Body() body: AnonymiseDto) {
    return this.anonymisation.anonymise(id, { actorId: caller.id, reason: body.reason.trim() });
  }
}

@ApiTags('retention-schedule')
@ApiBearerAuth()
@Controller('retention-schedule')
export class RetentionScheduleController {
  constructor(private readonly schedule: RetentionScheduleService) {}

  @Route.list(
    'retention-schedule',
    'Who the daily retention job anonymises next, and when (ADMIN): `[{id (the beneficiary), firstName, lastName, lastPactClosedAt, anonymiseOn}]`, by anonymiseOn; people with an open pact are not listed. anonymiseOn is RETENTION_YEARS after the last pact closed, or after the person was entered when no pact names them. Filter by id, firstName, lastName, lastPactClosedAt (and _gte/_lte); sort by anonymiseOn or id.',
  )
  async list(@Query() query: ListQueryDto) {
    return mapList(await this.schedule.list(query), this.schedule.toEntry);
  }
}
