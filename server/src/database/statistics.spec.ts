import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { analyzeSqlite } from './statistics';

describe('planner statistics (SQLite)', () => {
  let dir: string;
  let path: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'generattivi-statistics-'));
    path = join(dir, 'db.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, k INTEGER NOT NULL)');
    db.exec('CREATE INDEX t_k ON t (k)');
    const insert = db.prepare('INSERT INTO t (k) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run(i % 7);
    })();
    db.close();
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const stat = (db: Database.Database) =>
    db.prepare("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").get()
      ? db.prepare('SELECT tbl, idx, stat FROM sqlite_stat1').all()
      : [];

  it('analyzes a table never analyzed when the server opens the database', async () => {
    const before = new Database(path, { readonly: true });
    expect(stat(before)).toEqual([]);
    before.close();
    const dataSource = new DataSource(dataSourceOptions({ type: 'sqlite', path }, []));
    await dataSource.initialize();
    await dataSource.destroy();
    const after = new Database(path, { readonly: true });
    expect(stat(after)).toEqual([{ tbl: 't', idx: 't_k', stat: expect.stringMatching(/^500 /) }]);
    after.close();
  });

  it('analyzes every table after a bulk load', () => {
    const db = new Database(path);
    analyzeSqlite(db);
    expect(stat(db)).toEqual([{ tbl: 't', idx: 't_k', stat: expect.stringMatching(/^500 /) }]);
    db.close();
  });
});
