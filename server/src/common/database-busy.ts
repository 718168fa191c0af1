import { DomainError } from './domain-error';

/** The Retry-After of a 503 DATABASE_BUSY, in seconds. */
export const BUSY_RETRY_AFTER_SECONDS = 1;

/** 503: the database stayed busy (deadlocks, lock waits) through every attempt. */
export class DatabaseBusyError extends DomainError {
  constructor() {
    super(
      503,
      'DATABASE_BUSY',
      {},
      'the database is busy with other changes: nothing was saved; try again in a moment',
      { retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS },
    );
  }
}
