import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/server';

/**
 * The reader threads of an SQLite file (server/src/database/sqlite-reader.ts), as built: a
 * read that arrives while another runs gets a thread of its own, up to READERS_PER_FILE; reads
 * one after the other keep to one thread. On any engine: the module reads a file of its own.
 */

interface Reader {
  all(statements: Array<{ sql: string; parameters: unknown[] }>): Promise<unknown[][]>;
}
interface ReaderModule {
  READERS_PER_FILE: number;
  SqliteReader: {
    for(path: string): Reader;
    threads(path: string): number;
    closeAll(): Promise<void>;
  };
}

const DIST = join(ROOT, 'server', 'dist');
/** A statement that keeps a thread busy for a while (a count to `n`), and its answer. */
const COUNT_TO =
  'WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ?) SELECT COUNT(*) AS n FROM c';

describe('SQLite reader threads', () => {
  let mod: ReaderModule;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    mod = (await import(join(DIST, 'database', 'sqlite-reader'))) as ReaderModule;
    dir = mkdtempSync(join(tmpdir(), 'generattivi-reader-'));
    file = join(dir, 'reader.sqlite');
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    db.prepare('INSERT INTO t (v) VALUES (?), (?)').run('uno', 'due');
    db.close();
  });

  afterEach(() => mod.SqliteReader.closeAll());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const read = (sql: string, parameters: unknown[] = []) =>
    mod.SqliteReader.for(file).all([{ sql, parameters }]);

  it('runs reads one after the other on one thread', async () => {
    for (let i = 0; i < 5; i++)
      expect(await read('SELECT v FROM t WHERE id = ?', [1])).toEqual([[{ v: 'uno' }]]);
    expect(mod.SqliteReader.threads(file)).toBe(1);
  });

  it('answers a short read sent while a long one runs before the long one ends', async () => {
    const order: string[] = [];
    const long = read(COUNT_TO, [3_000_000]).then((r) => (order.push('long'), r));
    const short = read('SELECT COUNT(*) AS n FROM t').then((r) => (order.push('short'), r));
    expect(await Promise.all([long, short])).toEqual([[[{ n: 3_000_000 }]], [[{ n: 2 }]]]);
    expect(order).toEqual(['short', 'long']);
    expect(mod.SqliteReader.threads(file)).toBe(2);
  });

  it('starts no more than READERS_PER_FILE threads: further reads queue and are all answered', async () => {
    expect(mod.READERS_PER_FILE).toBe(2);
    const counts = [400_000, 300_000, 200_000, 100_000, 50_000];
    const results = await Promise.all(counts.map((n) => read(COUNT_TO, [n])));
    expect(results).toEqual(counts.map((n) => [[{ n }]]));
    expect(mod.SqliteReader.threads(file)).toBe(2);
  });

  it('rejects a failing read and goes on answering on the same thread', async () => {
    await expect(read('SELECT missing_column FROM t')).rejects.toThrow(/no such column/);
    expect(await read('SELECT v FROM t WHERE id = ?', [2])).toEqual([[{ v: 'due' }]]);
    expect(mod.SqliteReader.threads(file)).toBe(1);
  });
});
