import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { ListQueryDto, mapList, sendList } from '../common/list-endpoint';
import { Route } from '../common/routes';
import { toAccessLogRecord } from '../access-log/access-log.list';
import { BeneficiariesService, toPossibleDuplicateRecord } from './beneficiaries.service';
import { toBeneficiaryRecord } from './beneficiary.record';
import { CreateBeneficiaryDto, UpdateBeneficiaryDto } from './dto/beneficiary.dto';
import { ResolveDuplicateDto } from './dto/resolve-duplicate.dto';

@ApiTags('beneficiaries')
@ApiBearerAuth()
@Controller('beneficiaries')
export class BeneficiariesController {
  constructor(private readonly beneficiaries: BeneficiariesService) {}

  @Route.list(
    'beneficiaries',
    'Beneficiaries in the caller’s scope; filter by id, territoryId, householdId, sex, employmentStatus, birthDate_gte/_lte, lastName, fiscalCode, q (names and fiscal code). Each person listed is recorded in the access log. A MANAGER reads initials, the year of birth (birthYear), the fiscal code masked and no contact details, and cannot filter or search by names, birth date or fiscal code (400 MASKED_FIELD). A COMMUNITY_MAKER reads only the people of their open pacts (their assignment open), with birthYear instead of the birth date and no fiscal code, and cannot filter by either.',
  )
  async list(@CurrentUser() caller: Caller, @Query() query: ListQueryDto) {
    return mapList(await this.beneficiaries.list(caller, query), (b) =>
      toBeneficiaryRecord(b, caller),
    );
  }

  @Get('possible-duplicates')
  @Can('beneficiaries', 'possible-duplicates')
  @ApiOperation({
    summary:
      'Fiscal codes someone tried to register (create or correct a beneficiary) while a person out of their scope holds them: the person on file, who tried, for which territory, when, and once resolved by whom, when and with which note; one unresolved report per person and user (after a resolution a new attempt is reported again); newest first; filter by resolved (true/false, default false: the ones waiting), beneficiaryId, reportedById, territoryId, resolvedById, at_gte/_lte, resolvedAt_gte/_lte',
  })
  async possibleDuplicates(
    @Query() query: ListQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.beneficiaries.possibleDuplicates(query);
    return sendList(reply, 'possible-duplicates', result, toPossibleDuplicateRecord);
  }

  @Post('possible-duplicates/:id/resolve')
  @Can('beneficiaries', 'possible-duplicates')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Marks a possible duplicate resolved with a note (ADMIN): what was found or done; audited as an `update` of the person (possibleDuplicateId, resolvedAt, resolutionNote). 400 without a note; 404 unknown; 409 POSSIBLE_DUPLICATE_RESOLVED when already resolved (of parallel resolutions exactly one succeeds). Answers the resolved report.',
  })
  async resolvePossibleDuplicate(
    @CurrentUser() caller: Caller,
    @Route.id() id: number,
    @Body() body: ResolveDuplicateDto,
  ) {
    const row = await this.beneficiaries.resolvePossibleDuplicate(caller, id, body.note.trim());
    return toPossibleDuplicateRecord(row);
  }

  @Route.show('beneficiaries', 'One beneficiary (the read is recorded in the access log)')
  one(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return this.beneficiaries.read(caller, id);
  }

  @Get(':id/access-log')
  @Can('beneficiaries', 'access-log')
  @ApiOperation({
    summary:
      'Who read this person’s records and how (via: one, list, search, export, document, pdf, subject-access): the beneficiary, their household and their pacts; newest first; filter by actorId, entityType, via, at_gte/_lte. Entries are kept ACCESS_LOG_MONTHS (24) months.',
  })
  async accessLog(
    @CurrentUser() caller: Caller,
    @Route.id() id: number,
    @Query() query: ListQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.beneficiaries.accessLogOf(caller, id, query);
    return sendList(reply, 'access-log', result, toAccessLogRecord);
  }

  @Route.create(
    'beneficiaries',
    'Creates a beneficiary (social workers: in their territories); a fiscal code already on file is a 409: DUPLICATE_FISCAL_CODE when the caller sees that person, otherwise FISCAL_CODE_UNAVAILABLE, which names neither the code nor where the person is and raises a DUPLICATE_FISCAL_CODE alert for ADMIN',
  )
  create(@CurrentUser() caller: Caller, @Body() body: CreateBeneficiaryDto) {
    return this.beneficiaries.create(caller, body);
  }

  @Route.update(
    'beneficiaries',
    'Edits a beneficiary (social workers: in and into their territories)',
  )
  update(
    @CurrentUser() caller: Caller,
    @Route.id() id: number,
    @Body() body: UpdateBeneficiaryDto,
  ) {
    return this.beneficiaries.update(caller, id, body);
  }

  @Route.remove('beneficiaries', 'Deletes a beneficiary no pact names; otherwise 409')
  remove(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return this.beneficiaries.remove(caller, id);
  }
}
