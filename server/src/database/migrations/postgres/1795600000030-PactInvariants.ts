import { MigrationInterface, QueryRunner } from 'typeorm';
import { refuseOpenPactDuplicates } from '../open-pact-duplicates';

const OPEN = `('DRAFT', 'SUBMITTED', 'ACTIVE', 'SUSPENDED')`;

/**
 * Written by hand: the rules that span rows, enforced by the database (issue 10).
 * - One open pact of a type per beneficiary (AUTONOMY) or household (INCLUSION): partial
 *   unique indexes (also declared on the Pact entity).
 * - Nothing is written to the milestones or assignments of a closed pact: a trigger that
 *   reads the pact's status when the write happens (a closing writes its children first),
 *   FOR SHARE, so that it waits for a closing in flight and then sees its outcome. It fails
 *   with check_violation on the constraint `pact_closed`, which the server maps to 409.
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
    await queryRunner.query(`CREATE FUNCTION generattivi_pact_open() RETURNS trigger AS $$
      DECLARE
        ids integer[];
        closed integer;
      BEGIN
        -- Every pact row concerned is locked (not only closed ones: a row that does not match
        -- is skipped without waiting), so a closing in flight is waited for and then seen.
        IF TG_OP = 'INSERT' THEN ids := ARRAY[NEW.pact_id];
        ELSIF TG_OP = 'DELETE' THEN ids := ARRAY[OLD.pact_id];
        ELSE ids := ARRAY[OLD.pact_id, NEW.pact_id];
        END IF;
        SELECT MIN(l.id) FILTER (WHERE l.status IN ('COMPLETED', 'TERMINATED', 'CANCELLED'))
          INTO closed
          FROM (SELECT p.id, p.status FROM pacts p WHERE p.id = ANY(ids) ORDER BY p.id FOR SHARE) l;
        IF closed IS NOT NULL THEN
          RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'pact_closed',
            MESSAGE = format('pact %s is closed: its %s are read-only', closed, TG_TABLE_NAME);
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    for (const table of ['milestones', 'assignments'])
      await queryRunner.query(
        `CREATE TRIGGER "${table}_pact_open" BEFORE INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION generattivi_pact_open()`,
      );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['milestones', 'assignments'])
      await queryRunner.query(`DROP TRIGGER IF EXISTS "${table}_pact_open" ON "${table}"`);
    await queryRunner.query('DROP FUNCTION IF EXISTS generattivi_pact_open()');
    await queryRunner.query('DROP INDEX "UQ_pacts_open_inclusion"');
    await queryRunner.query('DROP INDEX "UQ_pacts_open_autonomy"');
  }
}
