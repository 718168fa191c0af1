import type { EntityManager } from 'typeorm';

/**
 * Locks a pact's row until the transaction ends: the FIRST lock of any unit of work that
 * changes a pact or its milestones, assignments or notes (see UnitOfWork for the order).
 * Writers of one pact then run one after the other, and each reads the pact (its status, its
 * version) only once the previous writer committed: a milestone written after the pact's
 * closing sees it closed. FOR NO KEY UPDATE, not FOR UPDATE: inserting a child (its foreign
 * key takes FOR KEY SHARE on the pact) is not blocked by it.
 *
 * SQLite needs nothing: a unit of work begins IMMEDIATE and holds the database's write lock.
 */
export async function lockPact(tx: EntityManager, pactId: number): Promise<void> {
  if (tx.connection.options.type !== 'postgres') return;
  await tx.query('SELECT 1 FROM "pacts" WHERE "id" = $1 FOR NO KEY UPDATE', [pactId]);
}
