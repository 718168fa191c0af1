import Database from 'better-sqlite3';
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
}
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

/**
 * SQLite through better-sqlite3: one prepared INSERT per table, one transaction per batch.
 * While loading, the rollback journal is kept in memory and nothing is synced (a crash
 * means deleting the file and seeding again); at the end the database is back in WAL
 * mode, and the server sets its own pragmas on every connection.
 */
export class SqliteSink implements ScaleSink {
  private readonly db: Database.Database;
  private readonly statements = new Map<ScaleTable, Database.Statement>();
  private indexes: Array<{ name: string; sql: string }> = [];

  constructor(
    path: string,
    private readonly shapes: TableShapes,
  ) {
    this.db = new Database(path, { fileMustExist: true });
    this.db.pragma('journal_mode = MEMORY');
    this.db.pragma('synchronous = OFF');
    // Secondary indexes are built once at the end, from sorted data, with the very SQL the
    // migrations used (constraint indexes, such as the unique audit hash, stay).
    this.indexes = this.db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
      .all() as Array<{ name: string; sql: string }>;
    for (const i of this.indexes) this.db.exec(`DROP INDEX ${quote(i.name)}`);
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('threads = 2'); // helper threads for the sorts of CREATE INDEX
    this.db.pragma('cache_size = -1048576'); // 1 GiB: the unique hash index is written at random
    this.db.pragma('temp_store = MEMORY');
    this.db.pragma('wal_autocheckpoint = 20000');
    this.db.exec('BEGIN');
  }

  add(table: ScaleTable, record: object): void {
    const shape = this.shapes[table];
    let statement = this.statements.get(table);
    if (!statement) {
      statement = this.db.prepare(
        `INSERT INTO ${quote(table)} (${shape.map((c) => quote(c.column)).join(', ')}) VALUES (${shape.map(() => '?').join(', ')})`,
      );
      this.statements.set(table, statement);
    }
    const r = record as Record<string, unknown>;
    statement.run(shape.map((c) => value(c, r[c.property], true)));
  }

  async commit(): Promise<void> {
    this.db.exec('COMMIT');
    this.db.exec('BEGIN');
  }

  async finish(): Promise<void> {
    this.db.exec('COMMIT');
    this.db.exec('BEGIN');
    for (const i of this.indexes) this.db.exec(i.sql);
    this.db.exec('COMMIT');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.db.close();
  }
}

/** Parameters per statement: PostgreSQL allows 65,535. */
const PG_MAX_PARAMETERS = 60_000;
const PG_MAX_ROWS = 2_000;

/**
 * PostgreSQL through `pg`: rows are buffered per table and written at each commit as
 * multi-row INSERTs, tables in foreign-key order, in one transaction.
 */
export class PostgresSink implements ScaleSink {
  private readonly buffers = new Map<ScaleTable, unknown[][]>();

  private constructor(
    private readonly client: Client,
    private readonly shapes: TableShapes,
  ) {}

  static async open(url: string, shapes: TableShapes): Promise<PostgresSink> {
    const client = new Client({ connectionString: url });
    await client.connect();
    // Each batch is one transaction; losing the last one on a crash only means seeding again.
    await client.query('SET synchronous_commit = off');
    return new PostgresSink(client, shapes);
  }

  add(table: ScaleTable, record: object): void {
    const r = record as Record<string, unknown>;
    let rows = this.buffers.get(table);
    if (!rows) this.buffers.set(table, (rows = []));
    rows.push(this.shapes[table].map((c) => value(c, r[c.property], false)));
  }

  async commit(): Promise<void> {
    await this.client.query('BEGIN');
    try {
      for (const table of SCALE_TABLES) {
        const rows = this.buffers.get(table);
        if (!rows?.length) continue;
        const columns = this.shapes[table].map((c) => quote(c.column)).join(', ');
        const width = this.shapes[table].length;
        const perStatement = Math.min(PG_MAX_ROWS, Math.floor(PG_MAX_PARAMETERS / width));
        for (let start = 0; start < rows.length; start += perStatement) {
          const chunk = rows.slice(start, start + perStatement);
          const tuples = chunk.map(
            (_row, r) =>
              `(${Array.from({ length: width }, (_c, k) => `$${r * width + k + 1}`).join(', ')})`,
          );
          await this.client.query(
            `INSERT INTO ${quote(table)} (${columns}) VALUES ${tuples.join(', ')}`,
            chunk.flat(),
          );
        }
        rows.length = 0;
      }
      await this.client.query('COMMIT');
    } catch (e) {
      await this.client.query('ROLLBACK');
      throw e;
    }
  }

  async finish(): Promise<void> {
    await this.commit();
    // Ids were given explicitly: move each serial sequence past the largest one.
    for (const table of SCALE_TABLES) {
      if (!this.shapes[table].some((c) => c.column === 'id')) continue;
      await this.client.query(
        `SELECT setval(pg_get_serial_sequence('${quote(table)}', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM ${quote(table)}), false)`,
      );
    }
    await this.client.query('ANALYZE');
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
