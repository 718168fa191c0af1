import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { registerSqliteFunctions } from './sqlite-functions';
import { statementCache } from './sqlite-statements';

/** A read-only connection in a worker thread: see sqlite-reader.ts. */
const db = new Database((workerData as { path: string }).path, {
  readonly: true,
  fileMustExist: true,
});
db.pragma('busy_timeout = 5000');
// 32 MiB of page cache instead of SQLite's 2 MiB: a search reads the same search-index and
// table pages again and again (at 100,000 pacts the three statements of a search for a
// common trigram cost 7.9 ms of CPU with the default cache, half of it reading pages back
// from the system, and 5.1 ms with this one; 16 MiB were not enough).
db.pragma(`cache_size = ${-32 * 1024}`);
registerSqliteFunctions(db);

/**
 * Prepared statements kept by their SQL (see statementCache): preparing a search over three
 * FTS5 tables costs more than running it (4.5 ms against 3 ms for a common trigram at
 * 100,000 pacts). The texts repeat: the values are bound, not written in.
 */
const prepared = statementCache(db);

interface Request {
  id: number;
  statements: Array<{ sql: string; parameters: unknown[] }>;
}

parentPort!.on('message', ({ id, statements: asked }: Request) => {
  try {
    // One read transaction: the statements see the same snapshot (WAL).
    const results = db.transaction(() =>
      asked.map(({ sql, parameters }) =>
        prepared(sql).all(...parameters.map((p) => (typeof p === 'boolean' ? Number(p) : p))),
      ),
    )();
    parentPort!.postMessage({ id, results });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
