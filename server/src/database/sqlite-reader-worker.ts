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
// 16 MiB of page cache instead of SQLite's 2 MiB: a search reads the same search-index and
// table pages again and again (at 100,000 pacts the three statements of a search for a
// common trigram cost 7.9 ms of CPU with the default cache, half of it reading pages back
// from the system, and 5.1 ms with 32 MiB). With two readers per file (READERS_PER_FILE)
// each has 16 MiB, the 32 MiB one reader had: the bench's 13 searches one at a time, the
// builds alternated twice, took 169.2 and 141.3 ms of server CPU in all with one reader of
// 32 MiB, 171.3 and 140.2 ms with 16 MiB, and the server's RSS stayed (247 MB, 243 MB
// where two readers of 32 MiB reached 277 MB).
db.pragma(`cache_size = ${-16 * 1024}`);
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
