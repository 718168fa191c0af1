import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, QueryFailedError } from 'typeorm';
import { auditFixture } from '../audit/audit.fixture';
import { AccessLogSpillMark } from '../access-log/access-log-spill-mark.entity';
import { ACCESS_LOG_ROWS } from '../access-log/access-log-insert';
import { appDataSourceOptions } from '../data-source';
import { Territory } from '../territories/territory.entity';
import { toErrorBody } from './all-exceptions.filter';
import { DatabaseBusyError } from './database-busy';
import { UnitOfWork } from './unit-of-work';

const failure = (code: string, extra: Record<string, unknown> = {}) =>
  new QueryFailedError('UPDATE …', [], Object.assign(new Error(code), { code, ...extra }));

/** The production UnitOfWork on a real SQLite file, with a second connection as "another process". */
describe(UnitOfWork.name, () => {
  let dir: string;
  let dataSource: DataSource;
  let uow: UnitOfWork;
  let other: Database.Database;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'generattivi-uow-'));
    const path = join(dir, 'uow.sqlite');
    dataSource = new DataSource(appDataSourceOptions({ type: 'sqlite', path }));
    await dataSource.initialize();
    await dataSource.runMigrations();
    uow = new UnitOfWork(dataSource, auditFixture(dataSource).audit);
    other = new Database(path);
    other.pragma('busy_timeout = 0');
  });
  afterAll(async () => {
    other?.close();
    await uow?.onModuleDestroy();
    await dataSource?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the work again after a deadlock or a serialization failure, and keeps its result', async () => {
    let runs = 0;
    const result = await uow.run(async () => {
      runs += 1;
      if (runs === 1) throw failure('40P01');
      if (runs === 2) throw failure('40001');
      return 'done';
    });
    expect(result).toBe('done');
    expect(runs).toBe(3);
  });

  it('answers 503 DATABASE_BUSY with a Retry-After once every attempt failed that way', async () => {
    let runs = 0;
    const run = uow.run(async () => {
      runs += 1;
      throw failure('40P01');
    });
    await expect(run).rejects.toBeInstanceOf(DatabaseBusyError);
    await expect(run).rejects.toMatchObject({
      status: 503,
      response: { code: 'DATABASE_BUSY', retryAfterSeconds: 1 },
    });
    expect(runs).toBe(3);
  });

  it('does not run the work again for any other failure', async () => {
    let runs = 0;
    await expect(
      uow.run(async () => {
        runs += 1;
        throw failure('23502');
      }),
    ).rejects.toBeInstanceOf(QueryFailedError);
    expect(runs).toBe(1);
  });

  it('answers the database refusals of rules that span rows with 409 and their code', async () => {
    await expect(
      uow.run(async () => {
        throw failure('23505', { constraint: 'UQ_pacts_open_inclusion' });
      }),
    ).rejects.toMatchObject({ status: 409, response: { code: 'OPEN_PACT_EXISTS' } });
    await expect(
      uow.run(async () => {
        throw failure('SQLITE_CONSTRAINT_TRIGGER', {
          message: 'pact_closed: the pact is closed: its milestones are read-only',
        });
      }),
    ).rejects.toMatchObject({ status: 409, response: { code: 'PACT_CLOSED_CHILDREN' } });
  });

  it('on SQLite, holds the write lock from BEGIN: another process cannot write meanwhile', async () => {
    let otherWrite: unknown;
    await uow.run(async (tx) => {
      await tx.count(Territory); // a read first: a DEFERRED transaction would hold no lock yet
      try {
        other.exec('BEGIN IMMEDIATE');
        other.exec('ROLLBACK');
      } catch (e) {
        otherWrite = e;
      }
    });
    expect((otherWrite as { code?: string } | undefined)?.code).toBe('SQLITE_BUSY');
    // Once committed, the other process writes again.
    expect(() => {
      other.exec('BEGIN IMMEDIATE');
      other.exec('ROLLBACK');
    }).not.toThrow();
  });

  it('on SQLite, waits for another process to release the write lock without holding the event loop', async () => {
    other.exec('BEGIN IMMEDIATE');
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 5);
    let ran = false;
    const run = uow.run(async (tx) => {
      ran = true;
      return tx.count(Territory);
    });
    try {
      await new Promise((r) => setTimeout(r, 100));
      // Still waiting for the lock, and the event loop kept turning meanwhile.
      expect(ran).toBe(false);
      expect(ticks).toBeGreaterThan(3);
    } finally {
      other.exec('ROLLBACK');
      clearInterval(ticker);
    }
    await expect(run).resolves.toBe(0);
    expect(ran).toBe(true);
  });

  it('runs a long unit on a side connection: reads meanwhile see only what was committed, other writers are told busy', async () => {
    const marks = () =>
      dataSource.getRepository(AccessLogSpillMark).countBy({ generation: 'longo' });
    let ended = 0;
    uow.onSideUnitEnd(() => ended++);
    let release!: () => void;
    const inside = new Promise<void>((r) => (release = r));
    let written!: () => void;
    const wrote = new Promise<void>((r) => (written = r));
    const long = uow.runLong(async (tx) => {
      await tx.insert(AccessLogSpillMark, { generation: 'longo', mark: 1 });
      written();
      await inside;
    });
    await wrote;
    expect(uow.sideHoldsLock).toBe(true);
    // The main connection reads the committed state: not the long unit's row.
    expect(await marks()).toBe(0);
    // A unit of the main connection waits for the lock as long as it is told, then 503.
    await expect(
      uow.run(async (tx) => tx.count(Territory), { waitMs: 50, attempts: 1 }),
    ).rejects.toBeInstanceOf(DatabaseBusyError);
    // A write outside any unit fails at once (no long hold of the event loop): a 503.
    const outside = dataSource.query(`UPDATE territories SET name = name WHERE id = 0`);
    await expect(outside).rejects.toMatchObject({ driverError: { code: 'SQLITE_BUSY' } });
    expect(toErrorBody(await outside.catch((e: unknown) => e)).body).toMatchObject({
      statusCode: 503,
      code: 'DATABASE_BUSY',
      retryAfterSeconds: 1,
    });
    expect(ended).toBe(0);
    release();
    await long;
    expect(uow.sideHoldsLock).toBe(false);
    expect(ended).toBe(1);
    expect(await marks()).toBe(1);
    await uow.run((tx) => tx.delete(AccessLogSpillMark, { generation: 'longo' }));
  });

  describe('recordStamp', () => {
    const touchTerritory =
      'UPDATE territories SET name = name WHERE id = (SELECT MIN(id) FROM territories)';
    beforeAll(async () => {
      const territories = dataSource.getRepository(Territory);
      await territories.save(
        territories.create({ code: 'CREMA', name: 'Crema', municipalities: ['Crema'] }),
      );
    });
    const gate = () => {
      let open!: () => void;
      const opened = new Promise<void>((r) => (open = r));
      return { open, opened };
    };

    it('moves with each write of a record, of this process or another, not with the bookkeeping', async () => {
      const before = await uow.recordStamp();
      await uow.run((tx) => tx.count(Territory));
      await uow.insertRows(ACCESS_LOG_ROWS, [
        ['2026-12-07T08:00:00.000Z', 1, 'pacts', 8001, 'one'],
      ]);
      await uow.run((tx) => tx.insert(AccessLogSpillMark, { generation: 'stamp', mark: 1 }));
      await uow.run((tx) => tx.delete(AccessLogSpillMark, { generation: 'stamp' }));
      expect(await uow.recordStamp()).toBe(before);
      await uow.run((tx) => tx.query(touchTerritory));
      const written = await uow.recordStamp();
      expect(written).not.toBe(before);
      other.exec(touchTerritory);
      expect(await uow.recordStamp()).not.toBe(written);
    });

    it('is never again what a read saw inside a unit, or a savepoint, that was rolled back', async () => {
      const seen: string[] = [];
      const written = gate();
      const release = gate();
      const unit = uow.run(async (tx) => {
        await tx.query(touchTerritory);
        written.open();
        await release.opened;
        throw new Error('the unit fails');
      });
      await written.opened;
      seen.push(await uow.recordStamp()); // reads share the unit's connection: its row is seen
      release.open();
      await expect(unit).rejects.toThrow('the unit fails');

      const savepointWritten = gate();
      const savepointRelease = gate();
      const committed = uow.run(async (tx) => {
        await tx
          .transaction(async (inner) => {
            await inner.query(touchTerritory);
            savepointWritten.open();
            await savepointRelease.opened;
            throw new Error('the savepoint fails');
          })
          .catch(() => undefined);
      });
      await savepointWritten.opened;
      seen.push(await uow.recordStamp());
      savepointRelease.open();
      await committed;

      // The same number of writes again, committed: the count is back where the reads saw it.
      const after: string[] = [await uow.recordStamp()];
      await uow.run((tx) => tx.query(touchTerritory));
      after.push(await uow.recordStamp());
      for (const stamp of after) expect(seen).not.toContain(stamp);
      expect(seen[0].split(':')[0]).toBe(after[1].split(':')[0]);
    });
  });

  describe('insertRows', () => {
    const row = (entityId: number, via: string | null = 'one') => [
      '2026-12-07T08:00:00.000Z',
      1,
      'pacts',
      entityId,
      via,
    ];
    const logged = (from: number) =>
      (
        other
          .prepare('SELECT entity_id AS id FROM access_log WHERE entity_id >= ? ORDER BY id')
          .all(from) as Array<{ id: number }>
      ).map((r) => r.id);

    it('commits the rows together, after the unit in progress and outside it', async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let inside!: () => void;
      const started = new Promise<void>((r) => (inside = r));
      const unit = uow.run(async (tx) => {
        await tx.insert(AccessLogSpillMark, { generation: 'rows', mark: 1 });
        inside();
        await gate;
        throw new Error('the unit fails');
      });
      await started;
      const rows = uow.insertRows(ACCESS_LOG_ROWS, [row(9001), row(9002), row(9003)]);
      await new Promise((r) => setTimeout(r, 20));
      expect(logged(9001)).toEqual([]); // queued: not inside the unit's open transaction
      release();
      await expect(unit).rejects.toThrow('the unit fails');
      await rows;
      expect(logged(9001)).toEqual([9001, 9002, 9003]);
      expect(
        await dataSource.getRepository(AccessLogSpillMark).countBy({ generation: 'rows' }),
      ).toBe(0);
    });

    it('keeps none of the rows when one is refused', async () => {
      const insert = uow.insertRows(ACCESS_LOG_ROWS, [row(9101), row(9102, null)]);
      await expect(insert).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_NOTNULL' });
      expect(logged(9101)).toEqual([]);
      // The connection is usable afterwards, outside any transaction.
      await uow.insertRows(ACCESS_LOG_ROWS, [row(9103)]);
      expect(logged(9101)).toEqual([9103]);
    });

    it('waits for another process to release the write lock, then answers busy', async () => {
      other.exec('BEGIN IMMEDIATE');
      let ticks = 0;
      const ticker = setInterval(() => (ticks += 1), 5);
      try {
        const insert = uow.insertRows(ACCESS_LOG_ROWS, [row(9201)], { waitMs: 60, attempts: 1 });
        await expect(insert).rejects.toBeInstanceOf(DatabaseBusyError);
        expect(ticks).toBeGreaterThan(3);
        const waited = uow.insertRows(ACCESS_LOG_ROWS, [row(9202)]);
        await new Promise((r) => setTimeout(r, 50));
        other.exec('ROLLBACK');
        await waited;
      } finally {
        if (other.inTransaction) other.exec('ROLLBACK');
        clearInterval(ticker);
      }
      expect(logged(9201)).toEqual([9202]);
    });
  });
});
