import { MigrationInterface, QueryRunner } from 'typeorm';
import { SEARCH_INDEXED } from '../search-tables';

/**
 * Written by hand: free-text search through GIN trigram indexes (pg_trgm) on the folded text
 * (lower case, accents removed by unaccent) of each searched column of the big tables.
 * `unaccent` is only STABLE (its dictionary could change), so an IMMUTABLE wrapper with the
 * dictionary named makes it indexable; the list queries call the same function.
 */
export class SearchIndexes1795600000021 implements MigrationInterface {
  name = 'SearchIndexes1795600000021';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    const schema = (
      (await queryRunner.query(
        "SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'",
      )) as Array<{ schema: string }>
    )[0].schema;
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION generattivi_fold(text) RETURNS text
       LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
       AS $$ SELECT lower("${schema}".unaccent('"${schema}".unaccent'::regdictionary, $1)) $$`,
    );
    for (const [table, columns] of Object.entries(SEARCH_INDEXED)) {
      for (const column of columns) {
        await queryRunner.query(
          `CREATE INDEX "IDX_search_${table}_${column}" ON "${table}" USING gin (generattivi_fold("${column}") gin_trgm_ops)`,
        );
      }
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, columns] of Object.entries(SEARCH_INDEXED)) {
      for (const column of columns)
        await queryRunner.query(`DROP INDEX IF EXISTS "IDX_search_${table}_${column}"`);
    }
    await queryRunner.query('DROP FUNCTION IF EXISTS generattivi_fold(text)');
  }
}
