import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  ANONYMISED_REFUSAL,
  CONCERNED,
  NOTE_ERASURE,
  opensPactOfAnonymised,
  refreshRetention,
} from '../retention-sql';

const BENEFICIARY_COLUMNS = ['anonymised_at', 'last_pact_closed_on', 'retention_from'];

/**
 * Generated for the columns and the lease table (written as ADD COLUMN, so that the
 * beneficiaries' search triggers stay); the triggers and the backfill written by hand.
 * The pacts' triggers keep each person's retention dates in the writer's transaction and
 * refuse an open pact for an anonymised person; a diary note stays append-only except for
 * its erasure (retention-sql.ts).
 */
export class Retention1795600000130 implements MigrationInterface {
  name = 'Retention1795600000130';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`INSERT INTO "job_leases" ("name") VALUES ('retention')`);
    await queryRunner.query('ALTER TABLE "beneficiaries" ADD COLUMN "anonymised_at" varchar(24)');
    await queryRunner.query(
      'ALTER TABLE "beneficiaries" ADD COLUMN "last_pact_closed_on" varchar(10)',
    );
    await queryRunner.query('ALTER TABLE "beneficiaries" ADD COLUMN "retention_from" varchar(10)');
    await queryRunner.query('ALTER TABLE "documents" ADD COLUMN "erased_at" varchar(24)');
    await queryRunner.query(
      'CREATE INDEX "IDX_beneficiaries_retention" ON "beneficiaries" ("retention_from", "id") ',
    );
    const refuse = `BEGIN SELECT RAISE(ABORT, '${ANONYMISED_REFUSAL}'); END`;
    await queryRunner.query(
      `CREATE TRIGGER "pacts_anonymised_insert" BEFORE INSERT ON "pacts" WHEN ${opensPactOfAnonymised('NEW')} ${refuse}`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "pacts_anonymised_update" BEFORE UPDATE OF "status", "beneficiary_id" ON "pacts" WHEN ${opensPactOfAnonymised('NEW')} ${refuse}`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "pacts_retention_insert" AFTER INSERT ON "pacts"
       BEGIN ${refreshRetention(CONCERNED('NEW'))}; END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "pacts_retention_delete" AFTER DELETE ON "pacts"
       BEGIN ${refreshRetention(CONCERNED('OLD'))}; END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "pacts_retention_update" AFTER UPDATE OF "status", "closed_at", "beneficiary_id", "household_id" ON "pacts"
       BEGIN ${refreshRetention(`${CONCERNED('OLD')} OR ${CONCERNED('NEW')}`)}; END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "beneficiaries_retention_insert" AFTER INSERT ON "beneficiaries"
       BEGIN ${refreshRetention('"id" = NEW."id"')}; END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "beneficiaries_retention_household" AFTER UPDATE OF "household_id" ON "beneficiaries"
       WHEN OLD."household_id" IS NOT NEW."household_id"
       BEGIN ${refreshRetention('"id" = NEW."id"')}; END`,
    );
    await queryRunner.query('DROP TRIGGER "notes_no_update"');
    await queryRunner.query(
      `CREATE TRIGGER "notes_no_update" BEFORE UPDATE ON "notes" WHEN NOT (${NOTE_ERASURE})
       BEGIN SELECT RAISE(ABORT, 'notes is append-only'); END`,
    );
    await queryRunner.query(refreshRetention('1 = 1'));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "notes_no_update"');
    await queryRunner.query(
      `CREATE TRIGGER "notes_no_update" BEFORE UPDATE ON "notes" BEGIN SELECT RAISE(ABORT, 'notes is append-only'); END`,
    );
    for (const trigger of [
      'beneficiaries_retention_household',
      'beneficiaries_retention_insert',
      'pacts_retention_update',
      'pacts_retention_delete',
      'pacts_retention_insert',
      'pacts_anonymised_update',
      'pacts_anonymised_insert',
    ])
      await queryRunner.query(`DROP TRIGGER "${trigger}"`);
    await queryRunner.query('DROP INDEX "IDX_beneficiaries_retention"');
    await queryRunner.query('ALTER TABLE "documents" DROP COLUMN "erased_at"');
    for (const column of BENEFICIARY_COLUMNS.slice().reverse())
      await queryRunner.query(`ALTER TABLE "beneficiaries" DROP COLUMN "${column}"`);
  }
}
