import type { DataSource } from 'typeorm';
import { auditFixture } from '../audit/audit.fixture';
import { memoryDatabase } from '../database/memory-database.fixture';
import { MailMessage } from '../mail/mail-message.entity';
import { MailService } from '../mail/mail.service';
import { deleteOlderInChunks } from './chunked-delete';
import { UnitOfWork } from './unit-of-work';

describe(deleteOlderInChunks.name, () => {
  let dataSource: DataSource;
  let uow: UnitOfWork;

  beforeAll(async () => {
    ({ dataSource } = await memoryDatabase({
      email: 'admin@example.org',
      fullName: 'Admin',
      role: 'ADMIN',
    }));
    uow = new UnitOfWork(dataSource, auditFixture(dataSource).audit);
  });
  afterAll(() => dataSource.destroy());

  /** Seven messages created at minutes 1…7 of one day. */
  async function seven(): Promise<void> {
    const repo = dataSource.getRepository(MailMessage);
    await repo.clear();
    const mail = new MailService();
    await uow.run(async (tx) => {
      for (let i = 1; i <= 7; i++)
        await mail.enqueue(tx, { to: `p${i}@example.org`, subject: 'S', text: 'T', kind: 'test' });
    });
    for (let i = 1; i <= 7; i++)
      await repo.update({ to: `p${i}@example.org` }, { createdAt: `2026-01-01T00:0${i}:00.000Z` });
  }

  const purge = (cutoff: string, chunk: number, during?: () => Promise<unknown>) =>
    deleteOlderInChunks(uow, {
      entity: MailMessage,
      table: 'mail_outbox',
      column: 'created_at',
      cutoff,
      chunk,
      stopping: () => false,
      during,
    });

  const left = async () =>
    (await dataSource.getRepository(MailMessage).find({ order: { createdAt: 'ASC' } })).map(
      (m) => m.to,
    );

  it('deletes every row before the cutoff, a chunk per transaction, and keeps the one at it', async () => {
    await seven();
    let transactions = 0;
    const deleted = await purge('2026-01-01T00:07:00.000Z', 2, async () => transactions++);
    expect(deleted).toBe(6);
    // 2 + 2 + 2, then an empty chunk tells there is no more.
    expect(transactions).toBe(4);
    expect(await left()).toEqual(['p7@example.org']);
  });

  it('stops after a short chunk', async () => {
    await seven();
    let transactions = 0;
    expect(await purge('2026-01-01T00:06:00.000Z', 2, async () => transactions++)).toBe(5);
    expect(transactions).toBe(3);
  });

  it('stops when asked, after the chunk under way', async () => {
    await seven();
    const deleted = await deleteOlderInChunks(uow, {
      entity: MailMessage,
      table: 'mail_outbox',
      column: 'created_at',
      cutoff: '2026-01-02T00:00:00.000Z',
      chunk: 3,
      stopping: () => true,
    });
    expect(deleted).toBe(3);
    expect(await left()).toEqual([
      'p4@example.org',
      'p5@example.org',
      'p6@example.org',
      'p7@example.org',
    ]);
  });
});
