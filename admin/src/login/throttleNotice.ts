import { HttpError } from 'ra-core';
import { localizeCode, type CodedMessage } from '../common/serverMessages';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The login's 429 (too many attempts: the account from this address, the account from
 * several addresses, or this address) in the user's language from its error code
 * (`app.error_codes.<CODE>`), with the wait; undefined for any other error.
 */
export function throttleNotice(error: unknown, translate: Translate): string | undefined {
  if (!(error instanceof HttpError) || error.status !== 429) return undefined;
  return localizeCode((error.body ?? {}) as CodedMessage, translate, '') || undefined;
}
