import { Injectable } from '@nestjs/common';
import { todayIso } from '@generattivi/shared';
import { Admission, BusyError } from './admission';
import { UnitOfWork } from './unit-of-work';

interface Entry {
  /** What the database looked like when the computation started. */
  stamp: string;
  expiresAt: number;
  value: Promise<unknown>;
}

/** How long a result may be served at most, even when nothing was written. */
export const RESULT_TTL_MS = 60_000;
const MAX_ENTRIES = 500;

/** What the OpenAPI description says of the endpoints served through the cache. */
export const FRESHNESS =
  'Computed by aggregate SQL in the caller’s scope. An identical request is answered from the previous computation only while no pact, milestone, user or territory has been written since, and for at most 60 seconds.';

/**
 * Remembers the results of expensive read-only aggregates (reports, alerts) while the data
 * they were computed from is unchanged, and lets concurrent identical requests share one
 * computation.
 *
 * A result is reused only while the records it was computed from are as they were when the
 * computation started: `record_changes.n` (migration RecordChanges), which every write of a
 * territory, a user, a pact or a milestone moves in the writer's transaction — of any
 * connection, process or instance — is unchanged. A computation must read nothing else (or
 * that migration's tables grow with it). The access log, the audit trail, the mail outbox and
 * the other bookkeeping leave it alone. On SQLite the reads share the connection of the unit
 * of work in progress and see its uncommitted rows, so the stamp also counts the ROLLBACKs
 * sent there (UnitOfWork.recordStamp). Also on the same day only, and for at most a minute: the
 * deadlines of the alerts move with the clock.
 *
 * A computation is expensive work: it waits for a slot of admission control, and when the
 * slots and their queue are full the request is refused (503 BUSY). An answer already computed,
 * or being computed for an identical request, is given without a slot: it adds no work.
 */
@Injectable()
export class ResultCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly admission: Admission,
  ) {}

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const stamp = await this.stamp();
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry && entry.stamp === stamp && entry.expiresAt > now) return entry.value as Promise<T>;

    const ticket = this.admission.enter();
    if (!ticket) throw new BusyError();
    const value = ticket.admitted.then(compute).finally(() => ticket.leave());
    this.entries.delete(key);
    this.entries.set(key, { stamp, expiresAt: now + RESULT_TTL_MS, value });
    // A failed computation is not remembered.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    for (const [oldest] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  private async stamp(): Promise<string> {
    return `${await this.uow.recordStamp()}:${todayIso()}`;
  }
}
