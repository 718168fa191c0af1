import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { nowIso } from '../database/columns';
import { ConflictError, FieldsError } from './domain-error';

export function versionConflict(expected: number, current: number): ConflictError {
  return new ConflictError(
    'VERSION_CONFLICT',
    `version: the record was changed by someone else (you sent version ${expected}, it is now at ${current}); reload it and apply your change again`,
    { currentVersion: current },
  );
}

/**
 * Optimistic locking that holds under concurrency: one
 * `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?` that must touch
 * exactly one row; otherwise nothing was written and the caller gets a 409.
 */
export async function updateVersioned<T extends ObjectLiteral & { id: number; version: number }>(
  tx: EntityManager,
  entity: EntityTarget<T>,
  id: number,
  expectedVersion: number,
  changes: QueryDeepPartialEntity<T>,
): Promise<void> {
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
    const current = await tx
      .getRepository(entity)
      .findOne({ where: { id } as never, select: { version: true } as never });
    throw versionConflict(expectedVersion, current?.version ?? expectedVersion);
  }
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
  const errors: Record<string, string> = {};
  const b = body as Record<string, unknown>;
  const c = current as Record<string, unknown>;
  // A stale copy differs in its server-owned fields too: that is a conflict, not a bad request.
  if (typeof b.version === 'number' && typeof c.version === 'number' && b.version !== c.version) {
    throw versionConflict(b.version, c.version);
  }
  for (const field of fields) {
    if (!(field in b) || b[field] === undefined) continue;
    if (JSON.stringify(b[field]) !== JSON.stringify(c[field] ?? null))
      errors[field] = 'is read-only';
  }
  if (Object.keys(errors).length) throw new FieldsError(errors, 'READ_ONLY_FIELD');
}

/** Read-only fields may not be sent at all on create. */
export function assertNoReadOnlyOnCreate(body: object, fields: readonly string[]): void {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    if ((body as Record<string, unknown>)[field] !== undefined)
      errors[field] = 'is read-only: it cannot be set on create';
  }
  if (Object.keys(errors).length) throw new FieldsError(errors, 'READ_ONLY_FIELD');
}
