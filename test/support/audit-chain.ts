/**
 * The audit chain as the tests see it from outside: stored rows, the verify answer, and the
 * text each hash covers (the rule of the issue, written again, not imported from the server).
 */

export interface Verification {
  valid: boolean;
  reason?: string;
  checked: number;
  firstInvalidId?: number;
  head?: { id: number; hash: string; at: string };
}

/** A stored row of audit_events, as the database holds it. */
export interface AuditRow {
  id: number;
  at: string;
  actor_id: number | null;
  action: string;
  entity_type: string;
  entity_id: number | null;
  changes: string;
  prev_hash: string;
  hash: string;
}

export type HashedRow = Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>;

export const GENESIS = '0'.repeat(64);

export function canonical(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as Record<string, unknown>)
          .sort()
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sort(value));
}

/** The event's text as the chain covers it: everything but the id, canonical. */
export function hashedText(row: HashedRow): string {
  return canonical({
    at: row.at,
    actorId: row.actor_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    changes: row.changes,
  });
}
