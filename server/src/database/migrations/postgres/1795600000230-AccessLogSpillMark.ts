import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How far each spill file of the access log was moved into it (access-log-spill.ts). The
 * spill exists on SQLite only; the table is on both engines, as its entity.
 */
export class AccessLogSpillMark1795600000230 implements MigrationInterface {
  name = 'AccessLogSpillMark1795600000230';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "access_log_spill_mark" ("generation" varchar(64) PRIMARY KEY NOT NULL, "mark" integer NOT NULL)',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "access_log_spill_mark"');
  }
}
