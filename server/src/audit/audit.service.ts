import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { canonicalJson } from '../common/canonical-json';
import { nowIso } from '../database/columns';
import { checkChain } from './audit-chain';
import { AuditEvent } from './audit-event.entity';
import { eventHash, GENESIS_HASH } from './audit-hash';

export { eventHash, GENESIS_HASH } from './audit-hash';
/** Any number, the same everywhere: the PostgreSQL advisory lock that orders the chain. */
const CHAIN_LOCK = 74_060_001;
/** Field names whose values never enter the trail. */
const SECRET_FIELDS = new Set(['password', 'passwordHash', 'tokenVersion', 'accessToken', 'token']);

export type Changes = Record<string, [unknown, unknown]>;

export interface NewAuditEvent {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: number | null;
  changes?: Changes;
}

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

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends one event inside the caller's transaction (it commits with the change). */
  async append(tx: EntityManager, event: NewAuditEvent): Promise<AuditEvent> {
    if (tx.connection.options.type === 'postgres') {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    }
    const repo = tx.getRepository(AuditEvent);
    const [last] = await repo.find({
      select: { id: true, hash: true },
      order: { id: 'DESC' },
      take: 1,
    });
    const changes = Object.fromEntries(
      Object.entries(event.changes ?? {}).filter(([k]) => !SECRET_FIELDS.has(k)),
    );
    const row = repo.create({
      at: nowIso(),
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      changes: canonicalJson(changes),
      prevHash: last?.hash ?? GENESIS_HASH,
    });
    row.hash = eventHash(row.prevHash, row);
    return repo.save(row);
  }

  /** The creation of a record, with all its fields. */
  created(
    tx: EntityManager,
    actorId: number | null,
    entityType: string,
    entityId: number,
    record: object,
  ): Promise<AuditEvent> {
    return this.append(tx, {
      actorId,
      action: 'create',
      entityType,
      entityId,
      changes: diffChanges(undefined, record),
    });
  }

  /** The fields an update changed (the bookkeeping of `version` and `updatedAt` left out). */
  updated(
    tx: EntityManager,
    actorId: number | null,
    entityType: string,
    entityId: number,
    before: object,
    after: object,
    action = 'update',
  ): Promise<AuditEvent> {
    const { version: _v, updatedAt: _u, ...changes } = diffChanges(before, after);
    return this.append(tx, { actorId, action, entityType, entityId, changes });
  }

  /** The deletion of a record: the event keeps its whole content. */
  deleted(
    tx: EntityManager,
    actorId: number | null,
    entityType: string,
    entityId: number,
    record: object,
  ): Promise<AuditEvent> {
    return this.append(tx, {
      actorId,
      action: 'delete',
      entityType,
      entityId,
      changes: diffChanges(record, undefined),
    });
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
    const { valid, checked, firstInvalidId, last } = await checkChain(
      this.dataSource.getRepository(AuditEvent),
      { afterId: 0, prevHash: GENESIS_HASH, checked: 0 },
      { chunk: batchSize },
    );
    if (!valid) return { valid, checked, firstInvalidId };
    return { valid, checked, ...(last ? { head: last } : {}) };
  }
}
