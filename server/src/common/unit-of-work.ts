import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Database from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'pg';
import { DataSource, EntityManager, QueryFailedError, QueryRunner } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SQLITE_PRAGMAS } from '../database/data-source-options';
import { createDataSource } from '../database/sqlite-bound-integers';
import { statementCache } from '../database/sqlite-statements';
import {
  beneficiaryAnonymisedViolation,
  openPactViolation,
  pactClosedViolation,
  transientFailure,
} from './constraint-violation';
import { DatabaseBusyError } from './database-busy';
import { ConflictError } from './domain-error';

import { databaseErrorCode } from './logging';

/** The records' change count (recordStamp). */
const RECORD_STAMP = 'SELECT "n" FROM "record_changes" WHERE "id" = 1';
/** Runs of a unit of work that failed only because other transactions were in the way. */
const MAX_ATTEMPTS = 3;
/** How long a SQLite write waits for another process to release the database's write lock. */
const SQLITE_WRITE_WAIT_MS = SQLITE_PRAGMAS.busy_timeout;
/**
 * The main connection's busy wait while this process's long unit holds the lock: a statement
 * outside any unit that writes then fails at once (503 DATABASE_BUSY, all-exceptions.filter)
 * instead of holding the event loop for the whole busy timeout.
 */
const SIDE_BUSY_TIMEOUT_MS = 100;
/** How a unit waits for the write lock: for how long, in how many runs (run's options). */
export interface LockWait {
  waitMs: number;
  attempts: number;
}
/**
 * An INSERT for insertRows: `sqlite` inserts one row (`?` placeholders), `postgres` all of them
 * from one array per column (`unnest($1::type[], …)`); `name` is its prepared statement's on
 * PostgreSQL.
 */
export interface RowsInsert {
  readonly name: string;
  readonly sqlite: string;
  readonly postgres: string;
}
type Value = string | number | null;
/** What the database refused on behalf of a rule that spans rows, as the API's 409. */
function refusal(error: unknown): ConflictError | undefined {
  const type = openPactViolation(error);
  if (type === 'AUTONOMY')
    return new ConflictError(
      'OPEN_PACT_EXISTS',
      { type },
      'beneficiaryId: the beneficiary already has an open AUTONOMY pact',
    );
  if (type === 'INCLUSION')
    return new ConflictError(
      'OPEN_PACT_EXISTS',
      { type },
      'householdId: the household already has an open INCLUSION pact',
    );
  if (pactClosedViolation(error))
    return new ConflictError(
      'PACT_CLOSED_CHILDREN',
      {},
      'the pact is closed: its milestones and assignments are read-only',
    );
  if (beneficiaryAnonymisedViolation(error))
    return new ConflictError(
      'BENEFICIARY_ANONYMISED',
      {},
      'beneficiaryId: the person was anonymised and can have no open pact',
    );
  return undefined;
}

/**
 * Runs a piece of work in one database transaction: the change and its audit events commit
 * together or not at all.
 *
 * Lock order — the same in every unit of work, so that two of them never wait for each
 * other in a circle (a deadlock):
 *   1. the pact row (lockPact in pacts/pact-lock.ts, before reading the pact to change it),
 *   2. its children (milestones, assignments, notes), the reference counter of a new pact,
 *   3. the audit chain lock, LAST: AuditService buffers the events of the work and writes
 *      them here, after the work and just before the commit.
 *
 * PostgreSQL runs units in parallel on pooled connections (READ COMMITTED, row locks as
 * above). SQLite has one connection per process, on which TypeORM would nest concurrent
 * transactions as savepoints of each other: units are queued and run one at a time, and each
 * begins IMMEDIATE (the database's write lock taken at BEGIN), so that a read-then-write unit
 * never fails halfway because another process wrote first.
 *
 * Long units (an import's commit, its dry run) run on SQLite on a side connection of their
 * own (side()): while one holds the write lock, this process's main connection keeps
 * answering reads, from the last committed state (WAL), never from the long unit's
 * uncommitted rows. Units of the main connection meanwhile wait for the lock, and past the
 * busy wait answer 503 DATABASE_BUSY with a Retry-After, like a writer of another process.
 *
 * A unit that failed only because of other transactions (deadlock, serialization failure,
 * lock timeout, SQLite busy) ran in a rolled-back transaction: it is run again from the start,
 * up to MAX_ATTEMPTS times with a random pause, then answered 503 DATABASE_BUSY. `work` must
 * therefore keep its effects inside `tx` (no outside state changed before the commit).
 */
@Injectable()
export class UnitOfWork implements OnModuleDestroy {
  private readonly logger = new Logger(UnitOfWork.name);
  /** SQLite's query runner (one per data source) whose BEGIN is already made IMMEDIATE. */
  private readonly immediate = new WeakSet<QueryRunner>();
  private tail: Promise<unknown> = Promise.resolve();
  /** SQLite: the main connection's statements of insertRows, prepared once. */
  private statements?: (sql: string) => Database.Statement;
  /** How long the SQLite BEGIN IMMEDIATE being run waits for the lock (units run one at a time). */
  private waitMs: number = SQLITE_WRITE_WAIT_MS;
  /** The side connection's unit of work (SQLite file), opened at its first use. */
  private sideUnit: Promise<UnitOfWork> | undefined;
  /** Units running now on the side connection, which hold (or wait for) the write lock. */
  private sideRunning = 0;
  private readonly sideListeners: Array<() => void> = [];
  /** True while a BEGIN IMMEDIATE of this connection waits for another to release the lock. */
  waitingForLock = false;
  /** ROLLBACKs sent on SQLite's main connection, counted before and after each (recordStamp). */
  private rollbacksSent = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** SQLite in a file: other connections (a side one, other processes) may hold the write lock. */
  get isSqliteFile(): boolean {
    const { type, database } = this.dataSource.options;
    return type === 'better-sqlite3' && database !== ':memory:';
  }

  /** The file of a SQLite database (undefined on PostgreSQL and in memory). */
  get sqliteFile(): string | undefined {
    return this.isSqliteFile ? String(this.dataSource.options.database) : undefined;
  }

  /**
   * What the records read by the result cache's computations look like now (result-cache.ts):
   * `record_changes.n` (migration RecordChanges), which each write of those records moves in
   * its transaction. On SQLite, reads outside units share the connection of the unit in
   * progress and see its uncommitted rows: the ROLLBACKs sent on it (counted as each is sent
   * and again once it has run) are part of the stamp, read in the same synchronous step as `n`,
   * so that nothing computed from rows rolled back since matches it again.
   */
  async recordStamp(): Promise<string> {
    if (this.isPostgres) {
      const [row] = await this.dataSource.query<Array<{ n: string }>>(RECORD_STAMP);
      return row.n;
    }
    this.beginImmediate(this.dataSource.createQueryRunner());
    const { n } = (this.statements ??= statementCache(this.sqlite()))(RECORD_STAMP).get() as {
      n: number;
    };
    return `${n}:${this.rollbacksSent}`;
  }

  /** True while a long unit of this process runs on the side connection. */
  get sideHoldsLock(): boolean {
    return this.sideRunning > 0;
  }

  /** Calls `listener` each time a unit of the side connection ends (its lock released). */
  onSideUnitEnd(listener: () => void): void {
    this.sideListeners.push(listener);
  }

  /**
   * Runs a long unit: on SQLite in a file, on the side connection (see the class); elsewhere
   * as run() does (PostgreSQL's pool runs units in parallel; in memory there is one connection).
   */
  async runLong<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isSqliteFile) return this.run(work);
    const side = await (this.sideUnit ??= this.openSide());
    this.sideRunning++;
    this.sqlite().pragma(`busy_timeout = ${this.busyTimeout}`);
    try {
      return await side.run(work);
    } finally {
      this.sideRunning--;
      this.sqlite().pragma(`busy_timeout = ${this.busyTimeout}`);
      for (const listener of this.sideListeners) listener();
    }
  }

  /** The busy timeout of this connection's statements outside BEGIN IMMEDIATE. */
  private get busyTimeout(): number {
    return this.sideRunning > 0 ? SIDE_BUSY_TIMEOUT_MS : SQLITE_WRITE_WAIT_MS;
  }

  /** better-sqlite3's connection (TypeORM's driver has one). */
  private sqlite(): Database.Database {
    return (this.dataSource.driver as unknown as { databaseConnection: Database.Database })
      .databaseConnection;
  }

  private async openSide(): Promise<UnitOfWork> {
    const dataSource = await createDataSource(this.dataSource.options).initialize();
    return new UnitOfWork(dataSource, this.audit);
  }

  async onModuleDestroy(): Promise<void> {
    const side = this.sideUnit;
    this.sideUnit = undefined;
    if (!side) return;
    const unit = await side;
    await unit.tail; // the side's last unit ended (its runner stops before this, ImportRunner)
    await unit.dataSource.destroy();
  }

  /**
   * `lock` (SQLite): how long each run waits for the write lock and how many runs are made
   * before the 503; by default SQLITE_WRITE_WAIT_MS and MAX_ATTEMPTS.
   */
  run<T>(work: (tx: EntityManager) => Promise<T>, lock?: LockWait): Promise<T> {
    return this.retrying(lock, (waitMs) => this.attempt(work, waitMs));
  }

  /**
   * Inserts `rows` in one transaction without TypeORM: the access log's batches, written with
   * every read of a personal record. PostgreSQL: one statement for all the rows (`postgres`,
   * its values one array per column), on the pool, as its own transaction. SQLite: `sqlite`
   * (one row, prepared once) run for each row synchronously between BEGIN IMMEDIATE and
   * COMMIT, queued after the units before it and waiting for the write lock as run() does —
   * nothing else runs on the connection meanwhile. On SQLite 25 rows cost half as much this
   * way as in one multi-row INSERT, and the unit's TypeORM query runner is not involved.
   */
  insertRows(
    insert: RowsInsert,
    rows: readonly (readonly Value[])[],
    lock?: LockWait,
  ): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    if (this.isPostgres) {
      const values = rows[0].map((_, column) => rows.map((row) => row[column]));
      const query = { name: insert.name, text: insert.postgres, values };
      const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
      return this.retrying(lock, () => pool.query(query).then(() => undefined));
    }
    const statement = (this.statements ??= statementCache(this.sqlite()))(insert.sqlite);
    return this.retrying(lock, (waitMs) =>
      this.queued(async () => {
        const db = this.sqlite();
        await this.takeWriteLock(db, waitMs);
        try {
          for (const row of rows) statement.run(...row);
          db.exec('COMMIT');
        } finally {
          if (db.inTransaction) db.exec('ROLLBACK');
        }
      }),
    );
  }

  /** Runs `attempt` again while it fails only because other transactions were in the way. */
  private async retrying<T>(
    lock: LockWait | undefined,
    attempt: (waitMs: number) => Promise<T>,
  ): Promise<T> {
    const attempts = lock?.attempts ?? MAX_ATTEMPTS;
    for (let n = 1; ; n++) {
      try {
        return await attempt(lock?.waitMs ?? SQLITE_WRITE_WAIT_MS);
      } catch (e) {
        const refused = refusal(e);
        if (refused) throw refused;
        if (!transientFailure(e)) throw e;
        if (n >= attempts) {
          this.logger.warn(
            { code: databaseErrorCode(e), attempts: n },
            'database busy: answered 503',
          );
          throw new DatabaseBusyError();
        }
        // Apart, so that the transactions that collided do not collide again.
        await sleep(Math.random() * 20 * n);
      }
    }
  }

  private attempt<T>(work: (tx: EntityManager) => Promise<T>, waitMs: number): Promise<T> {
    if (this.isPostgres) return this.transaction('READ COMMITTED', work);
    return this.queued(() => {
      this.waitMs = waitMs;
      return this.transaction(undefined, work);
    });
  }

  /** SQLite: `next` once the units queued before it have ended (one at a time on the connection). */
  private queued<T>(next: () => Promise<T>): Promise<T> {
    const result = this.tail.then(next);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async transaction<T>(
    isolation: 'READ COMMITTED' | undefined,
    work: (tx: EntityManager) => Promise<T>,
  ): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    if (!this.isPostgres) this.beginImmediate(runner);
    try {
      const body = async (tx: EntityManager) => {
        this.audit.defer(tx);
        const result = await work(tx);
        await this.audit.flush(tx);
        return result;
      };
      return await (isolation
        ? runner.manager.transaction(isolation, body)
        : runner.manager.transaction(body));
    } catch (e) {
      // TypeORM marks its runner in a transaction before the BEGIN it sends: when that BEGIN
      // failed (the write lock never came), the mark stays on SQLite's one runner.
      if (e instanceof QueryFailedError && e.query === 'BEGIN IMMEDIATE')
        Object.assign(runner, { isTransactionActive: false });
      throw e;
    } finally {
      await runner.release();
    }
  }

  /**
   * TypeORM's SQLite runner begins DEFERRED: the write lock would be taken at the first
   * write, and a unit that read first then fails with SQLITE_BUSY when another process wrote
   * meanwhile. Its BEGIN becomes BEGIN IMMEDIATE, tried without blocking the event loop
   * (busy_timeout 0 for that statement; better-sqlite3 is synchronous) and tried again after
   * short pauses while another process holds the lock, up to SQLITE_WRITE_WAIT_MS.
   * (TypeORM's better-sqlite3 driver has a single query runner: it is changed once.) Its
   * ROLLBACKs are counted (recordStamp).
   */
  private beginImmediate(runner: QueryRunner): void {
    if (this.immediate.has(runner)) return;
    this.immediate.add(runner);
    const db = this.sqlite();
    type Query = (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
    const query = (runner.query as Query).bind(runner);
    // TypeORM sends a ROLLBACK after a failed BEGIN: with no transaction it fails, as sent (a
    // failed query in the log), so it fails here unsent (TypeORM then keeps its depth at 0).
    let begun = false;
    const immediate: Query = async (sql, parameters, structured) => {
      if (sql === 'ROLLBACK' && !begun)
        throw new QueryFailedError(sql, [], new Error('no transaction is active'));
      if (sql.startsWith('ROLLBACK')) {
        this.rollbacksSent++;
        try {
          return await query(sql, parameters, structured);
        } finally {
          if (sql === 'ROLLBACK') begun = false;
          this.rollbacksSent++;
        }
      }
      if (sql !== 'BEGIN TRANSACTION') {
        const result = await query(sql, parameters, structured);
        if (sql === 'COMMIT') begun = false;
        return result;
      }
      await this.takeWriteLock(db, this.waitMs);
      begun = true;
      return undefined;
    };
    runner.query = immediate as QueryRunner['query'];
  }

  /**
   * BEGIN IMMEDIATE on `db`, tried without blocking the event loop (busy_timeout 0 for that
   * statement; better-sqlite3 is synchronous) and tried again after short pauses while another
   * connection holds the write lock, up to `waitMs`; then a QueryFailedError of SQLITE_BUSY.
   */
  private async takeWriteLock(db: Database.Database, waitMs: number): Promise<void> {
    const deadline = Date.now() + waitMs;
    try {
      for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
        try {
          db.pragma('busy_timeout = 0');
          db.exec('BEGIN IMMEDIATE');
          return;
        } catch (e) {
          const code = (e as { code?: unknown }).code;
          if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY') || Date.now() > deadline)
            throw new QueryFailedError('BEGIN IMMEDIATE', [], e as Error);
        } finally {
          db.pragma(`busy_timeout = ${this.busyTimeout}`);
        }
        this.waitingForLock = true;
        await sleep(Math.min(pause * (0.5 + Math.random()), Math.max(1, deadline - Date.now())));
      }
    } finally {
      this.waitingForLock = false;
    }
  }
}
