import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { Engine, TestServer } from './server';

/**
 * Direct access to a test server's database, beside the running server: what an
 * attacker or an operator with database credentials could do. SQLite is opened as a
 * second connection on the WAL file (the server keeps running); PostgreSQL through `pg`.
 * SQL uses `$1, $2…` placeholders on both engines (rewritten to `?` for SQLite, in order).
 */
export interface DirectDb {
  engine: Engine;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs one statement (DDL or DML) and returns the number of rows it changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /**
   * Runs `work` with the append-only triggers of `table` out of the way, and puts them
   * back (the same definitions) afterwards, in one transaction.
   */
  withoutAppendOnlyTriggers(table: string, work: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

const sqlitePlaceholders = (sql: string): string => sql.replace(/\$\d+/g, '?');

function sqliteParams(params: unknown[]): unknown[] {
  return params.map((p) => (typeof p === 'boolean' ? Number(p) : p));
}

/**
 * better-sqlite3's native part keeps the error class of the first test file that loaded it in
 * a jest worker: in a later file its errors are not this file's Errors, and jest would not
 * see them as thrown. They are thrown again as this file's.
 */
function ownError<T>(statement: () => T): T {
  try {
    return statement();
  } catch (e) {
    const { message, code } = e as { message?: unknown; code?: unknown };
    throw Object.assign(new Error(String(message ?? e)), { code });
  }
}

function openSqlite(path: string): DirectDb {
  const db = new Database(path, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const run = async (sql: string, params: unknown[] = []) =>
    ownError(() => db.prepare(sqlitePlaceholders(sql)).run(...sqliteParams(params)).changes);
  return {
    engine: 'sqlite',
    async query<T>(sql: string, params: unknown[] = []) {
      return ownError(
        () => db.prepare(sqlitePlaceholders(sql)).all(...sqliteParams(params)) as T[],
      );
    },
    run,
    async withoutAppendOnlyTriggers(table, work) {
      const triggers = db
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?")
        .all(table) as Array<{ name: string; sql: string }>;
      if (triggers.length === 0) throw new Error(`${table} has no triggers to lift`);
      db.exec('BEGIN IMMEDIATE');
      try {
        for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
        await work();
        for (const t of triggers) db.exec(t.sql);
        db.exec('COMMIT');
      } catch (e) {
        db.exec('ROLLBACK');
        throw e;
      }
    },
    async close() {
      db.close();
    },
  };
}

async function openPostgres(url: string): Promise<DirectDb> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const run = async (sql: string, params: unknown[] = []) =>
    (await client.query(sql, params)).rowCount ?? 0;
  return {
    engine: 'postgres',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    run,
    async withoutAppendOnlyTriggers(table, work) {
      await client.query('BEGIN');
      try {
        await client.query(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
        await work();
        await client.query(`ALTER TABLE "${table}" ENABLE TRIGGER USER`);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    },
    async close() {
      await client.end();
    },
  };
}

export async function openDatabase(server: TestServer): Promise<DirectDb> {
  return server.engine === 'postgres'
    ? openPostgres(server.databaseUrl)
    : openSqlite(server.databaseUrl);
}
