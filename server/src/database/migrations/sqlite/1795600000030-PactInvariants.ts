import { MigrationInterface, QueryRunner } from 'typeorm';
import { refuseOpenPactDuplicates } from '../open-pact-duplicates';

const OPEN = `('DRAFT', 'SUBMITTED', 'ACTIVE', 'SUSPENDED')`;
const CLOSED = `('COMPLETED', 'TERMINATED', 'CANCELLED')`;
const closed = (row: 'NEW' | 'OLD') =>
  `(SELECT "status" FROM "pacts" WHERE "id" = ${row}."pact_id") IN ${CLOSED}`;

/**
 * Written by hand: the rules that span rows, enforced by the database (issue 10).
 * - One open pact of a type per beneficiary (AUTONOMY) or household (INCLUSION): partial
 *   unique indexes (also declared on the Pact entity).
 * - Nothing is written to the milestones or assignments of a closed pact: triggers that look
 *   at the pact's status when the write happens (a closing writes its children first).
 *   The message starts with the constraint name, `pact_closed`, which the server maps to 409.
 */
export class PactInvariants1795600000030 implements MigrationInterface {
  name = 'PactInvariants1795600000030';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await refuseOpenPactDuplicates(queryRunner);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_pacts_open_autonomy" ON "pacts" ("beneficiary_id") WHERE "type" = 'AUTONOMY' AND "status" IN ${OPEN}`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_pacts_open_inclusion" ON "pacts" ("household_id") WHERE "type" = 'INCLUSION' AND "status" IN ${OPEN}`,
    );
    for (const table of ['milestones', 'assignments']) {
      const refuse = `BEGIN SELECT RAISE(ABORT, 'pact_closed: the pact is closed: its ${table} are read-only'); END`;
      await queryRunner.query(
        `CREATE TRIGGER "${table}_pact_open_insert" BEFORE INSERT ON "${table}" WHEN ${closed('NEW')} ${refuse}`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_pact_open_update" BEFORE UPDATE ON "${table}" WHEN ${closed('OLD')} OR ${closed('NEW')} ${refuse}`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_pact_open_delete" BEFORE DELETE ON "${table}" WHEN ${closed('OLD')} ${refuse}`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['milestones', 'assignments'])
      for (const op of ['insert', 'update', 'delete'])
        await queryRunner.query(`DROP TRIGGER IF EXISTS "${table}_pact_open_${op}"`);
    await queryRunner.query('DROP INDEX "UQ_pacts_open_inclusion"');
    await queryRunner.query('DROP INDEX "UQ_pacts_open_autonomy"');
  }
}
