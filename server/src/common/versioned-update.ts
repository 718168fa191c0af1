import { DeepPartial, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { nowIso } from './clock';
import { canonicalJson } from './canonical-json';
import { ConflictError, FieldsError } from './domain-error';
import { fieldError } from './error-body';
import type { AuditEntityType, FieldError } from '@generattivi/shared';
import type { AuditService } from '../audit/audit.service';

export function versionConflict(expected: number, current: number): ConflictError {
  return new ConflictError(
    'VERSION_CONFLICT',
    { sent: expected, current },
    `version: the record was changed by someone else (you sent version ${expected}, it is now at ${current}); reload it and apply your change again`,
    { currentVersion: current },
  );
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Whether a stored value and the value about to be written are the same. A decimal column
 * reads back as a number on SQLite and as text on PostgreSQL, while it is written as text.
 */
function sameValue(stored: unknown, next: unknown): boolean {
  if (typeof stored === 'number' && typeof next === 'string' && DECIMAL.test(next))
    return stored === Number(next);
  if (typeof stored === 'string' && typeof next === 'number' && DECIMAL.test(stored))
    return Number(stored) === next;
  return canonicalJson(stored ?? null) === canonicalJson(next ?? null);
}

/** The names of the fields of `changes` whose value differs from the stored record's. */
export function changedFields(current: object, changes: object): string[] {
  const c = current as Record<string, unknown>;
  return Object.entries(changes)
    .filter(([field, value]) => value !== undefined && !sameValue(c[field], value))
    .map(([field]) => field);
}

/**
 * Optimistic locking that holds under concurrency: one
 * `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?` that must touch
 * exactly one row; otherwise nothing was written and the caller gets a 409.
 *
 * Given the stored record (`current`), a write that would change nothing is not made: the
 * version is still checked (a stale one is a 409), but the version, `updatedAt` and the audit
 * trail stay as they are, so nobody else gets a 409 for an edit that changed nothing.
 * Returns whether it wrote; the caller writes no audit event when it did not.
 */
export async function updateVersioned<T extends ObjectLiteral & { id: number; version: number }>(
  tx: EntityManager,
  entity: EntityTarget<T>,
  id: number,
  expectedVersion: number,
  changes: QueryDeepPartialEntity<T>,
  current?: T,
): Promise<boolean> {
  if (current && changedFields(current, changes).length === 0) {
    if (current.version !== expectedVersion)
      throw versionConflict(expectedVersion, current.version);
    return false;
  }
  const result = await tx
    .createQueryBuilder()
    .update(entity)
    .set({
      ...changes,
      updatedAt: nowIso(),
      version: () => 'version + 1',
    } as QueryDeepPartialEntity<T>)
    .where('id = :id AND version = :version', { id, version: expectedVersion })
    .execute();
  if (result.affected !== 1) {
    const stored = await tx
      .getRepository(entity)
      .findOne({ where: { id } as never, select: { version: true } as never });
    throw versionConflict(expectedVersion, stored?.version ?? expectedVersion);
  }
  return true;
}

/**
 * react-admin sends whole records back: read-only fields may come back unchanged (ignored);
 * a different value is a 400 naming each field. A stale `version` is checked first (409).
 */
export function assertReadOnlyUnchanged(
  body: object,
  current: object,
  fields: readonly string[],
): void {
  const errors: Record<string, FieldError> = {};
  const b = body as Record<string, unknown>;
  const c = current as Record<string, unknown>;
  // A stale copy differs in its server-owned fields too: that is a conflict, not a bad request.
  if (typeof b.version === 'number' && typeof c.version === 'number' && b.version !== c.version) {
    throw versionConflict(b.version, c.version);
  }
  for (const field of fields) {
    if (!(field in b) || b[field] === undefined) continue;
    if (JSON.stringify(b[field]) !== JSON.stringify(c[field] ?? null))
      errors[field] = fieldError('READ_ONLY', {}, 'is read-only');
  }
  if (Object.keys(errors).length) throw new FieldsError(errors);
}

/** Read-only fields may not be sent at all on create. */
export function assertNoReadOnlyOnCreate(body: object, fields: readonly string[]): void {
  const errors: Record<string, FieldError> = {};
  for (const field of fields) {
    if ((body as Record<string, unknown>)[field] !== undefined)
      errors[field] = fieldError(
        'READ_ONLY_ON_CREATE',
        {},
        'is read-only: it cannot be set on create',
      );
  }
  if (Object.keys(errors).length) throw new FieldsError(errors);
}

/** A simple resource as the versioned save sees it: its entity, audit name, record, read-only fields. */
export interface SavedResource<E, R> {
  entity: EntityTarget<E>;
  resource: AuditEntityType;
  toRecord: (entity: E) => R;
  readOnly: readonly string[];
  /** The record the audit trail keeps of an update, where it is not the one returned (masked). */
  toAudited?: (entity: E) => object;
}

/** Who writes, through which unit of work and audit trail. */
export interface Writer {
  tx: EntityManager;
  audit: AuditService;
  actorId: number;
}

/** Inserts a record of a simple resource, audits it and returns it as read back. */
export async function createRecord<E extends ObjectLiteral & { id: number }, R extends object>(
  { tx, audit, actorId }: Writer,
  target: SavedResource<E, R>,
  fields: DeepPartial<E>,
): Promise<R> {
  const saved = await tx.save(tx.create(target.entity, fields));
  const record = target.toRecord(
    await tx.findOneByOrFail(target.entity, { id: saved.id } as never),
  );
  await audit.created(tx, actorId, target.resource, saved.id, record);
  return record;
}

/**
 * The update of a simple resource: a stale version is a 409 first, read-only fields sent
 * back must be unchanged (400), then `changes` (which checks what it must, and may refuse)
 * gives the new values; one versioned write, audited with the record before and after (as
 * `toAudited` gives it, where the resource has one); `afterWrite` follows a write that was
 * made, before the record is read back. A PUT that changes nothing writes nothing and returns
 * the record as it is.
 */
export async function updateRecord<
  E extends ObjectLiteral & { id: number; version: number },
  R extends object,
>(
  { tx, audit, actorId }: Writer,
  target: SavedResource<E, R>,
  current: E,
  body: { version: number },
  changes: () => Promise<QueryDeepPartialEntity<E>> | QueryDeepPartialEntity<E>,
  afterWrite?: () => Promise<void>,
): Promise<R> {
  // A stale record also carries a stale updatedAt: the version speaks first (409, not 400).
  if (body.version !== current.version) throw versionConflict(body.version, current.version);
  const before = target.toRecord(current);
  assertReadOnlyUnchanged(body, before, target.readOnly);
  const id = current.id;
  if (!(await updateVersioned(tx, target.entity, id, body.version, await changes(), current)))
    return before;
  await afterWrite?.();
  const updated = await tx.findOneByOrFail(target.entity, { id } as never);
  const after = target.toRecord(updated);
  const audited = target.toAudited;
  const [was, is] = audited ? [audited(current), audited(updated)] : [before, after];
  await audit.updated(tx, actorId, target.resource, id, was, is);
  return after;
}
