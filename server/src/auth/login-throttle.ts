import { Injectable } from '@nestjs/common';

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;
/** How often (in attempts) accounts whose failures have all left the window are forgotten. */
const SWEEP_EVERY = 1000;

/**
 * Failed logins per account (by email, known or not, so the answer never tells whether an
 * account exists): after 10 failures within 15 minutes the account is locked until the
 * oldest of them leaves the window, whatever the client address.
 *
 * An attempt counts as a failure from the moment it is let through (`attempt`) until it
 * succeeds (`reset`): the password check is slow and asynchronous, and parallel guesses
 * must not all pass the lock before the first of them is counted.
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private attempts = 0;

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds until the account may try again, or 0 when it is not locked. */
  lockedFor(email: string, now = Date.now()): number {
    const list = this.recent(email, now);
    if (list.length < MAX_FAILURES) return 0;
    return Math.ceil((list[list.length - MAX_FAILURES] + WINDOW_MS - now) / 1000);
  }

  /**
   * Lets one attempt through, counting it as a failure until `reset`, or refuses it:
   * returns the seconds to wait when the account is locked, 0 when the attempt may go on.
   * The check and the count happen in one step, so concurrent attempts cannot overtake it.
   */
  attempt(email: string, now = Date.now()): number {
    const wait = this.lockedFor(email, now);
    if (wait > 0) return wait;
    this.recordFailure(email, now);
    return 0;
  }

  recordFailure(email: string, now = Date.now()): void {
    this.failures.set(email, [...this.recent(email, now), now]);
    this.attempts += 1;
    if (this.attempts % SWEEP_EVERY === 0) this.sweep(now);
  }

  reset(email: string): void {
    this.failures.delete(email);
  }

  /** How many accounts have failures on record (for tests and metrics). */
  get trackedAccounts(): number {
    return this.failures.size;
  }

  /** Forgets accounts whose failures have all left the window (guessed emails pile up otherwise). */
  sweep(now = Date.now()): void {
    for (const [key, list] of this.failures) {
      if (now - list[list.length - 1] >= WINDOW_MS) this.failures.delete(key);
    }
  }
}
