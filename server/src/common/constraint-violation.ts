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
