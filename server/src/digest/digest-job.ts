import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  digestPeriod,
  isoWeekday,
  PROJECT_TIME_ZONE,
  todayIso,
  type DigestFrequency,
} from '@generattivi/shared';
import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { DailyLease } from '../common/daily-lease';
import { HourlyPass } from '../common/hourly-pass';
import { UnitOfWork } from '../common/unit-of-work';
import { AppConfig, CONFIG } from '../config/config';
import { MailMessage } from '../mail/mail-message.entity';
import { MailService } from '../mail/mail.service';
import { User } from '../users/user.entity';
import { DigestService } from './digest.service';

/** The job's row in `job_leases` (written by the DigestJob migration). */
const JOB = 'digest';
/** How long the runner holds the job without news before another instance may take it. */
const LEASE_MS = 60_000;
/** People read (by id) per batch; the lease is renewed between batches. */
const BATCH = 25;

const HOUR_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: PROJECT_TIME_ZONE,
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The hour of `now` in Italy, 0–23. */
export function hourInItaly(now: Date): number {
  return Number(HOUR_FORMAT.format(now));
}

/**
 * Once a day from DIGEST_HOUR (Europe/Rome), each active person who chose a daily digest —
 * and, on DIGEST_WEEKDAY, a weekly one — gets the digest of what needs attention in their
 * scope, queued in the mail outbox under the key `digest:<userId>:<period>`: the outbox's
 * unique key lets each person's digest of a period in once, whichever instance writes it and
 * however often a pass is retried. Every instance checks at start and hourly; the one that
 * takes the lease in `job_leases` runs the day's pass, reading people in batches by id and
 * yielding between them; an empty digest sends nothing.
 */
@Injectable()
export class DigestJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DigestJob.name);
  private readonly lease: DailyLease;
  private readonly hourly = new HourlyPass(this.logger, 'digest job', () => this.runToday());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly mail: MailService,
    private readonly digest: DigestService,
  ) {
    this.lease = new DailyLease(dataSource, JOB, randomUUID(), LEASE_MS);
  }

  onApplicationBootstrap(): void {
    if (this.config.digestHour !== null) this.hourly.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.hourly.stop();
  }

  /** Today's pass, if it is time and this instance takes the lease; resolves to mails queued. */
  async runToday(now = new Date()): Promise<number> {
    if (this.config.digestHour === null || hourInItaly(now) < this.config.digestHour) return 0;
    const today = todayIso(now);
    if (!(await this.lease.claim(today))) return 0;
    const frequencies: DigestFrequency[] =
      isoWeekday(today) === this.config.digestWeekday ? ['daily', 'weekly'] : ['daily'];
    let queued = 0;
    let after = 0;
    while (!this.hourly.stopping) {
      const people = await this.dataSource
        .getRepository(User)
        .createQueryBuilder('u')
        .select(['u.id', 'u.email', 'u.role', 'u.territoryIds', 'u.digestFrequency'])
        .where('u.id > :after', { after })
        .andWhere('u.active = :active', { active: true })
        .andWhere('u.digestFrequency IN (:...frequencies)', { frequencies })
        .orderBy('u.id', 'ASC')
        .take(BATCH)
        .getMany();
      for (const person of people) {
        try {
          if (await this.send(person, today, now)) queued++;
        } catch (e) {
          this.logger.warn(
            `digest of user ${person.id} not queued: ${e instanceof Error ? e.message : String(e)}`,
          );
        }
      }
      if (people.length < BATCH) break;
      after = people[people.length - 1].id;
      if (!(await this.lease.renew())) return queued; // another instance took it over
      await yieldToRequests();
    }
    if (!this.hourly.stopping) await this.lease.finish(today);
    if (queued > 0) this.logger.log(`${queued} digests queued`);
    return queued;
  }

  /** Queues the person's digest of the period unless it is queued already or empty. */
  private async send(person: User, today: string, now: Date): Promise<boolean> {
    const frequency = person.digestFrequency === 'weekly' ? 'weekly' : 'daily';
    const dedupeKey = `digest:${person.id}:${digestPeriod(frequency, today)}`;
    if (await this.dataSource.getRepository(MailMessage).existsBy({ dedupeKey })) return false;
    const message = await this.digest.compose(person, frequency, now);
    if (!message) return false;
    await this.uow.run((tx) =>
      this.mail.enqueue(tx, { to: person.email, ...message, kind: 'digest', dedupeKey }),
    );
    return true;
  }
}
