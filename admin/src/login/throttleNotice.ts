import { HttpError } from 'ra-core';

type Translate = (key: string, options?: Record<string, unknown>) => string;

const CODES = ['ACCOUNT_LOCKED', 'ACCOUNT_BACKOFF', 'LOGIN_RATE_LIMITED'];

/**
 * The login's 429 (too many attempts: the account from this address, the account from
 * several addresses, or this address) in the user's language, with the wait; undefined for
 * any other error.
 */
export function throttleNotice(error: unknown, translate: Translate): string | undefined {
  if (!(error instanceof HttpError) || error.status !== 429) return undefined;
  const body = (error.body ?? {}) as { code?: unknown; retryAfterSeconds?: unknown };
  const code = typeof body.code === 'string' && CODES.includes(body.code) ? body.code : undefined;
  const seconds = Number(body.retryAfterSeconds);
  if (!code || !Number.isFinite(seconds) || seconds <= 0) return undefined;
  const wait =
    seconds >= 120
      ? translate('app.login_throttle.minutes', { smart_count: Math.ceil(seconds / 60) })
      : translate('app.login_throttle.seconds', { smart_count: Math.ceil(seconds) });
  return translate(`app.login_throttle.${code}`, { wait });
}
