import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { UnitOfWork } from './unit-of-work';

/** What an old-rows purge deletes, and how. */
export interface ChunkedDelete<E extends ObjectLiteral> {
  entity: EntityTarget<E>;
  /** The table's name and its time column (SQL names), the oldest deleted first. */
  table: string;
  column: string;
  /** Rows at or after this instant are kept. */
  cutoff: string;
  /** Rows deleted per transaction; the event loop is yielded between transactions. */
  chunk: number;
  /** Stops after the current transaction (the process is stopping). */
  stopping: () => boolean;
  /** Runs in each transaction after its delete (renewing a lease). */
  during?: (tx: EntityManager) => Promise<unknown>;
}

/**
 * Deletes the rows older than `cutoff`, `chunk` at a time, each chunk in its own unit of work
 * (short transactions: other writers get their turn, a stop loses nothing), until a chunk
 * comes back short. Resolves to the rows deleted.
 */
export async function deleteOlderInChunks<E extends ObjectLiteral>(
  uow: UnitOfWork,
  purge: ChunkedDelete<E>,
): Promise<number> {
  const { entity, table, column, cutoff, chunk, stopping, during } = purge;
  let deleted = 0;
  for (;;) {
    const count = await uow.run(async (tx) => {
      const result = await tx
        .createQueryBuilder()
        .delete()
        .from(entity)
        .where(
          `id IN (SELECT old.id FROM ${table} old WHERE old.${column} < :cutoff ORDER BY old.${column} LIMIT ${chunk})`,
          { cutoff },
        )
        .execute();
      await during?.(tx);
      return result.affected ?? 0;
    });
    deleted += count;
    if (count < chunk || stopping()) return deleted;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
