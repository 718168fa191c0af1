import { MigrationInterface, QueryRunner } from 'typeorm';

/** The row of the daily digest job in `job_leases` (server/src/digest/digest-job.ts). */
export class DigestJob1795600000211 implements MigrationInterface {
  name = 'DigestJob1795600000211';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`INSERT INTO "job_leases" ("name") VALUES ('digest')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "job_leases" WHERE "name" = 'digest'`);
  }
}
