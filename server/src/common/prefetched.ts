import type { EntityManager, QueryRunner } from 'typeorm';

/**
 * Reads known in advance inside one transaction. A bulk import loads what a chunk of rows
 * will look up (the records of their keys, the territories) in one query each and remembers
 * them here; the services' per-row checks take the answer from here instead of a round trip
 * to the database. A service that changes what a read answers forgets that answer
 * (`forgetPrefetched`), so the next read asks the database again.
 *
 * Bound to the transaction's query runner, and only for as long as its holder keeps it
 * (`clearPrefetched` when the chunk is done): SQLite has one query runner for every
 * transaction. Outside a transaction (no query runner) nothing is ever known.
 */
const known = new WeakMap<QueryRunner, Map<string, Map<unknown, unknown>>>();

/** What a read answers, by its kind (a name per lookup, e.g. `beneficiaries.fiscalCode`). */
export function rememberPrefetched<K, V>(
  tx: EntityManager,
  kind: string,
  entries: Iterable<readonly [K, V]>,
): void {
  if (!tx.queryRunner) return;
  let kinds = known.get(tx.queryRunner);
  if (!kinds) known.set(tx.queryRunner, (kinds = new Map()));
  let answers = kinds.get(kind);
  if (!answers) kinds.set(kind, (answers = new Map()));
  for (const [key, value] of entries) answers.set(key, value);
}

/** The answer remembered for `key` (null included: known to be absent), else undefined. */
export function recallPrefetched<V>(
  tx: EntityManager,
  kind: string,
  key: unknown,
): { value: V } | undefined {
  const answers = tx.queryRunner && known.get(tx.queryRunner)?.get(kind);
  return answers?.has(key) ? { value: answers.get(key) as V } : undefined;
}

/** Drops the answer for `key`: it changed in this transaction. */
export function forgetPrefetched(tx: EntityManager, kind: string, key: unknown): void {
  if (tx.queryRunner) known.get(tx.queryRunner)?.get(kind)?.delete(key);
}

/** Drops everything remembered in `tx`. */
export function clearPrefetched(tx: EntityManager): void {
  if (tx.queryRunner) known.delete(tx.queryRunner);
}

/** The kinds of reads remembered, shared by who remembers and who recalls. */
export const PREFETCHED = {
  /** Territory by id (Territory | null). */
  territory: 'territories.id',
  /** Beneficiary by normalized fiscal code (Beneficiary | null). */
  beneficiaryByFiscalCode: 'beneficiaries.fiscalCode',
  /** Household by external code (Household | null). */
  householdByExternalCode: 'households.externalCode',
} as const;
