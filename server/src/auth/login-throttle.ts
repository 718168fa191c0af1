import { Injectable } from '@nestjs/common';

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

/**
 * Failed logins per account (by email, known or not, so the answer never tells whether an
 * account exists): after 10 failures within 15 minutes the account is locked until the
 * oldest of them leaves the window, whatever the client address.
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

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

  recordFailure(email: string, now = Date.now()): void {
    this.failures.set(email, [...this.recent(email, now), now]);
  }

  reset(email: string): void {
    this.failures.delete(email);
  }
}
