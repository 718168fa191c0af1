import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log read as a list (GET /access-log): one user's reads newest first from an
 * index instead of a scan and a sort (newest first over the whole log uses the purge's index
 * on the time, AccessLogVia). The plain index
 * on the user goes: the new one leads with it.
 */
export class AccessLogIndexes1795600000150 implements MigrationInterface {
  name = 'AccessLogIndexes1795600000150';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_69ed07c2cbedac8c817ed8d449"');
    await queryRunner.query(
      'CREATE INDEX "IDX_access_log_actor_at" ON "access_log" ("actor_id", "at") ',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_access_log_actor_at"');
    await queryRunner.query(
      'CREATE INDEX "IDX_69ed07c2cbedac8c817ed8d449" ON "access_log" ("actor_id") ',
    );
  }
}
