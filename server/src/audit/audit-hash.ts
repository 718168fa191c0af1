import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json';
import type { AuditEvent } from './audit-event.entity';

export const GENESIS_HASH = '0'.repeat(64);

type Hashed = Pick<AuditEvent, 'at' | 'actorId' | 'action' | 'entityType' | 'entityId' | 'changes'>;

/** The text the hash covers: everything but the id, in a canonical form. */
function hashedText(e: Hashed): string {
  return canonicalJson({
    at: e.at,
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    changes: e.changes,
  });
}

/**
 * The unkeyed SHA-256 of the chain's first version: it still checks the events written
 * before the chain was sealed (AuditKeyring), and nothing else.
 */
export function eventHash(prevHash: string, e: Hashed): string {
  return createHash('sha256').update(prevHash).update('\n').update(hashedText(e)).digest('hex');
}

/** The hash of every event since the seal: an HMAC-SHA256 with the chain key (AUDIT_KEY). */
export function keyedEventHash(key: Buffer, prevHash: string, e: Hashed): string {
  return createHmac('sha256', key)
    .update(prevHash)
    .update('\n')
    .update(hashedText(e))
    .digest('hex');
}
