import { MigrationInterface, QueryRunner } from 'typeorm';

/** Written by hand: the audit trail, the access log and the diary refuse UPDATE and DELETE. */
export class AuditAppendOnly1795600000001 implements MigrationInterface {
  name = 'AuditAppendOnly1795600000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_events', 'access_log', 'notes']) {
      for (const op of ['UPDATE', 'DELETE']) {
        await queryRunner.query(
          `CREATE TRIGGER "${table}_no_${op.toLowerCase()}" BEFORE ${op} ON "${table}" BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
        );
      }
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_events', 'access_log', 'notes']) {
      for (const op of ['update', 'delete'])
        await queryRunner.query(`DROP TRIGGER IF EXISTS "${table}_no_${op}"`);
    }
  }
}
