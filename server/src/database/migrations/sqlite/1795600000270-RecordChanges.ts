import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose rows the result cache's computations read (reports, alerts, their scope). */
const TABLES = ['territories', 'users', 'pacts', 'milestones'] as const;
const OPERATIONS = ['insert', 'update', 'delete'] as const;

/**
 * `record_changes`: one row whose `n` every write of a row of TABLES moves, in the writer's
 * transaction (a trigger per table and operation). The result cache (common/result-cache.ts)
 * keeps an answer while `n` is unchanged, so that the access log, the audit trail, the mail
 * outbox and the other bookkeeping leave it alone, and a commit of another connection or
 * process to those tables is seen as soon as it is visible.
 *
 * A later migration that rebuilds one of TABLES (SQLite's temporary_ / DROP / RENAME) drops
 * its triggers with the old table: it must create them again (test/api/result-cache).
 */
export class RecordChanges1795600000270 implements MigrationInterface {
  name = 'RecordChanges1795600000270';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "record_changes" ("id" integer PRIMARY KEY NOT NULL CHECK ("id" = 1), "n" integer NOT NULL)',
    );
    await queryRunner.query('INSERT INTO "record_changes" ("id", "n") VALUES (1, 0)');
    for (const table of TABLES)
      for (const op of OPERATIONS)
        await queryRunner.query(
          `CREATE TRIGGER "${table}_record_changes_${op}" AFTER ${op.toUpperCase()} ON "${table}"
           BEGIN UPDATE "record_changes" SET "n" = "n" + 1 WHERE "id" = 1; END`,
        );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES)
      for (const op of OPERATIONS)
        await queryRunner.query(`DROP TRIGGER IF EXISTS "${table}_record_changes_${op}"`);
    await queryRunner.query('DROP TABLE "record_changes"');
  }
}
