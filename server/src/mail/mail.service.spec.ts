import type { DataSource } from 'typeorm';
import { memoryDatabase } from '../database/memory-database.fixture';
import { MailMessage } from './mail-message.entity';
import { MailService } from './mail.service';

describe(MailService.name, () => {
  let dataSource: DataSource;
  const mail = new MailService();
  const message = { to: 'a@example.org', subject: 'Oggetto', text: 'Testo', kind: 'test' };

  beforeAll(async () => {
    ({ dataSource } = await memoryDatabase({
      email: 'admin@example.org',
      fullName: 'Admin',
      role: 'ADMIN',
    }));
  });
  afterAll(() => dataSource.destroy());
  beforeEach(() => dataSource.getRepository(MailMessage).clear());

  const rows = () => dataSource.getRepository(MailMessage).find({ order: { id: 'ASC' } });

  it('queues a message, due now, with no attempt made', async () => {
    await dataSource.transaction((tx) => mail.enqueue(tx, { ...message, html: '<p>Testo</p>' }));
    const [row, ...more] = await rows();
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      ...message,
      html: '<p>Testo</p>',
      dedupeKey: null,
      status: 'queued',
      attempts: 0,
      sentAt: null,
      leaseOwner: null,
    });
    expect(row.nextAttemptAt).toBe(row.createdAt);
  });

  it('inserts nothing for a dedupe key already present, and each message without a key', async () => {
    await dataSource.transaction(async (tx) => {
      await mail.enqueue(tx, { ...message, dedupeKey: 'digest:1:2026-12-06' });
      await mail.enqueue(tx, { ...message, subject: 'Altro', dedupeKey: 'digest:1:2026-12-06' });
      await mail.enqueue(tx, message);
      await mail.enqueue(tx, message);
    });
    const all = await rows();
    expect(all.map((r) => [r.subject, r.dedupeKey])).toEqual([
      ['Oggetto', 'digest:1:2026-12-06'],
      ['Oggetto', null],
      ['Oggetto', null],
    ]);
  });

  it('keeps nothing when the caller’s transaction rolls back', async () => {
    await expect(
      dataSource.transaction(async (tx) => {
        await mail.enqueue(tx, message);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rows()).toEqual([]);
  });
});
