import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { nowIso } from '../common/clock';

/** A mail to send: `kind` says what it is for; `dedupeKey`: at most one message of that key. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  kind: string;
  dedupeKey?: string;
}

const COLUMNS = [
  'to',
  'subject',
  'text',
  'html',
  'kind',
  'dedupe_key',
  'status',
  'attempts',
  'next_attempt_at',
  'created_at',
];

/**
 * The outbox: a message is written in the caller's transaction (it exists if and only if the
 * change that causes it commits) and sent later by the MailSender in the background.
 */
@Injectable()
export class MailService {
  /**
   * Queues `message` within `tx`. A `dedupeKey` already present inserts nothing: the unique
   * column decides, with INSERT … ON CONFLICT DO NOTHING, so that concurrent callers on any
   * instance enqueue it once.
   */
  async enqueue(tx: EntityManager, message: OutgoingMail): Promise<void> {
    const postgres = tx.connection.options.type === 'postgres';
    const marks = COLUMNS.map((_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
    const now = nowIso();
    await tx.query(
      `INSERT INTO "mail_outbox" (${COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES (${marks}) ON CONFLICT DO NOTHING`,
      [
        message.to,
        message.subject,
        message.text,
        message.html ?? null,
        message.kind,
        message.dedupeKey ?? null,
        'queued',
        0,
        now,
        now,
      ],
    );
  }
}
