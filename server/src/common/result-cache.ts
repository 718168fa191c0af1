import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayIso } from '@generattivi/shared';
import { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller';
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

/**
 * Remembers the results of expensive read-only aggregates (reports, alerts) while the data
 * they were computed from is unchanged, and lets concurrent identical requests share one
 * computation.
 *
 * On SQLite a result is reused only while the database is exactly as it was: no write was
 * committed by this process (the unit of work counts its commits) nor by any other
 * connection (`PRAGMA data_version`), on the same day, and for at most a minute (the
 * deadlines of the alerts move with the clock). PostgreSQL offers no such cheap check
 * across the pool and other servers, so there every request computes afresh.
 */
@Injectable()
export class ResultCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  /** The key part that decides what a caller sees: role, territories, and who for makers. */
  static scopeKey(caller: Caller): string {
    const who = caller.role === 'COMMUNITY_MAKER' ? caller.id : '';
    return `${caller.role}:${who}:${[...caller.territoryIds].sort((a, b) => a - b).join(',')}`;
  }

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.dataSource.options.type !== 'better-sqlite3') return compute();
    const stamp = await this.stamp();
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry && entry.stamp === stamp && entry.expiresAt > now) return entry.value as Promise<T>;

    const value = compute();
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
    const [row] =
      await this.dataSource.query<Array<{ data_version: number }>>('PRAGMA data_version');
    return `${this.uow.commits}:${row.data_version}:${todayIso()}`;
  }
}
