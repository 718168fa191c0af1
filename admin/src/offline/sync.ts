import type { OfflineStore, OutboxEntry } from './store';

/** The request an entry is sent as. */
export function entryRequest(entry: OutboxEntry, apiUrl = '/api'): { method: string; url: string } {
  return entry.kind === 'note'
    ? { method: 'POST', url: `${apiUrl}/notes` }
    : { method: 'PUT', url: `${apiUrl}/milestones/${entry.milestoneId}` };
}

/** What became of one sending. */
export type SendOutcome =
  | { kind: 'sent'; body: unknown }
  /** No answer (no network, connection lost): kept, sent again later. */
  | { kind: 'network' }
  /** The session has expired: kept until the same person signs in again. */
  | { kind: 'unauthorized' }
  /** The server is busy or failing (5xx, 429, a key still being answered): sent again later. */
  | { kind: 'later'; status: number; code?: string }
  /** Refused for what it says (the milestone changed, the pact closed…): the person decides. */
  | { kind: 'refused'; status: number; code: string; body: unknown };

/** An answer that sending again unchanged cannot fix. */
const REFUSED = new Set([400, 403, 404, 409, 410, 422]);

/**
 * Sends one entry with its `Idempotency-Key` and the session's token, and says what became
 * of it. Never throws.
 */
export async function sendEntry(
  entry: OutboxEntry,
  token: string,
  { apiUrl = '/api', fetch: doFetch = globalThis.fetch } = {},
): Promise<SendOutcome> {
  const { method, url } = entryRequest(entry, apiUrl);
  let response: Response;
  try {
    response = await doFetch(url, {
      method,
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
        'Idempotency-Key': entry.idempotencyKey,
      },
      body: JSON.stringify(entry.body),
    });
  } catch {
    return { kind: 'network' };
  }
  const body = (await response.json().catch(() => null)) as { code?: unknown } | null;
  const code = typeof body?.code === 'string' ? body.code : undefined;
  if (response.ok) return { kind: 'sent', body };
  if (response.status === 401) return { kind: 'unauthorized' };
  if (code === 'IDEMPOTENCY_IN_PROGRESS' || !REFUSED.has(response.status)) {
    return { kind: 'later', status: response.status, code };
  }
  return { kind: 'refused', status: response.status, code: code ?? 'CONFLICT', body };
}

/** What one pass over the outbox did. */
export interface SyncResult {
  sent: number;
  conflicts: number;
  /** Entries left pending (not reached, or to be sent again). */
  pending: number;
  /** True when the session expired on the way: the rest waits for a new sign-in. */
  sessionExpired: boolean;
}

/**
 * Sends the pending entries of `userId`, oldest first, with that user's `token`: a sent one
 * (first answer or replay) leaves the outbox; a refused one becomes a conflict, kept for the
 * person to decide; no network, an expired session or a busy server stops the pass and keeps
 * that entry and the later ones pending, in order. Another user's entries are never sent.
 */
export async function syncOutbox(
  store: OfflineStore,
  userId: number,
  token: string,
  options: { apiUrl?: string; fetch?: typeof fetch } = {},
): Promise<SyncResult> {
  const result: SyncResult = { sent: 0, conflicts: 0, pending: 0, sessionExpired: false };
  const pending = (await store.entries(userId)).filter((e) => e.state === 'pending');
  for (const [i, entry] of pending.entries()) {
    const outcome = await sendEntry(entry, token, options);
    if (outcome.kind === 'sent') {
      await store.remove(entry.idempotencyKey);
      result.sent += 1;
    } else if (outcome.kind === 'refused') {
      const { params } = (outcome.body ?? {}) as { params?: unknown };
      await store.markConflict(
        entry.idempotencyKey,
        outcome.code,
        params && typeof params === 'object' ? (params as Record<string, unknown>) : {},
      );
      result.conflicts += 1;
    } else {
      result.pending = pending.length - i;
      result.sessionExpired = outcome.kind === 'unauthorized';
      break;
    }
  }
  return result;
}
