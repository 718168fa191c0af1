import type { Milestone } from '@generattivi/shared';
import { HttpError } from 'ra-core';
import { useSyncExternalStore } from 'react';
import { authProvider } from '../login/session';
import { toUserError, type AppDataProvider } from '../providers/dataProvider';
import { i18nProvider } from '../providers/i18nProvider';
import { withOfflineReads } from './offlineReads';
import { readSnapshot, SNAPSHOT_MAX_AGE_MS, type SnapshotSource } from './snapshot';
import { OfflineStore, type OutboxEntry, type OutboxKind } from './store';
import { sendEntry, syncOutbox } from './sync';

/** What the pages show of the device's state. */
export interface OfflineView {
  /** True while the network is not there (the browser says so, or a read got no answer). */
  offline: boolean;
  /** When the snapshot on the device was taken (ISO 8601), if there is one. */
  syncedAt?: string;
  /** The signed-in person's outbox, oldest first. */
  entries: OutboxEntry[];
  /** The session expired while sending: the outbox waits for a new sign-in. */
  sessionExpired: boolean;
}

/** The device's store of this page. */
export const offlineStore = new OfflineStore();

const browserOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;

let view: OfflineView = { offline: !browserOnline(), entries: [], sessionExpired: false };
const viewListeners = new Set<() => void>();
const sentListeners = new Set<() => void>();

function setView(patch: Partial<OfflineView>): void {
  const next = { ...view, ...patch };
  if (Object.entries(patch).every(([k, v]) => view[k as keyof OfflineView] === v)) return;
  view = next;
  for (const listener of viewListeners) listener();
}

/** Re-reads the person's outbox and the time of their snapshot into the view. */
async function reload(): Promise<void> {
  const user = authProvider.getUser();
  if (!user) {
    setView({ entries: [], syncedAt: undefined });
    return;
  }
  const [entries, snapshot] = await Promise.all([
    offlineStore.entries(user.id),
    offlineStore.snapshot(user.id),
  ]);
  setView({ entries, syncedAt: snapshot?.syncedAt });
}

offlineStore.subscribe(() => void reload().catch(() => undefined));

/** The device's state, as the pages show it. */
export function useOfflineView(): OfflineView {
  return useSyncExternalStore(
    (listener) => {
      viewListeners.add(listener);
      return () => viewListeners.delete(listener);
    },
    () => view,
  );
}

/** Calls `listener` after entries have left the outbox (sent, or become conflicts). */
export function onOutboxSent(listener: () => void): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

/** A reads' answer: no answer means offline; an answer, online again (if the browser agrees). */
export function noteNetwork(reached: boolean): void {
  setView({ offline: !reached || !browserOnline() });
}

/** The data provider answering the maker's reads from the device when offline. */
export function withDeviceReads(provider: AppDataProvider): AppDataProvider {
  return withOfflineReads(
    provider,
    async () => {
      const user = authProvider.getUser();
      return user ? offlineStore.snapshot(user.id) : undefined;
    },
    noteNetwork,
  );
}

/** A random UUID: crypto.randomUUID where the page is a secure context, else from random bytes. */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What became of a write: done on the server, or kept on the device to be sent later. */
export type Submitted = 'sent' | 'queued';

/**
 * Saves a write through the outbox: it is kept on the device first (a closed tab loses
 * nothing), then sent with its `Idempotency-Key`. Done → it leaves the outbox ('sent'). No
 * network, an expired session, a busy server → it stays, pending ('queued'). Refused while
 * online → it leaves the outbox and the refusal is thrown, worded as any other, for the
 * dialog that still holds what was typed.
 */
export async function submitThroughOutbox(
  kind: OutboxKind,
  target: { pactId: number; milestoneId?: number },
  body: Record<string, unknown>,
): Promise<Submitted> {
  const user = authProvider.getUser();
  const token = authProvider.getToken();
  if (!user || !token)
    throw new HttpError(i18nProvider.translate('ra.notification.logged_out'), 401);
  // What waits from before goes first: the outbox is sent in the order it was made.
  await flushOutbox();
  const entry: OutboxEntry = {
    idempotencyKey: newKey(),
    userId: user.id,
    kind,
    ...target,
    body,
    createdAt: new Date().toISOString(),
    state: 'pending',
  };
  await offlineStore.add(entry);
  if (!browserOnline()) {
    setView({ offline: true });
    return 'queued';
  }
  const outcome = await sendEntry(entry, token);
  switch (outcome.kind) {
    case 'sent':
      await offlineStore.remove(entry.idempotencyKey);
      noteNetwork(true);
      return 'sent';
    case 'network':
      setView({ offline: true });
      return 'queued';
    case 'unauthorized':
      setView({ sessionExpired: true });
      return 'queued';
    case 'later':
      return 'queued';
    case 'refused': {
      await offlineStore.remove(entry.idempotencyKey);
      const received = outcome.body as { message?: unknown } | null;
      const message = typeof received?.message === 'string' ? received.message : outcome.code;
      throw toUserError(new HttpError(message, outcome.status, received), i18nProvider.translate);
    }
  }
}

/** A diary note (`POST /api/notes`) through the outbox. */
export const submitNote = (body: { pactId: number } & Record<string, unknown>) =>
  submitThroughOutbox('note', { pactId: body.pactId }, body);

/** A milestone marked achieved (`PUT /api/milestones/:id`, with its version) through the outbox. */
export const submitAchievement = (
  milestone: Milestone,
  values: { achievedAt: string; evidence: string | null },
) =>
  submitThroughOutbox(
    'achievement',
    { pactId: milestone.pactId, milestoneId: milestone.id },
    { ...milestone, status: 'ACHIEVED', ...values },
  );

let flushing: Promise<void> | undefined;

/**
 * Sends the signed-in person's pending entries (on start, after sign-in, when the network
 * returns), one pass at a time, one tab at a time where the browser has Web Locks.
 */
export function flushOutbox(): Promise<void> {
  flushing ??= (async () => {
    const user = authProvider.getUser();
    const token = authProvider.getToken();
    if (!user || !token || !browserOnline()) return;
    const pass = () => syncOutbox(offlineStore, user.id, token);
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const result = locks ? await locks.request('generattivi-outbox', pass) : await pass();
    setView({ sessionExpired: result.sessionExpired });
    if (result.sent || result.conflicts) for (const listener of sentListeners) listener();
  })()
    .catch(() => undefined)
    .finally(() => {
      flushing = undefined;
    });
  return flushing;
}

/**
 * Takes a new snapshot of a community maker's work when the one on the device is older than
 * a few minutes (or `force`); other roles keep nothing, and a snapshot of someone else is
 * dropped. `source` reads the network (not the device).
 */
export async function refreshSnapshot(source: SnapshotSource, force = false): Promise<void> {
  const user = authProvider.getUser();
  if (!user) return;
  if (user.role !== 'COMMUNITY_MAKER') {
    await offlineStore.clearSnapshot();
    return;
  }
  if (!browserOnline()) return;
  const current = await offlineStore.snapshot(user.id);
  if (!force && current && Date.now() - Date.parse(current.syncedAt) < SNAPSHOT_MAX_AGE_MS) {
    await reload();
    return;
  }
  try {
    await offlineStore.saveSnapshot(await readSnapshot(source, user.id));
    noteNetwork(true);
  } catch {
    // Kept as it was; the next visit or the network's return tries again.
    await reload();
  }
}

/** At sign-out: the snapshot and the person's outbox leave the device. */
export async function clearDevice(): Promise<void> {
  const user = authProvider.getUser();
  await offlineStore.clearSnapshot();
  if (user) await offlineStore.removeAll(user.id);
}

/** The browser's own word on the network, kept in the view. */
export function watchNetwork(onOnline: () => void): () => void {
  const online = () => {
    setView({ offline: false });
    onOnline();
  };
  const offline = () => setView({ offline: true });
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  setView({ offline: !browserOnline() });
  void reload().catch(() => undefined);
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
  };
}
