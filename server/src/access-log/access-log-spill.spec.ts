import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { UnitOfWork } from '../common/unit-of-work';
import { appDataSourceOptions } from '../data-source';
import { AccessLogSpill } from './access-log-spill';
import type { Entry } from './access-log-insert';

/** UnitOfWork's audit hooks, with no events to write. */
const noAudit = {
  defer: () => undefined,
  flush: () => Promise.resolve(),
} as unknown as AuditService;

const entry = (entityId: number): Entry => ({
  at: `2026-12-06T10:00:${String(entityId % 60).padStart(2, '0')}.000Z`,
  actorId: 1,
  entityType: 'pacts',
  entityId,
  via: 'one',
});

describe(AccessLogSpill.name, () => {
  let dir: string;
  let file: string;
  const opened: Array<{ dataSource: DataSource; spill: AccessLogSpill }> = [];

  /** An instance of the server on the database file: its connection, its spill. */
  async function instance() {
    const dataSource = new DataSource(appDataSourceOptions({ type: 'sqlite', path: file }));
    await dataSource.initialize();
    const spill = new AccessLogSpill(new UnitOfWork(dataSource, noAudit));
    opened.push({ dataSource, spill });
    return { dataSource, spill };
  }

  const logged = async (dataSource: DataSource) =>
    (
      await dataSource.query<Array<{ entity_id: number }>>(
        'SELECT entity_id FROM access_log ORDER BY entity_id',
      )
    ).map((r) => r.entity_id);

  const spilled = () => {
    const db = new Database(`${file}-access-spill`, { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM spill').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'spill-'));
    file = join(dir, 'db.sqlite');
    const first = new DataSource(appDataSourceOptions({ type: 'sqlite', path: file }));
    await first.initialize();
    await first.runMigrations();
    await first.destroy();
  });

  afterEach(async () => {
    for (const { dataSource, spill } of opened.splice(0)) {
      await spill.onModuleDestroy();
      await dataSource.destroy();
    }
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('spills beside the database file, and moves each entry into the log once', async () => {
    const { dataSource, spill } = await instance();
    expect(spill.path).toBe(`${file}-access-spill`);
    spill.append([entry(1), entry(2)]);
    spill.append([entry(3)]);
    expect(await logged(dataSource)).toEqual([]);
    await spill.move();
    expect(await logged(dataSource)).toEqual([1, 2, 3]);
    const [first] = await dataSource.query<Array<Record<string, unknown>>>(
      'SELECT at, actor_id, entity_type, via FROM access_log WHERE entity_id = 1',
    );
    expect(first).toEqual({
      at: entry(1).at,
      actor_id: 1,
      entity_type: 'pacts',
      via: 'one',
    });
    expect(spilled()).toBe(0);
    await spill.move();
    expect(await logged(dataSource)).toEqual([1, 2, 3]);
  });

  it('moves nothing twice when it stopped between the commit and the spill’s delete', async () => {
    const { dataSource, spill } = await instance();
    spill.append([entry(1), entry(2)]);
    const prepare = Database.prototype.prepare;
    const crash = jest.spyOn(Database.prototype, 'prepare').mockImplementation(function (
      this: Database.Database,
      sql: string,
    ) {
      if (sql.startsWith('DELETE FROM spill')) throw new Error('stopped');
      return prepare.call(this, sql);
    });
    await expect(spill.move()).rejects.toThrow('stopped');
    crash.mockRestore();
    // Committed to the log, still in the spill: the mark says so.
    expect(await logged(dataSource)).toEqual([1, 2]);
    expect(spilled()).toBe(2);
    await spill.onModuleDestroy();
    // Another start (or another instance) moves what came after, and only that.
    const other = await instance();
    other.spill.append([entry(3)]);
    await other.spill.move();
    expect(await logged(dataSource)).toEqual([1, 2, 3]);
    expect(spilled()).toBe(0);
  });

  it('moves once with several instances moving the same file together', async () => {
    const a = await instance();
    const b = await instance();
    const ids = Array.from({ length: 50 }, (_, i) => i + 1);
    for (const id of ids) (id % 2 ? a : b).spill.append([entry(id)]);
    await Promise.all([a.spill.move(), b.spill.move(), a.spill.move(), b.spill.move()]);
    expect(await logged(a.dataSource)).toEqual(ids);
    expect(spilled()).toBe(0);
  });

  it('keeps a fresh spill file apart from the mark of a removed one', async () => {
    const { dataSource, spill } = await instance();
    spill.append([entry(1)]);
    await spill.move();
    await spill.onModuleDestroy();
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(`${file}-access-spill${suffix}`, { force: true });
    const other = await instance();
    other.spill.append([entry(2)]);
    await other.spill.move();
    expect(await logged(dataSource)).toEqual([1, 2]);
  });

  it('has no spill in memory', () => {
    const dataSource = new DataSource(appDataSourceOptions({ type: 'sqlite', path: ':memory:' }));
    expect(new AccessLogSpill(new UnitOfWork(dataSource, noAudit)).path).toBeUndefined();
  });
});
