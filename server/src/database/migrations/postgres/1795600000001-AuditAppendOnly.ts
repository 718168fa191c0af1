import { MigrationInterface, QueryRunner } from 'typeorm';

/** Written by hand: the audit trail, the access log and the diary refuse UPDATE, DELETE and TRUNCATE. */
export class AuditAppendOnly1795600000001 implements MigrationInterface {
  name = 'AuditAppendOnly1795600000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION generattivi_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$ LANGUAGE plpgsql`);
    for (const table of ['audit_events', 'access_log', 'notes']) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION generattivi_append_only()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION generattivi_append_only()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_events', 'access_log', 'notes']) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS "${table}_append_only" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER IF EXISTS "${table}_no_truncate" ON "${table}"`);
    }
    await queryRunner.query('DROP FUNCTION IF EXISTS generattivi_append_only()');
  }
}
