import type { Caller } from '../auth/caller';
import type { RowsInsert, UnitOfWork } from '../common/unit-of-work';
import type { AccessLogSpill } from './access-log-spill';
import { ACCESS_LOG_ROWS, accessLogInsert } from './access-log-insert';
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

/** A unit of work that keeps each insertRows call's rows (a transaction each) as entries. */
function fakeUnitOfWork(fail = false) {
  const transactions: Array<Array<Record<string, unknown>>> = [];
  const uow = {
    insertRows: jest.fn(async (insert: RowsInsert, rows: unknown[][]) => {
      expect(insert).toBe(ACCESS_LOG_ROWS);
      if (fail) throw new Error('disk full');
      transactions.push(
        rows.map(([at, actorId, entityType, entityId, via]) => ({
          at,
          actorId,
          entityType,
          entityId,
          via,
        })),
      );
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
    expect(transactions[0]).toEqual([
      expect.objectContaining({ actorId: 4, entityType: 'pacts', entityId: 1, via: 'one' }),
      expect.objectContaining({ actorId: 4, entityType: 'beneficiaries', entityId: 2, via: 'one' }),
      expect.objectContaining({ actorId: 4, entityType: 'households', entityId: 3, via: 'one' }),
    ]);

    await log.recordRead(reader, 'pacts', 9);
    expect(transactions).toHaveLength(2);
    expect(transactions[1]).toEqual([expect.objectContaining({ entityId: 9 })]);
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
    expect(transactions[0].map((e) => [(e as Entry).entityId, (e as Entry).via])).toEqual([
      [5, 'list'],
      [6, 'list'],
      [7, 'pdf'],
    ]);
    await log.recordReads(reader, 'pacts', [], 'export');
    expect(transactions).toHaveLength(1);
  });

  it('writes a large batch in one transaction', async () => {
    const { uow, transactions } = fakeUnitOfWork();
    const log = new AccessLogService(uow, noSpill);
    await Promise.all(Array.from({ length: 1201 }, (_, i) => log.recordRead(reader, 'pacts', i)));
    expect(transactions).toHaveLength(1);
    expect(transactions[0].map((e) => e.entityId)).toEqual(
      Array.from({ length: 1201 }, (_, i) => i),
    );
  });

  it('fails every read of a batch that could not be written', async () => {
    const { uow } = fakeUnitOfWork(true);
    const log = new AccessLogService(uow, noSpill);
    const reads = [log.recordRead(reader, 'pacts', 1), log.recordRead(reader, 'pacts', 2)];
    for (const read of reads) await expect(read).rejects.toThrow('disk full');
  });
});
