import { LoginThrottle, MAX_FAILURES, WINDOW_MS } from './login-throttle';

describe(LoginThrottle.name, () => {
  const t0 = Date.UTC(2026, 10, 25, 9, 0, 0);
  const minutes = (n: number) => n * 60 * 1000;

  it('lets 10 attempts through, then locks the account', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < MAX_FAILURES; i++) expect(throttle.attempt('a@x.it', t0 + i)).toBe(0);
    expect(throttle.attempt('a@x.it', t0 + MAX_FAILURES)).toBeGreaterThan(0);
    expect(throttle.lockedFor('b@x.it', t0)).toBe(0);
  });

  it('counts an attempt before its password is checked, so parallel guesses cannot overtake', () => {
    const throttle = new LoginThrottle();
    // 30 attempts arrive before any of them has finished (no reset, no recordFailure).
    const answers = Array.from({ length: 30 }, () => throttle.attempt('a@x.it', t0));
    expect(answers.filter((wait) => wait === 0)).toHaveLength(MAX_FAILURES);
  });

  it('does not count refused attempts: the lock ends when the oldest failure leaves the window', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < MAX_FAILURES; i++) throttle.attempt('a@x.it', t0 + minutes(i));
    // Locked until the first failure (t0) is 15 minutes old.
    const wait = throttle.attempt('a@x.it', t0 + minutes(10));
    expect(wait).toBe(5 * 60);
    for (let i = 0; i < 100; i++) throttle.attempt('a@x.it', t0 + minutes(10) + i);
    expect(throttle.attempt('a@x.it', t0 + WINDOW_MS - 1)).toBe(1);
    expect(throttle.attempt('a@x.it', t0 + WINDOW_MS)).toBe(0);
    // …and then it is locked again at once: nine failures are still in the window, plus this one.
    expect(throttle.attempt('a@x.it', t0 + WINDOW_MS + 1)).toBeGreaterThan(0);
  });

  it('a success clears the account', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < MAX_FAILURES - 1; i++) throttle.attempt('a@x.it', t0);
    throttle.reset('a@x.it');
    for (let i = 0; i < MAX_FAILURES; i++) expect(throttle.attempt('a@x.it', t0)).toBe(0);
  });

  it('forgets guessed emails once their failures are old, so memory stays bounded', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 999; i++) throttle.attempt(`guess-${i}@x.it`, t0);
    expect(throttle.trackedAccounts).toBe(999);
    // The 1000th attempt, 15 minutes later, sweeps the old ones.
    throttle.attempt('late@x.it', t0 + WINDOW_MS);
    expect(throttle.trackedAccounts).toBe(1);
  });
});
