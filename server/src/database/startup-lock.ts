import { Logger } from '@nestjs/common';
import { lock } from 'proper-lockfile';
import type { DataSource } from 'typeorm';

/** The PostgreSQL advisory lock key of the start-up work (migrations, first-start data). */
export const STARTUP_LOCK_KEY = 727_001;
/** How long a second instance waits for the first one's start-up work on SQLite. */
const SQLITE_WAIT_MS = 10 * 60 * 1000;
const SQLITE_RETRY_MS = 200;

const logger = new Logger('StartupLock');

/**
 * Runs start-up work (migrations, first-start data) under a lock held across every process
 * that uses the database: instances started together then do it one after the other, and
 * the later ones find it done.
 *
 * PostgreSQL: a session advisory lock on a connection of its own, released with it if the
 * process dies. SQLite: a lock directory beside the database file (proper-lockfile), kept
 * fresh while held and taken over once stale when its holder died.
 */
export async function withStartupLock<T>(
  dataSource: DataSource,
  work: () => Promise<T>,
): Promise<T> {
  if (dataSource.options.type === 'postgres') {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
      try {
        return await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }
  const path = dataSource.options.database;
  if (typeof path !== 'string' || path === ':memory:') return work();
  const release = await lock(path, {
    realpath: false,
    lockfilePath: `${path}.startup-lock`,
    stale: 30_000,
    retries: {
      retries: Math.ceil(SQLITE_WAIT_MS / SQLITE_RETRY_MS),
      factor: 1,
      minTimeout: SQLITE_RETRY_MS,
      maxTimeout: SQLITE_RETRY_MS,
    },
    // The work goes on: each of its transactions is still atomic, and it checks what is done.
    onCompromised: (e) => logger.warn(`start-up lock lost: ${e.message}`),
  });
  try {
    return await work();
  } finally {
    await release().catch((e: unknown) =>
      logger.warn(`start-up lock not released: ${e instanceof Error ? e.message : String(e)}`),
    );
  }
}
