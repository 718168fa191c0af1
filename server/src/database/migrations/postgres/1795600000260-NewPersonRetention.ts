import { MigrationInterface, QueryRunner } from 'typeorm';
import { OPEN } from '../retention-sql';

/** The closing day of the last closed pact of the new row's household (none without one). */
const HOUSEHOLD_LAST_CLOSED = `(SELECT MAX(substr(COALESCE(p."closed_at", p."updated_at"), 1, 10)) FROM "pacts" p
   WHERE NEW."household_id" IS NOT NULL AND p."household_id" = NEW."household_id" AND p."status" NOT IN ${OPEN})`;

/**
 * A new person's retention dates are set on the row as it is inserted (BEFORE INSERT), not by
 * an UPDATE of the row just written (AFTER INSERT, migration Retention): that update wrote each
 * new person twice, every index of the people (trigram ones among them) included. 5,000 people
 * inserted into a 100,000-pact database (EXPLAIN ANALYZE): the trigger took 1.31 s before and
 * 0.83 s after, what is left being the two lookups of the household's pacts. The dates are those of
 * refreshRetention: a new person has no pact of their own yet (a pact refers to its person),
 * so only their household's pacts count.
 */
export class NewPersonRetention1795600000260 implements MigrationInterface {
  name = 'NewPersonRetention1795600000260';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION generattivi_new_beneficiary_retention() RETURNS trigger AS $$
      DECLARE last_closed character varying(10);
      BEGIN
        last_closed := ${HOUSEHOLD_LAST_CLOSED};
        NEW."last_pact_closed_on" := last_closed;
        NEW."retention_from" := CASE
          WHEN NEW."anonymised_at" IS NOT NULL THEN NULL
          WHEN NEW."household_id" IS NOT NULL AND EXISTS (SELECT 1 FROM "pacts" p
            WHERE p."household_id" = NEW."household_id" AND p."status" IN ${OPEN}) THEN NULL
          ELSE COALESCE(last_closed, substr(NEW."created_at", 1, 10))
        END;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await queryRunner.query('DROP TRIGGER "beneficiaries_retention_insert" ON "beneficiaries"');
    await queryRunner.query(
      `CREATE TRIGGER "beneficiaries_retention_insert" BEFORE INSERT ON "beneficiaries" FOR EACH ROW EXECUTE FUNCTION generattivi_new_beneficiary_retention()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "beneficiaries_retention_insert" ON "beneficiaries"');
    await queryRunner.query(
      `CREATE TRIGGER "beneficiaries_retention_insert" AFTER INSERT ON "beneficiaries" FOR EACH ROW EXECUTE FUNCTION generattivi_beneficiary_retention()`,
    );
    await queryRunner.query('DROP FUNCTION generattivi_new_beneficiary_retention()');
  }
}
