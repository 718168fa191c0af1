import { QueryFailedError } from 'typeorm';

/**
 * Which integrity constraint a failed statement hit, on either engine: PostgreSQL SQLSTATE
 * 23505 / 23503, better-sqlite3 SQLITE_CONSTRAINT_UNIQUE / _FOREIGNKEY. Lets a service answer
 * a race the pre-checks could not see with a 409 instead of a 500.
 */
export function constraintViolation(error: unknown): 'unique' | 'foreign-key' | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const code: unknown = (error.driverError as { code?: unknown } | undefined)?.code;
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE') return 'unique';
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'foreign-key';
  return undefined;
}

function driverError(error: unknown): { code?: unknown; constraint?: unknown; message?: unknown } {
  return error instanceof QueryFailedError
    ? ((error.driverError ?? {}) as { code?: unknown; constraint?: unknown; message?: unknown })
    : {};
}

/**
 * The rule "one open pact of a type per beneficiary (AUTONOMY) or household (INCLUSION)"
 * refused a write: PostgreSQL names the index; SQLite names the column of the index, and
 * pacts has no other unique index on beneficiary_id or household_id.
 */
export function openPactViolation(error: unknown): 'AUTONOMY' | 'INCLUSION' | undefined {
  if (constraintViolation(error) !== 'unique') return undefined;
  const { constraint, message } = driverError(error);
  const text = `${typeof constraint === 'string' ? constraint : ''} ${typeof message === 'string' ? message : ''}`;
  if (/UQ_pacts_open_autonomy|pacts\.beneficiary_id/.test(text)) return 'AUTONOMY';
  if (/UQ_pacts_open_inclusion|pacts\.household_id/.test(text)) return 'INCLUSION';
  return undefined;
}

/**
 * A trigger refused a write on behalf of the rule `rule`: PostgreSQL raises check_violation on
 * the constraint of that name, SQLite's trigger aborts with a message that starts with it.
 */
function triggerRefusal(error: unknown, rule: string): boolean {
  const { code, constraint, message } = driverError(error);
  return (
    (code === '23514' && constraint === rule) ||
    (code === 'SQLITE_CONSTRAINT_TRIGGER' &&
      typeof message === 'string' &&
      message.startsWith(`${rule}:`))
  );
}

/** The trigger that keeps the milestones and assignments of a closed pact read-only refused a write. */
export const pactClosedViolation = (error: unknown): boolean =>
  triggerRefusal(error, 'pact_closed');

/** The trigger that keeps an anonymised person out of open pacts refused a write. */
export const beneficiaryAnonymisedViolation = (error: unknown): boolean =>
  triggerRefusal(error, 'beneficiary_anonymised');

/**
 * A failure that says nothing about the request, only that other transactions were in the
 * way: PostgreSQL deadlock (40P01), serialization failure (40001), lock timeout (55P03);
 * SQLite busy (another process holds the write lock past the wait). Running the unit of
 * work again may succeed.
 */
export function transientFailure(error: unknown): boolean {
  const { code } = driverError(error);
  return (
    code === '40P01' ||
    code === '40001' ||
    code === '55P03' ||
    (typeof code === 'string' && code.startsWith('SQLITE_BUSY'))
  );
}
