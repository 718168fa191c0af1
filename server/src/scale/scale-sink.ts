import Database from 'better-sqlite3';
import { SEARCH_INDEXED, searchTable } from '../database/migrations/search-tables';
import { refreshRetention } from '../database/migrations/retention-sql';
import { analyzeSqlite } from '../database/statistics';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';

/** The tables the scale seed writes, in an order that satisfies every foreign key. */
export const SCALE_TABLES = [
  'territories',
  'users',
  'community_labs',
  'civic_centers',
  'households',
  'beneficiaries',
  'pacts',
  'milestones',
  'notes',
  'assignments',
  'audit_events',
  'pact_reference_counters',
] as const;
export type ScaleTable = (typeof SCALE_TABLES)[number];

interface ColumnShape {
  property: string;
  column: string;
  kind: 'json' | 'boolean' | 'plain';
  /** The PostgreSQL type of an array of its values (for `unnest`). */
  pgArray: string;
}

const PG_ARRAY: Record<string, string> = {
  integer: 'int[]',
  int: 'int[]',
  bigint: 'bigint[]',
  boolean: 'bool[]',
  decimal: 'numeric[]',
  numeric: 'numeric[]',
};
export type TableShapes = Record<ScaleTable, ColumnShape[]>;

/** Column names and kinds read from the entities' metadata (what the migrations created). */
export function tableShapes(dataSource: DataSource): TableShapes {
  const shapes = {} as TableShapes;
  for (const table of SCALE_TABLES) {
    const metadata = dataSource.entityMetadatas.find((m) => m.tableName === table);
    if (!metadata) throw new Error(`no entity maps the table ${table}`);
    shapes[table] = metadata.columns.map((c) => ({
      property: c.propertyName,
      column: c.databaseName,
      kind: c.type === 'simple-json' ? 'json' : c.type === 'boolean' ? 'boolean' : 'plain',
      pgArray: PG_ARRAY[dataSource.driver.normalizeType(c)] ?? 'text[]',
    }));
  }
  return shapes;
}

/**
 * Where the generated records go. Records are entity-shaped objects (camelCase); `commit`
 * ends a batch, so that a failure loses at most one batch and memory stays flat.
 */
export interface ScaleSink {
  add(table: ScaleTable, record: object): void;
  commit(): Promise<void>;
  /** After the last batch: sequences, statistics, checkpoint. */
  finish(): Promise<void>;
  close(): Promise<void>;
}

function value(shape: ColumnShape, raw: unknown, sqlite: boolean): unknown {
  if (raw === undefined || raw === null) return null;
  if (shape.kind === 'json') return JSON.stringify(raw);
  if (shape.kind === 'boolean' && sqlite) return raw ? 1 : 0;
  return raw;
}

const quote = (name: string) => `"${name}"`;

type Rows = Array<[ScaleTable, unknown[][]]>;

/**
 * Secondary indexes of the big tables that the seed fills in key order: by pact (written
 * one pact after the other), by entity, action, actor or author (a few hundred groups at
 * most, each growing at its end).
 */
const GROWS_IN_ORDER =
  /ON "(audit_events|notes|milestones|assignments)" \("(pact_id|entity_type|action|actor_id|author_id|community_maker_id)"/;

/**
 * The triggers that refuse writes to the milestones and assignments of a closed pact
 * (migration PactInvariants): the seed writes closed pacts with their history, children after
 * their pact (the foreign keys), so they are lifted while loading and put back at the end,
 * like the indexes.
 */
const CLOSED_PACT_GUARD = /^(milestones|assignments)_pact_open(_(insert|update|delete))?$/;

/**
 * The triggers that keep each person's retention dates (migration Retention): each insert of a
 * pact or a person reads that person's pacts, a scan once the pacts' indexes are dropped; they
 * are lifted while loading, and the dates computed for everyone at the end, with the indexes
 * back, by the migration's own statement (refreshRetention).
 */
const RETENTION = /^(pacts|beneficiaries)_retention(_(insert|update|delete|household))?$/;

/**
 * The triggers that count the writes of records for the result cache (migration
 * RecordChanges): lifted while loading, the count moved once at the end.
 */
const RECORD_CHANGES = /^(territories|users|pacts|milestones)_record_changes(_\w+)?$/;
const RECORDS_CHANGED = 'UPDATE "record_changes" SET "n" = "n" + 1 WHERE "id" = 1';

/** The triggers lifted while loading (see above). */
const lifted = (trigger: string) =>
  CLOSED_PACT_GUARD.test(trigger) || RETENTION.test(trigger) || RECORD_CHANGES.test(trigger);

/** Every person's retention dates, as the lifted triggers would have kept them. */
const ALL_RETENTION = refreshRetention('1 = 1');

/**
 * Writes batches of rows to SQLite through better-sqlite3: one prepared INSERT per table,
 * one transaction per batch. While loading, the rollback journal is kept in memory and
 * nothing is synced (a crash means deleting the file and seeding again); at the end the
 * database is back in WAL mode, and the server sets its own pragmas on every connection.
 * Runs in a worker thread (scale-sqlite-worker.ts), beside the generator.
 */
export class SqliteWriter {
  private readonly db: Database.Database;
  private readonly statements = new Map<ScaleTable, Database.Statement>();
  private readonly indexes: Array<{ name: string; sql: string }>;
  private readonly guards: Array<{ name: string; sql: string }>;
  private readonly searchTriggers: Array<{ name: string; sql: string }>;

  constructor(
    path: string,
    private readonly shapes: TableShapes,
  ) {
    this.db = new Database(path, { fileMustExist: true });
    this.db.pragma('journal_mode = MEMORY');
    this.db.pragma('synchronous = OFF');
    // Indexes whose keys arrive out of order (instants, dates, statuses, names) are dropped
    // and built once at the end from sorted data, with the very SQL the migrations used;
    // those that grow in order stay and are maintained as the rows come (constraint
    // indexes, such as the unique audit hash, always stay).
    this.indexes = (
      this.db
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        .all() as Array<{ name: string; sql: string }>
    ).filter((i) => !GROWS_IN_ORDER.test(i.sql));
    for (const i of this.indexes) this.db.exec(`DROP INDEX ${quote(i.name)}`);
    this.guards = (
      this.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as Array<{
        name: string;
        sql: string;
      }>
    ).filter((t) => lifted(t.name));
    for (const t of this.guards) this.db.exec(`DROP TRIGGER ${quote(t.name)}`);
    // The search indexes (FTS5) likewise: their triggers are dropped while loading, and each
    // index is rebuilt once at the end from its table.
    this.searchTriggers = this.db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_search\\_%' ESCAPE '\\'",
      )
      .all() as Array<{ name: string; sql: string }>;
    for (const t of this.searchTriggers) this.db.exec(`DROP TRIGGER ${quote(t.name)}`);
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('threads = 2'); // helper threads for the sorts of CREATE INDEX
    this.db.pragma('cache_size = -1048576'); // 1 GiB: the unique hash index is written at random
    this.db.pragma('temp_store = MEMORY');
  }

  write(batch: Rows): void {
    this.db.exec('BEGIN');
    try {
      for (const [table, rows] of batch) {
        let statement = this.statements.get(table);
        if (!statement) {
          const shape = this.shapes[table];
          statement = this.db.prepare(
            `INSERT INTO ${quote(table)} (${shape.map((c) => quote(c.column)).join(', ')}) VALUES (${shape.map(() => '?').join(', ')})`,
          );
          this.statements.set(table, statement);
        }
        for (const row of rows) statement.run(row);
      }
      this.db.exec('COMMIT');
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }

  finish(): void {
    this.db.exec('BEGIN');
    for (const i of this.indexes) this.db.exec(i.sql);
    for (const table of Object.keys(SEARCH_INDEXED)) {
      const fts = quote(searchTable(table));
      this.db.exec(`INSERT INTO ${fts} (${fts}) VALUES ('rebuild')`);
    }
    this.db.exec(ALL_RETENTION);
    for (const t of this.searchTriggers) this.db.exec(t.sql);
    for (const t of this.guards) this.db.exec(t.sql);
    this.db.exec(RECORDS_CHANGED);
    this.db.exec('COMMIT');
    // The planner's statistics: without them a search may walk a territory's index.
    analyzeSqlite(this.db);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    this.db.close();
  }
}

/** Rows buffered per table, converted to what a driver binds, in foreign-key order. */
class Buffers {
  private readonly rows = new Map<ScaleTable, unknown[][]>();

  constructor(
    private readonly shapes: TableShapes,
    private readonly sqlite: boolean,
  ) {}

  add(table: ScaleTable, record: object): void {
    const r = record as Record<string, unknown>;
    let rows = this.rows.get(table);
    if (!rows) this.rows.set(table, (rows = []));
    rows.push(this.shapes[table].map((c) => value(c, r[c.property], this.sqlite)));
  }

  /** Everything buffered, tables in SCALE_TABLES order; the buffers start empty again. */
  take(): Rows {
    const batch: Rows = [];
    for (const table of SCALE_TABLES) {
      const rows = this.rows.get(table);
      if (rows?.length) batch.push([table, rows]);
    }
    this.rows.clear();
    return batch;
  }
}

/**
 * SQLite: the generator runs on the main thread and an SqliteWriter in a worker thread, one
 * batch behind, so that generating and writing use both cores.
 */
export class SqliteSink implements ScaleSink {
  private readonly buffers: Buffers;
  private readonly worker: Worker;
  private inFlight: Promise<void> = Promise.resolve();
  private failure: Error | undefined;
  private waiting: { resolve: () => void; reject: (e: Error) => void } | undefined;

  constructor(path: string, shapes: TableShapes) {
    this.buffers = new Buffers(shapes, true);
    this.worker = new Worker(join(__dirname, 'scale-sqlite-worker.js'), {
      workerData: { path, shapes },
    });
    this.worker.on('message', (m: { error?: string }) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      if (m.error) waiting?.reject(new Error(m.error));
      else waiting?.resolve();
    });
    this.worker.on('error', (e) => {
      this.failure = e;
      this.waiting?.reject(e);
    });
  }

  private send(message: { type: 'write'; batch: Rows } | { type: 'finish' }): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.worker.postMessage(message);
    });
  }

  add(table: ScaleTable, record: object): void {
    this.buffers.add(table, record);
  }

  async commit(): Promise<void> {
    await this.inFlight;
    this.inFlight = this.send({ type: 'write', batch: this.buffers.take() });
    // Surface a failure at the next commit at the latest, never as an unhandled rejection.
    this.inFlight.catch(() => undefined);
  }

  async finish(): Promise<void> {
    await this.commit();
    await this.inFlight;
    await this.send({ type: 'finish' });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

const PG_ROWS_PER_STATEMENT = 10_000;

/**
 * PostgreSQL through `pg`: rows are buffered per table and written at each commit as
 * batched INSERTs (`INSERT … SELECT * FROM unnest($1::int[], …)`), tables in foreign-key
 * order, in one transaction.
 */
export class PostgresSink implements ScaleSink {
  private readonly buffers: Buffers;

  private constructor(
    private readonly client: Client,
    private readonly shapes: TableShapes,
    private readonly indexes: Array<{ name: string; sql: string }>,
    private readonly guards: Array<{ table: string; name: string }>,
  ) {
    this.buffers = new Buffers(shapes, false);
  }

  static async open(url: string, shapes: TableShapes): Promise<PostgresSink> {
    const client = new Client({ connectionString: url });
    await client.connect();
    // Each batch is one transaction; losing the last one on a crash only means seeding again.
    await client.query('SET synchronous_commit = off');
    await client.query("SET maintenance_work_mem = '256MB'");
    // As on SQLite: secondary indexes are built once at the end with the migrations' own
    // definitions; those behind constraints (primary keys, UNIQUE) stay.
    const { rows } = await client.query<{ name: string; sql: string }>(
      `SELECT i.indexname AS name, i.indexdef AS sql FROM pg_indexes i
       WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [[...SCALE_TABLES]],
    );
    for (const i of rows) await client.query(`DROP INDEX ${quote(i.name)}`);
    const guards = await client.query<{ table: string; name: string }>(
      `SELECT c.relname AS table, t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       WHERE NOT t.tgisinternal AND c.relname = ANY($1)`,
      [['territories', 'users', 'milestones', 'assignments', 'pacts', 'beneficiaries']],
    );
    const off = guards.rows.filter((t) => lifted(t.name));
    for (const t of off)
      await client.query(`ALTER TABLE ${quote(t.table)} DISABLE TRIGGER ${quote(t.name)}`);
    return new PostgresSink(client, shapes, rows, off);
  }

  add(table: ScaleTable, record: object): void {
    this.buffers.add(table, record);
  }

  async commit(): Promise<void> {
    await this.client.query('BEGIN');
    try {
      for (const [table, rows] of this.buffers.take()) {
        // One array parameter per column, spread into rows by unnest: far cheaper to parse and
        // bind than thousands of VALUES placeholders.
        const shape = this.shapes[table];
        const columns = shape.map((c) => quote(c.column)).join(', ');
        const arrays = shape.map((c, k) => `$${k + 1}::${c.pgArray}`).join(', ');
        for (let start = 0; start < rows.length; start += PG_ROWS_PER_STATEMENT) {
          const chunk = rows.slice(start, start + PG_ROWS_PER_STATEMENT);
          await this.client.query(
            `INSERT INTO ${quote(table)} (${columns}) SELECT * FROM unnest(${arrays})`,
            shape.map((_c, k) => chunk.map((row) => row[k])),
          );
        }
      }
      await this.client.query('COMMIT');
    } catch (e) {
      await this.client.query('ROLLBACK');
      throw e;
    }
  }

  async finish(): Promise<void> {
    await this.commit();
    // The pacts' indexes first, which the retention dates are read through; the others after
    // those dates are written, so that the people's indexes (trigram ones among them) are
    // built once on their rows as they stay, not grown again by the update of every row.
    const onPacts = (i: { sql: string }) => / ON (public\.)?"?pacts"? /.test(i.sql);
    for (const i of this.indexes.filter(onPacts)) await this.client.query(i.sql);
    // Without statistics the planner takes the freshly loaded pacts for an empty table and
    // reads them all for each person.
    await this.client.query('ANALYZE "pacts"');
    await this.client.query(ALL_RETENTION);
    for (const i of this.indexes.filter((i) => !onPacts(i))) await this.client.query(i.sql);
    for (const t of this.guards)
      await this.client.query(`ALTER TABLE ${quote(t.table)} ENABLE TRIGGER ${quote(t.name)}`);
    await this.client.query(RECORDS_CHANGED);
    // Ids were given explicitly: move each serial sequence past the largest one.
    for (const table of SCALE_TABLES) {
      if (!this.shapes[table].some((c) => c.column === 'id')) continue;
      await this.client.query(
        `SELECT setval(pg_get_serial_sequence('${quote(table)}', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM ${quote(table)}), false)`,
      );
    }
    // VACUUM as well as ANALYZE: a bulk load leaves no visibility map (no index-only scans)
    // and no hint bits, which the first readers would then set, writing to the WAL, and the
    // retention update above left a dead version of every person. Autovacuum would do it
    // later, or never where it is off.
    await this.client.query('VACUUM (ANALYZE)');
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
