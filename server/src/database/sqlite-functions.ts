import type Database from 'better-sqlite3';

/**
 * Text as free-text search compares it: lower case, accents removed ("Ardigò" → "ardigo").
 * PostgreSQL has a SQL function of the same name (lower + unaccent, migration SearchIndexes).
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Functions the queries call on SQLite, registered on every connection. */
export function registerSqliteFunctions(db: Database.Database): void {
  db.function('generattivi_fold', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? foldText(value) : value,
  );
}
