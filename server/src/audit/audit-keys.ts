import { createHmac, hkdfSync } from 'node:crypto';

/** What a key derived from AUDIT_KEY is for: each use has a key of its own. */
export type AuditKeyUse = 'chain' | 'anchor' | 'subject-keys' | 'login-pseudonym';

/** A 256-bit key for `use`, derived from AUDIT_KEY (HKDF-SHA256). */
export function deriveAuditKey(auditKey: string, use: AuditKeyUse): Buffer {
  return Buffer.from(hkdfSync('sha256', auditKey, 'generattivi-audit', use, 32));
}

/** HMAC-SHA256 of `text` under `key`, in hex. */
export function hmacHex(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text).digest('hex');
}
