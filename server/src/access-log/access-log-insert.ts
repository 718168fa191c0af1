import type { EntityManager } from 'typeorm';
import type { RowsInsert } from '../common/unit-of-work';
import type { AccessLogEntry } from './access-log.entity';

/** An entry of the access log as written (its id comes from the database). */
export type Entry = Pick<AccessLogEntry, 'at' | 'actorId' | 'entityType' | 'entityId' | 'via'>;

/** The columns an entry fills, in the order of accessLogRows. */
const COLUMNS = 'at, actor_id, entity_type, entity_id, via';

/** Rows per INSERT statement (5 bound values each). */
export const ROWS_PER_INSERT = 100;

/**
 * `INSERT INTO access_log … VALUES (…), (…)` of `rows` rows, in the engine's placeholders:
 * one text per row count, so that the driver keeps it prepared.
 */
const insertTexts = new Map<string, string>();
export function accessLogInsert(rows: number, postgres: boolean): string {
  const key = `${rows}:${postgres}`;
  let text = insertTexts.get(key);
  if (!text) {
    let n = 0;
    const value = () => (postgres ? `$${++n}` : '?');
    const tuples = Array.from(
      { length: rows },
      () => `(${value()}, ${value()}, ${value()}, ${value()}, ${value()})`,
    );
    text = `INSERT INTO access_log (${COLUMNS}) VALUES ${tuples.join(', ')}`;
    insertTexts.set(key, text);
  }
  return text;
}

/** Inserts the entries in `tx`, ROWS_PER_INSERT per statement. */
export async function writeAccessLog(tx: EntityManager, entries: readonly Entry[]): Promise<void> {
  const postgres = tx.connection.options.type === 'postgres';
  for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) {
    const rows = entries.slice(i, i + ROWS_PER_INSERT);
    await tx.query(accessLogInsert(rows.length, postgres), accessLogRows(rows).flat());
  }
}

/** The access log's INSERT for UnitOfWork.insertRows (a read's batch). */
export const ACCESS_LOG_ROWS: RowsInsert = {
  name: 'access_log_rows',
  sqlite: accessLogInsert(1, false),
  postgres: `INSERT INTO access_log (${COLUMNS})
    SELECT * FROM unnest($1::varchar[], $2::int[], $3::varchar[], $4::int[], $5::text[])`,
};

/** The entries as rows of values, in the order of COLUMNS. */
export function accessLogRows(
  entries: readonly Entry[],
): Array<[string, number, string, number, string]> {
  return entries.map((e) => [e.at, e.actorId, e.entityType, e.entityId, e.via]);
}
