import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

type Statement = { sql: string; parameters: unknown[] };
type Pending = { resolve: (rows: unknown[][]) => void; reject: (e: Error) => void };

/**
 * Threads per database file. Two reads that arrive together (a report's statements, sent at
 * once; a search beside a report) run side by side, each on a core, instead of one behind the
 * other; the second thread is started only when they first do.
 */
export const READERS_PER_FILE = 2;

/**
 * Runs read-only statements on SQLite in a worker thread with its own connection. better-
 * sqlite3 answers synchronously: a search over a million rows run on the main thread would
 * hold every other request for its whole duration; here the event loop stays free.
 * Up to READERS_PER_FILE workers per database file, started on use; they do not keep the
 * process alive.
 */
export class SqliteReader {
  private static readonly readers = new Map<string, SqliteReader[]>();
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
      const others = (SqliteReader.readers.get(path) ?? []).filter((r) => r !== this);
      if (others.length) SqliteReader.readers.set(path, others);
      else SqliteReader.readers.delete(path);
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`SQLite reader exited with ${code}`)));
  }

  /**
   * The reader of `path` with the fewest reads under way: an idle one if there is one, else
   * a new one while there are fewer than READERS_PER_FILE, else the least busy, the first
   * started of equally busy ones (its reads queue in its thread).
   */
  static for(path: string): SqliteReader {
    const readers = SqliteReader.readers.get(path) ?? [];
    let least: SqliteReader | undefined;
    for (const r of readers) if (!least || r.pending.size < least.pending.size) least = r;
    if (least && (least.pending.size === 0 || readers.length >= READERS_PER_FILE)) return least;
    const reader = new SqliteReader(path);
    SqliteReader.readers.set(path, [...readers, reader]);
    return reader;
  }

  /** The worker threads running for `path` now. */
  static threads(path: string): number {
    return SqliteReader.readers.get(path)?.length ?? 0;
  }

  /** Stops every reader (a test that ran list code in its own process). */
  static async closeAll(): Promise<void> {
    const readers = [...SqliteReader.readers.values()].flat();
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
