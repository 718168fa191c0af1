import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { createPgDatabase, engineUnderTest, ROOT } from '../support/server';

type DatabaseConfig = { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };
/** The data source description of the built server, exactly as it runs. */
async function serverDataSourceOptions(db: DatabaseConfig): Promise<DataSourceOptions> {
  const mod = (await import(join(ROOT, 'server/dist/data-source'))) as {
    appDataSourceOptions: (db: DatabaseConfig) => DataSourceOptions;
  };
  return mod.appDataSourceOptions(db);
}

describe('migrations', () => {
  let dataSource: DataSource;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (engineUnderTest() === 'postgres') {
      const db = await createPgDatabase('generattivi_schema');
      dataSource = new DataSource(await serverDataSourceOptions({ type: 'postgres', url: db.url }));
      cleanup = db.drop;
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'generattivi-schema-'));
      dataSource = new DataSource(
        await serverDataSourceOptions({ type: 'sqlite', path: join(dir, 'schema.sqlite') }),
      );
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    await dataSource.initialize();
  });
  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await cleanup?.();
  });

  it('produce exactly the schema the entities describe (nothing pending)', async () => {
    const applied = await dataSource.runMigrations();
    expect(applied.length).toBeGreaterThan(0);
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('can be reverted one by one down to an empty database', async () => {
    const count = dataSource.migrations.length;
    for (let i = 0; i < count; i++) await dataSource.undoLastMigration();
    const tables = (await dataSource.query(
      dataSource.options.type === 'postgres'
        ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'"
        : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('migrations', 'sqlite_sequence')",
    )) as Array<{ name: string }>;
    expect(tables).toEqual([]);
  });
});
