import type Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';

/**
 * The planner's statistics (SQLite: sqlite_stat1; PostgreSQL: pg_statistic). Without them
 * SQLite guesses that any equality on an index finds ten rows, and may walk a territory's
 * whole index instead of looking up the few rows a search index found.
 *
 * As SQLite recommends for long-lived connections: `PRAGMA optimize=0x10002` when a
 * connection opens (tables never analyzed are analyzed, with a bounded number of rows read
 * per index), then `PRAGMA optimize` periodically (only tables whose size changed much since
 * are analyzed again). A bulk load (demo data, the scale seed) ends with ANALYZE on both
 * engines; PostgreSQL's autovacuum keeps them current afterwards.
 */
export const SQLITE_OPTIMIZE_AT_OPEN = 'optimize = 0x10002';

/** Rows ANALYZE reads per index on SQLite: close enough statistics in bounded time. */
export const SQLITE_ANALYSIS_LIMIT = 1000;

/** ANALYZE on an open better-sqlite3 connection (the scale seed's writer). */
export function analyzeSqlite(db: Database.Database): void {
  db.pragma(`analysis_limit = ${SQLITE_ANALYSIS_LIMIT}`);
  db.exec('ANALYZE');
}

/** ANALYZE every table, after a bulk load, on either engine. */
export async function analyze(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type === 'postgres') {
    await dataSource.query('ANALYZE');
    return;
  }
  await dataSource.query(`PRAGMA analysis_limit = ${SQLITE_ANALYSIS_LIMIT}`);
  await dataSource.query('ANALYZE');
}
