import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { Expensive } from '../common/admission';
import { ListQueryDto, mapList } from '../common/list-endpoint';
import { RefusedWrites, Route } from '../common/routes';
import { MethodNotAllowedError } from '../common/not-allowed';
import { AuditEventsService, toAuditEventRecord } from './audit-events.service';
import { AuditVerifyService } from './audit-verify.service';

@ApiTags('audit-events')
@ApiBearerAuth()
@Controller('audit-events')
@RefusedWrites('audit-events', appendOnly, {
  create: 'Always 405: the audit trail is append-only',
  update: 'Always 405: the audit trail is append-only',
  remove: 'Always 405: the audit trail is append-only',
})
export class AuditEventsController {
  constructor(
    private readonly events: AuditEventsService,
    private readonly verifier: AuditVerifyService,
  ) {}

  @Route.list(
    'audit-events',
    'The audit trail; filter by entityType, entityId, actorId, action, at_gte/at_lte. Personal fields (PERSONAL_AUDIT_FIELDS) are stored encrypted per person and read decrypted, or as «dato cancellato» once the person was forgotten. A MANAGER sees fiscal codes masked, no contacts, and no `hash`/`prevHash` (derived from the unmasked event).',
  )
  async list(@CurrentUser() caller: Caller, @Query() query: ListQueryDto) {
    return mapList(await this.events.list(query), (e) => toAuditEventRecord(e, caller));
  }

  @Get('verify')
  @Can('audit-events', 'verify')
  @Expensive()
  @ApiOperation({
    summary:
      'Checks the keyed hash chain from the last checkpoint to the head and against the anchor file: {valid, reason?, checked, firstInvalidId?, head?, from?}',
    description:
      'Incremental: confirms that the event of the last checkpoint still carries the hash recorded, re-hashes every event after it (at least the newest AUDIT_VERIFY_MARGIN events), then records a new checkpoint. `checked` counts the chain from genesis; `from` names the checkpoint the run started from. An altered checkpoint event gives `valid: false` with `firstInvalidId` = that event and `checked: 0`. Changes before the checkpoint are found by the full re-check (POST /api/audit-events/verify-jobs). Concurrent calls share one run. When the chain holds, `head` is its last event `{id, hash, at}`, and it is appended to the anchor file (AUDIT_ANCHOR_PATH, outside the database; also every 5 minutes by one instance). Every anchored head must still be in the chain with its hash: otherwise `valid: false`, `firstInvalidId` = that event and `reason` `ANCHORED_EVENT_ALTERED`, or `TAIL_REMOVED` when the chain ends before it. Other reasons: `SEAL_MISSING`/`SEAL_ALTERED` (the seal of the events hashed before the chain was keyed), `CHECKPOINT_ALTERED`, `HASH_MISMATCH` (an event whose HMAC does not fit), `ANCHOR_ALTERED` (a line of the anchor file edited).',
  })
  verify() {
    return this.verifier.verify();
  }

  @Post('verify-jobs')
  @Can('audit-events', 'verify-all')
  @Expensive()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Starts the full re-check of the hash chain from genesis in the background',
    description:
      'Answers 202 `{id, status, checked, total, createdAt}` at once; follow it with GET /api/audit-events/verify-jobs/:id. While a job is queued or running, that job is answered instead of a new one. Any server instance reports the progress; one runs it.',
  })
  @ApiResponse({ status: 202, description: 'The job, queued or already running' })
  startJob(@CurrentUser() caller: Caller) {
    return this.verifier.startJob(caller.id);
  }

  @Get('verify-jobs/:id')
  @Can('audit-events', 'verify-all')
  @ApiOperation({
    summary:
      'A full re-check: {id, status: QUEUED|RUNNING|DONE, checked, total, valid?, firstInvalidId?, createdAt, finishedAt?}',
  })
  job(@Route.id() id: number) {
    return this.verifier.job(id);
  }

  @Route.show('audit-events')
  async one(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return toAuditEventRecord(await this.events.get(id), caller);
  }
}

function appendOnly(): MethodNotAllowedError {
  return new MethodNotAllowedError(
    'audit-events are append-only: they cannot be created, edited or deleted through the API',
  );
}
