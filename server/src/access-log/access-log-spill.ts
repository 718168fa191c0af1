import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { DatabaseBusyError } from '../common/database-busy';
import { UnitOfWork, type LockWait } from '../common/unit-of-work';
import type { AccessVia } from './access-log.entity';
import { writeAccessLog, type Entry } from './access-log-insert';

/** Entries moved per transaction. */
const MOVE_BATCH = 2_000;
/** How often the spill is looked at, besides after a long unit of this process and at start. */
const MOVE_EVERY_MS = 30_000;
/** A move before a read of the log waits this little for the lock (an import may hold it). */
export const QUICK_LOCK: LockWait = { waitMs: 100, attempts: 1 };
/** How long a write to the spill file waits for another process's (a few rows each). */
const SPILL_BUSY_MS = 2_000;

/**
 * The access log's overflow on SQLite in a file, for the time another connection holds the
 * database's write lock (an import's commit, here or in another instance): a read cannot wait
 * for it, so its entries are committed to a small database beside the main one
 * (`<db file>-access-spill`: WAL, synchronous FULL) and the read answers then. The file is
 * shared by every instance on the database.
 *
 * The mover brings them into `access_log` exactly once: in one transaction of the main
 * database it inserts the spilled entries past the mark (their time, reader, record and way
 * kept) and advances the mark (`access_log_spill_mark`, per generation of the spill file);
 * only after that commit are the entries up to the mark deleted from the spill. A stop between
 * the two leaves entries the mark already covers: skipped next time, never moved twice. Spill
 * ids grow in commit order (AUTOINCREMENT, one writer at a time), so none is committed below
 * a mark. It runs at start, every MOVE_EVERY_MS, after each long unit of this process, and
 * before the log is read (when the lock is free at once).
 */
@Injectable()
export class AccessLogSpill implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AccessLogSpill.name);
  private db: Database.Database | undefined;
  private generationId: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private moving: Promise<void> | undefined;

  constructor(private readonly uow: UnitOfWork) {}

  /** The spill file of this database (undefined: no spill, PostgreSQL or SQLite in memory). */
  get path(): string | undefined {
    const file = this.uow.sqliteFile;
    return file === undefined ? undefined : `${file}-access-spill`;
  }

  onModuleInit(): void {
    if (!this.path) return;
    this.uow.onSideUnitEnd(() => void this.moveQuietly());
    this.timer = setInterval(() => void this.moveQuietly(), MOVE_EVERY_MS);
    this.timer.unref();
    void this.moveQuietly();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.moving;
    this.db?.close();
    this.db = undefined;
  }

  /** Commits the entries to the spill file (durable when this returns). */
  append(entries: readonly Entry[]): void {
    const db = this.open();
    const insert = db.prepare(
      'INSERT INTO spill (at, actor_id, entity_type, entity_id, via) VALUES (?, ?, ?, ?, ?)',
    );
    db.transaction(() => {
      for (const e of entries) insert.run(e.at, e.actorId, e.entityType, e.entityId, e.via);
    }).immediate();
  }

  /**
   * Moves the spilled entries into the access log; `lock`: how long to wait for the main
   * database's write lock (by default as any unit of work). One move at a time per process.
   */
  move(lock?: LockWait): Promise<void> {
    if (!this.path) return Promise.resolve();
    const run = (this.moving ?? Promise.resolve()).then(() => this.moveAll(lock));
    const settled = run.catch(() => undefined);
    this.moving = settled;
    void settled.finally(() => {
      if (this.moving === settled) this.moving = undefined;
    });
    return run;
  }

  /** A move when the lock is free at once, nothing otherwise (it will be done later). */
  async moveQuietly(): Promise<void> {
    try {
      await this.move(QUICK_LOCK);
    } catch (e) {
      if (!(e instanceof DatabaseBusyError)) this.logger.error(`access log spill: ${String(e)}`);
    }
  }

  private async moveAll(lock?: LockWait): Promise<void> {
    if (!this.db && !existsSync(this.path!)) return;
    const db = this.open();
    const generation = this.generationId!;
    for (;;) {
      const moved = await this.uow.run(async (tx) => {
        const [row] = await tx.query<Array<{ mark: number }>>(
          'SELECT mark FROM access_log_spill_mark WHERE generation = ?',
          [generation],
        );
        const mark = row?.mark ?? 0;
        const entries = db
          .prepare(
            'SELECT id, at, actor_id, entity_type, entity_id, via FROM spill WHERE id > ? ORDER BY id LIMIT ?',
          )
          .all(mark, MOVE_BATCH) as Array<{
          id: number;
          at: string;
          actor_id: number;
          entity_type: string;
          entity_id: number;
          via: string;
        }>;
        if (!entries.length) return { mark, count: 0 };
        await writeAccessLog(
          tx,
          entries.map((e) => ({
            at: e.at,
            actorId: e.actor_id,
            entityType: e.entity_type,
            entityId: e.entity_id,
            via: e.via as AccessVia,
          })),
        );
        const last = entries[entries.length - 1].id;
        await tx.query(
          'INSERT INTO access_log_spill_mark (generation, mark) VALUES (?, ?) ON CONFLICT (generation) DO UPDATE SET mark = excluded.mark',
          [generation, last],
        );
        return { mark: last, count: entries.length };
      }, lock);
      // Only once the main database holds them: a stop before leaves them under the mark.
      db.prepare('DELETE FROM spill WHERE id <= ?').run(moved.mark);
      if (moved.count < MOVE_BATCH) return;
    }
  }

  /** The spill database, created when missing. */
  private open(): Database.Database {
    if (this.db) return this.db;
    const db = new Database(this.path!);
    try {
      db.pragma(`busy_timeout = ${SPILL_BUSY_MS}`);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.exec(
        `CREATE TABLE IF NOT EXISTS spill (
           id INTEGER PRIMARY KEY AUTOINCREMENT,
           at TEXT NOT NULL, actor_id INTEGER NOT NULL, entity_type TEXT NOT NULL,
           entity_id INTEGER NOT NULL, via TEXT NOT NULL);
         CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
      );
      db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('generation', ?)").run(
        randomUUID(),
      );
      const row = db.prepare("SELECT value FROM meta WHERE key = 'generation'").get() as {
        value: string;
      };
      this.generationId = row.value;
    } catch (e) {
      db.close();
      throw e;
    }
    this.db = db;
    return db;
  }
}
