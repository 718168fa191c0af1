import type { DataSource } from 'typeorm';
import { auditFixture } from '../audit/audit.fixture';
import { UnitOfWork } from '../common/unit-of-work';
import { loadConfig } from '../config/config';
import { memoryDatabase } from '../database/memory-database.fixture';
import { MailMessage } from './mail-message.entity';
import { backoffMs, MailSender } from './mail-sender.service';
import { MailService } from './mail.service';

describe('backoffMs', () => {
  it('waits the base after the first failure, then twice as long each time, at most 6 hours', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 60))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(backoffMs(9, 60)).toBe(60_000 * 256);
    expect(backoffMs(10, 60)).toBe(6 * 60 * 60_000);
    expect(backoffMs(30, 1)).toBe(6 * 60 * 60_000);
  });
});

/** Without SMTP_URL: the messages are delivered to the outbox, each once, and old ones purged. */
describe(MailSender.name, () => {
  let dataSource: DataSource;
  let uow: UnitOfWork;
  const mail = new MailService();
  const config = loadConfig({ DATABASE_URL: ':memory:' });

  beforeAll(async () => {
    ({ dataSource } = await memoryDatabase({
      email: 'admin@example.org',
      fullName: 'Admin',
      role: 'ADMIN',
    }));
    uow = new UnitOfWork(dataSource, auditFixture(dataSource).audit);
  });
  afterAll(() => dataSource.destroy());

  const message = (to: string) => ({ to, subject: 'Oggetto', text: 'Testo', kind: 'test' });

  it('delivers the due messages to the outbox, once, even with two senders at it', async () => {
    await uow.run(async (tx) => {
      for (let i = 0; i < 5; i++) await mail.enqueue(tx, message(`p${i}@example.org`));
    });
    const [a, b] = [new MailSender(uow, config), new MailSender(uow, config)];
    const handled = await Promise.all([a.sendDue(), b.sendDue()]);
    expect(handled[0] + handled[1]).toBe(5);
    const rows = await dataSource.getRepository(MailMessage).find();
    expect(rows.map((r) => r.status)).toEqual(Array(5).fill('outbox'));
    expect(rows.every((r) => r.text === 'Testo' && r.sentAt && r.leaseOwner === null)).toBe(true);
    expect(await a.sendDue()).toBe(0);
  });

  it('leaves a message not yet due, and one another sender holds, where they are', async () => {
    const repo = dataSource.getRepository(MailMessage);
    await repo.clear();
    await uow.run((tx) => mail.enqueue(tx, message('later@example.org')));
    await uow.run((tx) => mail.enqueue(tx, message('held@example.org')));
    const future = new Date(Date.now() + 60_000).toISOString();
    await repo.update({ to: 'later@example.org' }, { nextAttemptAt: future });
    await repo.update({ to: 'held@example.org' }, { leaseOwner: 'other', leaseUntil: future });
    expect(await new MailSender(uow, config).sendDue()).toBe(0);
    await repo.update({ to: 'held@example.org' }, { leaseUntil: new Date(0).toISOString() });
    expect(await new MailSender(uow, config).sendDue()).toBe(1);
  });

  it('deletes the messages older than 30 days, and only those', async () => {
    const repo = dataSource.getRepository(MailMessage);
    await repo.clear();
    await uow.run(async (tx) => {
      await mail.enqueue(tx, message('old@example.org'));
      await mail.enqueue(tx, message('recent@example.org'));
    });
    const day = 24 * 60 * 60_000;
    await repo.update(
      { to: 'old@example.org' },
      { createdAt: new Date(Date.now() - 30 * day - 1000).toISOString() },
    );
    await repo.update(
      { to: 'recent@example.org' },
      { createdAt: new Date(Date.now() - 29 * day).toISOString() },
    );
    expect(await new MailSender(uow, config).purgeOld()).toBe(1);
    expect((await repo.find()).map((r) => r.to)).toEqual(['recent@example.org']);
  });
});
