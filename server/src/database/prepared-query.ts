import type Database from 'better-sqlite3';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { statementCache } from './sqlite-statements';

/**
 * A statement of a repository: its SQL, written out with `?` placeholders, the same on both
 * engines (numbered `$1…` for PostgreSQL once, here). `name` identifies it among the
 * prepared statements of a PostgreSQL connection; on SQLite the text does.
 */
export interface Statement {
  readonly name: string;
  readonly sqlite: string;
  readonly postgres: string;
}

/** A statement with `?` placeholders (see Statement). Names must be unique per process. */
export function statement(name: string, sql: string): Statement {
  let n = 0;
  const text = sql.replace(/\s+/g, ' ').trim();
  return { name, sqlite: text, postgres: text.replace(/\?/g, () => `$${++n}`) };
}

type Value = string | number | null;

/**
 * Runs a repository's statements as prepared statements, values bound: on SQLite on the main
 * connection (better-sqlite3 is synchronous: only indexed, bounded reads belong here; what
 * scans goes to SqliteReader), on PostgreSQL as named statements of the pool's connections
 * (prepared once per connection, then only executed). Reads outside any unit of work.
 */
export class PreparedQueries {
  private readonly sqlite?: (sql: string) => Database.Statement;
  private readonly pool?: Pool;

  constructor(dataSource: DataSource) {
    const driver = dataSource.driver as unknown as {
      databaseConnection?: Database.Database;
      master?: Pool;
    };
    if (dataSource.options.type === 'better-sqlite3')
      this.sqlite = statementCache(driver.databaseConnection!);
    else if (dataSource.options.type === 'postgres') this.pool = driver.master!;
    else throw new Error(`PreparedQueries: unsupported driver ${dataSource.options.type}`);
  }

  /** The first row, or undefined. */
  async one<R>(s: Statement, values: readonly Value[]): Promise<R | undefined> {
    if (this.sqlite) return this.sqlite(s.sqlite).get(...values) as R | undefined;
    return (await this.query<R>(s, values))[0];
  }

  async all<R>(s: Statement, values: readonly Value[]): Promise<R[]> {
    if (this.sqlite) return this.sqlite(s.sqlite).all(...values) as R[];
    return this.query<R>(s, values);
  }

  private async query<R>(s: Statement, values: readonly Value[]): Promise<R[]> {
    const result = await this.pool!.query({ name: s.name, text: s.postgres, values: [...values] });
    return result.rows as R[];
  }
}
