import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** A record as the API sends it, stripped of what the device must not keep. */
export type StoredRecord = Record<string, unknown> & { id: number };

/** The resources a community maker's pages read, kept on the device. */
export const SNAPSHOT_RESOURCES = [
  'pacts',
  'milestones',
  'notes',
  'users',
  'territories',
  'beneficiaries',
  'households',
  'community-labs',
] as const;
export type SnapshotResource = (typeof SNAPSHOT_RESOURCES)[number];

/**
 * What the device keeps of a community maker's work: their assigned open pacts, each pact's
 * milestones and latest notes, and the names the pact page shows (people, places), as of
 * `syncedAt`.
 */
export interface Snapshot {
  userId: number;
  /** ISO 8601 instant of the sync. */
  syncedAt: string;
  records: Record<SnapshotResource, StoredRecord[]>;
}

export type OutboxKind = 'note' | 'achievement';
export type OutboxState = 'pending' | 'conflict';

/** A write made without network (or whose answer was lost), waiting on the device to be sent. */
export interface OutboxEntry {
  /** Sent as `Idempotency-Key`: the server does it once however often it is sent. */
  idempotencyKey: string;
  /** Who made it: only their token sends it. */
  userId: number;
  kind: OutboxKind;
  pactId: number;
  milestoneId?: number;
  /** The exact request body (an achievement's carries the milestone's version). */
  body: Record<string, unknown>;
  /** ISO 8601 instant it was made. */
  createdAt: string;
  state: OutboxState;
  /** The server's error code of a conflict, and its parameters. */
  code?: string;
  params?: Record<string, unknown>;
  /** Order of creation (IndexedDB's own key). */
  seq?: number;
}

interface OfflineSchema extends DBSchema {
  snapshot: { key: string; value: Snapshot };
  outbox: { key: number; value: OutboxEntry; indexes: { idempotencyKey: string } };
}

const SNAPSHOT_KEY = 'current';

/**
 * The device's store (IndexedDB, through `idb`): one snapshot, and the outbox in order of
 * creation. Listeners hear every change, so that the pages show it at once.
 */
export class OfflineStore {
  private db?: Promise<IDBPDatabase<OfflineSchema>>;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly name = 'generattivi-offline') {}

  private open(): Promise<IDBPDatabase<OfflineSchema>> {
    this.db ??= openDB<OfflineSchema>(this.name, 1, {
      upgrade(db) {
        db.createObjectStore('snapshot');
        const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
        outbox.createIndex('idempotencyKey', 'idempotencyKey', { unique: true });
      },
    });
    return this.db;
  }

  /** Calls `listener` after every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** The snapshot of `userId`; another user's counts as none. */
  async snapshot(userId: number): Promise<Snapshot | undefined> {
    const stored = await (await this.open()).get('snapshot', SNAPSHOT_KEY);
    return stored?.userId === userId ? stored : undefined;
  }

  async saveSnapshot(snapshot: Snapshot): Promise<void> {
    await (await this.open()).put('snapshot', snapshot, SNAPSHOT_KEY);
    this.changed();
  }

  async clearSnapshot(): Promise<void> {
    await (await this.open()).delete('snapshot', SNAPSHOT_KEY);
    this.changed();
  }

  /** The entries of `userId` (all users' without it), oldest first. */
  async entries(userId?: number): Promise<OutboxEntry[]> {
    const all = await (await this.open()).getAll('outbox');
    return userId === undefined ? all : all.filter((e) => e.userId === userId);
  }

  /** Adds an entry at the end of the outbox. */
  async add(entry: OutboxEntry): Promise<OutboxEntry> {
    const { seq: _ignored, ...fresh } = entry;
    const seq = await (await this.open()).add('outbox', fresh as OutboxEntry);
    this.changed();
    return { ...fresh, seq };
  }

  /** Marks an entry as a conflict, with the server's code and its parameters. */
  async markConflict(
    idempotencyKey: string,
    code: string,
    params: Record<string, unknown> = {},
  ): Promise<void> {
    const db = await this.open();
    const tx = db.transaction('outbox', 'readwrite');
    const entry = await tx.store.index('idempotencyKey').get(idempotencyKey);
    if (entry) await tx.store.put({ ...entry, state: 'conflict', code, params });
    await tx.done;
    this.changed();
  }

  async remove(idempotencyKey: string): Promise<void> {
    const db = await this.open();
    const tx = db.transaction('outbox', 'readwrite');
    const seq = await tx.store.index('idempotencyKey').getKey(idempotencyKey);
    if (seq !== undefined) await tx.store.delete(seq);
    await tx.done;
    this.changed();
  }

  /** Removes every entry of `userId` (sign-out, after the person confirmed). */
  async removeAll(userId: number): Promise<void> {
    const db = await this.open();
    const tx = db.transaction('outbox', 'readwrite');
    for (const entry of await tx.store.getAll()) {
      if (entry.userId === userId && entry.seq !== undefined) await tx.store.delete(entry.seq);
    }
    await tx.done;
    this.changed();
  }
}
