import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import type { DataSourceOptions } from 'typeorm';
import { QueryErrorLogger } from '../common/logging';
import type { DatabaseConfig } from '../config/config';
import { SnakeNamingStrategy } from './naming-strategy';
import { registerSqliteFunctions } from './sqlite-functions';
import { SQLITE_OPTIMIZE_AT_OPEN } from './statistics';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

/** Pragmas set on every SQLite connection and read back at start. */
export const SQLITE_PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 2, // FULL
  foreign_keys: 1,
  busy_timeout: 5000,
} as const;

function prepareSqlite(db: Database.Database): void {
  // First: switching to WAL waits for another process that opened the file at the same time.
  db.pragma(`busy_timeout = ${SQLITE_PRAGMAS.busy_timeout}`);
  db.pragma(`journal_mode = WAL`);
  db.pragma(`synchronous = FULL`);
  db.pragma(`foreign_keys = ON`);
  registerSqliteFunctions(db);
  // Tables never analyzed get the planner's statistics (see statistics.ts). Another instance
  // starting on the same file may hold the write lock longer than the busy timeout (its
  // migrations, the first-start data): then it is left to that instance and the periodic
  // refresh, rather than failing this start.
  try {
    db.pragma(SQLITE_OPTIMIZE_AT_OPEN);
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
  }
}

/** The one description of a database with these entities (the application's are in ../data-source.ts). */
export function dataSourceOptions(
  db: DatabaseConfig,
  entities: DataSourceOptions['entities'],
): DataSourceOptions {
  const common = {
    entities,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each' as const,
    logging: ['error' as const],
    // Failed statements are logged without their parameters, which hold personal data.
    logger: new QueryErrorLogger(),
  };
  if (db.type === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: db.url,
      migrations: POSTGRES_MIGRATIONS,
      extra: { max: 10, connectionTimeoutMillis: 5000 },
    };
  }
  if (db.path !== ':memory:') mkdirSync(dirname(db.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: db.path,
    migrations: SQLITE_MIGRATIONS,
    prepareDatabase: prepareSqlite,
  };
}
