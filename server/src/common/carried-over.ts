import type { PactType } from '@generattivi/shared';
import type { EntityManager, EntityTarget, ObjectLiteral, QueryRunner } from 'typeorm';

/**
 * What the earlier transactions of one piece of work did, which a later one cannot see
 * because they were rolled back. A dry run of an import applies its rows in short
 * transactions, each undone: without this, a row would not see what the rows of earlier
 * transactions did, and the dry run would call it fine where the commit — every row in one
 * transaction — refuses it (or the other way round).
 *
 * The effects of a row on a later row, besides its key (twice in one file, which the import
 * runner checks itself), all go through the open pact per subject (one AUTONOMY pact per
 * person, one INCLUSION pact per household): a pact created opens one for its subject; a
 * draft whose subject changes leaves one and opens another. People and households named by
 * code are never created by rows of the same import, and nothing else one row writes is read
 * by another row's checks.
 *
 * The work's runner keeps a CarriedOver across its transactions and binds it to each one
 * (`carryOver`): the changes of stored records that earlier transactions recorded
 * (`recordWrite`) are written again at its start, and the pacts they created
 * (`recordOpenPact`) are counted where the open pacts of a subject are
 * (`openPactsCarried`). What a transaction records counts from the next one on (`settle`).
 * Bound to the transaction's query runner (SQLite has one for every transaction): the holder
 * unbinds it when the transaction ends. Outside a bound transaction nothing is carried, and
 * recording does nothing.
 */
export class CarriedOver {
  /** Pacts created, by subject (`subjectKey`). */
  private readonly opened = new Map<string, number>();
  /** Changes of stored records, written again at the start of each transaction. */
  private readonly writes: CarriedWrite[] = [];
  private pending: { opened: string[]; writes: CarriedWrite[] } = { opened: [], writes: [] };

  /** What the transaction that is ending recorded counts for the next ones. */
  settle(): void {
    for (const key of this.pending.opened) this.opened.set(key, (this.opened.get(key) ?? 0) + 1);
    this.writes.push(...this.pending.writes);
    this.discard();
  }

  /** Forgets what a transaction recorded: it runs again from its start. */
  discard(): void {
    this.pending = { opened: [], writes: [] };
  }

  /** @internal */
  openedFor(key: string): number {
    return this.opened.get(key) ?? 0;
  }

  /** @internal */
  record(opened: string | undefined, write: CarriedWrite | undefined): void {
    if (opened) this.pending.opened.push(opened);
    if (write) this.pending.writes.push(write);
  }

  /** @internal */
  async replay(tx: EntityManager): Promise<void> {
    for (const { entity, id, changes } of this.writes) await tx.update(entity, id, changes);
  }
}

interface CarriedWrite {
  entity: EntityTarget<ObjectLiteral>;
  id: number;
  changes: ObjectLiteral;
}

const bound = new WeakMap<QueryRunner, CarriedOver>();

const subjectKey = (type: PactType, subjectId: number) => `${type}:${subjectId}`;

/**
 * Binds `carried` to the transaction `tx` and writes again in it what earlier transactions
 * changed; undefined unbinds it.
 */
export async function carryOver(tx: EntityManager, carried: CarriedOver | undefined) {
  if (!tx.queryRunner) return;
  if (!carried) {
    bound.delete(tx.queryRunner);
    return;
  }
  bound.set(tx.queryRunner, carried);
  await carried.replay(tx);
}

const carriedIn = (tx: EntityManager) => tx.queryRunner && bound.get(tx.queryRunner);

/** The open pacts of the type for the subject that earlier transactions of the work created. */
export function openPactsCarried(tx: EntityManager, type: PactType, subjectId: number): number {
  return carriedIn(tx)?.openedFor(subjectKey(type, subjectId)) ?? 0;
}

/** A pact of `type` created for the subject `subjectId` (none: nothing to carry). */
export function recordOpenPact(tx: EntityManager, type: PactType, subjectId: number | null) {
  if (subjectId !== null) carriedIn(tx)?.record(subjectKey(type, subjectId), undefined);
}

/** A change of a stored record that later checks read (e.g. the subject of a draft pact). */
export function recordWrite<E extends ObjectLiteral>(
  tx: EntityManager,
  entity: EntityTarget<E>,
  id: number,
  changes: Partial<E>,
): void {
  carriedIn(tx)?.record(undefined, { entity, id, changes });
}
