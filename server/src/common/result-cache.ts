import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayIso } from '@generattivi/shared';
import { DataSource } from 'typeorm';
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
  'Computed by aggregate SQL in the caller’s scope. An identical request is answered from the previous computation only while nothing has been written to the database since, and for at most 60 seconds.';

/**
 * Remembers the results of expensive read-only aggregates (reports, alerts) while the data
 * they were computed from is unchanged, and lets concurrent identical requests share one
 * computation.
 *
 * A result is reused only while the database is as it was when the computation started:
 * no transaction of this process has ended since (the unit of work counts them), and no
 * other connection has committed a write — on SQLite `PRAGMA data_version`, on PostgreSQL
 * the position of the write-ahead log, which every commit anywhere on the server moves
 * (other instances of this server included). Also on the same day only, and for at most a
 * minute: the deadlines of the alerts move with the clock.
 *
 * A computation is expensive work: it waits for a slot of admission control, and when the
 * slots and their queue are full the request is refused (503 BUSY). An answer already computed,
 * or being computed for an identical request, is given without a slot: it adds no work.
 */
@Injectable()
export class ResultCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const [row] = await this.dataSource.query<Array<{ v: unknown }>>(
      this.dataSource.options.type === 'postgres'
        ? 'SELECT pg_current_wal_lsn()::text AS v'
        : 'SELECT data_version AS v FROM pragma_data_version',
    );
    return `${this.uow.commits}:${String(row.v)}:${todayIso()}`;
  }
}
