import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import { nowIso } from '../common/clock';
import { deleteOlderInChunks } from '../common/chunked-delete';
import { HourlyPass } from '../common/hourly-pass';
import { isoIn } from '../common/job-lease';
import { nodemailer } from '../common/on-first-use';
import { UnitOfWork } from '../common/unit-of-work';
import { AppConfig, CONFIG } from '../config/config';
import { MailMessage } from './mail-message.entity';

/** How long an instance holds a message it sends; an SMTP exchange gives up well before. */
export const MAIL_LEASE_MS = 2 * 60_000;
const SMTP_TIMEOUT_MS = 30_000;
/** The longest wait between two attempts, however many failed. */
const MAX_BACKOFF_MS = 6 * 60 * 60_000;
/** How long the outbox keeps a message (its links are long dead by then). */
export const MAIL_KEPT_DAYS = 30;
/** Messages looked at per claim, and deleted per purge transaction. */
const BATCH = 20;
const PURGE_CHUNK = 500;

/** The wait after the `attempts`-th failed attempt: base, 2×base, 4×base…, at most 6 hours. */
export function backoffMs(attempts: number, baseSeconds: number): number {
  return Math.min(baseSeconds * 1000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/**
 * Sends the outbox in the background, never inside a request. Each instance polls for due
 * messages and claims one at a time with a lease in its row (a conditional UPDATE: of
 * several instances exactly one gets it), so that a message goes out once; an instance that
 * stops mid-way leaves its lease to expire and another takes the message over.
 *
 * With SMTP_URL, nodemailer hands the message to that server; a failure is tried again after
 * MAIL_RETRY_BASE_SECONDS, then twice that, and so on; after MAIL_MAX_ATTEMPTS the message
 * stays `failed`, visible to the administrator, who may queue it again. A message sent is
 * stripped of its body (it carries links that set passwords). Without SMTP_URL, messages are
 * "delivered" to the outbox (`outbox`), where the administrator reads them.
 *
 * Hourly, messages older than MAIL_KEPT_DAYS are deleted (every instance may: deleting them
 * twice is harmless).
 */
@Injectable()
export class MailSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MailSender.name);
  private readonly instance = randomUUID();
  private readonly transport: Transporter | undefined;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopping = false;
  private readonly purge = new HourlyPass(this.logger, 'mail outbox purge', () => this.purgeOld());

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.smtpUrl
      ? nodemailer().createTransport({
          url: config.smtpUrl,
          connectionTimeout: SMTP_TIMEOUT_MS,
          greetingTimeout: SMTP_TIMEOUT_MS,
          socketTimeout: SMTP_TIMEOUT_MS,
        })
      : undefined;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), this.config.mailPollMs);
    this.timer.unref();
    this.wake();
    this.purge.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.running;
    await this.purge.stop();
    this.transport?.close();
  }

  /** Sends what is due, unless this instance is already at it. */
  wake(): void {
    if (this.running || this.stopping) return;
    this.running = this.sendDue()
      .then(() => undefined)
      .catch((e: unknown) => {
        this.logger.warn(`mail sending failed: ${e instanceof Error ? e.message : String(e)}`);
      })
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Sends the due messages one after the other; resolves to how many were handled. */
  async sendDue(): Promise<number> {
    let handled = 0;
    let message: MailMessage | undefined;
    while (!this.stopping && (message = await this.claim())) {
      await this.deliver(message);
      handled++;
    }
    return handled;
  }

  /** Takes a due queued message nobody holds (or whose holder stopped renewing). */
  private async claim(): Promise<MailMessage | undefined> {
    const now = nowIso();
    const due = (tx: Parameters<Parameters<UnitOfWork['run']>[0]>[0]) =>
      tx
        .getRepository(MailMessage)
        .createQueryBuilder('m')
        .select(['m.id'])
        .where("m.status = 'queued'")
        .andWhere('m.nextAttemptAt <= :now', { now })
        .andWhere('(m.leaseUntil IS NULL OR m.leaseUntil < :now)', { now })
        .orderBy('m.nextAttemptAt', 'ASC')
        .addOrderBy('m.id', 'ASC')
        .take(BATCH)
        .getMany();
    for (const { id } of await this.uow.run(due)) {
      const taken = await this.uow.run(async (tx) => {
        const result = await tx
          .createQueryBuilder()
          .update(MailMessage)
          .set({ leaseOwner: this.instance, leaseUntil: isoIn(MAIL_LEASE_MS) })
          .where('id = :id', { id })
          .andWhere("status = 'queued'")
          .andWhere('(lease_until IS NULL OR lease_until < :now)', { now: nowIso() })
          .execute();
        return result.affected === 1 ? await tx.findOneByOrFail(MailMessage, { id }) : undefined;
      });
      if (taken) return taken;
    }
    return undefined;
  }

  private async deliver(message: MailMessage): Promise<void> {
    if (!this.transport) {
      await this.settle(message, { status: 'outbox', sentAt: nowIso() });
      return;
    }
    const attempts = message.attempts + 1;
    try {
      await this.transport.sendMail({
        from: this.config.mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text ?? '',
        ...(message.html ? { html: message.html } : {}),
      });
    } catch (e) {
      const error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      const failed = attempts >= this.config.mailMaxAttempts;
      this.logger.warn(
        { mailId: message.id, attempts, failed },
        `mail not sent: ${error.split('\n')[0]}`,
      );
      await this.settle(message, {
        attempts,
        lastError: error,
        ...(failed
          ? { status: 'failed' }
          : {
              nextAttemptAt: isoIn(backoffMs(attempts, this.config.mailRetryBaseSeconds)),
            }),
      });
      return;
    }
    await this.settle(message, {
      status: 'sent',
      attempts,
      sentAt: nowIso(),
      lastError: null,
      text: null,
      html: null,
    });
  }

  /** Writes the outcome of an attempt and lets go of the message, if it is still ours. */
  private async settle(message: MailMessage, changes: Partial<MailMessage>): Promise<void> {
    await this.uow.run((tx) =>
      tx.update(
        MailMessage,
        { id: message.id, leaseOwner: this.instance },
        { ...changes, leaseOwner: null, leaseUntil: null },
      ),
    );
  }

  /** Deletes the messages older than MAIL_KEPT_DAYS, a chunk per transaction. */
  async purgeOld(): Promise<number> {
    const cutoff = isoIn(-MAIL_KEPT_DAYS * 24 * 60 * 60_000);
    return deleteOlderInChunks(this.uow, {
      entity: MailMessage,
      table: 'mail_outbox',
      column: 'created_at',
      cutoff,
      chunk: PURGE_CHUNK,
      stopping: () => this.stopping,
    });
  }
}
