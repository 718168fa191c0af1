import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { registerSqliteFunctions } from './sqlite-functions';

/** A read-only connection in a worker thread: see sqlite-reader.ts. */
const db = new Database((workerData as { path: string }).path, {
  readonly: true,
  fileMustExist: true,
});
db.pragma('busy_timeout = 5000');
registerSqliteFunctions(db);

interface Request {
  id: number;
  statements: Array<{ sql: string; parameters: unknown[] }>;
}

parentPort!.on('message', ({ id, statements }: Request) => {
  try {
    // One read transaction: the statements see the same snapshot (WAL).
    const results = db.transaction(() =>
      statements.map(({ sql, parameters }) =>
        db.prepare(sql).all(...parameters.map((p) => (typeof p === 'boolean' ? Number(p) : p))),
      ),
    )();
    parentPort!.postMessage({ id, results });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
