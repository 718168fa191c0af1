import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

type Statement = { sql: string; parameters: unknown[] };
type Pending = { resolve: (rows: unknown[][]) => void; reject: (e: Error) => void };

/**
 * Runs read-only statements on SQLite in a worker thread with its own connection. better-
 * sqlite3 answers synchronously: a search over a million rows run on the main thread would
 * hold every other request for its whole duration; here the event loop stays free.
 * One worker per database file, started on first use; it does not keep the process alive.
 */
export class SqliteReader {
  private static readonly readers = new Map<string, SqliteReader>();
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 1;

  private constructor(path: string) {
    this.worker = new Worker(join(__dirname, 'sqlite-reader-worker.js'), { workerData: { path } });
    this.worker.unref();
    this.worker.on('message', (m: { id: number; results?: unknown[][]; error?: string }) => {
      const waiting = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.error !== undefined) waiting?.reject(new Error(m.error));
      else waiting?.resolve(m.results ?? []);
    });
    const fail = (error: Error) => {
      SqliteReader.readers.delete(path);
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`SQLite reader exited with ${code}`)));
  }

  static for(path: string): SqliteReader {
    let reader = SqliteReader.readers.get(path);
    if (!reader) SqliteReader.readers.set(path, (reader = new SqliteReader(path)));
    return reader;
  }

  /** Stops every reader (a test that ran list code in its own process). */
  static async closeAll(): Promise<void> {
    const readers = [...SqliteReader.readers.values()];
    SqliteReader.readers.clear();
    await Promise.all(readers.map((r) => r.worker.terminate()));
  }

  /** The rows of each statement, read in one snapshot. */
  all(statements: Statement[]): Promise<unknown[][]> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, statements });
    });
  }
}

/** The SQLite file behind a data source, when it is one (not in memory). */
export function sqliteFile(dataSource: DataSource): string | undefined {
  const options = dataSource.options;
  if (options.type !== 'better-sqlite3') return undefined;
  const path = options.database;
  return typeof path === 'string' && path !== '' && path !== ':memory:' ? path : undefined;
}

/**
 * `qb.getRawMany()`, read in the worker thread on an SQLite file: for aggregates over the
 * whole region (reports, alerts), which take longer than a request may hold the event loop.
 */
export async function readRawMany<R = Record<string, unknown>>(
  qb: SelectQueryBuilder<ObjectLiteral>,
): Promise<R[]> {
  const path = sqliteFile(qb.connection);
  if (!path) return qb.getRawMany<R>();
  const [sql, parameters] = qb.getQueryAndParameters();
  qb.connection.logger.logQuery(sql, parameters);
  const [rows] = await SqliteReader.for(path).all([{ sql, parameters }]);
  return rows as R[];
}
