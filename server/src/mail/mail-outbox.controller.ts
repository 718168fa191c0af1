import { Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { EVERYONE, findInScope, listInScope } from '../auth/scope';
import { nowIso } from '../common/clock';
import { ConflictError } from '../common/domain-error';
import { ListQueryDto, mapList } from '../common/list-endpoint';
import { Route } from '../common/routes';
import { UnitOfWork } from '../common/unit-of-work';
import { MailMessage } from './mail-message.entity';
import { MAIL_OUTBOX_LIST, toMailOutboxRecord } from './mail-outbox.list';
import { MailSender } from './mail-sender.service';

@ApiTags('mail-outbox')
@ApiBearerAuth()
@Controller('mail-outbox')
export class MailOutboxController {
  constructor(
    @InjectRepository(MailMessage) private readonly messages: Repository<MailMessage>,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly sender: MailSender,
  ) {}

  @Route.list(
    'mail-outbox',
    'The mails the server sends (ADMIN): invitations and password resets, with their status (queued, sent, outbox, failed); filter by status, kind, to, createdAt_gte/_lte, q on address and subject; newest first. Without SMTP_URL mails are kept here (status outbox) with their text; a mail sent over SMTP keeps only address, subject and status. Messages are deleted after 30 days',
  )
  async list(@Query() query: ListQueryDto) {
    return mapList(
      await listInScope(this.messages, MAIL_OUTBOX_LIST, EVERYONE, query),
      toMailOutboxRecord,
    );
  }

  @Route.show('mail-outbox', 'One mail, with its text and HTML unless it was sent over SMTP')
  async one(@Route.id() id: number) {
    return toMailOutboxRecord(await findInScope(this.messages, MAIL_OUTBOX_LIST, EVERYONE, id));
  }

  @Post(':id/retry')
  @Can('mail-outbox', 'edit')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Queues again a mail that ran out of attempts (failed): it is tried at once, with a fresh count of attempts; audited',
  })
  @ApiConflictResponse({ description: 'MAIL_NOT_RETRIABLE: the mail has not failed' })
  async retry(@CurrentUser() caller: Caller, @Route.id() id: number) {
    const record = await this.uow.run(async (tx) => {
      const message = await findInScope(this.messages, MAIL_OUTBOX_LIST, EVERYONE, id, { tx });
      if (message.status !== 'failed')
        throw new ConflictError(
          'MAIL_NOT_RETRIABLE',
          { status: message.status },
          `mail ${id} is ${message.status}: only a failed mail is queued again`,
        );
      await tx.update(
        MailMessage,
        { id, status: 'failed' },
        {
          status: 'queued',
          attempts: 0,
          nextAttemptAt: nowIso(),
          leaseOwner: null,
          leaseUntil: null,
        },
      );
      await this.audit.append(tx, {
        actorId: caller.id,
        action: 'mail_retry',
        entityType: 'mail-outbox',
        entityId: id,
        changes: { status: ['failed', 'queued'] },
      });
      return toMailOutboxRecord(await tx.findOneByOrFail(MailMessage, { id }));
    });
    this.sender.wake();
    return record;
  }
}
