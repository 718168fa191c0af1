import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spreadsheet imports (server/src/imports/): the jobs with their file, progress and report; the
 * external code (codiceEsterno) of households and pacts, unique, by which a re-import finds
 * the record it made. The columns are added in place (no rebuild of pacts, whose triggers
 * stay as they are).
 */
export class Imports1795600000160 implements MigrationInterface {
  name = 'Imports1795600000160';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "imports" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(16) NOT NULL, "status" varchar(8) NOT NULL, "dry_run" boolean NOT NULL, "created_by_id" integer NOT NULL, "file_name" varchar(255) NOT NULL, "format" varchar(4) NOT NULL, "content" text NOT NULL, "rows" integer NOT NULL DEFAULT (0), "processed" integer NOT NULL DEFAULT (0), "created" integer NOT NULL DEFAULT (0), "updated" integer NOT NULL DEFAULT (0), "unchanged" integer NOT NULL DEFAULT (0), "failed" integer NOT NULL DEFAULT (0), "results" text, "warnings" text, "lease_owner" varchar(64), "lease_until" varchar(24), "created_at" varchar(24) NOT NULL, "finished_at" varchar(24), CONSTRAINT "FK_3bc7ec4d0412ccd78d82f24e3d4" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_3bc7ec4d0412ccd78d82f24e3d" ON "imports" ("created_by_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_a878ef42dcd9dba20a38407fa4" ON "imports" ("status", "id") ',
    );
    await queryRunner.query('ALTER TABLE "households" ADD COLUMN "external_code" varchar(60)');
    await queryRunner.query('ALTER TABLE "pacts" ADD COLUMN "external_code" varchar(60)');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_9af68e46ff10d960439156d6a8" ON "households" ("external_code") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_9177e3f4a74b36551fadfaf004" ON "pacts" ("external_code") ',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_9177e3f4a74b36551fadfaf004"');
    await queryRunner.query('DROP INDEX "IDX_9af68e46ff10d960439156d6a8"');
    await queryRunner.query('ALTER TABLE "pacts" DROP COLUMN "external_code"');
    await queryRunner.query('ALTER TABLE "households" DROP COLUMN "external_code"');
    await queryRunner.query('DROP TABLE "imports"');
  }
}
