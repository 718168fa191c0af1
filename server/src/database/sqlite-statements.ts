import type Database from 'better-sqlite3';

/** How many prepared statements a connection keeps (as TypeORM's own driver keeps). */
export const STATEMENTS_KEPT = 100;

/**
 * A connection's prepared statements kept by their SQL, the least recently used dropped past
 * `kept`: a statement is prepared the first time its text is seen, then only bound and run.
 * Used by the reader thread (sqlite-reader-worker.ts) and by the main connection's hot reads
 * (prepared-query.ts).
 */
export function statementCache(
  db: Database.Database,
  kept = STATEMENTS_KEPT,
): (sql: string) => Database.Statement {
  const statements = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = statements.get(sql);
    if (statement) statements.delete(sql);
    else statement = db.prepare(sql);
    statements.set(sql, statement);
    if (statements.size > kept) statements.delete(statements.keys().next().value!);
    return statement;
  };
}
