import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditKeyring } from '../audit/audit-keyring';
import { SweptTable } from '../common/swept-table';
import { UnitOfWork } from '../common/unit-of-work';

/**
 * The login throttling policy, kept in the database so that every server instance applies
 * the same counts (a success on one instance clears the pair on all of them):
 *
 * - per account and client address: 10 failures within 15 minutes lock that pair until the
 *   oldest of those 10 leaves the window (429 ACCOUNT_LOCKED);
 * - per account, from all addresses: beyond 20 failures within the window, at most one
 *   attempt every 30 seconds (429 ACCOUNT_BACKOFF): guessers spread over many addresses are
 *   slowed to a trickle while the owner, from an address of their own, waits seconds;
 * - per address: LOGIN_RATE_LIMIT attempts a minute over all accounts (429
 *   LOGIN_RATE_LIMITED; a sliding minute estimated from two fixed ones).
 *
 * Unknown emails are counted exactly like known ones, so no answer tells whether an account
 * exists. An attempt counts as a failure from the moment it is let through until it
 * succeeds: the password check is slow, and parallel guesses must not all pass the check
 * before the first of them is counted.
 */
export const PAIR_MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_BACKOFF_AFTER = 20;
export const ACCOUNT_BACKOFF_MS = 30_000;
export const ADDRESS_WINDOW_MS = 60_000;
/** Rows deleted per sweep statement, so a sweep never holds the database for long. */
export const SWEEP_BATCH = 500;

export type ThrottleCode = 'ACCOUNT_LOCKED' | 'ACCOUNT_BACKOFF' | 'LOGIN_RATE_LIMITED';

export type ThrottleDecision =
  { allowed: true } | { allowed: false; code: ThrottleCode; retryAfterSeconds: number };

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * The decision for one attempt on an account from one address.
 * `pairFailures`: the times of the pair's failures within the window, newest first (10 at
 * most are needed); `accountFailures`: the account's failures within the window from every
 * address; `nextAttemptAt`: the account's next backoff slot.
 */
export function decideAttempt(input: {
  pairFailures: number[];
  accountFailures: number;
  nextAttemptAt: number;
  now: number;
}): ThrottleDecision {
  const { pairFailures, accountFailures, nextAttemptAt, now } = input;
  const recent = pairFailures.filter((t) => now - t < WINDOW_MS);
  if (recent.length >= PAIR_MAX_FAILURES) {
    const oldest = recent[PAIR_MAX_FAILURES - 1];
    return {
      allowed: false,
      code: 'ACCOUNT_LOCKED',
      retryAfterSeconds: seconds(oldest + WINDOW_MS - now),
    };
  }
  if (accountFailures >= ACCOUNT_BACKOFF_AFTER && now < nextAttemptAt) {
    return {
      allowed: false,
      code: 'ACCOUNT_BACKOFF',
      retryAfterSeconds: seconds(nextAttemptAt - now),
    };
  }
  return { allowed: true };
}

/**
 * The decision for an attempt from an address: `hits` attempts (this one included) in the
 * minute that started at `windowStart`, `prevHits` in the minute before. The previous
 * minute counts for the part of it still within the last 60 seconds (a sliding minute,
 * estimated), so a burst across the turn of a minute is refused like any other.
 */
export function decideAddress(
  hits: number,
  prevHits: number,
  windowStart: number,
  max: number,
  now: number,
): ThrottleDecision {
  const elapsed = Math.min(1, Math.max(0, (now - windowStart) / ADDRESS_WINDOW_MS));
  if (prevHits * (1 - elapsed) + hits <= max) return { allowed: true };
  // When the weight of the previous minute will have dropped enough, or else the next minute.
  const until =
    hits < max && prevHits > 0
      ? windowStart + ADDRESS_WINDOW_MS * (1 - (max - hits) / prevHits)
      : windowStart + ADDRESS_WINDOW_MS;
  return {
    allowed: false,
    code: 'LOGIN_RATE_LIMITED',
    retryAfterSeconds: seconds(until - now),
  };
}

/** Applies the policy above on the shared database (both engines). */
@Injectable()
export class LoginThrottle extends SweptTable {
  constructor(
    uow: UnitOfWork,
    private readonly keyring: AuditKeyring,
  ) {
    super(uow, 'login throttle');
  }

  /**
   * The account as stored: a keyed pseudonym of the typed email, which may hold a mistyped
   * password (a plain hash of it could be reversed by guessing).
   */
  accountKey(email: string): string {
    return this.keyring.loginPseudonym(email);
  }

  /**
   * Lets one attempt through (counting it as a failure until `succeeded`) or refuses it.
   * Every attempt on an account first upserts the account's row: on PostgreSQL that locks
   * the row until commit, on SQLite the first write takes the database's write lock; so the
   * check and the count are one step for every instance.
   */
  attempt(email: string, address: string, now = Date.now()): Promise<ThrottleDecision> {
    const key = this.accountKey(email);
    const p = (i: number) => this.p(i);
    return this.uow.run(async (tx) => {
      const [account] = (
        await this.q<{ next_attempt_at: string | number }>(
          tx,
          `INSERT INTO login_accounts (account_key, next_attempt_at, seen_at) VALUES (${p(1)}, 0, ${p(2)})
           ON CONFLICT (account_key) DO UPDATE SET seen_at = excluded.seen_at
           RETURNING next_attempt_at`,
          [key, now],
        )
      ).records;
      const since = now - WINDOW_MS;
      const pair = await this.q<{ at: string | number }>(
        tx,
        `SELECT at FROM login_failures WHERE account_key = ${p(1)} AND address = ${p(2)} AND at > ${p(3)}
         ORDER BY at DESC LIMIT ${PAIR_MAX_FAILURES}`,
        [key, address, since],
      );
      const [{ n }] = (
        await this.q<{ n: string | number }>(
          tx,
          `SELECT COUNT(*) AS n FROM login_failures WHERE account_key = ${p(1)} AND at > ${p(2)}`,
          [key, since],
        )
      ).records;
      const decision = decideAttempt({
        pairFailures: pair.records.map((r) => Number(r.at)),
        accountFailures: Number(n),
        nextAttemptAt: Number(account.next_attempt_at),
        now,
      });
      if (!decision.allowed) return decision;
      await tx.query(
        `INSERT INTO login_failures (account_key, address, at) VALUES (${p(1)}, ${p(2)}, ${p(3)})`,
        [key, address, now],
      );
      await tx.query(
        `UPDATE login_accounts SET next_attempt_at = ${p(1)} WHERE account_key = ${p(2)}`,
        [now + ACCOUNT_BACKOFF_MS, key],
      );
      return decision;
    });
  }

  /** A success clears the pair's failures, for every instance (in the caller's transaction). */
  async succeeded(tx: EntityManager, email: string, address: string): Promise<void> {
    await tx.query(
      `DELETE FROM login_failures WHERE account_key = ${this.p(1)} AND address = ${this.p(2)}`,
      [this.accountKey(email), address],
    );
  }

  /** Counts one login attempt from an address, in one atomic statement, and decides on it. */
  hitAddress(address: string, max: number, now = Date.now()): Promise<ThrottleDecision> {
    const windowStart = now - (now % ADDRESS_WINDOW_MS);
    const p = (i: number) => this.p(i);
    const t = 'login_address_windows';
    return this.uow.run(async (tx) => {
      const [row] = (
        await this.q<{
          hits: string | number;
          prev_hits: string | number;
          window_start: string | number;
        }>(
          tx,
          `INSERT INTO ${t} (address, window_start, hits, prev_hits) VALUES (${p(1)}, ${p(2)}, 1, 0)
           ON CONFLICT (address) DO UPDATE SET
             prev_hits = CASE WHEN ${t}.window_start = excluded.window_start THEN ${t}.prev_hits
                              WHEN ${t}.window_start = excluded.window_start - ${ADDRESS_WINDOW_MS} THEN ${t}.hits
                              ELSE 0 END,
             hits = CASE WHEN ${t}.window_start = excluded.window_start THEN ${t}.hits + 1 ELSE 1 END,
             window_start = excluded.window_start
           RETURNING hits, prev_hits, window_start`,
          [address, windowStart],
        )
      ).records;
      return decideAddress(
        Number(row.hits),
        Number(row.prev_hits),
        Number(row.window_start),
        max,
        now,
      );
    });
  }

  /**
   * Deletes what no decision needs any more, `SWEEP_BATCH` rows per statement and
   * transaction (at most `maxBatches` a table): failures and accounts idle for the whole
   * window, address counts older than two minutes. Returns the rows deleted.
   */
  async sweep(now = Date.now(), maxBatches = 20): Promise<number> {
    const skipLocked = this.uow.isPostgres ? ' FOR UPDATE SKIP LOCKED' : '';
    const p = (i: number) => this.p(i);
    const tables: Array<[string, string, string, number]> = [
      ['login_failures', 'id', 'at', now - WINDOW_MS],
      ['login_accounts', 'account_key', 'seen_at', now - WINDOW_MS],
      ['login_address_windows', 'address', 'window_start', now - 2 * ADDRESS_WINDOW_MS],
    ];
    let deleted = 0;
    for (const [table, id, time, cutoff] of tables) {
      for (let i = 0; i < maxBatches; i++) {
        const { affected = 0 } = await this.uow.run((tx) =>
          this.q(
            tx,
            `DELETE FROM ${table} WHERE ${id} IN (
               SELECT ${id} FROM ${table} WHERE ${time} <= ${p(1)} LIMIT ${SWEEP_BATCH}${skipLocked})`,
            [cutoff],
          ),
        );
        deleted += affected;
        if (affected < SWEEP_BATCH) break;
      }
    }
    return deleted;
  }
}
