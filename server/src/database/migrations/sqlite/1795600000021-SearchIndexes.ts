import { MigrationInterface, QueryRunner } from 'typeorm';
import { SEARCH_INDEXED, searchTable } from '../search-tables';

const quote = (name: string) => `"${name}"`;

/**
 * Written by hand: free-text search through FTS5 trigram indexes (substrings of 3 characters
 * or more, case- and accent-insensitive), one external-content table per big table, kept by
 * triggers in the writer's transaction. The seed drops the triggers while it loads and
 * rebuilds the index at the end (scale-sink.ts).
 *
 * A later migration that rebuilds one of these tables (SQLite's temporary_x / DROP / RENAME)
 * drops its triggers with the old table: it must create them again and `rebuild` the index.
 */
export function searchTriggers(table: string, columns: readonly string[]): string[] {
  const fts = quote(searchTable(table));
  const cols = columns.map(quote).join(', ');
  const values = (row: 'NEW' | 'OLD') => columns.map((c) => `${row}.${quote(c)}`).join(', ');
  const remove = `INSERT INTO ${fts} (${fts}, rowid, ${cols}) VALUES ('delete', OLD."id", ${values('OLD')});`;
  const add = `INSERT INTO ${fts} (rowid, ${cols}) VALUES (NEW."id", ${values('NEW')});`;
  return [
    `CREATE TRIGGER ${quote(`${table}_search_insert`)} AFTER INSERT ON ${quote(table)} BEGIN ${add} END`,
    `CREATE TRIGGER ${quote(`${table}_search_delete`)} AFTER DELETE ON ${quote(table)} BEGIN ${remove} END`,
    `CREATE TRIGGER ${quote(`${table}_search_update`)} AFTER UPDATE OF ${cols} ON ${quote(table)} BEGIN ${remove} ${add} END`,
  ];
}

export class SearchIndexes1795600000021 implements MigrationInterface {
  name = 'SearchIndexes1795600000021';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, columns] of Object.entries(SEARCH_INDEXED)) {
      const fts = quote(searchTable(table));
      await queryRunner.query(
        `CREATE VIRTUAL TABLE ${fts} USING fts5(${columns.map(quote).join(', ')}, content='${table}', content_rowid='id', tokenize='trigram remove_diacritics 1')`,
      );
      for (const sql of searchTriggers(table, columns)) await queryRunner.query(sql);
      await queryRunner.query(`INSERT INTO ${fts} (${fts}) VALUES ('rebuild')`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of Object.keys(SEARCH_INDEXED)) {
      for (const op of ['insert', 'delete', 'update'])
        await queryRunner.query(`DROP TRIGGER IF EXISTS "${table}_search_${op}"`);
      await queryRunner.query(`DROP TABLE IF EXISTS ${quote(searchTable(table))}`);
    }
  }
}
