import { Injectable } from '@nestjs/common';
import type {
  AuditAction,
  AuditEntityType,
  AuditEvent as AuditEventRecord,
} from '@generattivi/shared';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { canonicalJson } from '../common/canonical-json';
import { nowIso } from '../common/clock';
import { checkChain } from './audit-chain';
import { AuditEvent } from './audit-event.entity';
import { GENESIS_HASH, keyedEventHash } from './audit-hash';
import { AuditKeyring, lockChain } from './audit-keyring';
import { SubjectKeysService, type Prepared } from './subject-keys.service';

export { eventHash, GENESIS_HASH } from './audit-hash';

/** Audit events inserted per statement (SQLite bounds the parameters of one). */
const INSERT_BATCH = 500;
/**
 * On SQLite, the events a unit of work has buffered are written once they are this many,
 * without waiting for its end: see append().
 */
export const EARLY_WRITE_AT = 2 * INSERT_BATCH;
/** Field names whose values never enter the trail. */
const SECRET_FIELDS = new Set(['password', 'passwordHash', 'tokenVersion', 'accessToken', 'token']);

export type Changes = Record<string, [unknown, unknown]>;

/** An event to append: the shared `AuditEvent` before the chain gives it id, time and hashes. */
export type NewAuditEvent = Pick<
  AuditEventRecord,
  'actorId' | 'action' | 'entityType' | 'entityId'
> & {
  changes?: Changes;
};

/**
 * `{field: [before, after]}` for the fields that differ; secrets are never included.
 * `before` undefined means a creation, `after` undefined a deletion.
 */
export function diffChanges(before: object | undefined, after: object | undefined): Changes {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const out: Changes = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (SECRET_FIELDS.has(key)) continue;
    const from = before ? (b[key] ?? null) : null;
    const to = after ? (a[key] ?? null) : null;
    if (canonicalJson(from) !== canonicalJson(to)) out[key] = [from, to];
  }
  return out;
}

/**
 * Writes the audit trail, a keyed hash chain (AuditKeyring): each event's HMAC covers the
 * previous hash, so events are appended one writer at a time (PostgreSQL: the chain's
 * advisory lock, held until the transaction ends; SQLite: its one writer). Personal fields
 * are encrypted with their subject's key first (SubjectKeysService): the chain covers the
 * ciphertext.
 *
 * Inside a unit of work (UnitOfWork.run) events are buffered and written when the work is
 * done, just before the commit: the chain lock is then always the LAST lock a transaction
 * takes (after the pact row and its children), and it is held only for the insert and the
 * commit, not for the work.
 */
/** The event of a whole record written or removed: where, by whom, which record, its fields. */
type WholeRecordEvent = [
  tx: EntityManager,
  actorId: number | null,
  entityType: AuditEntityType,
  entityId: number,
  record: object,
];

/**
 * An event waiting in a unit of work's buffer, its content as JSON text until it is written:
 * an import's commit buffers one per row, and the text takes a fraction of the objects' room.
 */
type Buffered = Omit<Prepared<NewAuditEvent>, 'event'> & { json: string };

const buffered = ({ event, fields, subject }: Prepared<NewAuditEvent>): Buffered => ({
  json: JSON.stringify(event),
  fields,
  subject,
});

const unbuffered = ({ json, fields, subject }: Buffered): Prepared<NewAuditEvent> => ({
  event: JSON.parse(json) as NewAuditEvent,
  fields,
  subject,
});

@Injectable()
export class AuditService {
  /** Events waiting for the end of their unit of work, by transaction. */
  private readonly pending = new WeakMap<QueryRunner, Buffered[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keyring: AuditKeyring,
    private readonly subjects: SubjectKeysService,
  ) {}

  /** From now on, events appended in `tx` wait for flush(tx) (UnitOfWork does both). */
  defer(tx: EntityManager): void {
    if (tx.queryRunner) this.pending.set(tx.queryRunner, []);
  }

  /** Writes the events `tx` buffered, in the order they were appended. */
  async flush(tx: EntityManager): Promise<void> {
    const events = tx.queryRunner && this.pending.get(tx.queryRunner);
    if (!events) return;
    this.pending.delete(tx.queryRunner!);
    if (events.length) await this.write(tx, events);
  }

  /**
   * Appends one event inside the caller's transaction (it commits with the change): at the
   * end of the unit of work when `tx` belongs to one, else at once.
   */
  async append(tx: EntityManager, event: NewAuditEvent): Promise<void> {
    const filtered = {
      ...event,
      changes: Object.fromEntries(
        Object.entries(event.changes ?? {}).filter(([k]) => !SECRET_FIELDS.has(k)),
      ),
    };
    // Whose personal data it holds is found now, with the change it records; the keys of a
    // unit of work's events are read (or made) together when it is done, a few hundred per
    // statement (an import appends thousands), before the chain lock is taken.
    const prepared = await this.subjects.prepare(tx, filtered);
    const buffer = tx.queryRunner && this.pending.get(tx.queryRunner);
    if (!buffer) return this.write(tx, [buffered(prepared)]);
    buffer.push(buffered(prepared));
    // On SQLite a unit holds the database's one write lock from its BEGIN: writing its events
    // early takes no lock it does not hold already, and a unit that appends tens of thousands
    // (an import's commit) then never holds them all in memory. PostgreSQL keeps them to the
    // end, so that the chain lock stays the last one a transaction takes.
    if (buffer.length >= EARLY_WRITE_AT && tx.connection.options.type !== 'postgres')
      await this.write(tx, buffer.splice(0));
  }

  /**
   * Appends the events: their subjects' keys read (or made) first, before the chain lock;
   * each batch's personal fields encrypted as it is inserted, so that a unit of work of
   * thousands never holds them all twice, plain and encrypted.
   */
  private async write(tx: EntityManager, prepared: Buffered[]) {
    const keys = await this.subjects.keysOf(tx, prepared);
    await lockChain(tx);
    await this.keyring.seal(tx);
    const repo = tx.getRepository(AuditEvent);
    const [last] = await repo.find({
      select: { id: true, hash: true },
      order: { id: 'DESC' },
      take: 1,
    });
    let prevHash = last?.hash ?? GENESIS_HASH;
    const at = nowIso();
    // A statement per batch (a bulk import buffers thousands), rows in chain order: the ids
    // grow in that order.
    for (let start = 0; start < prepared.length; start += INSERT_BATCH) {
      const batch = prepared.slice(start, start + INSERT_BATCH).map(unbuffered);
      const events = this.subjects.sealWith(keys, batch);
      const rows = events.map((event) => {
        const row = repo.create({
          at,
          actorId: event.actorId,
          action: event.action,
          entityType: event.entityType,
          entityId: event.entityId,
          changes: canonicalJson(event.changes ?? {}),
          prevHash,
        });
        row.hash = keyedEventHash(this.keyring.chainKey, row.prevHash, row);
        prevHash = row.hash;
        return row;
      });
      await repo.insert(rows);
      // SQLite answers synchronously: the event loop gets a turn between batches.
      if (start + INSERT_BATCH < prepared.length) await new Promise((r) => setImmediate(r));
    }
  }

  /** The creation of a record, with all its fields. */
  created(...[tx, actorId, entityType, entityId, record]: WholeRecordEvent): Promise<void> {
    const changes = diffChanges(undefined, record);
    return this.append(tx, { actorId, action: 'create', entityType, entityId, changes });
  }

  /** The fields an update changed (the bookkeeping of `version` and `updatedAt` left out). */
  updated(
    tx: EntityManager,
    actorId: number | null,
    entityType: AuditEntityType,
    entityId: number,
    before: object,
    after: object,
    action: AuditAction = 'update',
  ): Promise<void> {
    const { version: _v, updatedAt: _u, ...changes } = diffChanges(before, after);
    return this.append(tx, { actorId, action, entityType, entityId, changes });
  }

  /** The deletion of a record: the event keeps its whole content. */
  deleted(...[tx, actorId, entityType, entityId, record]: WholeRecordEvent): Promise<void> {
    const changes = diffChanges(record, undefined);
    return this.append(tx, { actorId, action: 'delete', entityType, entityId, changes });
  }

  /**
   * Recomputes the whole chain from genesis, in chunks that let other requests run. When it
   * holds, also gives its head (the last event, its hash and time): the chain cannot show
   * that events were removed from its end, so an auditor who notes the head can later check
   * that it is still there, with the same hash.
   */
  async verify(batchSize?: number): Promise<{
    valid: boolean;
    checked: number;
    firstInvalidId?: number;
    head?: { id: number; hash: string; at: string };
  }> {
    const hasher = await this.keyring.hasher();
    if ('problem' in hasher) return { valid: false, checked: 0 };
    const { valid, checked, firstInvalidId, last } = await checkChain(
      this.dataSource.getRepository(AuditEvent),
      { afterId: 0, prevHash: GENESIS_HASH, checked: 0 },
      hasher.hash,
      { chunk: batchSize },
    );
    if (!valid) return { valid, checked, firstInvalidId };
    return { valid, checked, ...(last ? { head: last } : {}) };
  }
}
