import type { Caller } from '../auth/caller';
import type { UnitOfWork } from '../common/unit-of-work';
import type { AccessLogSpill } from './access-log-spill';
import { accessLogInsert } from './access-log-insert';
import { AccessLogService } from './access-log.service';

/** PostgreSQL or SQLite in memory: no spill file. */
const noSpill = { path: undefined } as AccessLogSpill;

type Entry = { entityId: number; via: string };

const reader: Caller = {
  id: 4,
  email: 'a@x.it',
  fullName: 'A',
  role: 'SOCIAL_WORKER',
  territoryIds: [1],
  jti: 'j',
  tokenExpiresAt: 0,
};

function fakeUnitOfWork(fail = false) {
  const transactions: unknown[][][] = [];
  const uow = {
    run: jest.fn(async (work: (tx: unknown) => Promise<unknown>) => {
      const inserts: unknown[][] = [];
      transactions.push(inserts);
      const tx = {
        connection: { options: { type: 'better-sqlite3' } },
        query: (sql: string, values: unknown[]) => {
          if (fail) return Promise.reject(new Error('disk full'));
          const rows = [];
          for (let i = 0; i < values.length; i += 5) {
            const [at, actorId, entityType, entityId, via] = values.slice(i, i + 5);
            rows.push({ at, actorId, entityType, entityId, via });
          }
          expect(sql).toBe(accessLogInsert(rows.length, false));
          inserts.push(rows);
          return Promise.resolve();
        },
      };
      return work(tx);
    }),
  };
  return { uow: uow as unknown as UnitOfWork, transactions };
}

describe('accessLogInsert', () => {
  it('writes the placeholders of each engine, five per row', () => {
    expect(accessLogInsert(2, false)).toBe(
      'INSERT INTO access_log (at, actor_id, entity_type, entity_id, via) VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)',
    );
    expect(accessLogInsert(2, true)).toMatch(
      /VALUES \(\$1, \$2, \$3, \$4, \$5\), \(\$6, .*\$10\)$/,
    );
  });
});

describe(AccessLogService.name, () => {
  it('writes reads that arrive together in one transaction, and answers once it is written', async () => {
    const { uow, transactions } = fakeUnitOfWork();
    const log = new AccessLogService(uow, noSpill);
    const reads = [
      log.recordRead(reader, 'pacts', 1),
      log.recordRead(reader, 'beneficiaries', 2),
      log.recordRead(reader, 'households', 3),
    ];
    expect(transactions).toHaveLength(0);
    await Promise.all(reads);
    expect(transactions).toHaveLength(1);
    expect(transactions[0][0]).toEqual([
      expect.objectContaining({ actorId: 4, entityType: 'pacts', entityId: 1, via: 'one' }),
      expect.objectContaining({ actorId: 4, entityType: 'beneficiaries', entityId: 2, via: 'one' }),
      expect.objectContaining({ actorId: 4, entityType: 'households', entityId: 3, via: 'one' }),
    ]);

    await log.recordRead(reader, 'pacts', 9);
    expect(transactions).toHaveLength(2);
    expect(transactions[1][0]).toEqual([expect.objectContaining({ entityId: 9 })]);
  });

  it('writes one entry per record of a page, however often it appears, with how it was read', async () => {
    const { uow, transactions } = fakeUnitOfWork();
    const log = new AccessLogService(uow, noSpill);
    await Promise.all([
      log.recordReads(reader, 'beneficiaries', [5, 6, 5], 'list'),
      log.recordReads(reader, 'pacts', [], 'search'),
      log.recordRead(reader, 'pacts', 7, 'pdf'),
    ]);
    expect(transactions).toHaveLength(1);
    expect(transactions[0][0].map((e) => [(e as Entry).entityId, (e as Entry).via])).toEqual([
      [5, 'list'],
      [6, 'list'],
      [7, 'pdf'],
    ]);
    await log.recordReads(reader, 'pacts', [], 'export');
    expect(transactions).toHaveLength(1);
  });

  it('splits a large batch into inserts of at most 100 rows, in one transaction', async () => {
    const { uow, transactions } = fakeUnitOfWork();
    const log = new AccessLogService(uow, noSpill);
    await Promise.all(Array.from({ length: 1201 }, (_, i) => log.recordRead(reader, 'pacts', i)));
    expect(transactions).toHaveLength(1);
    expect(transactions[0].map((rows) => rows.length)).toEqual([...Array(12).fill(100), 1]);
  });

  it('fails every read of a batch that could not be written', async () => {
    const { uow } = fakeUnitOfWork(true);
    const log = new AccessLogService(uow, noSpill);
    const reads = [log.recordRead(reader, 'pacts', 1), log.recordRead(reader, 'pacts', 2)];
    for (const read of reads) await expect(read).rejects.toThrow('disk full');
  });
});
