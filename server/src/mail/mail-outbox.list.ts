import { MAIL_STATUSES, type MailOutboxRecord } from '@generattivi/shared';
import { columns } from '../common/list-columns';
import { defineListSpec } from '../common/list-query';
import type { MailMessage } from './mail-message.entity';

/** `GET /mail-outbox`: the messages, newest first; q searches the address and the subject. */
export const MAIL_OUTBOX_LIST = defineListSpec({
  resource: 'mail-outbox',
  alias: 'm',
  fields: columns(
    'id:int to:string subject:string kind:string status:enum attempts:int createdAt:instant sentAt:instant nextAttemptAt:instant',
    { status: { values: MAIL_STATUSES } },
  ),
  search: ['to', 'subject'],
  defaultSort: ['createdAt', 'DESC'],
});

export const toMailOutboxRecord = (m: MailMessage): MailOutboxRecord => ({
  id: m.id,
  to: m.to,
  subject: m.subject,
  text: m.text,
  html: m.html,
  kind: m.kind,
  status: m.status,
  attempts: m.attempts,
  nextAttemptAt: m.nextAttemptAt,
  lastError: m.lastError,
  sentAt: m.sentAt,
  createdAt: m.createdAt,
});
