import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json';
import type { AuditEvent } from './audit-event.entity';

export const GENESIS_HASH = '0'.repeat(64);

/** The text the hash covers: everything but the id, in a canonical form. */
export function eventHash(
  prevHash: string,
  e: Pick<AuditEvent, 'at' | 'actorId' | 'action' | 'entityType' | 'entityId' | 'changes'>,
): string {
  const payload = canonicalJson({
    at: e.at,
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    changes: e.changes,
  });
  return createHash('sha256').update(prevHash).update('\n').update(payload).digest('hex');
}
